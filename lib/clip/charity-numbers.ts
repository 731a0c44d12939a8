import { t } from '../i18n';

/** A registered charity number found on the page, with the register it belongs to. */
export interface CharityNumber {
  /** "England and Wales 296645", "Scotland SC041666", "US 501(c)(3) non-profit". */
  label: string;
  kind: 'number' | 'us-nonprofit' | 'registered';
}

const WINDOW = 80;

/** True when `word` appears within WINDOW characters around [start, end). */
function near(text: string, start: number, end: number, word: RegExp): boolean {
  return word.test(text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW)));
}

/**
 * Charity registration numbers with their context (SOURCE-TYPES.md §3.1):
 * England and Wales numbers only beside "charity", Scottish SC0 numbers only
 * beside "charity" or "OSCR" (company numbers look the same), Northern
 * Ireland NIC numbers, Canadian BN/RR numbers and US 501(c)(3) wording.
 */
export function findCharityNumbers(text: string): CharityNumber[] {
  const found = new Map<string, CharityNumber>();
  const add = (label: string, kind: CharityNumber['kind']) => {
    if (found.size < 10) found.set(label, { label, kind });
  };
  const ew = /charity\s*(?:registration\s*)?(?:no\.?|number|num\.?|reg(?:istration)?\.?\s*(?:no\.?|number))?\s*[:#.]?\s*(?:is\s*)?\(?\s*(\d{6,7})(?:-(\d{1,2}))?\b/gi;
  for (const m of text.matchAll(ew)) {
    if (m[1] && !near(text, m.index, m.index + m[0].length, /tel|phone|fax|call/i)) add(t('clip.charityEnglandWales', { number: `${m[1]}${m[2] ? `-${m[2]}` : ''}` }), 'number');
  }
  const inEw = /(?:registered\s+(?:charity\s+)?in\s+)?England\s*(?:&|and)\s*Wales\s*(?:\(|no\.?|number|:)?\s*(?:no\.?\s*)?(\d{6,7})\b/gi;
  for (const m of text.matchAll(inEw)) {
    if (m[1] && near(text, m.index, m.index + m[0].length, /charit/i)) add(t('clip.charityEnglandWales', { number: m[1] }), 'number');
  }
  for (const m of text.matchAll(/\bSC\s?(0\d{5})\b/g)) {
    if (m[1] && near(text, m.index, m.index + m[0].length, /charit|OSCR/i)) add(t('clip.charityScotland', { number: `SC${m[1]}` }), 'number');
  }
  for (const m of text.matchAll(/\bNIC\s?(\d{6})\b/g)) if (m[1]) add(t('clip.charityNorthernIreland', { number: `NIC${m[1]}` }), 'number');
  for (const m of text.matchAll(/\b(\d{9})\s?RR\s?(\d{4})\b/g)) add(t('clip.charityCanada', { number: `${m[1]}RR${m[2]}` }), 'number');
  for (const m of text.matchAll(/\b(RCN|CHY)\s?(\d{4,8})\b/g)) {
    if (near(text, m.index, m.index + m[0].length, /charit/i)) add(t('clip.charityIreland', { number: `${m[1]}${m[2]}` }), 'number');
  }
  if (/\b501\s?\(c\)\s?\(?3\)?/i.test(text)) add(t('clip.charityUsNonprofit'), 'us-nonprofit');
  if (/\b(is|are) a (registered )?(charity|non-?profit)\b|\bregistered charity\b|\bACNC\b/i.test(text) && found.size === 0) {
    add(t('clip.charityRegistered'), 'registered');
  }
  return [...found.values()];
}
