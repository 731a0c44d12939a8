import { isReviewOverdue, type DatedFact, type QualityFacts } from '../lib/model/quality-facts';
import { formatDate } from './format-date';

export interface QualityFactsListProps {
  facts: QualityFacts;
  now: Date;
}

const SOURCE_WORDS: Record<DatedFact['source'], string> = {
  'json-ld': 'from the page’s data',
  meta: 'from the page’s details',
  text: 'as the page says',
  'time-element': 'from the page’s date',
  url: 'from the address',
};

function DateRow({ label, fact }: { label: string; fact: DatedFact | undefined }) {
  if (!fact) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {formatDate(fact.date)}{' '}
        <span class="hc-muted">({fact.source === 'text' && fact.text ? `the page says “${fact.text}”` : SOURCE_WORDS[fact.source]})</span>
      </dd>
    </>
  );
}

/** Author, review dates and the other quality facts, as facts, never as a score. */
export function QualityFactsList({ facts, now }: QualityFactsListProps) {
  const overdue = isReviewOverdue(facts, now);
  return (
    <dl class="hc-facts">
      {facts.author ? (<><dt>Written by</dt><dd>{facts.author}</dd></>) : null}
      {facts.reviewer ? (<><dt>Reviewed by</dt><dd>{facts.reviewer}</dd></>) : null}
      <DateRow label="Published" fact={facts.published} />
      <DateRow label="Updated" fact={facts.updated} />
      <DateRow label="Last reviewed" fact={facts.lastReviewed} />
      {facts.nextReview ? (
        <>
          <dt>Next review due</dt>
          <dd>
            {formatDate(facts.nextReview.date)}
            {overdue ? <strong class="hc-overdue"> Review overdue</strong> : null}
          </dd>
        </>
      ) : null}
      <dt>References</dt>
      <dd>{facts.referencesCount ? `${facts.referencesCount} listed` : 'None found'}</dd>
      {facts.hasAdverts ? (<><dt>Adverts</dt><dd>This page shows adverts</dd></>) : null}
      {facts.sponsorship.length ? (<><dt>Sponsorship</dt><dd>{facts.sponsorship.map((s) => `“${s}”`).join('; ')}</dd></>) : null}
      {facts.charityNumbers.length ? (<><dt>Charity number</dt><dd>{facts.charityNumbers.join('; ')}</dd></>) : null}
    </dl>
  );
}
