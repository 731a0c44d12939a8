/**
 * Deterministic choice of passages to highlight on a page, for the anchoring
 * benchmark (scripts/bench-anchor.ts): short phrases, sentences, runs of
 * sentences (some across two blocks) and passages with numbers, picked by a
 * seeded generator so every run measures the same highlights.
 */
import { collectTextNodes, elementSpan, isBlock, type TextMap } from '../lib/anchor/text-model';

/** The kinds of passage the benchmark highlights. */
export const PASSAGE_KINDS = ['phrase', 'sentence', 'multi-sentence', 'number'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** A passage to highlight: text-model offsets of the page body. */
export interface Passage {
  kind: PassageKind;
  start: number;
  end: number;
}

/** A small seeded generator (LCG), so passages and edits are the same every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A seed from a string (FNV-1a), so each page gets its own stable choice. */
export function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A seeded choice from a list (undefined when it is empty). */
export function pick<T>(rand: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(rand() * items.length)];
}

interface Span {
  start: number;
  end: number;
}

/** Blocks with no block inside them and enough text to be worth highlighting (content, not navigation). */
function leafBlocks(root: Element, map: TextMap, minChars: number): Span[] {
  const blocks: Span[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (!isBlock(el) || [...el.querySelectorAll('*')].some(isBlock)) continue;
    const span = elementSpan(map, el);
    if (map.text.slice(span.start, span.end).trim().length >= minChars) blocks.push(span);
  }
  return blocks;
}

/** Sentences of a block: runs ending in . ! or ? followed by a space or the end. */
function sentences(text: string, block: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(block.start, block.end);
  for (const m of slice.matchAll(/\S[\s\S]*?(?:[.!?]+(?=\s|$)|$)/g)) {
    const s = m[0].trimEnd();
    if (s.length >= 12) out.push({ start: block.start + m.index, end: block.start + m.index + s.length });
  }
  return out;
}

/** Words (runs of non-space) of a span. */
function words(text: string, span: Span): Span[] {
  const out: Span[] = [];
  for (const m of text.slice(span.start, span.end).matchAll(/\S+/g)) {
    out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return out;
}

/** A phrase of 2–6 words inside a sentence, without the trailing punctuation. */
function phraseIn(text: string, sentence: Span, rand: () => number): Span | undefined {
  const ws = words(text, sentence);
  if (ws.length < 3) return undefined;
  const n = 2 + Math.floor(rand() * Math.min(5, ws.length - 1));
  const first = Math.floor(rand() * (ws.length - n + 1));
  const a = ws[first];
  const b = ws[first + n - 1];
  if (!a || !b) return undefined;
  let end = b.end;
  while (end > a.start && /[.,;:!?)]/.test(text[end - 1] ?? '')) end--;
  return end > a.start ? { start: a.start, end } : undefined;
}

/**
 * About `perKind` passages of each kind from the page body, deterministic for
 * a seed. Passages never repeat; a page with little text gives fewer.
 */
export function choosePassages(root: Element, seed: number, perKind = 9): Passage[] {
  const map = collectTextNodes(root);
  const rand = seeded(seed);
  const blocks = leafBlocks(root, map, 40);
  const allSentences = blocks.flatMap((b) => sentences(map.text, b).map((s) => ({ ...s, block: b })));
  const withNumbers = allSentences.filter((s) => /\d/.test(map.text.slice(s.start, s.end)));
  const chosen: Passage[] = [];
  const seen = new Set<string>();
  const add = (kind: PassageKind, span: Span | undefined) => {
    if (!span || span.end <= span.start) return;
    const key = `${span.start}-${span.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    chosen.push({ kind, start: span.start, end: span.end });
  };
  for (let tries = 0, n = 0; n < perKind && tries < perKind * 10; tries++) {
    const s = pick(rand, allSentences);
    const before = chosen.length;
    if (s) add('phrase', phraseIn(map.text, s, rand));
    n += chosen.length - before;
  }
  for (let tries = 0, n = 0; n < perKind && tries < perKind * 10; tries++) {
    const before = chosen.length;
    add('sentence', pick(rand, allSentences));
    n += chosen.length - before;
  }
  for (let tries = 0, n = 0; n < perKind && tries < perKind * 10; tries++) {
    const before = chosen.length;
    const i = Math.floor(rand() * allSentences.length);
    const count = 2 + Math.floor(rand() * 2);
    const first = allSentences[i];
    const last = allSentences[Math.min(allSentences.length - 1, i + count - 1)];
    // Consecutive sentences, in one block or running on into the next one.
    if (first && last && last !== first) add('multi-sentence', { start: first.start, end: last.end });
    n += chosen.length - before;
  }
  for (let tries = 0, n = 0; n < perKind && tries < perKind * 10 && withNumbers.length; tries++) {
    const before = chosen.length;
    const s = pick(rand, withNumbers);
    if (s && rand() < 0.5) {
      // A phrase around the number: the kind of short dose or duration people highlight.
      const ws = words(map.text, s);
      const at = ws.findIndex((w) => /\d/.test(map.text.slice(w.start, w.end)));
      const a = ws[Math.max(0, at - 1 - Math.floor(rand() * 3))];
      const b = ws[Math.min(ws.length - 1, at + 1 + Math.floor(rand() * 3))];
      if (a && b) add('number', { start: a.start, end: b.end });
    } else add('number', s);
    n += chosen.length - before;
  }
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}
