import { expect, it } from 'vitest';
import { runBench } from '../../scripts/bench/run';

/**
 * The benchmark's smoke version (`npm run bench -- --smoke`): every section
 * in real Chromium at a small size (1,000 clips or items, two runs, three
 * corpus pages), so the benchmark cannot rot. Figures are not judged here,
 * only that each field of the JSON was measured.
 */

/** Sections that must always produce their fields. */
const REQUIRED = new Set(['clip', 'anchor', 'contentScript', 'collection', 'search', 'library', 'storage']);

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

it('runs every benchmark section in smoke mode and fills the JSON', { timeout: 180_000 }, async () => {
  const lines: string[] = [];
  const report = await runBench({ smoke: true, print: (line) => lines.push(line) });
  expect(report.failures).toEqual([]);

  const { result } = report;
  expect(Object.keys(result).sort()).toEqual(['anchor', 'clip', 'collection', 'contentScript', 'library', 'search', 'storage']);
  expect(Object.keys(result.clip).sort()).toEqual(['medianMs', 'pages', 'ratioToReadability', 'readabilityAloneMs']);
  expect(Object.keys(result.search.p95Ms)).toEqual(['1000']);
  expect(Object.keys(result.search.indexBuildMs)).toEqual(['1000']);
  expect(Object.keys(result.library.firstRowsMs)).toEqual(['1000']);

  for (const [path, value] of leaves(result)) {
    expect(REQUIRED.has(path.split('.')[0] ?? ''), path).toBe(true);
    expect(typeof value, path).toBe('number');
    expect(Number.isFinite(value) && (value as number) > 0, `${path} = ${String(value)}`).toBe(true);
  }
  expect(result.clip.pages).toBe(3);

  // One table row per field, and min–max beside every median of several runs.
  for (const label of ['clip: action to stored', 'anchor: 100 highlights', 'collection: export', 'content script: always-on', 'search: query p95 at 1,000', 'library: first rows at 1,000']) {
    expect(report.table).toContain(label);
  }
  expect(report.table).toMatch(/clip: action to stored[^\n]*ms – [\d.]+ ms \(2\)/);
  expect(lines.some((l) => l.includes('in stages'))).toBe(true);
});
