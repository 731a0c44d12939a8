import { formatCalendarDate } from '../../../lib/consult/format';
import type { Appointment, ReadingList } from '../../../lib/model/collection';

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
        <h2 id="hc-appointment-heading">The appointment</h2>
        <dl class="hc-facts">
          <dt>Date</dt><dd>{formatCalendarDate(appointment.date) || 'Not set'}</dd>
          <dt>With</dt><dd>{appointment.with || 'Not set'}</dd>
          <dt>My medicines</dt><dd class="hc-pre">{appointment.medicines || 'Not set'}</dd>
        </dl>
        <h3>What matters to me</h3>
        <p class="hc-pre">{list.whatMatters || 'Nothing written.'}</p>
      </section>
    );
  }
  return (
    <section class="hc-panel hc-section" aria-labelledby="hc-appointment-heading">
      <h2 id="hc-appointment-heading">The appointment</h2>
      <label for="hc-list-title">Name of this list</label>
      <input id="hc-list-title" type="text" maxLength={200} required value={list.title} onInput={(e) => onTitle(e.currentTarget.value)} />
      <div class="hc-grid-2">
        <div>
          <label for="hc-appointment-date">Date of the appointment (optional)</label>
          <input id="hc-appointment-date" type="date" value={appointment.date ?? ''} onChange={(e) => onAppointment(withField(appointment, 'date', e.currentTarget.value), true)} />
        </div>
        <div>
          <label for="hc-appointment-with">Who it is with (optional)</label>
          <input id="hc-appointment-with" type="text" maxLength={200} placeholder="For example: Dr Patel, GP" value={appointment.with ?? ''} onInput={(e) => onAppointment(withField(appointment, 'with', e.currentTarget.value), false)} />
        </div>
      </div>
      <label for="hc-appointment-medicines">Medicines I take now (optional)</label>
      <textarea id="hc-appointment-medicines" rows={3} maxLength={4000} aria-describedby="hc-medicines-hint" value={appointment.medicines ?? ''} onInput={(e) => onAppointment(withField(appointment, 'medicines', e.currentTarget.value), false)} />
      <p id="hc-medicines-hint" class="hc-hint">Names and doses as you know them, including anything you buy yourself.</p>
      <label for="hc-what-matters">What matters to me</label>
      <textarea
        id="hc-what-matters"
        rows={4}
        maxLength={4000}
        aria-describedby="hc-what-matters-hint"
        placeholder="For example: I want to keep walking the dog every morning, and I am worried about having a hypo while driving."
        value={list.whatMatters}
        onInput={(e) => onWhatMatters(e.currentTarget.value)}
      />
      <p id="hc-what-matters-hint" class="hc-hint">Your goals in your own words: what you want to be able to do, and what worries you.</p>
    </section>
  );
}
