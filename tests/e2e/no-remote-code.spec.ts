import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedChunk, SHARED_CHUNK_NAME } from './shared-chunk';

/**
 * Issue 8, item 6: no remote code, no analytics, in what we ship. Read over
 * the production builds (`npm run build` writes .output/chrome-mv3 and
 * .output/firefox-mv3 before the e2e suite runs).
 *
 * The rule for JavaScript: addresses as data are fine (the NHS and journal
 * lists used to classify pages, schema URIs, the XHTML namespace). What
 * must not happen is code loading or sending anything somewhere we did not
 * choose. So every call that can load code or reach the network (import(),
 * importScripts(), new Worker(), eval(), Function(), fetch(), sendBeacon(),
 * WebSocket, EventSource, XMLHttpRequest) is found and its argument judged:
 * - a literal http(s) or protocol-relative address: never allowed;
 * - import(), new Worker(), importScripts(): only our own files, by a
 *   relative literal;
 * - eval(): never; Function(): only zod's probe `Function("")`, which has
 *   no code in it (the pages' CSP blocks it anyway, and zod then does
 *   without);
 * - fetch() with an address computed at run time: only at the call sites
 *   listed in ALLOWED_FETCHES, each with the reason the user asked for it.
 */

const OUTPUT = resolve(process.cwd(), '.output');
const BUILDS = ['chrome-mv3', 'firefox-mv3'];

/** Call sites of fetch() with an address known only at run time, by bundle file (name without its hash). */
const ALLOWED_FETCHES: Record<string, { count: number; why: string }> = {
  // The chunk every page shares (tests/e2e/shared-chunk.ts).
  [SHARED_CHUNK_NAME]: { count: 1, why: 'Vite’s modulepreload polyfill: fetches our own chunks listed in <link rel="modulepreload">' },
  // Both hand the global fetch to lib/exchange/fetch-collection, which reads one https address without cookies.
  'chunks/SubscriptionsView': { count: 1, why: 'follow a collection at the https address the user typed, and “Check now”' },
  background: { count: 1, why: 'the daily/weekly check of a followed collection, only after the user turns it on' },
};

