import { SourceTypeBadge } from '../../components/SourceTypeBadge';
import { displayHost, formatDate } from '../../components/format-date';
import type { ClipRow } from '../../lib/db/repository';
import { isReviewOverdue } from '../../lib/model/quality-facts';
import { resolveSourceType } from '../../lib/model/site-rules';
import { SOURCE_TYPE_LABELS, type SiteRule } from '../../lib/model/source-type';
import type { Passage } from '../../lib/search/snippet';
import { clipHref } from './use-hash-route';
import { t } from '../../lib/i18n';

const kindLabel = (kind: 'article' | 'selection' | 'link'): string =>
  kind === 'article' ? t('library.kind.article') : kind === 'selection' ? t('library.kind.selection') : t('library.kind.link');

export interface ClipRowViewProps {
  row: ClipRow;
  siteRules: readonly SiteRule[];
  now: Date;
  onDelete: (id: string) => void;
}

/** The matching passage with its matching words marked (as text: nothing from the page is parsed as HTML). */
function PassageText({ passage }: { passage: Passage }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of passage.marks) {
    if (start > at) parts.push(passage.text.slice(at, start));
    parts.push(<mark key={start}>{passage.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(passage.text.slice(at));
  return (
    <p class="hc-row__passage">
      {passage.cutStart ? '…' : ''}
      {parts}
      {passage.cutEnd ? '…' : ''}
    </p>
  );
}

/** One clip in the library list: title, type and why, site, date, and the passage that matched. */
export function ClipRowView({ row, siteRules, now, onDelete }: ClipRowViewProps) {
  const { clip, passage } = row;
  const shown = resolveSourceType(clip, siteRules);
  const reason =
    shown.decidedBy === 'page'
      ? t('library.reason.youChose')
      : shown.rule
        ? t('library.reason.siteRule', { host: shown.rule.host, type: SOURCE_TYPE_LABELS[shown.type] })
        : clip.sourceVerdict.reasons[0];
  return (
    <div class="hc-row" data-clip-id={clip.id} data-kind={clip.kind}>
      <div class="hc-row__main">
        <a class="hc-row__title" href={clipHref(clip.id)}>{clip.title}</a>
        <div class="hc-row__meta">
          <SourceTypeBadge type={shown.type} overridden={shown.decidedBy !== 'classifier'} />
          <span>{clip.siteName ?? displayHost(clip.url)}</span>
          <span>{kindLabel(clip.kind)}</span>
          <span>{t('library.savedOn', { date: formatDate(clip.savedAt) })}</span>
          {isReviewOverdue(clip.quality, now) ? <span class="hc-pill-warning">{t('library.filter.overdue')}</span> : null}
        </div>
        {passage ? <PassageText passage={passage} /> : <p class="hc-row__reason">{reason}</p>}
        {!passage && clip.quote ? <p class="hc-row__quote">“{clip.quote.exact.slice(0, 240)}”</p> : null}
        {clip.tags.length ? (
          <div class="hc-row__tags" aria-label={t('library.tags')}>
            {clip.tags.map((item) => (
              <span key={item} class="hc-tag-pill">{item}</span>
            ))}
          </div>
        ) : null}
      </div>
      <div>
        <button type="button" class="hc-danger" onClick={() => onDelete(clip.id)} aria-label={t('library.deleteNamed', { title: clip.title })}>
          {t('common.delete')}
        </button>
      </div>
    </div>
  );
}
