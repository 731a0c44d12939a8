/**
 * A deterministic ~1 MB health-like page for the Chromium timing of
 * scripts/bench-anchor.ts, with 100 passages to highlight and edited copies:
 * sections with headings, paragraphs, lists and line breaks, words drawn from
 * the fixture pages, some numbers and inline markup.
 */
import { criticalWords } from '../lib/anchor/critical-words';
import { pick, seeded } from './bench-anchor-passages';

/** One version of the page and what it is for. */
export interface BigPageVariant {
  name: string;
  html: string;
}

/** The big page, the passages to highlight on it, and the versions to anchor them on. */
export interface BigPage {
  /** The page the highlights are made on. */
  original: string;
  /** The passages (whitespace as in the page text), each occurring once in the original. */
  quotes: string[];
  /** Edited copies to anchor them on. */
  variants: BigPageVariant[];
}

type Sentence = string[];
interface Block {
  tag: 'p' | 'li' | 'h2';
  sentences: Sentence[];
}

const REPLACEMENTS = ['often', 'mainly', 'simply', 'really', 'quite', 'fully', 'nearly', 'broadly', 'largely', 'partly'];

/** Words a page editor might change: letters only, not a number, unit or negation. */
const isEditable = (w: string) => /^\p{L}{4,}$/u.test(w) && criticalWords(w).length === 0;

function sentenceText(s: Sentence): string {
  return s.join(' ');
}

/** HTML for the blocks, with a little inline markup and the odd <br>, in sections of a dozen blocks. */
function render(blocks: readonly Block[], rand: () => number): string {
  const out: string[] = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Big page</title></head><body><main>'];
  let inList = false;
  blocks.forEach((block, i) => {
    if (i % 12 === 0) out.push(i ? '</section>\n<section>' : '<section>');
    if (block.tag === 'li' && !inList) out.push('<ul>');
    if (block.tag !== 'li' && inList) out.push('</ul>');
    inList = block.tag === 'li';
    const body = block.sentences
      .map((s) => s.map((w) => (rand() < 0.03 ? `<b>${w}</b>` : rand() < 0.02 ? `<a href="#x">${w}</a>` : w)).join(' '))
      .join(rand() < 0.1 ? '<br>' : ' ');
    out.push(`<${block.tag}>${body}</${block.tag}>\n`);
  });
  if (inList) out.push('</ul>');
  out.push('</section></main></body></html>');
  return out.join('');
}

/**
 * The page, 100 passages spread over it (phrases, sentences, runs of
 * sentences), and three versions to anchor on: unchanged; shifted (a notice
 * at the top) with a word changed just before and after every passage; and
 * the same with a word inside every passage changed too (fuzzy matching).
 */
export function makeBigPage(vocabulary: readonly string[], targetChars = 1_000_000, highlights = 100, seed = 7): BigPage {
  const rand = seeded(seed);
  const words = vocabulary.filter((w) => /^[\p{L}’'-]+$/u.test(w));
  const word = () => pick(rand, words) ?? 'health';
  const sentence = (): Sentence => {
    const s = Array.from({ length: 8 + Math.floor(rand() * 20) }, word);
    if (rand() < 0.3) s.splice(1 + Math.floor(rand() * (s.length - 2)), 0, String(1 + Math.floor(rand() * 500)), pick(rand, ['mg', 'ml', 'days', 'weeks', 'people']) ?? 'mg');
    s[0] = (s[0] ?? 'A').charAt(0).toUpperCase() + (s[0] ?? 'A').slice(1);
    s[s.length - 1] += '.';
    return s;
  };
  const blocks: Block[] = [];
  let size = 0;
  while (size < targetChars) {
    const r = rand();
    const tag = r < 0.08 ? 'h2' : r < 0.3 ? 'li' : 'p';
    const block: Block = { tag, sentences: Array.from({ length: tag === 'h2' ? 1 : 1 + Math.floor(rand() * 4) }, sentence) };
    if (tag === 'h2') block.sentences = [sentence().slice(0, 5)];
    blocks.push(block);
    size += block.sentences.reduce((n, s) => n + sentenceText(s).length + 1, 0);
  }

  // Passages: in paragraphs with several sentences, spread evenly; never the first or last sentence, so both contexts are in the block.
  const candidates = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.tag === 'p' && b.sentences.length >= 3);
  const chosen: { block: Block; at: number; kind: number }[] = [];
  for (let k = 0; k < highlights; k++) {
    const c = candidates[Math.floor(((k + 0.5) * candidates.length) / highlights)];
    if (c) chosen.push({ block: c.b, at: 1, kind: k % 3 });
  }
  const quoteWords = (c: { block: Block; at: number; kind: number }): [number, number, number] => {
    // [sentence, first word, last word (exclusive)] of the passage: a phrase, a sentence, or two sentences (one span).
    const s = c.block.sentences[c.at] ?? [];
    if (c.kind === 0) return [c.at, 1, Math.min(s.length, 6)];
    return [c.at, 0, s.length];
  };
  const quotes = chosen.map((c) => {
    const [si, from, to] = quoteWords(c);
    const s = c.block.sentences[si] ?? [];
    const text = s.slice(from, to).join(' ');
    if (c.kind === 0) return text.replace(/\.$/, '');
    return c.kind === 2 ? `${text} ${sentenceText(c.block.sentences[si + 1] ?? [])}` : text;
  });

  const original = render(blocks, seeded(seed + 1));
  const edit = (inside: boolean): string => {
    const copy: Block[] = blocks.map((b) => ({ tag: b.tag, sentences: b.sentences.map((s) => [...s]) }));
    for (const c of chosen) {
      const b = copy[blocks.indexOf(c.block)];
      if (!b) continue;
      const [si, from, to] = quoteWords(c);
      // A word of context each side: in the sentence before, and in the sentence after the passage.
      const before = b.sentences[si - 1];
      const after = b.sentences[si + (c.kind === 2 ? 2 : 1)];
      for (const s of [before, after]) replaceOne(s, 0, s?.length ?? 0, rand);
      if (inside) replaceOne(b.sentences[si], from + 1, to - 1, rand);
    }
    // A notice at the top moves every passage; the markup is drawn as for the original, so only the words differ.
    const notice = '<p>This page was updated and reviewed by our clinical team.</p>\n';
    return render(copy, seeded(seed + 1)).replace('<main>', `<main>${notice}`);
  };
  return {
    original,
    quotes,
    variants: [
      { name: 'unchanged', html: original },
      { name: 'shifted, context edited', html: edit(false) },
      { name: 'shifted, context and one word inside edited', html: edit(true) },
    ],
  };
}

/** Replaces one editable word of s[from, to) with another word (in place). */
function replaceOne(s: Sentence | undefined, from: number, to: number, rand: () => number): void {
  if (!s) return;
  const at: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(s.length, to); i++) if (isEditable(s[i] ?? '')) at.push(i);
  const i = pick(rand, at);
  if (i === undefined) return;
  const current = s[i] ?? '';
  s[i] = pick(rand, REPLACEMENTS.filter((w) => w !== current.toLowerCase())) ?? 'often';
}
