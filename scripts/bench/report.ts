/**
 * From measurements to the JSON of issue 7 and the printed table
 * (metric | value | target | min–max | pass/over).
 */
import type { BenchResult, Measurement, MetricPath, SectionOutput } from './types';

/** A target from issue 7: the value must stay below (or at most) the limit. */
interface Target {
  limit: number;
  /** `<` for strictly below, `≤` for at most. */
  op: '<' | '≤';
}

interface MetricInfo {
  path: MetricPath;
  label: string;
  unit: 'ms' | 'bytes' | 'ratio' | 'pages';
  target?: Target;
}

/** Every field of the JSON, in table order, for these library sizes. */
export function metricsFor(sizes: readonly number[]): MetricInfo[] {
  const bySize = (make: (size: number) => MetricInfo) => sizes.map(make);
  return [
    { path: 'clip.medianMs', label: 'clip: action to stored, median page', unit: 'ms', target: { limit: 25, op: '<' } },
    { path: 'clip.readabilityAloneMs', label: 'clip: Readability alone, median page', unit: 'ms' },
    { path: 'clip.ratioToReadability', label: 'clip: total clip / total Readability', unit: 'ratio', target: { limit: 1.5, op: '≤' } },
    { path: 'clip.pages', label: 'clip: pages measured', unit: 'pages' },
    ...bySize((n) => ({ path: `search.p95Ms.${n}`, label: `search: query p95 at ${n.toLocaleString('en-GB')}`, unit: 'ms', target: { limit: 25, op: '<' } })),
    ...bySize((n) => ({ path: `search.indexBuildMs.${n}`, label: `search: index build at ${n.toLocaleString('en-GB')}`, unit: 'ms' })),
    ...bySize((n) => ({ path: `library.firstRowsMs.${n}`, label: `library: first rows at ${n.toLocaleString('en-GB')}`, unit: 'ms', target: { limit: 200, op: '<' } })),
    { path: 'anchor.hundredOn1MBMs', label: 'anchor: 100 highlights on 1 MB page', unit: 'ms', target: { limit: 100, op: '<' } },
    { path: 'contentScript.alwaysOnGzipBytes', label: 'content script: always-on, gzipped', unit: 'bytes', target: { limit: 15_360, op: '<' } },
    { path: 'collection.export10kMs', label: 'collection: export', unit: 'ms', target: { limit: 2_000, op: '<' } },
    { path: 'collection.import10kMs', label: 'collection: import (choose file to applied)', unit: 'ms', target: { limit: 2_000, op: '<' } },
    { path: 'storage.bytesPerClip', label: 'storage: bytes per clip', unit: 'bytes' },
  ];
}

/** The JSON with every field present and null, search/library keyed by `sizes`. */
export function emptyResult(sizes: readonly number[]): BenchResult {
  const nulls = () => Object.fromEntries(sizes.map((n) => [String(n), null])) as Record<string, number | null>;
  return {
    clip: { medianMs: null, readabilityAloneMs: null, ratioToReadability: null, pages: null },
    search: { p95Ms: nulls(), indexBuildMs: nulls() },
    library: { firstRowsMs: nulls() },
    anchor: { hundredOn1MBMs: null },
    contentScript: { alwaysOnGzipBytes: null },
    collection: { export10kMs: null, import10kMs: null },
    storage: { bytesPerClip: null },
  };
}

/** Rounds to what a person can read: 0.1 ms, 0.01 for ratios, whole bytes and pages. */
function rounded(info: MetricInfo, value: number): number {
  if (info.unit === 'bytes' || info.unit === 'pages') return Math.round(value);
  if (info.unit === 'ratio') return Math.round(value * 100) / 100;
  return Math.round(value * 10) / 10;
}

/** Puts the measurements into the JSON; a path outside the JSON's shape (a size not asked for) is refused. */
export function buildResult(sizes: readonly number[], measurements: SectionOutput): { result: BenchResult; unknown: string[] } {
  const result = emptyResult(sizes);
  const infos = new Map(metricsFor(sizes).map((m) => [m.path, m]));
  const unknown: string[] = [];
  for (const [path, m] of Object.entries(measurements) as [MetricPath, Measurement | undefined][]) {
    const info = infos.get(path);
    if (!info || !m) {
      unknown.push(path);
      continue;
    }
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let holder: Record<string, unknown> = result as unknown as Record<string, unknown>;
    for (const key of keys) holder = holder[key] as Record<string, unknown>;
    holder[last] = Number.isFinite(m.value) ? rounded(info, m.value) : null;
  }
  return { result, unknown };
}

function format(info: MetricInfo, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  switch (info.unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'bytes':
      return value >= 10_240 ? `${Math.round(value).toLocaleString('en-GB')} B (${(value / 1024).toFixed(1)} KB)` : `${Math.round(value).toLocaleString('en-GB')} B`;
    case 'ratio':
      return value.toFixed(2);
    case 'pages':
      return String(Math.round(value));
  }
}

function formatTarget(info: MetricInfo): string {
  if (!info.target) return '';
  const limit = info.unit === 'bytes' ? `${info.target.limit.toLocaleString('en-GB')} B` : info.unit === 'ratio' ? String(info.target.limit) : `${info.target.limit.toLocaleString('en-GB')} ms`;
  return `${info.target.op} ${limit}`;
}

function verdict(info: MetricInfo, value: number): string {
  if (!info.target) return '';
  const ok = info.target.op === '<' ? value < info.target.limit : value <= info.target.limit;
  return ok ? 'pass' : 'OVER';
}

/** The table, one row per JSON field; unmeasured fields say so. */
export function formatTable(sizes: readonly number[], measurements: SectionOutput): string {
  const header = ['metric', 'value', 'target', 'min–max', 'pass/over'];
  const rows = metricsFor(sizes).map((info) => {
    const m = measurements[info.path];
    if (!m || !Number.isFinite(m.value)) return [info.label, 'not measured', formatTarget(info), '', ''];
    const spread = m.min !== undefined && m.max !== undefined ? `${format(info, m.min)} – ${format(info, m.max)}${m.runs ? ` (${m.runs})` : ''}` : '';
    return [info.label, format(info, m.value), formatTarget(info), spread, verdict(info, m.value)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
