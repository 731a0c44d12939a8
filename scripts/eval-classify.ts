/**
 * Measures the classifier on the shared corpus (npm run eval:classify):
 * URL-only accuracy on corpus/urls-dev.tsv and URL+HTML accuracy on the
 * labelled real pages in corpus/MANIFEST.tsv (synthetic pages left out; a
 * note "alt: <type>" makes that type acceptable too). Prints confusion
 * matrices, accuracy, pages wrongly called official and the median time.
 * Reads files only; never fetches.
 */
// Before lib/: the classifier's words come from locales/en-GB.yml.
import './node-i18n';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifySource } from '../lib/classify/classify-source';
import { publicType, type PublicSourceType } from '../lib/classify/describe-verdict';
import { classifyHtml, readUtf8 } from './classify';

const TYPES: PublicSourceType[] = ['official', 'charity', 'peer', 'commercial', 'research', 'news', 'other'];
const CORPUS = resolve(process.argv[2] ?? resolve(process.cwd(), '../shared/corpus'));

interface Row {
  name: string;
  url: string;
  expected: PublicSourceType;
  alts: PublicSourceType[];
}

function isType(s: string): s is PublicSourceType {
  return TYPES.some((t) => t === s);
}

/** "alt: charity", "alt commercial", "alt: research/charity": the other acceptable types. */
function altTypes(note: string): PublicSourceType[] {
  const out: PublicSourceType[] = [];
  for (const m of note.matchAll(/\balt:?\s*([a-z/ ,]+)/gi)) {
    for (const word of (m[1] ?? '').split(/[/ ,]+/)) if (isType(word) && !out.includes(word)) out.push(word);
  }
  return out;
}

function readTsv(file: string): string[][] {
  return readUtf8(file)
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

interface Outcome {
  row: Row;
  got: PublicSourceType;
  confidence: number;
  reason: string;
}

function report(title: string, outcomes: Outcome[]): void {
  const matrix = new Map<string, number>();
  let correct = 0;
  let falseOfficial = 0;
  for (const o of outcomes) {
    const ok = o.got === o.row.expected || o.row.alts.includes(o.got);
    if (ok) correct += 1;
    if (o.got === 'official' && !ok) falseOfficial += 1;
    const key = `${o.row.expected}|${ok ? o.row.expected : o.got}`;
    matrix.set(key, (matrix.get(key) ?? 0) + 1);
  }
  console.log(`\n## ${title}\n`);
  console.log(`Rows are the expected type, columns the type given (a row counts as correct when an "alt:" type was given).\n`);
  console.log(`| expected \\ given | ${TYPES.join(' | ')} | total |`);
  console.log(`|---|${TYPES.map(() => '---:').join('|')}|---:|`);
  for (const e of TYPES) {
    const cells = TYPES.map((g) => matrix.get(`${e}|${g}`) ?? 0);
    const total = cells.reduce((a, b) => a + b, 0);
    if (total) console.log(`| ${e} | ${cells.join(' | ')} | ${total} |`);
  }
  const pct = outcomes.length ? ((100 * correct) / outcomes.length).toFixed(1) : '0';
  console.log(`\nAccuracy: ${correct}/${outcomes.length} = ${pct}%. Wrongly called official: ${falseOfficial}.`);
  const wrong = outcomes.filter((o) => !(o.got === o.row.expected || o.row.alts.includes(o.got)));
  if (wrong.length) {
    console.log('\nMisses:');
    for (const o of wrong) console.log(`- ${o.row.name}: expected ${o.row.expected}, got ${o.got} (${o.confidence}): ${o.reason}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Wraps an NHS Website Content API object (nhs.uk's own JSON-LD) into a page. */
export function nhsApiPage(json: string): string {
  return `<!doctype html><html lang="en"><head><title>NHS</title><script type="application/ld+json">${json.replace(/</g, '\\u003c')}</script></head><body><main><p>NHS page</p></main></body></html>`;
}

function main(): void {
  if (!existsSync(resolve(CORPUS, 'MANIFEST.tsv'))) {
    console.error(`No corpus at ${CORPUS}: pass its folder as the first argument.`);
    process.exitCode = 2;
    return;
  }
  const urlRows: Row[] = readTsv(resolve(CORPUS, 'urls-dev.tsv')).flatMap(([url = '', expected = '', note = '']) =>
    isType(expected) ? [{ name: url, url, expected, alts: altTypes(note) }] : [],
  );
  const urlOutcomes = urlRows.map((row): Outcome => {
    const v = classifySource({ url: row.url, signals: [] });
    return { row, got: publicType(v), confidence: v.confidence, reason: v.reasons[0] ?? '' };
  });

  const pageOutcomes: Outcome[] = [];
  const times: number[] = [];
  const classifyTimes: number[] = [];
  for (const cols of readTsv(resolve(CORPUS, 'MANIFEST.tsv'))) {
    const [file = '', , , , , url = '', expected = '', note = ''] = cols;
    if (/^synthetic/i.test(note) || !isType(expected)) continue;
    const raw = readUtf8(resolve(CORPUS, file));
    const html = file.endsWith('.json') ? nhsApiPage(raw) : raw;
    const { verdict, ms, classifyMs } = classifyHtml(html, url);
    times.push(ms);
    classifyTimes.push(classifyMs);
    pageOutcomes.push({ row: { name: file, url, expected, alts: altTypes(note) }, got: publicType(verdict), confidence: verdict.confidence, reason: verdict.reasons[0] ?? '' });
  }

  console.log(`# Classifier evaluation (${new Date().toISOString().slice(0, 10)})`);
  report(`URL only: urls-dev.tsv (${urlOutcomes.length} addresses)`, urlOutcomes);
  report(`URL + HTML: MANIFEST.tsv real pages (${pageOutcomes.length} pages, synthetic left out)`, pageOutcomes);
  console.log(`\nMedian time per page (page facts + signals + quality facts + classify, after parsing): ${median(times).toFixed(1)} ms; slowest ${Math.max(...times).toFixed(0)} ms (jsdom).`);
  console.log(`Median time of classifySource alone: ${median(classifyTimes).toFixed(2)} ms.`);
}

main();
