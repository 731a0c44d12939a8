/**
 * The robustness half of the anchoring benchmark: highlights described on
 * each fixture page, anchored again on edited copies (jsdom), and compared
 * with where the passage really is now (marker elements, see
 * bench-anchor-mutations.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { anchor, describe, type Anchored, type Selector } from '../lib/anchor/index';
import { collectTextNodes, offsetsOfRange, rangeFromOffsets, trimSpan } from '../lib/anchor/text-model';
import { markPassage, markedSpan, mutate, MUST_NOT_FIND, MUTATIONS, type MutationName } from './bench-anchor-mutations';
import { choosePassages, seeded, seedOf, type Passage, type PassageKind } from './bench-anchor-passages';

/** What became of one highlight after one edit. */
export const OUTCOMES = ['correct', 'flagged', 'rightly not found', 'missed', 'WRONG'] as const;
/** One of OUTCOMES. */
export type Outcome = (typeof OUTCOMES)[number];

/** One highlight after one edit. */
export interface CaseResult {
  page: string;
  kind: PassageKind;
  mutation: MutationName;
  outcome: Outcome;
  quote: string;
  /** What the anchor covered, when it was not where the passage is. */
  got?: string;
}

/** How many cases ended in each outcome. */
export type Tally = Record<Outcome, number>;

const emptyTally = (): Tally => ({ correct: 0, flagged: 0, 'rightly not found': 0, missed: 0, WRONG: 0 });

interface LoadedBody {
  doc: Document;
  body: HTMLElement;
  /** A fresh copy of the page as parsed (cloning is several times faster than parsing again). */
  copy(): LoadedBody;
}

function loadBody(html: string): LoadedBody {
  const dom = new JSDOM(html);
  const wrap = (doc: Document): LoadedBody => {
    if (!doc.body) throw new Error('page without a body');
    return {
      doc,
      body: doc.body,
      copy: () => {
        const clone = dom.window.document.cloneNode(true);
        if (!(clone instanceof dom.window.Document)) throw new Error('clone is not a document');
        return wrap(clone);
      },
    };
  };
  return wrap(dom.window.document);
}

/** Same place: the same offsets when exact; within a few characters at each end when the wording changed. */
function classify(mutation: MutationName, anchored: Anchored | null, truth: { start: number; end: number } | undefined, got: { start: number; end: number } | undefined): Outcome {
  if (MUST_NOT_FIND.has(mutation)) return anchored ? 'WRONG' : 'rightly not found';
  if (!anchored || !got || !truth) return 'missed';
  if (anchored.exact) return got.start === truth.start && got.end === truth.end ? 'correct' : 'WRONG';
  const tolerance = 3 + Math.ceil(0.1 * (truth.end - truth.start));
  const near = Math.abs(got.start - truth.start) <= tolerance && Math.abs(got.end - truth.end) <= tolerance;
  return near ? 'flagged' : 'WRONG';
}

/** Runs every passage of every fixture page through every edit. */
export function runRobustness(pagesDir: string): CaseResult[] {
  const results: CaseResult[] = [];
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
  for (const file of files) {
    const html = readFileSync(resolve(pagesDir, file), 'utf8');
    const original = loadBody(html);
    const passages = choosePassages(original.body, seedOf(file));
    const map = collectTextNodes(original.body);
    for (const [n, passage] of passages.entries()) {
      const selectors = describePassage(original.doc, original.body, passage);
      if (!selectors) throw new Error(`${file}: passage ${passage.start}-${passage.end} has no text`);
      const quote = map.text.slice(passage.start, passage.end).replace(/\s+/g, ' ');
      for (const mutation of MUTATIONS) {
        const copy = original.copy();
        const page = markPassage(copy.doc, copy.body, passage, seeded(seedOf(`${file}#${n}#${mutation}`)));
        if (!mutate(mutation, page)) continue;
        const anchored = anchor(copy.body, selectors);
        const after = collectTextNodes(copy.body);
        const truth = MUST_NOT_FIND.has(mutation) ? undefined : markedSpan(page, after);
        const raw = anchored ? offsetsOfRange(after, anchored.range) : undefined;
        const got = raw && trimSpan(after.text, raw.start, raw.end);
        const outcome = classify(mutation, anchored, truth, got);
        const result: CaseResult = { page: file, kind: passage.kind, mutation, outcome, quote };
        if (outcome === 'WRONG' && got) result.got = after.text.slice(got.start, got.end).replace(/\s+/g, ' ');
        results.push(result);
      }
    }
  }
  return results;
}

function describePassage(doc: Document, body: HTMLElement, passage: Passage): Selector[] | undefined {
  return describe(body, rangeFromOffsets(doc, collectTextNodes(body), passage.start, passage.end));
}

/** Counts of each outcome per edit, in the order of MUTATIONS, then over all the edits that keep the passage. */
export function tallyByMutation(results: readonly CaseResult[]): Map<MutationName | 'all edits that keep it', Tally> {
  const byMutation = new Map<MutationName | 'all edits that keep it', Tally>();
  for (const m of MUTATIONS) byMutation.set(m, emptyTally());
  const all = emptyTally();
  for (const r of results) {
    const t = byMutation.get(r.mutation);
    if (t) t[r.outcome]++;
    if (r.mutation !== 'unchanged' && !MUST_NOT_FIND.has(r.mutation)) all[r.outcome]++;
  }
  byMutation.set('all edits that keep it', all);
  return byMutation;
}

/** Counts of each outcome per passage kind, over the edits that keep the passage. */
export function tallyByKind(results: readonly CaseResult[]): Map<PassageKind, Tally> {
  const byKind = new Map<PassageKind, Tally>();
  for (const r of results) {
    if (MUST_NOT_FIND.has(r.mutation)) continue;
    const t = byKind.get(r.kind) ?? emptyTally();
    t[r.outcome]++;
    byKind.set(r.kind, t);
  }
  return byKind;
}

const total = (t: Tally) => OUTCOMES.reduce((n, o) => n + t[o], 0);

/** Share of cases that ended well: placed right (exactly or flagged), or rightly not found. */
export function goodShare(t: Tally): number {
  const n = total(t);
  return n ? (t.correct + t.flagged + t['rightly not found']) / n : 1;
}

/** A markdown table of tallies. */
export function markdownTable(rows: Map<string, Tally>, firstColumn: string): string {
  const head = `| ${firstColumn} | cases | correct | flagged as changed | rightly not found | missed | WRONG | good |`;
  const rule = '|---|--:|--:|--:|--:|--:|--:|--:|';
  const lines = [...rows].map(
    ([name, t]) =>
      `| ${name} | ${total(t)} | ${t.correct} | ${t.flagged} | ${t['rightly not found']} | ${t.missed} | ${t.WRONG} | ${(100 * goodShare(t)).toFixed(1)}% |`,
  );
  return [head, rule, ...lines].join('\n');
}
