import { describe, expect, it } from 'vitest';
import { clipSchema } from '../../lib/model/clip';
import { highlightSchema } from '../../lib/model/highlight';
import { sourceVerdictSchema } from '../../lib/model/source-type';
import { syntheticClip, syntheticHighlightsFor, syntheticQueries, TARGET_TEXT_CHARS } from '../bench/synthetic-clips';
import { rankedVocabulary, VOCABULARY_SIZE } from '../bench/synthetic-vocabulary';

const clips = Array.from({ length: 200 }, (_, i) => syntheticClip(i));

describe('syntheticClip', () => {
  it('makes 200 clips that pass the clip schema, with valid highlights', () => {
    for (const [i, clip] of clips.entries()) {
      expect(clipSchema.parse(clip)).toEqual(clip);
      sourceVerdictSchema.parse(clip.sourceVerdict);
      for (const h of syntheticHighlightsFor(clip, i)) {
        expect(highlightSchema.parse(h)).toEqual(h);
        expect(clip.contentText?.slice(h.position?.start, h.position?.end)).toBe(h.quote.exact);
      }
    }
  });

  it('is deterministic for the same number and seed, and differs across seeds', () => {
    expect(syntheticClip(42)).toEqual(syntheticClip(42));
    expect(syntheticHighlightsFor(syntheticClip(8), 8)).toEqual(syntheticHighlightsFor(syntheticClip(8), 8));
    expect(syntheticClip(42, 7).contentText).not.toBe(syntheticClip(42).contentText);
    expect(syntheticClip(42).id).not.toBe(syntheticClip(43).id);
  });

  it('holds about 5 KB of text (±20%) in <p> paragraphs', () => {
    const sizes = clips.map((c) => c.contentText?.length ?? 0);
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(TARGET_TEXT_CHARS * 0.8);
      expect(size).toBeLessThanOrEqual(TARGET_TEXT_CHARS * 1.2);
    }
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(Math.abs(mean - TARGET_TEXT_CHARS)).toBeLessThan(TARGET_TEXT_CHARS * 0.05);
    expect(clips[0]?.contentHtml?.startsWith('<p>')).toBe(true);
  });

  it('varies tags, notes, source types, review dates and addresses like a real library', () => {
    expect(clips.every((c) => c.tags.length <= 3)).toBe(true);
    expect(clips.some((c) => c.tags.length === 0)).toBe(true);
    const notes = clips.filter((c) => c.note !== '').length;
    expect(notes).toBeGreaterThan(20);
    expect(notes).toBeLessThan(60);
    expect(new Set(clips.map((c) => c.sourceVerdict.type)).size).toBeGreaterThanOrEqual(6);
    expect(clips.some((c) => c.quality?.nextReview)).toBe(true);
    for (const [i, c] of clips.entries()) expect(c.canonicalUrl).toMatch(new RegExp(`^https://www\\.[a-z]+\\.org\\.uk/.+-${i}$`));
    const years = new Set(clips.map((c) => c.savedAt.slice(0, 4)));
    expect([...years].sort()).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('sprinkles the tokens health search must handle', () => {
    const all = clips.map((c) => c.contentText ?? '').join('\n');
    for (const token of ['5 mg', '500mg', '111', 'type 2', 'HbA1c', 'anaemia', 'anemia', 'paracetamol', 'acetaminophen', 'heart attack', 'myocardial infarction']) {
      expect(all).toContain(token);
    }
  });

  it('gives one or two highlights to about 1 clip in 4', () => {
    const counts = clips.map((c, i) => syntheticHighlightsFor(c, i).length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    const withSome = counts.filter((n) => n > 0).length;
    expect(withSome).toBeGreaterThan(30);
    expect(withSome).toBeLessThan(75);
  });
});

describe('rankedVocabulary', () => {
  it('holds distinct words, common English first', () => {
    const words = rankedVocabulary();
    expect(words).toHaveLength(VOCABULARY_SIZE);
    expect(new Set(words).size).toBe(VOCABULARY_SIZE);
    expect(words[0]).toBe('the');
  });
});

describe('syntheticQueries', () => {
  it('makes deterministic queries of one to three words, starting with the fixed examples', () => {
    const queries = syntheticQueries(200);
    expect(queries).toEqual(syntheticQueries(200));
    expect(queries.slice(0, 3)).toEqual(['diabetes insulin', '5 mg', 'type 2 diabetes']);
    for (const q of queries) {
      const n = q.split(' ').length;
      expect(q.trim()).toBe(q);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
  });

  it('mostly finds something in the clips (every word, the last as a prefix)', () => {
    const texts = clips.map((c) => ` ${[c.title, c.tags.join(' '), c.note, c.contentText ?? ''].join(' ').toLowerCase()}`);
    const queries = syntheticQueries(200);
    const matching = queries.filter((q) => {
      const terms = q.split(' ');
      return texts.some((t) => terms.every((term, k) => (k === terms.length - 1 ? t.includes(` ${term}`) : t.includes(` ${term} `) || t.includes(` ${term},`) || t.includes(` ${term}.`))));
    });
    expect(matching.length / queries.length).toBeGreaterThan(0.8);
  });
});
