import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import './lists.css';
import { UndoToast } from '../../../components/UndoToast';
import { useObservable } from '../../../components/hooks/use-observable';
import { formatCalendarDate, formatDay } from '../../../lib/consult/format';
import { groupLists } from '../../../lib/consult/list-overview';
import { nextAppointmentTitle } from '../../../lib/db/collection-store';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { Collection, Prescription, ReadingList } from '../../../lib/model/collection';
import { prescriberSetting } from '../../../lib/settings/settings';
import { listHref } from '../use-hash-route';
import { IssuedCopies } from './IssuedCopies';

export interface ListsViewProps {
  repo: LibraryRepository;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `#lists`: reading lists being prepared, kept records, prescription templates with their issued copies, and collections. */
export function ListsView({ repo }: ListsViewProps) {
  const { value: all, error: readError } = useObservable(() => repo.collections.observeList(), []);
  const [deleted, setDeleted] = useState<Collection | undefined>();
  const [error, setError] = useState<string | undefined>();
  const groups = groupLists(all ?? []);

  const create = async (input: Record<string, unknown>) => {
    const result = await repo.collections.create(input);
    if (!result.ok) setError(result.error.message);
    else location.hash = listHref(result.value.id);
  };
  const newReadingList = () => create({ kind: 'reading-list', title: nextAppointmentTitle() });
  const newCollection = () => create({ kind: 'collection', title: 'New collection' });
  const collections = (all ?? []).filter((c) => c.kind === 'collection').sort((a, b) => a.title.localeCompare(b.title));
  const newTemplate = async () => create({ kind: 'prescription', title: 'New prescription template', prescriber: await prescriberSetting.getValue() });
  const remove = async (id: string) => {
    const result = await repo.collections.delete(id);
    if (!result.ok) setError(result.error.message);
    else {
      setError(undefined);
      setDeleted(result.value);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    const result = await repo.collections.restore(deleted);
    setDeleted(undefined);
    if (!result.ok) setError(result.error.message);
  };
  const deleteButton = (c: Collection, label = `Delete ${c.title}`) => (
    <button type="button" class="hc-danger" aria-label={label} onClick={() => void remove(c.id)}>Delete</button>
  );
  const appointmentOf = (list: ReadingList) => (list.appointment.date ? `Appointment ${formatCalendarDate(list.appointment.date)}` : undefined);
  const readingRow = (list: ReadingList, detail: string, deleteLabel?: string) => (
    <li key={list.id} class="hc-row" data-list-id={list.id}>
      <div>
        <a class="hc-row__title" href={listHref(list.id)}>{list.title}</a>
        <div class="hc-row__meta">
          <span>{count(list.items.length, 'item')}</span>
          <span>{count(list.questions.length, 'question')}</span>
          <span>{detail}</span>
        </div>
      </div>
      <div>{deleteButton(list, deleteLabel)}</div>
    </li>
  );
  const templateRow = (template: Prescription, issued: Prescription[]) => (
    <li key={template.id} class="hc-row" data-list-id={template.id}>
      <div>
        <a class="hc-row__title" href={listHref(template.id)}>{template.title}</a>
        <div class="hc-row__meta">
          {template.condition ? <span>{template.condition}</span> : null}
          <span>{count(template.items.length, 'item')}</span>
          <span>{count(template.support.length, 'support entry', 'support entries')}</span>
        </div>
        {issued.length ? <p class="hc-issued__label">Issued copies:</p> : null}
        <IssuedCopies copies={issued} onDelete={(id) => void remove(id)} />
      </div>
      <div>{deleteButton(template)}</div>
    </li>
  );

  return (
    <main>
      <p><a href="#">Back to your library</a></p>
      <h1>Collections, appointments and prescriptions</h1>
      {error ? <StatusMessage tone="error">{error}</StatusMessage> : null}
      {readError ? <StatusMessage tone="error">Your lists could not be read. Reload this page.</StatusMessage> : null}

      <section aria-labelledby="hc-open-heading">
        <h2 id="hc-open-heading">Preparing for an appointment</h2>
        <p class="hc-hint">Gather what you have read, the questions you want to ask and what matters to you, then print it or copy it into a message.</p>
        <div class="hc-actions">
          <button type="button" class="hc-primary" onClick={() => void newReadingList()}>New reading list</button>
        </div>
        {all === undefined ? <p role="status">Loading…</p> : groups.open.length ? (
          <ul class="hc-list" aria-label="Reading lists being prepared">
            {groups.open.map((l) => readingRow(l, appointmentOf(l) ?? `Changed ${formatDay(l.updatedAt)}`))}
          </ul>
        ) : (
          <p class="hc-muted">No reading lists yet. Start one here, or use “Add to my next appointment” in the Health Clipper button on any page.</p>
        )}
      </section>

      <section aria-labelledby="hc-records-heading">
        <h2 id="hc-records-heading">Records of past appointments</h2>
        {groups.records.length ? (
          <ul class="hc-list" aria-label="Records of past appointments">
            {groups.records.map((l) => {
              const kept = `Kept on ${formatDay(l.recordedAt)}`;
              return readingRow(l, [appointmentOf(l), kept].filter(Boolean).join(' · '), `Delete the record ${l.title}, kept on ${formatDay(l.recordedAt)}`);
            })}
          </ul>
        ) : (
          <p class="hc-muted">None yet. After an appointment, keep its list as a dated record.</p>
        )}
      </section>

      <section aria-labelledby="hc-prescriptions-heading">
        <h2 id="hc-prescriptions-heading">Information prescriptions</h2>
        <p class="hc-hint">For professionals: a template per condition, issued to each patient as a dated copy.</p>
        <div class="hc-actions">
          <button type="button" onClick={() => void newTemplate()}>New prescription template</button>
        </div>
        {groups.templates.length || groups.orphans.length ? (
          <ul class="hc-list" aria-label="Prescription templates">
            {groups.templates.map(({ template, issued }) => templateRow(template, issued))}
            {groups.orphans.length ? (
              <li class="hc-row">
                <div>
                  <span class="hc-row__title">Issued from templates since deleted</span>
                  <IssuedCopies copies={groups.orphans} onDelete={(id) => void remove(id)} />
                </div>
              </li>
            ) : null}
          </ul>
        ) : (
          <p class="hc-muted">No prescription templates yet.</p>
        )}
      </section>
      <section aria-labelledby="hc-collections-heading">
        <h2 id="hc-collections-heading">Collections</h2>
        <p class="hc-hint">Lists of pages and highlights with your notes, to keep or to share with a group. A page can be in as many collections as you like.</p>
        <div class="hc-actions">
          <button type="button" onClick={() => void newCollection()}>New collection</button>
          <a class="hc-button" href="#import">Import a collection file</a>
          <a class="hc-button" href="#subscriptions">Collections you follow</a>
        </div>
        {collections.length ? (
          <ul class="hc-list" aria-label="Collections">
            {collections.map((c) => (
              <li key={c.id} class="hc-row" data-list-id={c.id}>
                <div>
                  <a class="hc-row__title" href={listHref(c.id)}>{c.title}</a>
                  <div class="hc-row__meta">
                    <span>{count(c.items.length, 'item')}</span>
                    {c.items.some((i) => i.provenance) ? <span>Imported</span> : null}
                    {c.subscription ? <span>Followed from {new URL(c.subscription.url).host}</span> : null}
                    <span>Changed {formatDay(c.updatedAt)}</span>
                  </div>
                </div>
                <div>{deleteButton(c)}</div>
              </li>
            ))}
          </ul>
        ) : all === undefined ? null : (
          <p class="hc-muted">No collections yet. Start one, or import a file someone shared with you.</p>
        )}
      </section>
      {deleted ? <UndoToast title={deleted.title} onUndo={() => void undo()} onDismiss={() => setDeleted(undefined)} /> : null}
    </main>
  );
}
