import { NUMBER_QUALIFIERS, PHRASE_SYNONYMS, SPELLING_PARTS, SPELLING_WORDS, STOP_WORDS, UNITS, WORD_SYNONYMS } from './health-terms';
import { fold, normalisePrefix, normaliseWord } from './normalise';

/**
 * Turns text into the terms the index keeps, with where each came from.
 *
 * Besides words, it keeps what health searches need: numbers ("111"), doses
 * and durations as one term ("5 mg", "500mg" and "2 weeks" become "5 mg" and
 * "2 week"), numbered kinds ("type 2", "stage 3"), codes ("HbA1c"), and one
 * extra term for phrases with a synonym ("heart attack", "myocardial
 * infarction"). Punctuation between two words keeps them from pairing.
 */

/** A number (with decimals or thousands), optionally with letters or % stuck to it; or a word that may hold digits. */
const TOKEN = /(\p{N}+(?:[.,]\p{N}+)*)(%|\p{L}+)?|\p{L}[\p{L}\p{N}]*(?:['’]\p{L}+)?/gu;
/** Punctuation that ends a phrase: two words either side of it are not "next to" each other. */
const BREAK = /[.;:!?()[\]{}"“”,\n|]/;
const MAX_PHRASE = 5;

export type TermSink = (term: string, start: number, end: number) => void;

interface Phrase {
  words: string[];
  term: string;
}

/** Phrases by their last word, so each word only checks the phrases it could end. */
const PHRASES_BY_LAST = new Map<string, Phrase[]>();
for (const [text, term] of PHRASE_SYNONYMS) {
  const words = text.split(' ').map(normaliseWord);
  const last = words[words.length - 1]!;
  PHRASES_BY_LAST.set(last, [...(PHRASES_BY_LAST.get(last) ?? []), { words, term }]);
}

/** A raw piece of text the scanner found. */
export interface RawToken {
  kind: 'number' | 'word';
  /** The number without thousands separators, or the folded word. */
  text: string;
  /** Letters or % stuck to a number ("mg" in "500mg"), folded. */
  suffix?: string;
  start: number;
  end: number;
  /** Punctuation between this token and the one before. */
  breakBefore: boolean;
  /** A word as the index keeps it (see normaliseWord); the number itself for numbers. */
  norm: string;
}

/** What a word as written becomes; text repeats its words, and this is the costly part of indexing. */
const words = new Map<string, { text: string; norm: string }>();

function wordInfo(raw: string): { text: string; norm: string } {
  let info = words.get(raw);
  if (!info) {
    const text = fold(raw).replace(/['’]s$/, '').replace(/['’]/g, '');
    info = { text, norm: normaliseWord(text) };
    if (words.size >= 200_000) words.clear();
    words.set(raw, info);
  }
  return info;
}

/** Splits text into numbers and words, noting where punctuation separates them. */
export function scan(text: string, onToken: (token: RawToken) => void): void {
  let lastEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const breakBefore = start > lastEnd && BREAK.test(text.slice(lastEnd, start));
    lastEnd = end;
    if (m[1] !== undefined) {
      const n = m[1].includes(',') ? m[1].replace(/,(?=\d{3}(?!\d))/g, '') : m[1];
      onToken({ kind: 'number', text: n, norm: n, suffix: m[2] ? fold(m[2]) : undefined, start, end, breakBefore });
    } else {
      const { text: word, norm } = wordInfo(m[0]);
      onToken({ kind: 'word', text: word, norm, start, end, breakBefore });
    }
  }
}

/** The unit a word stands for ("weeks" -> "week"), if it is one. */
export function unitOf(word: string | undefined): string | undefined {
  // Own keys only, as in americanise: "constructor" is a word, not a unit.
  return word !== undefined && Object.hasOwn(UNITS, word) ? UNITS[word] : undefined;
}

/** Every term of `text` in order, with its place; the index and the snippet finder both use this. */
export function indexTerms(text: string, sink: TermSink): void {
  // The words seen since the last break, for phrases (stop words included: "a and e").
  const recent: { word: string; start: number }[] = [];
  let prev: { kind: 'number' | 'word'; text: string; start: number } | undefined;
  scan(text, (t) => {
    if (t.breakBefore) {
      recent.length = 0;
      prev = undefined;
    }
    if (t.kind === 'number') {
      sink(t.text, t.start, t.end);
      if (prev?.kind === 'word' && NUMBER_QUALIFIERS.has(prev.text)) sink(`${prev.text} ${t.text}`, prev.start, t.end);
      const unit = unitOf(t.suffix);
      if (unit) sink(`${t.text} ${unit}`, t.start, t.end);
      if (t.suffix && !unit && t.suffix !== '%') sink(normaliseWord(t.suffix), t.start, t.end);
      recent.length = 0;
      prev = { kind: 'number', text: t.text, start: t.start };
      return;
    }
    const word = t.norm;
    if (!STOP_WORDS.has(t.text)) sink(word, t.start, t.end);
    const unit = prev?.kind === 'number' ? unitOf(t.text) : undefined;
    if (unit && prev) sink(`${prev.text} ${unit}`, prev.start, t.end);
    recent.push({ word, start: t.start });
    if (recent.length > MAX_PHRASE) recent.shift();
    for (const phrase of PHRASES_BY_LAST.get(word) ?? []) {
      const n = phrase.words.length;
      if (n > recent.length) continue;
      let same = true;
      for (let i = 0; i < n && same; i++) same = recent[recent.length - n + i]!.word === phrase.words[i];
      if (same) sink(phrase.term, recent[recent.length - n]!.start, t.end);
    }
    prev = { kind: 'word', text: t.text, start: t.start };
  });
}

/** One part of a query: a document matches it when it holds any of the terms, or any term starting with the prefix. */
export interface Clause {
  terms: string[];
  prefix?: string;
  /** Other spellings of a word being typed ("diarrho" is also "diarrhe"). */
  morePrefixes?: string[];
  /** A common word being typed: it ranks, but a document need not match it ("codeine might"). */
  optional?: true;
  /** Where in the query this part was typed (for messages). */
  text: string;
}

/** A parsed query: a document matches when it matches every clause. */
export interface QueryPlan {
  clauses: Clause[];
}

/** Prefixes shorter than this would match most of the library; they are searched as whole words. */
export const MIN_PREFIX = 2;

/**
 * Reads what the user typed. The last word, while still being typed (no
 * space after it), also matches longer words ("diab" finds "diabetes").
 */
export function parseQuery(query: string): QueryPlan {
  const tokens: RawToken[] = [];
  scan(query.slice(0, 500), (t) => tokens.push(t));
  const typing = tokens.length > 0 && /[\p{L}\p{N}%]$/u.test(query);
  const clauses: Clause[] = [];
  const stopOnly: Clause[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const isLast = typing && i === tokens.length - 1;
    const joined = next && !next.breakBefore;
    const raw = query.slice(t.start, (joined && next ? next.end : t.end));
    // Phrases with a synonym ("heart attack"): the longest starting here.
    const phrase = matchPhrase(tokens, i);
    if (phrase) {
      clauses.push({ terms: [phrase.term], text: query.slice(t.start, tokens[i + phrase.length - 1]!.end) });
      i += phrase.length - 1;
      continue;
    }
    if (t.kind === 'number') {
      const stuck = unitOf(t.suffix);
      if (stuck) {
        clauses.push({ terms: [`${t.text} ${stuck}`], text: query.slice(t.start, t.end) });
      } else if (joined && next?.kind === 'word' && unitOf(next.text)) {
        const last = typing && i + 1 === tokens.length - 1;
        clauses.push({ terms: [`${t.text} ${unitOf(next.text)}`], prefix: last ? `${t.text} ${next.text}` : undefined, text: raw });
        i++;
      } else if (joined && next?.kind === 'word' && typing && i + 1 === tokens.length - 1 && UNIT_NAMES.some((u) => u.startsWith(next.text))) {
        // "5 m" while typing "5 mg".
        clauses.push({ terms: [], prefix: `${t.text} ${next.text}`, text: raw });
        i++;
      } else {
        clauses.push({ terms: [t.text], prefix: isLast ? t.text : undefined, text: query.slice(t.start, t.end) });
      }
      continue;
    }
    if (joined && next?.kind === 'number' && !next.suffix && NUMBER_QUALIFIERS.has(t.text)) {
      const last = typing && i + 1 === tokens.length - 1;
      clauses.push({ terms: [`${t.text} ${next.text}`], prefix: last ? `${t.text} ${next.text}` : undefined, text: raw });
      i++;
      continue;
    }
    const clause: Clause = { terms: [normaliseWord(t.text)], text: query.slice(t.start, t.end) };
    if (isLast && t.text.length >= MIN_PREFIX) {
      clause.prefix = normalisePrefix(t.text);
      const completions = completionsOf(t.text);
      clause.terms.push(...completions.terms);
      const more = completions.prefixes.filter((p) => p !== clause.prefix);
      if (more.length) clause.morePrefixes = more;
    }
    if (STOP_WORDS.has(t.text)) {
      if (isLast && clauses.length) clause.optional = true;
      (isLast ? clauses : stopOnly).push(clause);
    } else {
      clauses.push(clause);
    }
  }
  return { clauses: clauses.length ? clauses : stopOnly };
}

function matchPhrase(tokens: readonly RawToken[], at: number): { term: string; length: number } | undefined {
  let best: { term: string; length: number } | undefined;
  for (let n = Math.min(MAX_PHRASE, tokens.length - at); n >= 2 && !best; n--) {
    const slice = tokens.slice(at, at + n);
    if (slice.some((t, k) => t.kind !== 'word' || (k > 0 && t.breakBefore))) continue;
    const words = slice.map((t) => normaliseWord(t.text));
    for (const phrase of PHRASES_BY_LAST.get(words[n - 1]!) ?? []) {
      if (phrase.words.length === n && phrase.words.every((w, k) => w === words[k])) best = { term: phrase.term, length: n };
    }
  }
  return best;
}

/** True when a term from a document satisfies the clause. */
export function clauseMatches(clause: Clause, term: string): boolean {
  return (
    clause.terms.includes(term) ||
    (clause.prefix !== undefined && term.startsWith(clause.prefix)) ||
    (clause.morePrefixes?.some((p) => term.startsWith(p)) ?? false)
  );
}

const UNIT_NAMES = Object.keys(UNITS);
const SPELLING_KEYS = Object.keys(SPELLING_WORDS);
const SYNONYM_KEYS = WORD_SYNONYMS.map(([from, to]) => [fold(from), to] as const);

/**
 * What a half-typed word may become, where normalising the whole word would
 * change its start: a British spelling cut short ("diarrho", "counsellin")
 * and a word with a synonym ("hyperte" for hypertension).
 */
function completionsOf(typed: string): { terms: string[]; prefixes: string[] } {
  const terms: string[] = [];
  const prefixes: string[] = [];
  for (const key of SPELLING_KEYS) if (key.startsWith(typed) && key !== typed) prefixes.push(normalisePrefix(key));
  for (const [from, to] of SPELLING_PARTS) {
    // Only once the typed part reaches the British letters ("pae", not "pa").
    let differs = 0;
    while (from[differs] === to[differs]) differs++;
    for (let k = from.length - 1; k > differs && k >= 3; k--) {
      if (typed.endsWith(from.slice(0, k))) {
        prefixes.push(normalisePrefix(typed.slice(0, typed.length - k) + from));
        break;
      }
    }
  }
  for (const [from, to] of SYNONYM_KEYS) if (from.startsWith(typed)) terms.push(to);
  return { terms, prefixes };
}
