/**
 * Classifies addresses from the command line, with the same pure code as the extension.
 *   npm run classify -- <url> [--html <file>]   one JSON object {url, type, confidence, reasons}
 *   npm run classify -- --urls <file>           one JSON object per line (address only)
 * No network: a page is read only from the --html file.
 */
// Before lib/: the classifier's words come from locales/en-GB.yml.
import './node-i18n';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { classifySource } from '../lib/classify/classify-source';
import { publicType } from '../lib/classify/describe-verdict';
import { collectPageFacts } from '../lib/clip/page-facts';
import type { SourceVerdict } from '../lib/model/source-type';

/** Parses saved HTML (bytes decoded as UTF-8, CSS errors silenced) and classifies it as served from `url`. */
export function classifyHtml(html: string, url: string): { verdict: SourceVerdict; ms: number; classifyMs: number } {
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url: /^https?:\/\//.test(url) ? url : 'https://unknown.invalid/', virtualConsole });
  try {
    const start = performance.now();
    const facts = collectPageFacts(dom.window.document, url || 'https://unknown.invalid/');
    const mid = performance.now();
    const verdict = classifySource({ ...facts, url });
    const end = performance.now();
    return { verdict, ms: end - start, classifyMs: end - mid };
  } finally {
    dom.window.close();
  }
}

/** Reads a file's bytes as UTF-8, ignoring any charset the page declares. */
export function readUtf8(path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

/** The line the command prints for one verdict. */
export function verdictLine(url: string, verdict: SourceVerdict): string {
  return JSON.stringify({ url, type: publicType(verdict), confidence: verdict.confidence, reasons: verdict.reasons });
}

function main(args: string[]): number {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const urlsFile = value('--urls');
  if (urlsFile) {
    for (const line of readUtf8(urlsFile).split(/\r?\n/)) {
      const url = line.trim();
      if (!url || url.startsWith('#')) continue;
      console.log(verdictLine(url, classifySource({ url, signals: [] })));
    }
    return 0;
  }
  const htmlFile = value('--html');
  const url = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--html');
  if (!url) {
    console.error('Usage: npm run classify -- <url> [--html <file>]  |  npm run classify -- --urls <file>');
    return 2;
  }
  const verdict = htmlFile ? classifyHtml(readUtf8(htmlFile), url).verdict : classifySource({ url, signals: [] });
  console.log(verdictLine(url, verdict));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
