import type { Prescription, Prescriber } from '../../../lib/model/collection';

export interface PrescriberFieldsProps {
  prescription: Prescription;
  onChange: (patch: Partial<Pick<Prescription, 'title' | 'condition' | 'patientName'>>) => void;
  onPrescriber: (prescriber: Prescriber) => void;
}

/** Title, condition, the header the professional sets once, and (on an issued copy) the patient's name. */
export function PrescriberFields({ prescription, onChange, onPrescriber }: PrescriberFieldsProps) {
  const { prescriber } = prescription;
  const header = (key: keyof Prescriber, label: string, placeholder: string) => (
    <div>
      <label for={`hc-prescriber-${key}`}>{label}</label>
      <input id={`hc-prescriber-${key}`} type="text" maxLength={200} placeholder={placeholder} value={prescriber[key]} onInput={(e) => onPrescriber({ ...prescriber, [key]: e.currentTarget.value })} />
    </div>
  );
  return (
    <>
      <section class="hc-panel hc-section" aria-labelledby="hc-about-heading">
        <h2 id="hc-about-heading">About this prescription</h2>
        <label for="hc-list-title">Title</label>
        <input id="hc-list-title" type="text" maxLength={200} required placeholder="For example: Type 2 diabetes: first weeks" value={prescription.title} onInput={(e) => onChange({ title: e.currentTarget.value })} />
        <label for="hc-condition">Condition</label>
        <input id="hc-condition" type="text" maxLength={200} placeholder="For example: Type 2 diabetes" value={prescription.condition} onInput={(e) => onChange({ condition: e.currentTarget.value })} />
        {prescription.isTemplate ? null : (
          <>
            <label for="hc-patient-name">Patient’s name (optional)</label>
            <input id="hc-patient-name" type="text" maxLength={200} value={prescription.patientName ?? ''} onInput={(e) => onChange({ patientName: e.currentTarget.value })} />
          </>
        )}
      </section>
      <section class="hc-panel hc-section" aria-labelledby="hc-header-heading">
        <h2 id="hc-header-heading">Your header</h2>
        <p class="hc-hint">Printed at the top. New templates start with the header you used last.</p>
        <div class="hc-grid-3">
          {header('service', 'Service or practice', 'For example: Riverside Surgery')}
          {header('clinician', 'Clinician', 'For example: Sam Okafor, practice nurse')}
          {header('contact', 'Contact line', 'For example: 01632 960 000, weekdays 8am to 6pm')}
        </div>
      </section>
    </>
  );
}
