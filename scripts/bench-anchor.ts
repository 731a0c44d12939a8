/**
 * npm run bench:anchor [-- --json FILE] [-- --no-chromium]
 *
 * 1. Robustness (jsdom): dozens of seeded highlights per fixture page in
 *    tests/fixtures/pages, described on the page, then anchored on copies with
 *    one edit each. Prints a markdown table per edit; exits non-zero if any
 *    highlight is anchored in the wrong place.
 * 2. Speed (real Chromium at /usr/bin/chromium, driven by playwright-core; no
 *    browser download, pages loaded with setContent): 100 highlights on an
 *    unchanged ~1 MB page, and on a ~1 MB page changed around every passage.
 * See docs/anchoring.md for what the figures mean.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChromiumTiming, type ChromiumTiming } from './bench-anchor-chromium';
import { goodShare, markdownTable, runRobustness, tallyByKind, tallyByMutation } from './bench-anchor-robustness';

const CHROMIUM = '/usr/bin/chromium';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const jsonFile = argValue('--json');
  const withChromium = !process.argv.includes('--no-chromium');

  const started = performance.now();
  const results = runRobustness(resolve(process.cwd(), 'tests/fixtures/pages'));
  const seconds = (performance.now() - started) / 1000;
  const byMutation = tallyByMutation(results);
  const byKind = tallyByKind(results);
  const wrong = results.filter((r) => r.outcome === 'WRONG');
  const pages = new Set(results.map((r) => r.page)).size;
  const highlights = new Set(results.map((r) => `${r.page}#${r.quote}`)).size;

  console.log(`## Robustness: ${highlights} highlights on ${pages} fixture pages (jsdom, ${seconds.toFixed(1)} s)\n`);
  console.log(markdownTable(byMutation, 'edit'));
  console.log('\nBy passage kind (every edit that keeps the passage):\n');
  console.log(markdownTable(byKind, 'passage'));
  for (const w of wrong) console.log(`\nWRONG: ${w.page} [${w.mutation}] "${w.quote}" → "${w.got ?? ''}"`);
  const missed = results.filter((r) => r.outcome === 'missed');
  if (missed.length) {
    console.log('\nMissed (not found though still on the page):');
    for (const m of missed) console.log(`- ${m.page} [${m.mutation}] ${m.kind}: "${m.quote.slice(0, 100)}"`);
  }

  const unchanged = byMutation.get('unchanged');
  const edits = byMutation.get('all edits that keep it');
  const goals = {
    unchangedAllCorrect: unchanged !== undefined && unchanged.correct === Object.values(unchanged).reduce((a, b) => a + b, 0),
    editsGoodShare: edits ? goodShare(edits) : 1,
    wrongAnchors: wrong.length,
  };
  console.log(
    `\nGoals: unchanged all correct: ${goals.unchangedAllCorrect ? 'yes' : 'NO'}; ` +
      `correct or flagged under edits: ${(100 * goals.editsGoodShare).toFixed(1)}% (goal ≥ 95%); wrong anchors: ${goals.wrongAnchors} (goal 0)`,
  );

  let chromium: ChromiumTiming | { skipped: string } | undefined;
  if (!withChromium) chromium = { skipped: '--no-chromium' };
  else if (!existsSync(CHROMIUM)) chromium = { skipped: `${CHROMIUM} not found` };
  else {
    chromium = await runChromiumTiming(CHROMIUM);
    console.log(`\n## Speed in Chromium ${chromium.browserVersion} (median of ${chromium.runs} runs)\n`);
    console.log('| case | page text | highlights | found | changed | median total ms | of which reading the text | median ms per highlight | min–max total ms |');
    console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const c of chromium.cases) {
      console.log(
        `| ${c.name} | ${(c.textChars / 1e6).toFixed(2)} M chars | ${c.highlights} | ${c.found} | ${c.changed} | ${c.medianMs.toFixed(1)} | ${c.medianReadMs.toFixed(1)} | ${(c.medianMs / c.highlights).toFixed(2)} | ${c.minMs.toFixed(1)}–${c.maxMs.toFixed(1)} |`,
      );
    }
  }
  if (chromium && 'skipped' in chromium) console.log(`\nChromium timing skipped: ${chromium.skipped}`);

  if (jsonFile) {
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      robustness: {
        pages,
        highlights,
        byMutation: Object.fromEntries(byMutation),
        byKind: Object.fromEntries(byKind),
        wrong,
        missed,
      },
      goals,
      chromium,
    };
    writeFileSync(jsonFile, JSON.stringify(report, null, 2));
    console.log(`\nWrote ${jsonFile}`);
  }
  return wrong.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
