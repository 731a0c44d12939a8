import type { DBCore, Middleware } from 'dexie';
import { expect } from 'vitest';
import type { LibraryDb } from '../../lib/db/library-db';
import { seededRng, type Rng } from './mutate';

/**
 * What every importer's fuzz test checks, in one place: a refusal reads as
 * a sentence, a case never hangs, nothing pollutes Object.prototype, and a
 * refused import leaves every table of the library (the search journal
 * and saved index too) exactly as it was.
 */

/**
 * Longest one step of one case may take before it counts as a hang. Far
 * above the slowest step on a quiet machine (under 0.5 s), because CI and
 * this machine run other suites alongside.
 */
export const MAX_STEP_MS = 10_000;

/** Longest readable reason (per line: a summary may list a few problems, one per line). */
export const MAX_REASON_LINE_CHARS = 300;

/** Zod's own English, which a user should never see unless we rephrased it. */
const RAW_SCHEMA_WORDS = /Invalid input|[Ee]xpected \w+, received|Invalid option|Too big:|Too small:|Unrecognized keys?:|Invalid (string|element|key|union|format)|must match pattern/;

/**
 * Asserts `message` is a reason a person can read: some words, no stack
 * trace, no "undefined" or "[object Object]", no zod internals, each line
 * short enough to read.
 */
export function expectReadableReason(message: unknown, where: string): void {
  expect(typeof message, `${where}: the reason is not text`).toBe('string');
  const text = String(message);
  expect(text.trim().length, `${where}: empty reason`).toBeGreaterThan(10);
  expect(/[A-Za-z]{3,}/.test(text), `${where}: no words in “${text}”`).toBe(true);
  expect(text, `${where}: stack trace in the reason`).not.toMatch(/\n\s+at\s|\bat .+:\d+:\d+\)?$|Error:/m);
  expect(text, `${where}: "undefined" in the reason`).not.toMatch(/\bundefined\b|\bnull\b is not|\[object \w+\]|\bNaN\b/);
  expect(text, `${where}: raw schema message “${text.slice(0, 200)}”`).not.toMatch(RAW_SCHEMA_WORDS);
  for (const line of text.split('\n')) expect(line.length, `${where}: a line of the reason is ${line.length} characters: “${line.slice(0, 120)}…”`).toBeLessThanOrEqual(MAX_REASON_LINE_CHARS);
}

/** Fails if a parsed file managed to put a property on every object. */
export function expectNoPrototypePollution(where: string): void {
  for (const key of ['polluted', 'toString', 'valueOf', 'prototype']) {
    const own = Object.getOwnPropertyDescriptor(Object.prototype, key);
    if (key === 'polluted') expect(own, `${where}: Object.prototype.polluted was set`).toBeUndefined();
    else if (key === 'prototype') expect(own, `${where}: Object.prototype.prototype was set`).toBeUndefined();
    else expect(typeof own?.value, `${where}: Object.prototype.${key} was replaced`).toBe('function');
  }
  expect(({} as Record<string, unknown>).polluted, `${where}: {} inherits "polluted"`).toBeUndefined();
}

/** Runs one step, failing the case if it throws or takes longer than MAX_STEP_MS (an async hang is cut off there). */
export async function step<T>(where: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${where} hung (no answer in ${MAX_STEP_MS} ms)`)), MAX_STEP_MS);
    });
    const value = await Promise.race([Promise.resolve().then(run), hang]);
    const took = performance.now() - started;
    expect(took, `${where} took ${took.toFixed(0)} ms`).toBeLessThan(MAX_STEP_MS);
    return value;
  } catch (error) {
    throw new Error(`${where} threw instead of refusing: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** FNV-1a over a string, two lanes: a 64-bit fingerprint without keeping megabytes of JSON per case. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}

/**
 * A fingerprint of every table of the library, rows in key order, the
 * search journal and saved search index included (they are written in the
 * same transactions as clips and highlights).
 */
export async function fingerprintLibrary(db: LibraryDb): Promise<string> {
  const parts = await db.transaction('r', db.tables, () =>
    Promise.all(
      db.tables
        .map((t) => t.name)
        .sort()
        .map(async (name) => {
          const rows = await db.table(name).toArray();
          return `${name}:${rows.length}:${hash(JSON.stringify(rows))}`;
        }),
    ),
  );
  return parts.join(' ');
}

