/**
 * What each search candidate finds in a five-clip library written to hold
 * the things health search must get right: doses, numbers, codes, "type 2",
 * a prefix being typed, UK/US spelling and lay/medical names. Clips d and e
 * hold the words of "5 mg" and "type 2" apart, to see whether a candidate
 * keeps them together.
 */
import { syntheticClip } from '../tests/bench/synthetic-clips';
import type { Candidate } from './bench-search-adapters';

const TEXTS: Record<string, string> = {
  a: 'Take 5 mg twice a day. If you feel unwell call 111. After a myocardial infarction you may need aspirin.',
  b: 'Your HbA1c shows average blood sugar over 3 months in type 2 diabetes.',
  c: 'Iron deficiency anaemia lowers your haemoglobin.',
  d: 'Paracetamol is safe for most people; the usual dose is 500mg. Children over 5 can take 250 mg.',
  e: 'Type 1 diabetes needs insulin 2 or more times a day. Take 50 mg with food. Call 999 in an emergency.',
};

/** Titles without numbers or health words, so only the texts decide. */
const TITLES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

/** A query and the clips that should come first for it. */
export interface Check {
  query: string;
  expect: readonly string[];
  what: string;
}

export const CHECKS: readonly Check[] = [
  { query: '5 mg', expect: ['a'], what: 'a dose' },
  { query: '111', expect: ['a'], what: 'a phone number' },
  { query: 'HbA1c', expect: ['b'], what: 'a code with digits' },
  { query: 'type 2', expect: ['b'], what: '"type 2", not "type 1"' },
  { query: 'diab', expect: ['b', 'e'], what: 'a word being typed' },
  { query: 'anemia', expect: ['c'], what: 'US spelling finds "anaemia"' },
  { query: 'acetaminophen', expect: ['d'], what: 'US name finds "paracetamol"' },
  { query: 'heart attack', expect: ['a'], what: 'lay name finds "myocardial infarction"' },
];

/** Per query, a short verdict: "yes", "yes (+n other)", "not first", "no" or the error. */
export type ChecklistResult = Record<string, string>;

/** Runs the checks on one candidate. */
export async function runChecklist(candidate: Candidate): Promise<ChecklistResult> {
  const index = await candidate.create();
  const keys = Object.keys(TEXTS);
  await index.addBatch(
    keys.map((key, n) => {
      const base = syntheticClip(n);
      const text = TEXTS[key] ?? '';
      return {
        clip: { ...base, id: key, title: `Clip ${TITLES[n] ?? ''}`, contentText: text, contentHtml: `<p>${text}</p>`, excerpt: '', tags: [], note: '', siteName: 'Site' },
        highlights: [],
      };
    }),
  );
  const out: ChecklistResult = {};
  for (const check of CHECKS) {
    try {
      const ids = await index.search(check.query, 10);
      const top = ids[0];
      const others = ids.filter((id) => !check.expect.includes(id)).length;
      if (top !== undefined && check.expect.includes(top)) out[check.query] = others ? `yes (+${others} other)` : 'yes';
      else if (ids.some((id) => check.expect.includes(id))) out[check.query] = 'not first';
      else out[check.query] = 'no';
    } catch (error) {
      out[check.query] = `error: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  await index.close?.();
  return out;
}
