/**
 * The benchmark's orchestrator: one fixture server, browsers on demand, each
 * section of sections.ts in turn, then the JSON and the table. Used by
 * scripts/bench.ts (`npm run bench`) and by the smoke test in
 * tests/e2e/bench-smoke.spec.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, removeProfile, startFixtureServer, type ExtensionBrowser } from '../../tests/e2e/harness';
import { CORPUS_DIR } from './corpus';
import { buildResult, formatTable } from './report';
import { SECTIONS } from './sections';
import type { BenchContext, BenchResult, BenchSection, SectionOutput } from './types';

export interface BenchOptions {
  smoke?: boolean;
  /** Only these sections (by name); all when absent. */
  only?: readonly string[];
  /** Timed runs per measurement; default 5, 2 in smoke mode. */
  runs?: number;
  /** Where lines go; console.log when absent. */
  print?: (line: string) => void;
  /** The sections to run; sections.ts's list when absent. */
  sections?: readonly BenchSection[];
}

export interface BenchReport {
  result: BenchResult;
  measurements: SectionOutput;
  table: string;
  /** Sections that threw, with the error. */
  failures: { section: string; error: string }[];
  seconds: number;
}

/**
 * Runs the sections in order on one fixture server; the browsers a section
 * launches are closed (and their profiles deleted) when it ends. A section
 * that throws is reported in `failures` and leaves its fields null.
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const smoke = options.smoke ?? false;
  const sizes = smoke ? [1_000] : [10_000, 100_000];
  const started = performance.now();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No e2e build at ${EXTENSION_DIR}: run npm run build:e2e first.`);

  const server = await startFixtureServer({ extraDirs: existsSync(CORPUS_DIR) ? { corpus: CORPUS_DIR } : {} });
  const browsers: ExtensionBrowser[] = [];
  const ctx: BenchContext = {
    smoke,
    sizes,
    collectionItems: smoke ? 1_000 : 10_000,
    runs: options.runs ?? (smoke ? 2 : 5),
    repoRoot: process.cwd(),
    extensionDir: EXTENSION_DIR,
    server,
    launch: async () => {
      const browser = await launchWithExtension(server);
      browsers.push(browser);
      return browser;
    },
    log: (line) => print(`  ${line}`),
  };

  const measurements: SectionOutput = {};
  const failures: BenchReport['failures'] = [];
  const all = options.sections ?? SECTIONS;
  const unknownNames = options.only?.filter((name) => !all.some((s) => s.name === name)) ?? [];
  if (unknownNames.length) throw new Error(`no section named ${unknownNames.join(', ')}; the sections are ${all.map((s) => s.name).join(', ')}`);
  const chosen = all.filter((s) => !options.only?.length || options.only.includes(s.name));
  try {
    for (const section of chosen) {
      print(`\n## ${section.name}`);
      const t0 = performance.now();
      try {
        Object.assign(measurements, await section.run(ctx));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ section: section.name, error: message });
        print(`  section ${section.name} failed: ${message}`);
      } finally {
        // A section's browsers end with it, so the next one starts on a quiet machine.
        await closeAll(browsers);
      }
      print(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await closeAll(browsers);
    await server.close();
  }

  const { result, unknown } = buildResult(sizes, measurements);
  for (const path of unknown) print(`  ignored a measurement outside the JSON's shape: ${path}`);
  const table = formatTable(sizes, measurements);
  return { result, measurements, table, failures, seconds: (performance.now() - started) / 1000 };
}

async function closeAll(browsers: ExtensionBrowser[]): Promise<void> {
  for (const browser of browsers.splice(0)) {
    await browser.close().catch(() => undefined);
    await removeProfile(browser.profileDir);
  }
}

/** Every field of the JSON that is null, as dotted paths. */
export function nullFields(result: BenchResult): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null) out.push(path);
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(result, '');
  return out;
}
