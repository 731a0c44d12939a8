import { formatCalendarDate } from '../../../lib/consult/format';
import type { Appointment, ReadingList } from '../../../lib/model/collection';
import { t } from '../../../lib/i18n';

export interface AppointmentSectionProps {
  list: ReadingList;
  readOnly: boolean;
  onTitle: (title: string) => void;
  onAppointment: (appointment: Appointment, immediate: boolean) => void;
  onWhatMatters: (text: string) => void;
}

/** Drops empty fields, so a cleared date is no date rather than an empty string the schema refuses. */
function withField(appointment: Appointment, key: keyof Appointment, value: string): Appointment {
  const next = { ...appointment };
  if (value.trim()) next[key] = value;
  else delete next[key];
  return next;
}

/** The list's name, the appointment (date, with whom, current medicines) and "what matters to me". */
export function AppointmentSection({ list, readOnly, onTitle, onAppointment, onWhatMatters }: AppointmentSectionProps) {
  const { appointment } = list;
  if (readOnly) {
    return (
      <section class="hc-panel hc-section" aria-labelledby="hc-appointment-heading">
        <h2 id="hc-appointment-heading">{t('lists.appointment.heading')}</h2>
        <dl class="hc-facts">
          <dt>{t('lists.appointment.date')}</dt><dd>{formatCalendarDate(appointment.date) || t('lists.appointment.notSet')}</dd>
          <dt>{t('lists.appointment.with')}</dt><dd>{appointment.with || t('lists.appointment.notSet')}</dd>
          <dt>{t('lists.appointment.medicines')}</dt><dd class="hc-pre">{appointment.medicines || t('lists.appointment.notSet')}</dd>
        </dl>
        <h3>{t('lists.appointment.whatMatters')}</h3>
        <p class="hc-pre">{list.whatMatters || t('lists.appointment.nothingWritten')}</p>
      </section>
    );
  }
  return (
    <section class="hc-panel hc-section" aria-labelledby="hc-appointment-heading">
      <h2 id="hc-appointment-heading">{t('lists.appointment.heading')}</h2>
      <label for="hc-list-title">{t('lists.appointment.listName')}</label>
      <input id="hc-list-title" type="text" maxLength={200} required value={list.title} onInput={(e) => onTitle(e.currentTarget.value)} />
      <div class="hc-grid-2">
        <div>
          <label for="hc-appointment-date">{t('lists.appointment.dateField')}</label>
          <input id="hc-appointment-date" type="date" value={appointment.date ?? ''} onChange={(e) => onAppointment(withField(appointment, 'date', e.currentTarget.value), true)} />
        </div>
        <div>
          <label for="hc-appointment-with">{t('lists.appointment.withField')}</label>
          <input id="hc-appointment-with" type="text" maxLength={200} placeholder={t('lists.appointment.withPlaceholder')} value={appointment.with ?? ''} onInput={(e) => onAppointment(withField(appointment, 'with', e.currentTarget.value), false)} />
        </div>
      </div>
      <label for="hc-appointment-medicines">{t('lists.appointment.medicinesField')}</label>
      <textarea id="hc-appointment-medicines" rows={3} maxLength={4000} aria-describedby="hc-medicines-hint" value={appointment.medicines ?? ''} onInput={(e) => onAppointment(withField(appointment, 'medicines', e.currentTarget.value), false)} />
      <p id="hc-medicines-hint" class="hc-hint">{t('lists.appointment.medicinesHint')}</p>
      <label for="hc-what-matters">{t('lists.appointment.whatMatters')}</label>
      <textarea
        id="hc-what-matters"
        rows={4}
        maxLength={4000}
        aria-describedby="hc-what-matters-hint"
        placeholder={t('lists.appointment.whatMattersPlaceholder')}
        value={list.whatMatters}
        onInput={(e) => onWhatMatters(e.currentTarget.value)}
      />
      <p id="hc-what-matters-hint" class="hc-hint">{t('lists.appointment.whatMattersHint')}</p>
    </section>
  );
}
