import { isReviewOverdue, type DatedFact, type QualityFacts } from '../lib/model/quality-facts';
import { t } from '../lib/i18n';
import { formatDate } from './format-date';

export interface QualityFactsListProps {
  facts: QualityFacts;
  now: Date;
}

/** Where a date came from, in words (a function: t() needs the browser's API, which exists only once the page runs). */
const sourceWords = (source: DatedFact['source']): string =>
  ({
    'json-ld': t('quality.fromData'),
    meta: t('quality.fromDetails'),
    text: t('quality.asPageSays'),
    'time-element': t('quality.fromDate'),
    url: t('quality.fromAddress'),
  })[source];

function DateRow({ label, fact }: { label: string; fact: DatedFact | undefined }) {
  if (!fact) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {formatDate(fact.date)}{' '}
        <span class="hc-muted">({fact.source === 'text' && fact.text ? t('quality.pageSays', { text: fact.text }) : sourceWords(fact.source)})</span>
      </dd>
    </>
  );
}

/** Author, review dates and the other quality facts, as facts, never as a score. */
export function QualityFactsList({ facts, now }: QualityFactsListProps) {
  const overdue = isReviewOverdue(facts, now);
  return (
    <dl class="hc-facts">
      {facts.author ? (<><dt>{t('quality.writtenBy')}</dt><dd>{facts.author}</dd></>) : null}
      {facts.reviewer ? (<><dt>{t('quality.reviewedBy')}</dt><dd>{facts.reviewer}</dd></>) : null}
      <DateRow label={t('quality.published')} fact={facts.published} />
      <DateRow label={t('quality.updated')} fact={facts.updated} />
      <DateRow label={t('quality.lastReviewed')} fact={facts.lastReviewed} />
      {facts.nextReview ? (
        <>
          <dt>{t('quality.nextReview')}</dt>
          <dd>
            {formatDate(facts.nextReview.date)}
            {overdue ? <strong class="hc-overdue"> <span aria-hidden="true">⚠ </span>{t('quality.overdue')}</strong> : null}
          </dd>
        </>
      ) : null}
      <dt>{t('quality.references')}</dt>
      <dd>{facts.referencesCount ? t('quality.referencesListed', facts.referencesCount) : t('quality.noneFound')}</dd>
      {facts.hasAdverts ? (<><dt>{t('quality.adverts')}</dt><dd>{t('quality.showsAdverts')}</dd></>) : null}
      {facts.sponsorship.length ? (<><dt>{t('quality.sponsorship')}</dt><dd>{facts.sponsorship.map((s) => `“${s}”`).join('; ')}</dd></>) : null}
      {facts.charityNumbers.length ? (<><dt>{t('quality.charityNumber')}</dt><dd>{facts.charityNumbers.join('; ')}</dd></>) : null}
    </dl>
  );
}
