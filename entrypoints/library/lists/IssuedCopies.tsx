import { formatDay } from '../../../lib/consult/format';
import type { Prescription } from '../../../lib/model/collection';
import { listHref } from '../use-hash-route';
import { t } from '../../../lib/i18n';

export interface IssuedCopiesProps {
  copies: readonly Prescription[];
  /** Offered on the lists page, where copies can be deleted (with undo). */
  onDelete?: (id: string) => void;
}

/** "For Jane Doe, issued 3 December 2026": copies issued from a template, newest first. */
export function IssuedCopies({ copies, onDelete }: IssuedCopiesProps) {
  if (!copies.length) return <p class="hc-muted">{t('lists.copies.none')}</p>;
  return (
    <ul class="hc-issued" aria-label={t('lists.copies.label')}>
      {copies.map((c) => {
        const name = c.patientName?.trim() ? t('lists.copies.forName', { name: c.patientName }) : t('lists.copies.forNobody');
        return (
          <li key={c.id} data-list-id={c.id}>
            <a href={listHref(c.id)}>{name}</a>
            <span class="hc-muted">{t('lists.copies.issuedOn', { date: formatDay(c.issuedAt) })}</span>
            {onDelete ? (
              <>
                {' '}
                <button type="button" class="hc-link-button" aria-label={t('lists.copies.deleteLabel', { date: formatDay(c.issuedAt), name })} onClick={() => onDelete(c.id)}>
                  {t('common.delete')}
                </button>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
