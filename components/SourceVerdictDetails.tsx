import type { SourceVerdict } from '../lib/model/source-type';

export interface SourceVerdictDetailsProps {
  verdict: SourceVerdict;
}

/** The evidence behind a verdict, in plain words: why, what pointed elsewhere, and the facets. */
export function SourceVerdictDetails({ verdict }: SourceVerdictDetailsProps) {
  const { facets } = verdict;
  const reasons = [...verdict.reasons, ...(verdict.supporting ?? [])].filter((r, i, all) => all.indexOf(r) === i);
  return (
    <div class="hc-verdict">
      <ul class="hc-verdict__reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {verdict.conflicting?.length ? (
        <>
          <p class="hc-verdict__label">Pointing another way:</p>
          <ul>
            {verdict.conflicting.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {facets?.host || facets?.subtype || facets?.archivedFrom || facets?.copyOf ? (
        <dl class="hc-facts">
          {facets.subtype ? (<><dt>Kind of page</dt><dd>{facets.subtype}</dd></>) : null}
          {facets.host ? (<><dt>Hosted by</dt><dd>{facets.host}</dd></>) : null}
          {facets.archivedFrom ? (
            <><dt>Archived copy of</dt><dd>{facets.archivedFrom}{facets.archivedAt ? ` (${facets.archivedAt.slice(0, 10)})` : ''}</dd></>
          ) : null}
          {facets.copyOf ? (<><dt>Copy of</dt><dd>{facets.copyOf}</dd></>) : null}
        </dl>
      ) : null}
      <p class="hc-hint">
        This describes who is speaking, not whether the information is right.
        {verdict.list ? ` Decided by: ${verdict.list}.` : ''} How sure we are: {Math.round(verdict.confidence * 100)}%.
      </p>
    </div>
  );
}
