import * as z from 'zod';
import { fail, ok } from '../model/result';
import { DraftCollector, type LinkParseResult } from './link-drafts';
import { safeParseUntrusted } from './safe-parse';
import { t } from '../i18n';

/**
 * Reads CSL-JSON, the citation format Zotero, Mendeley and Pandoc share
 * (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): an
 * array of items with title, URL, DOI, issued, accessed, container-title,
 * note and keyword. A DOI without a web address becomes https://doi.org/….
 */

/** Any value that is not the expected kind becomes undefined: one odd field never loses the whole item. */
const text = z.string().optional().catch(undefined);
const datePart = z.union([z.number(), z.string()]);
const cslDateSchema = z
  .object({
    'date-parts': z.array(z.array(datePart).max(3)).max(2).optional().catch(undefined),
    raw: text,
    literal: text,
  })
  .optional()
  .catch(undefined);

const cslItemSchema = z.object({
  title: text,
  URL: text,
  DOI: text,
  note: text,
  keyword: text,
  'container-title': text,
  publisher: text,
  issued: cslDateSchema,
  accessed: cslDateSchema,
});
type CslDate = z.infer<typeof cslDateSchema>;

/** Keys that only a citation item has; a JSON file with none of them is something else. */
const CSL_KEYS = ['title', 'URL', 'DOI', 'issued', 'container-title', 'author', 'type'];

/** A DOI in any of its usual spellings ("doi:10.…", "https://doi.org/10.…") as its https://doi.org address. */
export function doiToUrl(doi: string | undefined): string | undefined {
  const bare = doi?.trim().replace(/^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/)/i, '');
  if (!bare || !/^10\.\d{4,9}\/\S+$/.test(bare) || bare.length > 500) return undefined;
  return `https://doi.org/${bare.split('/').map(encodeURIComponent).join('/')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A CSL date as an ISO date with only the parts it gives ("2021", "2021-03",
 * "2021-03-01"), or undefined. `raw` text is read only when it is an ISO
 * date already: "Spring 2021" is not guessed at.
 */
export function cslDateToIso(date: CslDate): string | undefined {
  const parts = date?.['date-parts']?.[0]?.map((p) => (typeof p === 'number' ? p : Number.parseInt(p, 10)));
  if (parts?.length) {
    const [year, month, day] = parts;
    if (year === undefined || !Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
    if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) return String(year);
    if (day === undefined || !Number.isInteger(day) || day < 1 || day > 31) return `${year}-${pad(month)}`;
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  const raw = (date?.raw ?? date?.literal)?.trim();
  return raw && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
}

function itemsOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  const wrapped = z.object({ items: z.array(z.unknown()) }).safeParse(json);
  if (wrapped.success) return wrapped.data.items;
  return typeof json === 'object' && json !== null ? [json] : undefined;
}

const looksLikeCsl = (item: unknown) => typeof item === 'object' && item !== null && CSL_KEYS.some((k) => k in item);

/** Links from a CSL-JSON file, as drafts; a plain message when the file is not one. */
export function parseCslJson(source: string, options: { now: Date }): LinkParseResult {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    return fail('invalid-input', t('exchange.links.cslNotJson'));
  }
  const format = z.object({ format: z.string() }).safeParse(json);
  if (format.success && format.data.format.startsWith('health-clip')) {
    return fail('invalid-input', t('exchange.links.ownFile'));
  }
  const items = itemsOf(json);
  if (!items || (items.length > 0 && !items.some(looksLikeCsl))) {
    return fail('invalid-input', t('exchange.links.notCsl'));
  }
  const out = new DraftCollector('csl-json', options.now);
  for (const raw of items) {
    const parsed = safeParseUntrusted(cslItemSchema, raw);
    if (!parsed.success) {
      out.skip('noAddress');
      continue;
    }
    const item = parsed.data;
    const url = item.URL?.trim();
    const accessed = cslDateToIso(item.accessed);
    out.add({
      url: url && /^https?:\/\//i.test(url) ? url : (doiToUrl(item.DOI) ?? url),
      title: item.title,
      tags: item.keyword?.split(/[,;]/) ?? [],
      note: item.note,
      savedAt: accessed ? new Date(accessed) : undefined,
      publishedAt: cslDateToIso(item.issued),
      siteName: item['container-title'] ?? item.publisher,
    });
  }
  return ok(out.result());
}