/** Arms a disk failure on the Nth write of the next transaction (any table, the journal included). */
export interface WriteFaults {
  /** Fail the nth write from now (1 = the first); writes are counted from this call. */
  failOnWrite(n: number): void;
  /** Stop failing; returns how many writes were made since `failOnWrite`. */
  disarm(): number;
}

/** The error a full disk gives in Chromium (QuotaExceededError), which the stores turn into words. */
function diskFull(): Error {
  const error = new Error('The disk is full (injected by the fuzz test).');
  error.name = 'QuotaExceededError';
  return error;
}

/**
 * Installs (before the database opens) a DBCore middleware below the search
 * journal's, so every write, the journal's own included, passes through it
 * and the Nth can be made to fail mid-transaction.
 */
export function installWriteFaults(db: LibraryDb): WriteFaults {
  let failAt = 0;
  let writes = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'FuzzWriteFaults',
    level: 1,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              if (!failAt) return table.mutate(req);
              writes++;
              return writes === failAt ? Promise.reject(diskFull()) : table.mutate(req);
            },
          };
        },
      };
    },
  };
  db.use(middleware);
  return {
    failOnWrite(n) {
      failAt = n;
      writes = 0;
    },
    disarm() {
      failAt = 0;
      return writes;
    },
  };
}

/** Counts for one format, printed at the end and checked by the test. */
export interface Tally {
  cases: number;
  accepted: number;
  refusedWhenRead: number;
  refusedAtPreview: number;
  refusedWhenApplied: number;
  /** Applies that met an injected disk failure and left the library as it was. */
  rolledBack: number;
  slowestMs: number;
  /** Cases and milliseconds spent, by mutation kind. */
  byKind: Map<string, { n: number; ms: number }>;
  /** Milliseconds spent in each phase (read, preview, apply, checks, reset), to see where a slow run goes. */
  phases: Record<string, number>;
}

export function newTally(): Tally {
  return { cases: 0, accepted: 0, refusedWhenRead: 0, refusedAtPreview: 0, refusedWhenApplied: 0, rolledBack: 0, slowestMs: 0, byKind: new Map(), phases: {} };
}

