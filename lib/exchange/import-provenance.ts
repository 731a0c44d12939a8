import { formatDay } from '../consult/format';
import type { ItemProvenance } from '../model/collection';
import { t } from '../i18n';

/**
 * Where an imported item's note came from, in words:
 * "From “Living with diabetes” by Riverside support group, 24 November 2026".
 * The curator is left out when the file did not name one.
 */
export function provenanceLine(provenance: ItemProvenance): string {
  const day = formatDay(provenance.exportedAt);
  const collection = provenance.collection;
  const curator = provenance.curator;
  if (curator) return day ? t('exchange.from.byOn', { collection, curator, day }) : t('exchange.from.by', { collection, curator });
  return day ? t('exchange.from.on', { collection, day }) : t('exchange.from.plain', { collection });
}
