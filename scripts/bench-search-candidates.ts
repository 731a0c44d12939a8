/**
 * npm run bench:search-candidates [-- --sizes 10000,100000] [-- --candidates minisearch,flexsearch,dexie-words,ours]
 *                                 [-- --dexie-sizes 10000] [-- --json FILE]
 *
 * Compares full-text index candidates on synthetic ~5 KB health clips
 * (tests/bench/synthetic-clips.ts): build time, heap after build, query
 * median/p95 over 200 realistic queries (warm), persist and load time and the
 * stored size, plus a checklist of what each finds. Each candidate and size
 * runs in its own Node process, so a crash or out-of-memory is reported, not
 * fatal. The Dexie word index only runs at --dexie-sizes (it is slow).
 * Environment: BENCH_SEARCH_SIZES works like --sizes. See docs/search.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { CANDIDATES } from './bench-search-adapters';
import { CHECKS, runChecklist, type ChecklistResult } from './bench-search-checklist';
import type { RunMeasurement } from './bench-search-worker';

type RunOutcome = RunMeasurement | { candidate: string; clips: number; error: string };

const WORKER = resolve(import.meta.dirname, 'bench-search-worker.ts');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function numbers(list: string): number[] {
  return list.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
}

/** Runs one candidate at one size in a child process; a crash becomes an error entry. */
function runIsolated(key: string, clips: number, timeoutMs: number): Promise<RunOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const out = join(dir, 'result.json');
  const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', WORKER, key, String(clips), out], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-4_000);
    process.stderr.write(text);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        if (code === 0) {
          done(JSON.parse(readFileSync(out, 'utf8')) as RunMeasurement);
          return;
        }
        const oom = /heap out of memory|Allocation failed|Invalid string length/i.exec(stderr)?.[0];
        const last = stderr.trim().split('\n').slice(-3).join(' / ');
        const why = signal === 'SIGKILL' ? `killed after ${timeoutMs / 60_000} min` : oom ? `crashed: ${oom}` : `exit ${code ?? signal}: ${last}`;
        done({ candidate: key, clips, error: why });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0));
const sec = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const msf = (ms: number) => ms.toFixed(ms < 10 ? 2 : 0);

/** The results as a markdown table, one row per candidate and size. */
export function resultsTable(runs: readonly RunOutcome[]): string {
  const rows = [
    '| candidate | clips | build s | heap MB | buffers MB | byteSize MB | query p50 ms | p95 ms | max ms | matched | persist s | load s | saved MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    if ('error' in r) {
      rows.push(`| ${r.candidate} | ${r.clips} | ${r.error} |||||||||||`);
      continue;
    }
    rows.push(
      `| ${r.candidate} | ${r.clips} | ${sec(r.buildMs)} | ${mb(r.heapBytes)} | ${mb(r.bufferBytes)} | ${mb(r.byteSize)} | ${msf(r.queryMedianMs)} | ${msf(r.queryP95Ms)} | ${msf(r.queryMaxMs)} | ` +
        `${Math.round(100 * r.queriesMatched)}% | ${sec(r.persistMs)} | ${sec(r.loadMs)} | ${mb(r.savedBytes)} |`,
    );
  }
  return rows.join('\n');
}

/** The checklist as a markdown table, one column per candidate. */
export function checklistTable(results: Record<string, ChecklistResult>): string {
  const keys = Object.keys(results);
  const rows = [`| query | should find | ${keys.join(' | ')} |`, `|---|---|${keys.map(() => '---').join('|')}|`];
  for (const check of CHECKS) rows.push(`| \`${check.query}\` | ${check.what} | ${keys.map((k) => results[k]?.[check.query] ?? '–').join(' | ')} |`);
  return rows.join('\n');
}

async function main(): Promise<void> {
  const sizes = numbers(argValue('--sizes') ?? process.env.BENCH_SEARCH_SIZES ?? '10000,100000');
  const dexieSizes = numbers(argValue('--dexie-sizes') ?? '10000');
  const wanted = (argValue('--candidates') ?? CANDIDATES.map((c) => c.key).join(',')).split(',');
  const timeoutMs = Number(argValue('--timeout-min') ?? 90) * 60_000;
  const jsonFile = argValue('--json');
  const candidates = CANDIDATES.filter((c) => wanted.includes(c.key));

  const loadAtStart = loadavg()[0] ?? 0;
  const checklist: Record<string, ChecklistResult> = {};
  for (const c of candidates) {
    try {
      checklist[c.key] = await runChecklist(c);
    } catch (error) {
      checklist[c.key] = Object.fromEntries(CHECKS.map((k) => [k.query, `error: ${error instanceof Error ? error.message : String(error)}`]));
    }
  }

  const runs: RunOutcome[] = [];
  for (const c of candidates) {
    const own = c.key === 'dexie-words' ? dexieSizes.filter((n) => n <= Math.max(...sizes)) : sizes;
    for (const clips of own) {
      console.error(`\n== ${c.key} at ${clips} clips`);
      runs.push(await runIsolated(c.key, clips, timeoutMs));
    }
  }

  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  };
  console.log(`## Search index candidates (Node ${machine.node}, ${machine.cpus} cores, ${machine.memGiB} GiB, load average ${loadAtStart.toFixed(1)} → ${machine.loadAverage.end.toFixed(1)})\n`);
  console.log(resultsTable(runs));
  console.log('\nSlowest query per run:');
  for (const r of runs) if (!('error' in r)) console.log(`- ${r.candidate} ${r.clips}: "${r.slowestQuery}" ${msf(r.queryMaxMs)} ms`);
  console.log('\n## What each finds (five-clip checklist)\n');
  console.log(checklistTable(checklist));
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify({ date: new Date().toISOString(), machine, candidates: candidates.map((c) => ({ key: c.key, label: c.label })), runs, checklist }, null, 2)}\n`);
    console.log(`\nWrote ${jsonFile}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
