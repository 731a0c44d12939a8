/**
 * Anchor section: 100 highlights re-anchored on an unchanged ~1 MB page in
 * real Chromium, a fresh load per run (scripts/bench-anchor-chromium.ts, the
 * speed half of `npm run bench:anchor`; lib/anchor bundled with esbuild and
 * loaded with setContent, no extension needed).
 */
import { runChromiumTiming } from '../bench-anchor-chromium';
import { CHROMIUM } from '../../tests/e2e/harness';
import type { BenchSection, SectionOutput } from './types';

const CASE = 'unchanged';

export const anchorSection: BenchSection = {
  name: 'anchor',
  async run(ctx): Promise<SectionOutput> {
    const timing = await runChromiumTiming(CHROMIUM, Math.max(ctx.runs, 3), [CASE]);
    const c = timing.cases.find((x) => x.name === CASE);
    if (!c) throw new Error(`the anchoring benchmark has no “${CASE}” case`);
    if (c.found !== c.highlights) throw new Error(`only ${c.found} of ${c.highlights} highlights were found on the unchanged page`);
    ctx.log(`${c.highlights} highlights on ${(c.textChars / 1e6).toFixed(2)} M characters of text, all found; reading the text once ${c.medianReadMs.toFixed(1)} ms of it; runs ${c.runsMs.join(', ')} ms`);
    return { 'anchor.hundredOn1MBMs': { value: c.medianMs, min: c.minMs, max: c.maxMs, runs: c.runsMs.length } };
  },
};
