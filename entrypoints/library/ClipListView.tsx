import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useObservable } from '../../components/hooks/use-observable';
import { VirtualList } from '../../components/VirtualList';
import type { LibraryQuery } from '../../lib/db/library-search';
import type { LibraryRepository } from '../../lib/db/repository';
import { SOURCE_TYPES, SOURCE_TYPE_LABELS, sourceTypeSchema } from '../../lib/model/source-type';
import { BackupReminder } from './backup/BackupReminder';
import { ClipRowView } from './ClipRowView';
import { useLibraryList } from './use-library-list';
import { t } from '../../lib/i18n';

export interface ClipListViewProps {
  repo: LibraryRepository;
  onDelete: (id: string) => void;
}

/** Row height in rem: fixed, so the list can place 100,000 rows without measuring them. */
const ROW_REM = 9.5;
const nf = new Intl.NumberFormat('en-GB');

/** Midnight at the start of a yyyy-mm-dd day, local time (ms), or undefined. */
function dayStart(value: string, plusDays = 0): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return y && m && d ? new Date(y, m - 1, d + plusDays).getTime() : undefined;
}

/** Search, filters and the list of clips: newest first, or best match first when searching. */
export function ClipListView({ repo, onDelete }: ClipListViewProps) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [type, setType] = useState('');
  const [listId, setListId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [hasHighlights, setHasHighlights] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const tags = useObservable(() => repo.observeTags(), []).value ?? [];
  const siteRules = useObservable(() => repo.observeSiteRules(), []).value ?? [];
  const lists = useObservable(() => repo.collections.observeList(), []).value ?? [];

  const request: Omit<LibraryQuery, 'now'> = {
    query: query.trim() ? query : '',
    filter: {
      ...(tag ? { tag } : {}),
      ...(sourceTypeSchema.safeParse(type).success ? { type: sourceTypeSchema.parse(type) } : {}),
      ...(listId ? { collectionId: listId } : {}),
      ...(dayStart(from) !== undefined ? { savedFrom: dayStart(from) } : {}),
      ...(dayStart(to, 1) !== undefined ? { savedBefore: dayStart(to, 1) } : {}),
      ...(hasHighlights ? { hasHighlights: true } : {}),
      ...(overdue ? { reviewOverdue: true } : {}),
    },
  };
  const active = Boolean(request.query) || Object.keys(request.filter).length > 0;
  const list = useLibraryList(repo, request, active);
  const firstRows = useMemo(() => new Map((list.firstRows ?? []).map((r) => [r.clip.id, r])), [list.firstRows]);
  const ids = list.ids ?? (active ? undefined : list.firstRows?.map((r) => r.clip.id));
  const now = new Date();

  // The moment the first rows are on screen, for the benchmark (User Timing: "hc-first-rows").
  const marked = useRef(false);
  const firstShown = ids?.length ? (list.rows.get(ids[0]!) ?? firstRows.get(ids[0]!)) : undefined;
  useEffect(() => {
    if (firstShown && !marked.current) {
      marked.current = true;
      performance.mark('hc-first-rows');
    }
  }, [firstShown]);

  // Nothing to show for an empty library (a new one, or one the browser wiped): there is nothing to get ready.
  const building = list.progress?.state === 'building' && list.progress.total > 0 ? list.progress : undefined;
  const count = ids?.length;
  const status =
    list.error ??
    (count === undefined
      ? active
        ? t('library.searching')
        : t('library.loading')
      : count === 0
        ? active
          ? t('library.noMatches')
          : t('library.empty')
        : active
          ? t('library.countFound', count, [nf.format(count)])
          : list.ids
            ? t('library.count', count, [nf.format(count)])
            : t('library.countSoFar', count, [nf.format(count)]));

  return (
    <main>
      <h1>{t('library.title.list')}</h1>
      <p class="hc-muted">
        {t('library.storedHere')} <a href="#lists">{t('library.nav.lists')}</a> ·{' '}
        <a href="#highlights">{t('library.nav.highlights')}</a> · <a href="#sites">{t('library.nav.sites')}</a> ·{' '}
        <a href="#settings">{t('library.nav.settings')}</a>
      </p>
      <BackupReminder repo={repo} />
      <form class="hc-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="hc-filters__query">
          <label for="hc-search">{t('library.search.label')}</label>
          <input id="hc-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} aria-describedby="hc-search-help" />
          <p id="hc-search-help" class="hc-muted hc-small">
            {t('library.search.help')}
          </p>
        </div>
        <div>
          <label for="hc-tag-filter">{t('library.filter.tag')}</label>
          <select id="hc-tag-filter" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">{t('library.filter.allTags')}</option>
            {tags.map((item) => (
              <option key={item} value={item}>{item}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="hc-type-filter">{t('library.filter.type')}</label>
          <select id="hc-type-filter" value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">{t('library.filter.allTypes')}</option>
            {SOURCE_TYPES.map((item) => (
              <option key={item} value={item}>{SOURCE_TYPE_LABELS[item]}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="hc-list-filter">{t('library.filter.list')}</label>
          <select id="hc-list-filter" value={listId} onChange={(e) => setListId(e.currentTarget.value)}>
            <option value="">{t('library.filter.anyList')}</option>
            {lists.map((c) => (
              <option key={c.id} value={c.id}>{c.title}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="hc-from-filter">{t('library.filter.from')}</label>
          <input id="hc-from-filter" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div>
          <label for="hc-to-filter">{t('library.filter.to')}</label>
          <input id="hc-to-filter" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="hc-filters__checks">
          <label>
            <input type="checkbox" checked={hasHighlights} onChange={(e) => setHasHighlights(e.currentTarget.checked)} /> {t('library.filter.hasHighlights')}
          </label>
          <label>
            <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} /> {t('library.filter.overdue')}
          </label>
        </div>
      </form>
      <p role="status" class="hc-muted" id="hc-list-status" data-answers={count === undefined ? undefined : request.query}>
        {status}
      </p>
      {building ? (
        <div class="hc-index-progress" role="status">
          <label for="hc-index-progress">
            {t('library.indexing', { done: nf.format(building.done), total: nf.format(building.total) })}{' '}
            {active && list.partial ? t('library.indexingPartial') : t('library.indexingSearchMeanwhile')}
          </label>
          <progress id="hc-index-progress" max={building.total || 1} value={building.done} />
        </div>
      ) : null}
      {list.progress?.state === 'failed' ? (
        <p role="alert">{t('library.searchFailed')}</p>
      ) : null}
      {ids && ids.length ? (
        <VirtualList
          count={ids.length}
          rowHeightRem={ROW_REM}
          label={t('library.listLabel')}
          class="hc-list"
          keyOf={(i) => ids[i]!}
          onRange={(start, end) => list.loadRange(start, end)}
          renderRow={(i) => {
            const row = list.rows.get(ids[i]!) ?? firstRows.get(ids[i]!);
            return row ? (
              <ClipRowView row={row} siteRules={siteRules} now={now} onDelete={onDelete} />
            ) : (
              <div class="hc-row hc-row--loading" aria-busy="true">{t('library.loading')}</div>
            );
          }}
        />
      ) : null}
    </main>
  );
}
