// @vitest-environment jsdom
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySource } from '../../../../lib/classify/classify-source';
import { buildClipDraft } from '../../../../lib/clip/build-clip-draft';
import { clipDraftSchema } from '../../../../lib/model/clip';
import { fixtureUrls, loadFixturePage } from '../../../helpers/pages';

/**
 * Golden outputs for the saved fixture pages: page facts, what kind of clip
 * comes out, the start of its text and the source type. Run with
 * UPDATE_GOLDEN=1 to rewrite tests/fixtures/expected/*.json, then read the
 * diff by hand: every value there was checked against what a person reading
 * the page would say (title, author, dates, who is speaking).
 */
const EXPECTED_DIR = resolve(process.cwd(), 'tests/fixtures/expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The golden record for one page, in JSON form (undefined fields omitted, no fallback = null). */
function goldenOf(name: string): unknown {
  const page = loadFixturePage(name);
  const draft = buildClipDraft({ doc: page.doc, win: page.win, url: page.url }, 'article');
  const verdict = classifySource(draft.facts);
  const record = {
    facts: draft.facts,
    kind: draft.kind,
    fallback: draft.fallback ?? null,
    textStartsWith: (draft.contentText ?? '').slice(0, 80),
    verdictType: verdict.type,
  };
  expect(clipDraftSchema.safeParse(draft).success).toBe(true);
  expect(verdict.reasons.length).toBeGreaterThan(0);
  return JSON.parse(JSON.stringify(record));
}

const names = Object.keys(fixtureUrls()).sort();

describe('golden fixture pages', () => {
  it('has a fixture and a golden file for every page in urls.json', () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect(existsSync(resolve(process.cwd(), 'tests/fixtures/pages', name))).toBe(true);
  });

  it.each(names)('%s matches its golden output', (name) => {
    const actual = goldenOf(name);
    const file = resolve(EXPECTED_DIR, name.replace(/\.html$/, '.json'));
    if (UPDATE) {
      mkdirSync(EXPECTED_DIR, { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and check it by hand`).toBe(true);
    const expected: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(actual).toEqual(expected);
  });
});