/** Names of analytics and error-reporting services, as their SDKs or hosts appear in code. */
const TELEMETRY = /google-analytics|googletagmanager|\bgtag\(|\bga\(\s*['"`]send|sentry|mixpanel|segment\.(io|com)|cdn\.segment|api\.amplitude|amplitude\.(com|getInstance|init)|@amplitude|posthog|hotjar|datadoghq|bugsnag|rollbar|newrelic|nr-data|plausible\.io|matomo|piwik|clarity\.ms/i;

/** The calls that can load code or reach the network, preceded by something that is not part of a longer name. */
const CALLS = /(?<![\w$.])(import|importScripts|new\s+Worker|new\s+SharedWorker|eval|Function|new\s+Function|fetch|navigator\.sendBeacon|sendBeacon|new\s+WebSocket|new\s+EventSource|new\s+XMLHttpRequest)\s*\(/g;

export interface CallSite {
  call: string;
  argument: string;
  problem?: string;
}

/** Every code-loading or network call in a bundle, with the start of its argument and, if it breaks the rule, why. */
export function findCalls(code: string): CallSite[] {
  const sites: CallSite[] = [];
  for (const match of code.matchAll(CALLS)) {
    const call = (match[1] ?? '').replace(/\s+/g, ' ');
    const argument = code.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 80);
    sites.push({ call, argument, ...judge(call, argument) });
  }
  return sites;
}

function judge(call: string, argument: string): { problem?: string } {
  if (/^\s*[`'"](https?:)?\/\//i.test(argument)) return { problem: 'a literal remote address' };
  switch (call) {
    case 'import':
    case 'importScripts':
    case 'new Worker':
    case 'new SharedWorker':
      // Our own files: a relative literal, or Vite's worker form new URL(`/assets/…`, self.location).
      return /^\s*([`'"]\.{0,2}\/(?!\/)|new URL\(\s*[`'"]\/(?!\/))/.test(argument) ? {} : { problem: 'loads code from an address computed at run time' };
    case 'eval':
      return { problem: 'eval' };
    case 'Function':
    case 'new Function':
      return /^\s*(``|''|"")\s*\)/.test(argument) ? {} : { problem: 'builds code from a string' };
    case 'fetch':
      return {};
    default:
      return { problem: `${call} is not used by this product` };
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A bundle's name without Vite's content hash: chunks/SubscriptionsView-Ds2fB7NC.js → chunks/SubscriptionsView. */
const bundleName = (dir: string, file: string) =>
  relative(dir, file) === sharedChunk(dir) ? SHARED_CHUNK_NAME : relative(dir, file).replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, '');

describe('the rule itself', () => {
  it('flags remote and computed code loading, and lets our own files through', () => {
    const problems = (code: string) => findCalls(code).map((s) => s.problem ?? 'ok');
    expect(problems('fetch("https://analytics.example/collect")')).toEqual(['a literal remote address']);
    expect(problems('x.fetch(`//cdn.example/a.js`)')).toEqual([]);
    expect(problems('import(`./ReaderView-abc.js`);import(u)')).toEqual(['ok', 'loads code from an address computed at run time']);
    expect(problems('importScripts("https://cdn.example/sdk.js")')).toEqual(['a literal remote address']);
    expect(problems('new Worker(new URL(`/assets/search.worker-x.js`,``+self.location))')).toEqual(['ok']);
    expect(problems('eval(s);new Function("return 1");Function(``)')).toEqual(['eval', 'builds code from a string', 'ok']);
    expect(problems('navigator.sendBeacon(u, body)')).toEqual(['navigator.sendBeacon is not used by this product']);
    expect(problems('getMaskFunction(t);myfetch(u)')).toEqual([]);
    expect(TELEMETRY.test('https://www.google-analytics.com/g/collect')).toBe(true);
    expect(TELEMETRY.test('Sentry.init({dsn})')).toBe(true);
    // DOMPurify's list of SVG attributes includes "amplitude": data, not the analytics service.
    expect(TELEMETRY.test('"amplitude","ascent","attributename"')).toBe(false);
  });
});

describe.each(BUILDS)('%s build', (build) => {
  const dir = join(OUTPUT, build);
  const files = filesUnder(dir);
  const js = files.filter((f) => f.endsWith('.js'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_security_policy?: Record<string, string> };

  it('allows only its own scripts in the content security policy', () => {
    const policies = Object.entries(manifest.content_security_policy ?? {});
    expect(policies.map(([k]) => k)).toEqual(['extension_pages']);
    for (const [, policy] of policies) {
      const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
      for (const directive of directives) {
        const [name, ...sources] = directive.split(/\s+/);
        // No host, scheme or wildcard source anywhere, and nothing that re-enables inline or eval'd script.
        expect(sources.filter((s) => s !== "'self'" && s !== "'none'"), `${name} in ${build}`).toEqual([]);
      }
      expect(directives).toContain("script-src 'self'");
    }
  });

  it('loads no script or stylesheet from outside the extension in its pages, and has no inline script', () => {
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThanOrEqual(4);
    for (const file of html) {
      const text = readFileSync(file, 'utf8');
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, relative(dir, file)).toBeGreaterThan(0);
      for (const [, attrs = '', body = ''] of scripts) {
        expect(attrs, relative(dir, file)).toMatch(/\ssrc="\/(?!\/)[^"]+"/);
        expect(body.trim(), relative(dir, file)).toBe('');
      }
      const refs = [...text.matchAll(/\s(?:src|href)="([^"]*)"/gi)].map((m) => m[1] ?? '');
      expect(refs.filter((r) => /^(https?:)?\/\//i.test(r)), relative(dir, file)).toEqual([]);
    }
  });

  it('loads code only from its own files and reaches the network only where the user asked', () => {
    const problems: string[] = [];
    const dynamicFetches = new Map<string, number>();
    for (const file of js) {
      const name = bundleName(dir, file);
      for (const site of findCalls(readFileSync(file, 'utf8'))) {
        if (site.problem) problems.push(`${name}: ${site.call}(${site.argument.slice(0, 40)}…): ${site.problem}`);
        else if (site.call === 'fetch') dynamicFetches.set(name, (dynamicFetches.get(name) ?? 0) + 1);
      }
    }
    expect(problems).toEqual([]);
    const allowed = Object.fromEntries(Object.entries(ALLOWED_FETCHES).map(([name, { count }]) => [name, count]));
    // A new fetch() needs a line in ALLOWED_FETCHES saying which user action it serves.
    expect(Object.fromEntries(dynamicFetches)).toEqual(allowed);
  });

  it('carries no analytics or error-reporting code', () => {
    const found = js.flatMap((file) => {
      const match = TELEMETRY.exec(readFileSync(file, 'utf8'));
      return match ? [`${bundleName(dir, file)}: ${match[0]}`] : [];
    });
    expect(js.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
});
