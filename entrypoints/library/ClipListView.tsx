import { useState } from 'preact/hooks';
import { SourceTypeBadge } from '../../components/SourceTypeBadge';
import { displayHost, formatDate } from '../../components/format-date';
import { useObservable } from '../../components/hooks/use-observable';
import type { LibraryRepository } from '../../lib/db/repository';
import { isReviewOverdue } from '../../lib/model/quality-facts';
import { resolveSourceType } from '../../lib/model/site-rules';
import { SOURCE_TYPES, SOURCE_TYPE_LABELS, sourceTypeSchema } from '../../lib/model/source-type';
import { BackupReminder } from './backup/BackupReminder';
import { clipHref } from './use-hash-route';

export interface ClipListViewProps {
  repo: LibraryRepository;
  onDelete: (id: string) => void;
}

const KIND_LABELS = { article: 'Article', selection: 'Passage', link: 'Link' } as const;

/** Search, filters and the list of clips, newest first. */
export function ClipListView({ repo, onDelete }: ClipListViewProps) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [type, setType] = useState('');
  const sourceType = sourceTypeSchema.safeParse(type).data;
  const clips = useObservable(
    () => repo.observeClips({ query, tag: tag || undefined, sourceType }),
    [query, tag, type],
  );
  const tags = useObservable(() => repo.observeTags(), []).value ?? [];
  const siteRules = useObservable(() => repo.observeSiteRules(), []).value ?? [];
  const now = new Date();
  const list = clips.value;
  const filtered = Boolean(query || tag || type);

  return (
    <main>
      <h1>Your health library</h1>
      <p class="hc-muted">
        Everything here is stored only in this browser on this computer. <a href="#lists">Appointments and prescriptions</a> ·{' '}
        <a href="#highlights">Your highlights</a> · <a href="#sites">Your list of sites</a> ·{' '}
        <a href="#settings">Settings</a>
      </p>
      <BackupReminder repo={repo} />
      <form class="hc-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="hc-search">Search your library</label>
          <input id="hc-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div>
          <label for="hc-tag-filter">Tag</label>
          <select id="hc-tag-filter" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="hc-type-filter">Type of source</label>
          <select id="hc-type-filter" value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">All types</option>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>{SOURCE_TYPE_LABELS[t]}</option>
            ))}
          </select>
        </div>
      </form>
      <p role="status" class="hc-muted">
        {list === undefined
          ? 'Loading…'
          : list.length === 0
            ? filtered
              ? 'Nothing matches. Try fewer words or clear the filters.'
              : 'Your library is empty. Open a health page and use the Health Clipper button to save it.'
            : `${list.length} ${list.length === 1 ? 'clip' : 'clips'}${filtered ? ' found' : ''}`}
      </p>
      {clips.error ? <p role="alert">The library could not be read. Reload this page.</p> : null}
      <ul class="hc-list" aria-label="Saved clips">
        {(list ?? []).map((clip) => {
          const shown = resolveSourceType(clip, siteRules);
          const reason =
            shown.decidedBy === 'page'
              ? 'You chose this type.'
              : shown.rule
                ? `Your list of sites says ${shown.rule.host} is ${SOURCE_TYPE_LABELS[shown.type]}.`
                : clip.sourceVerdict.reasons[0];
          return (
          <li key={clip.id} class="hc-row" data-clip-id={clip.id} data-kind={clip.kind}>
            <div>
              <a class="hc-row__title" href={clipHref(clip.id)}>{clip.title}</a>
              <div class="hc-row__meta">
                <SourceTypeBadge type={shown.type} overridden={shown.decidedBy !== 'classifier'} />
                <span>{clip.siteName ?? displayHost(clip.url)}</span>
                <span>{KIND_LABELS[clip.kind]}</span>
                <span>Saved {formatDate(clip.savedAt)}</span>
                {isReviewOverdue(clip.quality, now) ? <span class="hc-pill-warning">Review overdue</span> : null}
              </div>
              <p class="hc-row__reason">{reason}</p>
              {clip.quote ? <p class="hc-row__quote">“{clip.quote.exact.slice(0, 240)}”</p> : null}
              {clip.tags.length ? (
                <div aria-label="Tags">
                  {clip.tags.map((t) => (
                    <span key={t} class="hc-tag-pill">{t}</span>
                  ))}
                </div>
              ) : null}
            </div>
            <div>
              <button type="button" class="hc-danger" onClick={() => onDelete(clip.id)} aria-label={`Delete ${clip.title}`}>
                Delete
              </button>
            </div>
          </li>
          );
        })}
      </ul>
    </main>
  );
}
