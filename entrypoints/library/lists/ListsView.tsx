import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import { LiveStatus } from '../../../components/LiveStatus';
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
import { t } from '../../../lib/i18n';

export interface ListsViewProps {
  repo: LibraryRepository;
}

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
  const newCollection = () => create({ kind: 'collection', title: t('lists.overview.newCollectionTitle') });
  const collections = (all ?? []).filter((c) => c.kind === 'collection').sort((a, b) => a.title.localeCompare(b.title));
  const newTemplate = async () => create({ kind: 'prescription', title: t('lists.overview.newTemplateTitle'), prescriber: await prescriberSetting.getValue() });
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
  const deleteButton = (c: Collection, label = t('lists.overview.deleteLabel', { title: c.title })) => (
    <button type="button" class="hc-danger" aria-label={label} onClick={() => void remove(c.id)}>{t('common.delete')}</button>
  );
  const appointmentOf = (list: ReadingList) => (list.appointment.date ? t('lists.overview.appointmentOn', { date: formatCalendarDate(list.appointment.date) }) : undefined);
  const readingRow = (list: ReadingList, detail: string, deleteLabel?: string) => (
    <li key={list.id} class="hc-row" data-list-id={list.id}>
      <div>
        <a class="hc-row__title" href={listHref(list.id)}>{list.title}</a>
        <div class="hc-row__meta">
          <span>{t('lists.count.items', list.items.length)}</span>
          <span>{t('lists.count.questions', list.questions.length)}</span>
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
          <span>{t('lists.count.items', template.items.length)}</span>
          <span>{t('lists.count.support', template.support.length)}</span>
        </div>
        {issued.length ? <p class="hc-issued__label">{t('lists.overview.issuedCopies')}</p> : null}
        <IssuedCopies copies={issued} onDelete={(id) => void remove(id)} />
      </div>
      <div>{deleteButton(template)}</div>
    </li>
  );

  return (
    <main>
      <p><a href="#">{t('lists.back.toLibrary')}</a></p>
      <h1>{t('lists.overview.heading')}</h1>
      <LiveStatus status={error ? { tone: 'error', text: error } : undefined} />
      {readError ? <StatusMessage tone="error">{t('lists.overview.readError')}</StatusMessage> : null}

      <section aria-labelledby="hc-open-heading">
        <h2 id="hc-open-heading">{t('lists.overview.preparingHeading')}</h2>
        <p class="hc-hint">{t('lists.overview.preparingHint')}</p>
        <div class="hc-actions">
          <button type="button" class="hc-primary" onClick={() => void newReadingList()}>{t('lists.overview.newReadingList')}</button>
        </div>
        {all === undefined ? <p role="status">{t('lists.overview.loading')}</p> : groups.open.length ? (
          <ul class="hc-list" aria-label={t('lists.overview.openLabel')}>
            {groups.open.map((l) => readingRow(l, appointmentOf(l) ?? t('lists.overview.changedOn', { date: formatDay(l.updatedAt) })))}
          </ul>
        ) : (
          <p class="hc-muted">{t('lists.overview.noOpen')}</p>
        )}
      </section>

      <section aria-labelledby="hc-records-heading">
        <h2 id="hc-records-heading">{t('lists.overview.recordsHeading')}</h2>
        {groups.records.length ? (
          <ul class="hc-list" aria-label={t('lists.overview.recordsHeading')}>
            {groups.records.map((l) => {
              const kept = t('lists.overview.keptOn', { date: formatDay(l.recordedAt) });
              return readingRow(l, [appointmentOf(l), kept].filter(Boolean).join(' · '), t('lists.overview.deleteRecordLabel', { title: l.title, date: formatDay(l.recordedAt) }));
            })}
          </ul>
        ) : (
          <p class="hc-muted">{t('lists.overview.noRecords')}</p>
        )}
      </section>

      <section aria-labelledby="hc-prescriptions-heading">
        <h2 id="hc-prescriptions-heading">{t('lists.overview.prescriptionsHeading')}</h2>
        <p class="hc-hint">{t('lists.overview.prescriptionsHint')}</p>
        <div class="hc-actions">
          <button type="button" onClick={() => void newTemplate()}>{t('lists.overview.newTemplate')}</button>
        </div>
        {groups.templates.length || groups.orphans.length ? (
          <ul class="hc-list" aria-label={t('lists.overview.templatesLabel')}>
            {groups.templates.map(({ template, issued }) => templateRow(template, issued))}
            {groups.orphans.length ? (
              <li class="hc-row">
                <div>
                  <span class="hc-row__title">{t('lists.overview.orphans')}</span>
                  <IssuedCopies copies={groups.orphans} onDelete={(id) => void remove(id)} />
                </div>
              </li>
            ) : null}
          </ul>
        ) : (
          <p class="hc-muted">{t('lists.overview.noTemplates')}</p>
        )}
      </section>
      <section aria-labelledby="hc-collections-heading">
        <h2 id="hc-collections-heading">{t('lists.overview.collectionsHeading')}</h2>
        <p class="hc-hint">{t('lists.overview.collectionsHint')}</p>
        <div class="hc-actions">
          <button type="button" onClick={() => void newCollection()}>{t('lists.overview.newCollection')}</button>
          <a class="hc-button" href="#import">{t('lists.overview.importFile')}</a>
          <a class="hc-button" href="#subscriptions">{t('lists.overview.followed')}</a>
        </div>
        {collections.length ? (
          <ul class="hc-list" aria-label={t('lists.overview.collectionsLabel')}>
            {collections.map((c) => (
              <li key={c.id} class="hc-row" data-list-id={c.id}>
                <div>
                  <a class="hc-row__title" href={listHref(c.id)}>{c.title}</a>
                  <div class="hc-row__meta">
                    <span>{t('lists.count.items', c.items.length)}</span>
                    {c.items.some((i) => i.provenance) ? <span>{t('lists.overview.imported')}</span> : null}
                    {c.subscription ? <span>{t('lists.overview.followedFrom', { site: new URL(c.subscription.url).host })}</span> : null}
                    <span>{t('lists.overview.changedOn', { date: formatDay(c.updatedAt) })}</span>
                  </div>
                </div>
                <div>{deleteButton(c)}</div>
              </li>
            ))}
          </ul>
        ) : all === undefined ? null : (
          <p class="hc-muted">{t('lists.overview.noCollections')}</p>
        )}
      </section>
      <UndoToast title={deleted?.title} onUndo={() => void undo()} onDismiss={() => setDeleted(undefined)} />
    </main>
  );
}
