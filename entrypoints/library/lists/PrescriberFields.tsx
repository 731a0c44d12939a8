import type { Prescription, Prescriber } from '../../../lib/model/collection';
import { t } from '../../../lib/i18n';

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
        <h2 id="hc-about-heading">{t('lists.prescription.aboutHeading')}</h2>
        <label for="hc-list-title">{t('lists.prescription.title')}</label>
        <input id="hc-list-title" type="text" maxLength={200} required placeholder={t('lists.prescription.titlePlaceholder')} value={prescription.title} onInput={(e) => onChange({ title: e.currentTarget.value })} />
        <label for="hc-condition">{t('lists.prescription.condition')}</label>
        <input id="hc-condition" type="text" maxLength={200} placeholder={t('lists.prescription.conditionPlaceholder')} value={prescription.condition} onInput={(e) => onChange({ condition: e.currentTarget.value })} />
        {prescription.isTemplate ? null : (
          <>
            <label for="hc-patient-name">{t('lists.prescription.patientName')}</label>
            <input id="hc-patient-name" type="text" maxLength={200} value={prescription.patientName ?? ''} onInput={(e) => onChange({ patientName: e.currentTarget.value })} />
          </>
        )}
      </section>
      <section class="hc-panel hc-section" aria-labelledby="hc-header-heading">
        <h2 id="hc-header-heading">{t('lists.prescription.headerHeading')}</h2>
        <p class="hc-hint">{t('lists.prescription.headerHint')}</p>
        <div class="hc-grid-3">
          {header('service', t('lists.prescription.service'), t('lists.prescription.servicePlaceholder'))}
          {header('clinician', t('lists.prescription.clinician'), t('lists.prescription.clinicianPlaceholder'))}
          {header('contact', t('lists.prescription.contact'), t('lists.prescription.contactPlaceholder'))}
        </div>
      </section>
    </>
  );
}
