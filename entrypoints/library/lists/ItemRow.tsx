import { SourceTypeBadge } from '../../../components/SourceTypeBadge';
import { entryFacts } from '../../../lib/consult/entry-facts';
import type { ResolvedItem } from '../../../lib/consult/types';
import { provenanceLine } from '../../../lib/exchange/import-provenance';
import type { CollectionItem } from '../../../lib/model/collection';
import { HIGHLIGHT_MEANING_LABELS } from '../../../lib/model/highlight-meanings';
import { resolveSourceType } from '../../../lib/model/site-rules';
import type { SiteRule } from '../../../lib/model/source-type';
import { clipHref } from '../use-hash-route';
import { ReorderButtons } from './ReorderButtons';
import { t } from '../../../lib/i18n';

export interface ItemRowProps {
  item: CollectionItem;
  /** What the item points at; undefined until the saved list has been looked up. */
  entry?: ResolvedItem;
  index: number;
  total: number;
  siteRules: readonly SiteRule[];
  now: Date;
  noteLabel: string;
  notePlaceholder: string;
  readOnly: boolean;
  onNote: (note: string) => void;
  /** Marks the item private (left out of what is shared unless the user includes private items). */
  onPrivate: (value: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One page or highlight on a list: title, source type, site and date, the user's note, and moving or removing it. */
export function ItemRow({ item, entry, index, total, siteRules, now, noteLabel, notePlaceholder, readOnly, onNote, onPrivate, onMove, onRemove }: ItemRowProps) {
  const facts = entry ? entryFacts(entry, siteRules, now) : undefined;
  const gone = entry !== undefined && !entry.clip;
  const title = facts?.title ?? (gone ? t('lists.items.gone') : t('lists.items.loading'));
  const noteId = `hc-item-note-${item.id}`;
  const privateId = `hc-item-private-${item.id}`;
  const fromId = `hc-item-from-${item.id}`;
  const shown = entry?.clip ? resolveSourceType(entry.clip, siteRules) : undefined;
  return (
    <li class="hc-item" data-item-id={item.id} data-clip-id={item.clipId}>
      <p class="hc-item__title">
        <span class="hc-item__number">{index + 1}.</span>{' '}
        {facts ? <a href={clipHref(item.clipId)}>{title}</a> : <span>{title}</span>}
      </p>
      {facts && shown ? (
        <p class="hc-item__meta">
          <SourceTypeBadge type={facts.type} overridden={shown.decidedBy !== 'classifier'} />
          <span>{facts.site}</span>
          <span>{item.highlightId ? (facts.meaning ? t('lists.items.highlightMeaning', { meaning: HIGHLIGHT_MEANING_LABELS[facts.meaning] }) : t('lists.items.highlight')) : t('lists.items.page')}</span>
          <span>{facts.dateLabel}</span>
          {facts.reviewOverdue ? <span class="hc-pill-warning">{t('lists.items.reviewOverdue')}</span> : null}
        </p>
      ) : gone ? (
        <p class="hc-muted">{t('lists.items.goneHint')}</p>
      ) : null}
      {facts?.quote ? <blockquote class="hc-item__quote">“{facts.quote}”</blockquote> : null}
      {readOnly ? (
        <>
          {item.note ? <p class="hc-item__note"><strong>{noteLabel}:</strong> {item.note}</p> : null}
          {item.provenance ? <p class="hc-item__from hc-muted">{provenanceLine(item.provenance)}</p> : null}
          {item.private ? <p class="hc-item__private">{t('lists.items.isPrivate')}</p> : null}
        </>
      ) : (
        <>
          <label for={noteId}>{noteLabel}</label>
          <input
            id={noteId}
            type="text"
            value={item.note}
            placeholder={notePlaceholder}
            maxLength={4000}
            aria-describedby={item.provenance ? fromId : undefined}
            onInput={(e) => onNote(e.currentTarget.value)}
          />
          {item.provenance ? <p id={fromId} class="hc-item__from hc-muted">{provenanceLine(item.provenance)}</p> : null}
          <div class="hc-check">
            <input id={privateId} type="checkbox" checked={item.private} onChange={(e) => onPrivate(e.currentTarget.checked)} />
            <label for={privateId}>{t('lists.items.privateTick')}</label>
          </div>
          <ReorderButtons idPrefix={`hc-item-${item.id}`} label={title} index={index} total={total} onMove={onMove} onRemove={onRemove} />
        </>
      )}
    </li>
  );
}