/** One line per format for the test log. */
export function describeTally(name: string, t: Tally, ms: number): string {
  const kinds = [...t.byKind].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v.n} (${(v.ms / 1000).toFixed(1)} s)`).join(', ');
  return (
    `[fuzz] ${name}: ${t.cases} cases in ${(ms / 1000).toFixed(1)} s; accepted ${t.accepted}, refused when read ${t.refusedWhenRead}, ` +
    `at preview ${t.refusedAtPreview}, when applied ${t.refusedWhenApplied}; injected write failures rolled back ${t.rolledBack}; ` +
    `slowest case ${t.slowestMs.toFixed(0)} ms\n        phases: ${Object.entries(t.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}\n        kinds: ${kinds}`
  );
}

/** A step's answer: a value, or a refusal with the reason the user would see. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** The Result of lib/model/result.ts as an Outcome. */
export function outcomeOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): Outcome<T> {
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
}

/** One importer as the page runs it: read the text, preview against the library, apply in one transaction. */
export interface ImporterSteps<File, Plan> {
  read(text: string): Outcome<File> | Promise<Outcome<File>>;
  preview?(file: File): Promise<Outcome<Plan>>;
  apply?(plan: Plan): Promise<Outcome<unknown>>;
}

/** What a fuzz run needs besides the importer. */
export interface FuzzRun<File, Plan> {
  name: string;
  cases: number;
  seed: number;
  /** The next hostile text (may be async: share links compress). */
  mutate(rng: Rng, index: number): { kind: string; text: string } | Promise<{ kind: string; text: string }>;
  steps: ImporterSteps<File, Plan>;
  /** The library the cases run against, when the importer writes; omitted for importers that only read. */
  library?: FuzzLibrary;
  /** One in this many applies meets a disk that fails on a random write (default 3). */
  faultEvery?: number;
  /** Checks on what an accepted import stored (before the library is reset). */
  afterApply?(where: string): Promise<void>;
  /** Checks on a file that read well (pure invariants: no hostile address survived, …). */
  afterRead?(file: File, where: string): void;
}

/** The shared library a fuzz file runs against: one fake-indexeddb database, reset only after an accepted import. */
export interface FuzzLibrary {
  db: LibraryDb;
  faults: WriteFaults;
  /** Puts the baseline rows back (after an import that was accepted). */
  reset(): Promise<void>;
}

/**
 * Opens `db` with write faults installed, lets `seed` fill it, and keeps
 * those rows (every table) as the baseline that `reset` restores in one
 * transaction: far cheaper than deleting and reopening the database.
 */
export async function openFuzzLibrary(db: LibraryDb, seed: () => Promise<void>): Promise<FuzzLibrary> {
  const faults = installWriteFaults(db);
  await db.open();
  await seed();
  const baseline = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  const reset = async () => {
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
      for (const [name, rows] of baseline) if (rows.length) await db.table(name).bulkAdd(rows);
    });
  };
  return { db, faults, reset };
}

/**
 * Runs `cases` hostile texts through an importer, checking on every case:
 * no throw, no hang, no prototype pollution, every refusal a readable
 * reason, and after any refusal (read, preview or apply, including an
 * apply that met a disk failure part-way) a library identical to before.
 */
export async function runFuzz<File, Plan>(run: FuzzRun<File, Plan>): Promise<Tally> {
  const rng = seededRng(run.seed);
  const tally = newTally();
  const lib = run.library;
  let before = lib ? await fingerprintLibrary(lib.db) : '';
  const unchanged = async (where: string) => {
    if (lib) expect(await timed('fingerprint', () => fingerprintLibrary(lib.db)), `${where} changed the library although it was refused`).toBe(before);
  };
  let applies = 0;
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      tally.phases[phase] = (tally.phases[phase] ?? 0) + performance.now() - t0;
    }
  };
  for (let i = 0; i < run.cases; i++) {
    const { kind, text } = await run.mutate(rng, i);
    const where = `${run.name} case ${i} (seed ${run.seed}, ${kind})`;
    tally.cases++;
    const started = performance.now();
    const perKind = tally.byKind.get(kind) ?? { n: 0, ms: 0 };
    tally.byKind.set(kind, perKind);
    perKind.n++;
    try {
      await runCase(text, where, started, i);
    } finally {
      perKind.ms += performance.now() - started;
    }
  }
  expect(tally.cases).toBe(run.cases);
  return tally;

  async function runCase(text: string, where: string, started: number, i: number): Promise<void> {
    const read = await timed('read', () => step(`${where} read`, () => run.steps.read(text)));
    expectNoPrototypePollution(where);
    if (!read.ok) {
      expectReadableReason(read.message, `${where} read`);
      // Reading is pure (lib/exchange may not import lib/db: tests/unit/architecture), so one read refusal in ten is
      // enough to confirm it; every preview and apply refusal is checked.
      if (i % 10 === 0) await unchanged(`${where} read`);
      tally.refusedWhenRead++;
      tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started);
      return;
    }
    run.afterRead?.(read.value, where);
    const preview = run.steps.preview;
    const apply = run.steps.apply;
    if (!preview || !apply || !lib) {
      tally.accepted++;
      tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started);
      return;
    }
    const plan = await timed('preview', () => step(`${where} preview`, () => preview(read.value)));
    if (!plan.ok) {
      expectReadableReason(plan.message, `${where} preview`);
      await unchanged(`${where} preview`);
      tally.refusedAtPreview++;
      return;
    }
    const failAt = applies++ % (run.faultEvery ?? 3) === 0 ? rng.between(1, 8) : 0;
    if (failAt) lib.faults.failOnWrite(failAt);
    let applied: Outcome<unknown>;
    let writes = 0;
    try {
      applied = await timed('apply', () => step(`${where} apply`, () => apply(plan.value)));
    } finally {
      writes = lib.faults.disarm();
    }
    tally.slowestMs = Math.max(tally.slowestMs, performance.now() - started);
    if (applied.ok) {
      // A success with a failure armed is only right when the import needed fewer writes than that.
      if (failAt) expect(writes, `${where}: apply succeeded although write ${failAt} failed`).toBeLessThan(failAt);
      await timed('check stored', async () => run.afterApply?.(where));
      tally.accepted++;
      await timed('reset', () => lib.reset());
      before = await timed('fingerprint', () => fingerprintLibrary(lib.db));
      return;
    }
    expectReadableReason(applied.message, `${where} apply`);
    await unchanged(`${where} apply${failAt ? ` with write ${failAt} failing` : ''}`);
    if (failAt && writes >= failAt) tally.rolledBack++;
    else tally.refusedWhenApplied++;
  }
}
