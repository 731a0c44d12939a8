import { useEffect, useRef, useState } from 'preact/hooks';
import { useObservable } from '../../components/hooks/use-observable';
import type { LibraryQuery, SearchProgress } from '../../lib/db/library-search';
import type { FirstRow } from '../../lib/db/first-rows';
import type { ClipRow, LibraryRepository } from '../../lib/db/repository';
import type { QueryPlan } from '../../lib/search/tokenise';
import { getSearchClient, type SearchClient } from './search-client';
import { t } from '../../lib/i18n';

/** User Timing marks for the benchmark: when building started, and when the index was ready (with its size). */
function markProgress(progress: SearchProgress): void {
  if (progress.state === 'building' && progress.done === 0) performance.mark('hc-search-building');
  if (progress.state === 'ready') performance.mark('hc-search-ready', { detail: { bytes: progress.bytes ?? 0, clips: progress.total } });
}

/** The library list's state: which clips, in what order, their rows as they load, and the search index's progress. */
export interface LibraryList {
  /** Ids of the clips to list, in order; undefined until known. */
  ids?: string[];
  /** The clips shown before all ids are known (the newest few, read first so the page opens at once). */
  firstRows?: ClipRow[];
  /** Rows loaded so far, by id. */
  rows: ReadonlyMap<string, ClipRow>;
  plan?: QueryPlan;
  /** Only part of the library was searched (the index is still being built). */
  partial: boolean;
  progress?: SearchProgress;
  error?: string;
  /** Asks for the rows from `start` to `end` (on screen) to be loaded. */
  loadRange(start: number, end: number): void;
}

const FIRST_ROWS = 30;
const EMPTY_ROWS: ReadonlyMap<string, ClipRow> = new Map();

/** The newest clips read by prefetch.ts before this code loaded (once; later lists read through the repository). */
function takePrefetched(): Promise<FirstRow[] | undefined> {
  const scope = globalThis as { hcFirstRows?: Promise<FirstRow[] | undefined> };
  const early = scope.hcFirstRows ?? Promise.resolve(undefined);
  scope.hcFirstRows = undefined;
  return early;
}

/**
 * With nothing typed and no filter, the list comes straight from the
 * database, newest first: the first rows in one small indexed read, then all
 * ids. Anything typed or filtered goes to the search index (in a worker).
 * Either way, rows are read only for the part of the list on screen.
 */
export function useLibraryList(repo: LibraryRepository, request: Omit<LibraryQuery, 'now'>, active: boolean): LibraryList {
  // The worker starts after the first rows are read, so reading the saved index never delays them.
  const [search, setSearch] = useState<SearchClient | undefined>();
  const [firstRows, setFirstRows] = useState<ClipRow[] | undefined>();
  const [hits, setHits] = useState<{ ids: string[]; plan: QueryPlan; partial: boolean; key: string } | undefined>();
  const [progress, setProgress] = useState<SearchProgress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [rows, setRows] = useState<{ key: string; map: Map<string, ClipRow> }>(() => ({ key: '', map: new Map() }));
  const changes = useObservable(() => repo.observeChanges(), []).value;
  // All ids (keys only, but 100,000 of them) are read after the first rows are on screen, never before.
  const waiting = active || firstRows === undefined;
  const newest = useObservable(() => (waiting ? { subscribe: () => ({ unsubscribe() {} }) } : repo.observeIdsNewestFirst()), [waiting]);
  const requestKey = JSON.stringify(request);
  const asked = useRef(0);
  const range = useRef({ start: 0, end: FIRST_ROWS });

  useEffect(() => {
    let gone = false;
    const started = takePrefetched()
      .then((early) => early ?? repo.listNewest(FIRST_ROWS))
      .then((clips) => {
        if (!gone) setFirstRows(clips.map((clip) => ({ clip })));
      });
    const client = started.then(() => new Promise<SearchClient>((resolve) => setTimeout(() => resolve(getSearchClient()), 0)));
    let stop = () => {};
    void client.then((c) => {
      if (gone) return;
      setSearch(c);
      stop = c.onProgress((p) => {
        markProgress(p);
        setProgress(p);
      });
    });
    const hide = () => {
      if (document.visibilityState === 'hidden') void client.then((c) => c.flush());
    };
    document.addEventListener('visibilitychange', hide);
    return () => {
      gone = true;
      stop();
      document.removeEventListener('visibilitychange', hide);
    };
  }, []);

  // Asked again when the library changes, and while the index is still being built (results so far were partial) as it reaches more clips and when it is ready.
  useEffect(() => {
    if (!active || !search) return;
    const id = ++asked.current;
    search
      .search({ ...request, now: Date.now() })
      .then((result) => {
        if (id !== asked.current) return;
        setError(undefined);
        setHits({ ids: result.ids, plan: result.plan, partial: result.partial, key: requestKey });
      })
      .catch(() => {
        if (id === asked.current) setError(t('library.searchStopped'));
      });
  }, [requestKey, active, changes, search, progress?.state, hits?.partial ? progress?.done : undefined]);

  const ids = active ? (hits?.key === requestKey ? hits.ids : undefined) : newest.value;
  const plan = active && hits?.key === requestKey ? hits.plan : undefined;

  // Rows depend on the passage for this query and on the clip as it is now: rows read for
  // another query or before a change are never shown.
  const rowsKey = `${active ? requestKey : ''}|${changes ?? ''}|${plan ? 'p' : ''}`;
  const current = rows.key === rowsKey ? rows.map : EMPTY_ROWS;

  const load = (start: number, end: number) => {
    range.current = { start, end };
    if (!ids) return;
    const wanted = ids.slice(start, end).filter((id) => !current.has(id));
    if (!wanted.length) return;
    const key = rowsKey;
    void repo.listRows(wanted, plan).then((loaded) => {
      setRows((old) => {
        const next = new Map(old.key === key ? old.map : undefined);
        for (const row of loaded) next.set(row.clip.id, row);
        return { key, map: next };
      });
    });
  };
  useEffect(() => load(range.current.start, range.current.end), [ids, rowsKey]);

  return { ids, firstRows, rows: current, plan, partial: Boolean(active && hits?.partial), progress, error, loadRange: load };
}
