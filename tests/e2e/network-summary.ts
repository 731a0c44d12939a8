import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORK_DIR, type NetworkRecord } from './network-log';

/**
 * Vitest global setup for the e2e suite. Before the run it empties the
 * network log folder, so the summary covers exactly this run (one spec or
 * all of them); after the run it reads every browser's log, prints the
 * totals and fails the run if any extension context reached the network
 * without a test declaring it as asked for by the user.
 */
export function setup(): () => void {
  rmSync(NETWORK_DIR, { recursive: true, force: true });
  return teardown;
}

export interface NetworkSummary {
  browsers: number;
  declared: number;
  undeclared: NetworkRecord[];
  own: number;
  pages: number;
  /** Requests Chromium made itself (account and update checks, favicons). */
  browser: number;
  /** Declared requests by their declaration. */
  declaredBy: Map<string, number>;
}

/** Totals over every log file in the folder. */
export function summariseNetwork(dir = NETWORK_DIR): NetworkSummary {
  const summary: NetworkSummary = { browsers: 0, declared: 0, undeclared: [], own: 0, pages: 0, browser: 0, declaredBy: new Map() };
  if (!existsSync(dir)) return summary;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    summary.browsers++;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as NetworkRecord;
      if (record.verdict === 'undeclared') summary.undeclared.push(record);
      else if (record.verdict === 'declared') {
        summary.declared++;
        const why = record.declaredAs ?? '';
        summary.declaredBy.set(why, (summary.declaredBy.get(why) ?? 0) + 1);
      } else if (record.verdict === 'own') summary.own++;
      else if (record.context === 'browser') summary.browser++;
      else summary.pages++;
    }
  }
  return summary;
}

function teardown(): void {
  const s = summariseNetwork();
  const lines = [
    `Network, whole e2e run (${s.browsers} browser launches, logs in ${NETWORK_DIR}):`,
    `  requests by extension contexts: declared ${s.declared}, undeclared ${s.undeclared.length}`,
    ...[...s.declaredBy].map(([why, n]) => `    ${n} × ${why}`),
    `  extension's own files (chrome-extension:, blob:, data:): ${s.own}`,
    `  requests by web pages: ${s.pages}; by the browser itself: ${s.browser}`,
  ];
  console.log(lines.join('\n'));
  if (s.undeclared.length > 0) {
    // Vitest reports an error thrown here but still exits with 0: set the code ourselves.
    process.exitCode = 1;
    throw new Error(
      `extension contexts made ${s.undeclared.length} network request(s) no test declared:\n` +
        s.undeclared.map((r) => `  ${r.method} ${r.url} from ${r.context} ${r.initiator}`).join('\n'),
    );
  }
}
