import { useMemo, useState } from 'preact/hooks';
import { useObservable } from '../../../components/hooks/use-observable';
import { formatDay } from '../../../lib/consult/format';
import { questionSuggestions } from '../../../lib/consult/list-edits';
import { questionsFromHighlights } from '../../../lib/consult/starter-questions';
import type { ResolvedItem } from '../../../lib/consult/types';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { ReadingList } from '../../../lib/model/collection';
import { listHref } from '../use-hash-route';
import { AfterAppointment } from './AfterAppointment';
import { AppointmentSection } from './AppointmentSection';
import { EditorFrame } from './EditorFrame';
import { ItemsSection } from './ItemsSection';
import { OutputsBar } from './OutputsBar';
import { QuestionsEditor } from './QuestionsEditor';
import { useListDraft } from './use-list-draft';
import { t } from '../../../lib/i18n';

export interface ReadingListEditorProps {
  repo: LibraryRepository;
  stored: ReadingList;
  entries: readonly ResolvedItem[];
}

/** "Prepare for my appointment": reading, questions, what matters, the appointment; print or share; keep as a record. */
export function ReadingListEditor({ repo, stored, entries }: ReadingListEditorProps) {
  const { draft, edit, flush, problem, error } = useListDraft(repo, stored);
  const [said, say] = useState('');
  const [actionError, setActionError] = useState<string | undefined>();
  const siteRules = useObservable(() => repo.observeSiteRules(), []).value ?? [];
  const highlights = useObservable(() => repo.collections.observeHighlightsOnPages(stored.id), [stored.id]).value ?? [];
  const earlier = useObservable(() => repo.collections.observeList('reading-list'), []).value?.find((c) => c.id === stored.followsId);
  const byItem = useMemo(() => new Map(entries.map((e) => [e.item.id, e])), [entries]);
  const readOnly = Boolean(draft.recordedAt);
  const now = new Date();
  const suggestions = questionSuggestions(highlights, draft.questions, (h) => questionsFromHighlights([h])[0]);

  const prepare = async () => ((await flush()) ? repo.collections.resolve(stored.id) : undefined);
  const keep = async () => {
    if (!(await flush())) return;
    const result = await repo.collections.keepAsRecord(stored.id);
    if (!result.ok) setActionError(result.error.message);
    else {
      setActionError(undefined);
      say(t('lists.reading.keptSaid', { date: formatDay(result.value.recordedAt) }));
      document.getElementById('hc-editor-title')?.focus();
    }
  };
  const startNext = async () => {
    const result = await repo.collections.startNext(stored.id);
    if (!result.ok) setActionError(result.error.message);
    else location.hash = listHref(result.value.id);
  };

  return (
    <EditorFrame
      title={draft.title}
      problem={problem}
      error={actionError ?? error}
      announcement={said}
      intro={
        <>
          <p class="hc-muted">
            {readOnly
              ? t('lists.reading.recordIntro', { date: formatDay(draft.recordedAt) })
              : t('lists.reading.intro')}
          </p>
          {draft.followsId ? (
            <p class="hc-muted">
              {t('lists.reading.startedFrom')}{' '}
              <a href={listHref(draft.followsId)}>{earlier ? t('lists.reading.earlierTitle', { title: earlier.title }) : t('lists.reading.earlierList')}</a>
              {earlier?.kind === 'reading-list' && earlier.recordedAt ? t('lists.reading.earlierKept', { date: formatDay(earlier.recordedAt) }) : ''}.
            </p>
          ) : null}
        </>
      }
    >
      <AppointmentSection
        list={draft}
        readOnly={readOnly}
        onTitle={(title) => edit((c) => ({ ...c, title }))}
        onAppointment={(appointment, immediate) => edit((c) => ({ ...c, appointment }), immediate)}
        onWhatMatters={(whatMatters) => edit((c) => ({ ...c, whatMatters }))}
      />
      <ItemsSection
        repo={repo}
        heading={t('lists.reading.itemsHeading')}
        hint={t('lists.reading.itemsHint')}
        items={draft.items}
        entries={byItem}
        siteRules={siteRules}
        now={now}
        noteLabel={t('lists.reading.noteLabel')}
        notePlaceholder={t('lists.reading.notePlaceholder')}
        readOnly={readOnly}
        onChange={(items, immediate) => edit((c) => ({ ...c, items }), immediate)}
        onAnnounce={say}
      />
      <QuestionsEditor
        questions={draft.questions}
        readOnly={readOnly}
        suggestions={suggestions}
        onChange={(questions, immediate) => edit((c) => ({ ...c, questions }), immediate)}
        onAnnounce={say}
        newId={() => crypto.randomUUID()}
      />
      <OutputsBar id={stored.id} title={draft.title} siteRules={siteRules} prepare={prepare} />
      <AfterAppointment list={draft} onKeep={() => void keep()} onStartNext={() => void startNext()} />
    </EditorFrame>
  );
}
