import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';

/** Where the fixture pages live, relative to the project root (vitest's cwd). */
export const PAGES_DIR = resolve(process.cwd(), 'tests/fixtures/pages');

/** A parsed page: its document and window, typed as the DOM ones lib/ expects. */
export interface LoadedPage {
  dom: JSDOM;
  doc: Document;
  win: Window;
  url: string;
}

/** Parses HTML as if it had been loaded from `url` (scripts are not run). */
export function loadPage(html: string, url: string): LoadedPage {
  const dom = new JSDOM(html, { url });
  // jsdom's DOMWindow lacks a few browser-only members, so it is not a `Window` to TypeScript.
  return { dom, doc: dom.window.document, win: dom.window as unknown as Window, url };
}

/** tests/fixtures/pages/urls.json: fixture file name -> the address it is served at. */
export function fixtureUrls(): Record<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(resolve(PAGES_DIR, 'urls.json'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('urls.json is not an object');
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Loads one fixture page at its address from urls.json. */
export function loadFixturePage(name: string): LoadedPage {
  const url = fixtureUrls()[name];
  if (!url) throw new Error(`${name} has no address in urls.json`);
  return loadPage(readFileSync(resolve(PAGES_DIR, name), 'utf8'), url);
}
