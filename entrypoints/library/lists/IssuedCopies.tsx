import { formatDay } from '../../../lib/consult/format';
import type { Prescription } from '../../../lib/model/collection';
import { listHref } from '../use-hash-route';

export interface IssuedCopiesProps {
  copies: readonly Prescription[];
  /** Offered on the lists page, where copies can be deleted (with undo). */
  onDelete?: (id: string) => void;
}

/** "For Jane Doe, issued 3 December 2026": copies issued from a template, newest first. */
export function IssuedCopies({ copies, onDelete }: IssuedCopiesProps) {
  if (!copies.length) return <p class="hc-muted">Not issued yet.</p>;
  return (
    <ul class="hc-issued" aria-label="Issued copies">
      {copies.map((c) => {
        const name = c.patientName?.trim() ? `For ${c.patientName}` : 'For a patient (no name given)';
        return (
          <li key={c.id} data-list-id={c.id}>
            <a href={listHref(c.id)}>{name}</a>
            <span class="hc-muted">, issued {formatDay(c.issuedAt)}</span>
            {onDelete ? (
              <>
                {' '}
                <button type="button" class="hc-link-button" aria-label={`Delete the copy issued ${formatDay(c.issuedAt)}: ${name}`} onClick={() => onDelete(c.id)}>
                  Delete
                </button>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
