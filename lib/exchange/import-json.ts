import { t } from '../i18n';
/**
 * Reading untrusted JSON text safely: size first, then nesting depth with a
 * flat scan (JSON.parse is recursive in V8, so a file of 100,000 "[" would
 * otherwise overflow the stack), then JSON.parse with a reviver that refuses
 * keys used for prototype pollution. Every failure is a sentence for the user.
 */

/** What reading JSON text gave: the value, or why not. */
export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

export interface JsonLimits {
  /** Longest text read, in UTF-16 code units (checked before anything else). */
  maxChars: number;
  /** Deepest nesting of objects and arrays allowed. */
  maxDepth: number;
  /** The kind of file the refusals name; a collection file unless said. */
  kind?: 'collection' | 'rule-pack';
}

/**
 * Keys no file of ours contains and that tamper with objects when a program
 * later merges parsed data into its own (`__proto__` sets the prototype;
 * `constructor.prototype` reaches it). JSON.parse itself is safe; what
 * consumers do afterwards may not be.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

type Structure = 'ok' | 'too-deep' | 'truncated';

/**
 * The nesting of the text, found in one pass without recursion: strings are
 * skipped (with their escapes), brackets and braces counted. Stops at the
 * first level deeper than `maxDepth`. Unclosed strings or brackets at the
 * end mean the text was cut short. Anything else malformed is left for
 * JSON.parse to name.
 */
export function scanStructure(text: string, maxDepth: number): Structure {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return 'truncated';
        let slashes = 0;
        for (let b = q - 1; b >= from && text.charCodeAt(b) === BACKSLASH; b--) slashes++;
        from = q + 1;
        if (slashes % 2 === 0) break;
      }
      i = from;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return 'too-deep';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      // More closers than openers: malformed, and JSON.parse says where.
      if (depth < 0) return 'ok';
    }
    i++;
  }
  return depth > 0 ? 'truncated' : 'ok';
}

/** "line 3, column 14" for a character offset, so a person can find it in an editor. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return `line ${lines.length}, column ${(lines[lines.length - 1]?.length ?? 0) + 1}`;
}

/** Where V8 or SpiderMonkey says JSON.parse stopped, if it says. */
function syntaxErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) return ` ${t('exchange.json.near', { place: lineAndColumn(text, Number(position[1])) })}`;
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return ` ${t('exchange.json.nearLine', { line: lineCol[1] ?? '', column: lineCol[2] ?? '' })}`;
  return '';
}

const megabytes = (chars: number) => (chars / (1024 * 1024)).toFixed(chars < 10 * 1024 * 1024 ? 1 : 0);

/**
 * Parses untrusted JSON text within limits. Refuses, with a plain-English
 * message: text that is not a string, too long, empty, nested too deeply,
 * cut short, not JSON, or carrying a prototype-polluting key. A leading
 * byte-order mark (Windows editors add one) is ignored.
 */
export function readJsonSafely(input: unknown, limits: JsonLimits): JsonRead {
  if (typeof input !== 'string') return { ok: false, message: t('exchange.json.notText') };
  const rulePack = limits.kind === 'rule-pack';
  if (input.length > limits.maxChars) {
    const sizes = { size: megabytes(input.length), limit: megabytes(limits.maxChars) };
    return {
      ok: false,
      message: rulePack ? t('exchange.json.rulePack.tooLarge', sizes) : t('exchange.json.tooLarge', sizes),
    };
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!/\S/.test(text)) return { ok: false, message: t('exchange.json.empty') };
  const structure = scanStructure(text, limits.maxDepth);
  if (structure === 'too-deep') {
    const depth = { depth: String(limits.maxDepth) };
    return { ok: false, message: rulePack ? t('exchange.json.rulePack.tooDeep', depth) : t('exchange.json.tooDeep', depth) };
  }
  if (structure === 'truncated') {
    return { ok: false, message: t('exchange.json.cutShort') };
  }
  let forbidden: string | undefined;
  let value: unknown;
  // A forbidden key is in the text as written unless escapes spell it: only then is every key looked at (a reviver slows parsing).
  const mayHideKeys = text.includes('\\u') || [...FORBIDDEN_KEYS].some((key) => text.includes(key));
  try {
    value = mayHideKeys
      ? JSON.parse(text, (key, v: unknown) => {
          if (forbidden === undefined && FORBIDDEN_KEYS.has(key)) forbidden = key;
          return v;
        })
      : JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) {
      const notJson = rulePack ? t('exchange.json.rulePack.notJson') : t('exchange.json.notJson');
      return { ok: false, message: `${notJson}${syntaxErrorPlace(text, error)}` };
    }
    return { ok: false, message: t('exchange.json.tooComplicated') };
  }
  if (forbidden !== undefined) {
    return {
      ok: false,
      message: t('exchange.json.forbiddenKey', { key: forbidden }),
    };
  }
  return { ok: true, value };
}
