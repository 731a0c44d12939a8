import { formatDay } from '../consult/format';
import type { ItemProvenance } from '../model/collection';

/**
 * Where an imported item's note came from, in words:
 * "From “Living with diabetes” by Riverside support group, 24 November 2026".
 * The curator is left out when the file did not name one.
 */
export function provenanceLine(provenance: ItemProvenance): string {
  const by = provenance.curator ? ` by ${provenance.curator}` : '';
  const day = formatDay(provenance.exportedAt);
  return `From “${provenance.collection}”${by}${day ? `, ${day}` : ''}`;
}
