/**
 * npm run bench [-- --json FILE] [-- --smoke] [-- --only clip,anchor] [-- --runs N]
 *
 * Builds the e2e extension (the npm script does, first), then measures it in
 * real Chromium (/usr/bin/chromium, or CHROMIUM_PATH; nothing is downloaded
 * and pages come from 127.0.0.1) and prints one table: metric, value (a
 * median unless it says p95), the target from issue 7, the min–max of the
 * runs (the machine's noise) and pass/over. `--json FILE` writes the figures
 * in the shape of issue 7, every field present (null when not measured).
 * `--smoke` is the small version CI runs (tests/e2e/bench-smoke.spec.ts).
 * The sections are listed in scripts/bench/sections.ts.
 */
import { writeFileSync } from 'node:fs';
import { nullFields, runBench } from './bench/run';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const jsonFile = argValue('--json');
  const runs = argValue('--runs');
  const report = await runBench({
    smoke: process.argv.includes('--smoke'),
    only: argValue('--only')?.split(',').map((s) => s.trim()).filter(Boolean),
    runs: runs ? Number(runs) : undefined,
  });
  console.log(`\n## Results (${report.seconds.toFixed(0)} s)\n`);
  console.log(report.table);
  const missing = nullFields(report.result);
  if (missing.length) console.log(`\nnot measured: ${missing.join(', ')}`);
  for (const f of report.failures) console.log(`\nsection ${f.section} failed (its fields are null): ${f.error.split('\n')[0] ?? ''}`);
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify(report.result, null, 2)}\n`);
    console.log(`\nWrote ${jsonFile}`);
  }
  return report.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
