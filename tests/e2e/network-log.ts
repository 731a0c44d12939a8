import { resolve } from 'node:path';

/**
 * The network log the e2e harness writes: one JSON line per request seen in
 * a browser it launched, in tests/e2e/artifacts/network/<spec>-<n>.jsonl.
 * Shared by the harness (writer) and the suite's global teardown (reader).
 */
export const NETWORK_DIR = resolve(process.cwd(), 'tests/e2e/artifacts/network');

export interface NetworkRecord {
  at: string;
  /**
   * Who made it: the extension's service worker, one of its pages (or that
   * page's workers), a web page, the browser itself (its own hosts, or an
   * extension address with no frame), or unattributed: a network request
   * with no frame or worker, or one that reached the fixture server without
   * any recorder seeing it. Unattributed requests count as the extension's.
   */
  context: 'service-worker' | 'extension-page' | 'web-page' | 'browser' | 'unattributed';
  /** The worker's or document's address (for a new tab's first navigation, the page that opened it). */
  initiator: string;
  url: string;
  method: string;
  resourceType: string;
  navigation: boolean;
  /** False for chrome-extension:, blob: and data: addresses, which never leave the browser. */
  network: boolean;
  /**
   * page: not the extension's (a web page loading its own images);
   * own: the extension loading its own bundle; declared: the test declared
   * it as asked for by the user; undeclared: a leak.
   */
  verdict: 'page' | 'own' | 'declared' | 'undeclared';
  /** The declaration that matched. */
  declaredAs?: string;
}
