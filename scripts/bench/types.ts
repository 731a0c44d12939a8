/**
 * The shapes shared by the benchmark's orchestrator (run.ts) and its
 * sections (one module each, listed in sections.ts).
 */
import type { ExtensionBrowser, FixtureServer } from '../../tests/e2e/harness';

/**
 * The JSON `npm run bench -- --json FILE` writes (issue 7). Milliseconds
 * unless named otherwise; medians of several runs unless named p95. A field
 * no section measured is null. Keys under search and library are library
 * sizes in clips ("10000", "100000"; "1000" in smoke mode).
 */
export interface BenchResult {
  clip: { medianMs: number | null; readabilityAloneMs: number | null; ratioToReadability: number | null; pages: number | null };
  search: { p95Ms: Record<string, number | null>; indexBuildMs: Record<string, number | null> };
  library: { firstRowsMs: Record<string, number | null> };
  anchor: { hundredOn1MBMs: number | null };
  contentScript: { alwaysOnGzipBytes: number | null };
  collection: { export10kMs: number | null; import10kMs: number | null };
  storage: { bytesPerClip: number | null };
}

/** One field of BenchResult, named by its dotted path (`search.p95Ms.100000`). */
export type MetricPath =
  | 'clip.medianMs'
  | 'clip.readabilityAloneMs'
  | 'clip.ratioToReadability'
  | 'clip.pages'
  | `search.p95Ms.${number}`
  | `search.indexBuildMs.${number}`
  | `library.firstRowsMs.${number}`
  | 'anchor.hundredOn1MBMs'
  | 'contentScript.alwaysOnGzipBytes'
  | 'collection.export10kMs'
  | 'collection.import10kMs'
  | 'storage.bytesPerClip';

/** A measured value with the spread of the runs behind it (the machine's noise). */
export interface Measurement {
  /** What goes into the JSON: a median unless the metric says p95, a size or a count. */
  value: number;
  /** Smallest and largest run (or, for a median over pages, over the pages' medians). */
  min?: number;
  max?: number;
  /** How many runs the value summarises. */
  runs?: number;
}

/** What a section measured, by field; fields it leaves out stay null. */
export type SectionOutput = Partial<Record<MetricPath, Measurement>>;

/** Everything a section may use; created once per benchmark run by run.ts. */
export interface BenchContext {
  /** Smoke mode (CI): small sizes, one or two runs, a few pages. */
  readonly smoke: boolean;
  /** Library sizes to measure search and the library at: [10000, 100000], or [1000] in smoke mode. */
  readonly sizes: readonly number[];
  /** Items in the exported and imported collection: 10,000, or 1,000 in smoke mode. */
  readonly collectionItems: number;
  /** Timed runs per measurement (each value is their median). */
  readonly runs: number;
  /** The repository's root folder. */
  readonly repoRoot: string;
  /** The e2e build the browsers load (`npm run build:e2e`). */
  readonly extensionDir: string;
  /** Serves tests/fixtures/pages (and the corpus under /corpus/) on 127.0.0.1 to every host name. */
  readonly server: FixtureServer;
  /** Real Chromium with the e2e extension in a fresh profile; closed and deleted when the section ends. */
  launch(): Promise<ExtensionBrowser>;
  /** Prints a detail line under the section's heading. */
  log(line: string): void;
}

/** One part of the benchmark. A section that throws leaves its fields null and the others run. */
export interface BenchSection {
  /** Short name, used by `--only` and in headings. */
  readonly name: string;
  run(ctx: BenchContext): Promise<SectionOutput>;
}
