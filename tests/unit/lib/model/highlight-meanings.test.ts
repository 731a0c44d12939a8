import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEANING_COLOURS,
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_MEANINGS,
  HIGHLIGHT_MEANING_LABELS,
  HIGHLIGHT_MEANING_UNDERLINES,
  HIGHLIGHT_PALETTE,
  meaningPaint,
  resolveMeaningColours,
} from '../../../../lib/model/highlight-meanings';
import { highlightRules } from '../../../../lib/page-highlights/paint';

type Rgb = [number, number, number];

function parse(colour: string): { rgb: Rgb; alpha: number } {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return { rgb: [1, 2, 3].map((i) => parseInt(hex[i] ?? '0', 16)) as Rgb, alpha: 1 };
  const rgba = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(colour);
  if (!rgba) throw new Error(`unexpected colour ${colour}`);
  return { rgb: [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])], alpha: Number(rgba[4]) };
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
/** A translucent colour over an opaque background. */
function over(colour: string, background: Rgb): Rgb {
  const { rgb, alpha } = parse(colour);
  return rgb.map((c, i) => Math.round(c * alpha + (background[i] ?? 0) * (1 - alpha))) as Rgb;
}

// The light and dark themes of components/base.css (--hc-bg, --hc-text), and a plain white/black page.
const LIGHT_BG: Rgb = [255, 255, 255];
const DARK_BG: Rgb = [18, 20, 22];
const DARK_TEXT: Rgb = [11, 12, 12];
const LIGHT_TEXT: Rgb = [243, 242, 241];

describe('highlight meanings and their colours', () => {
  it('offers six colours, each keeping page text readable (4.5:1) on a light and on a dark page', () => {
    expect(HIGHLIGHT_COLOURS).toEqual(Object.keys(HIGHLIGHT_PALETTE));
    expect(HIGHLIGHT_COLOURS).toHaveLength(6);
    const ratios = HIGHLIGHT_COLOURS.map((c) => ({
      colour: c,
      light: contrast(DARK_TEXT, over(HIGHLIGHT_PALETTE[c].highlight, LIGHT_BG)),
      dark: contrast(LIGHT_TEXT, over(HIGHLIGHT_PALETTE[c].highlight, DARK_BG)),
    }));
    for (const r of ratios) {
      expect(r.light, `${r.colour} on light`).toBeGreaterThanOrEqual(4.5);
      expect(r.dark, `${r.colour} on dark`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('marks meanings in lists with lines that stand out (3:1) in the light and the dark theme', () => {
    for (const c of HIGHLIGHT_COLOURS) {
      const line = parse(HIGHLIGHT_PALETTE[c].line).rgb;
      expect(contrast(line, LIGHT_BG), `${c} line on light`).toBeGreaterThanOrEqual(3);
      expect(contrast(line, DARK_BG), `${c} line on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives each meaning its own default colour and its own underline, so colour is not the only cue', () => {
    expect(new Set(Object.values(DEFAULT_MEANING_COLOURS)).size).toBe(HIGHLIGHT_MEANINGS.length);
    expect(new Set(Object.values(HIGHLIGHT_MEANING_UNDERLINES)).size).toBe(HIGHLIGHT_MEANINGS.length);
  });

  it('keeps only palette names from what was stored, so stored data never becomes CSS', () => {
    expect(resolveMeaningColours(undefined)).toEqual(DEFAULT_MEANING_COLOURS);
    expect(resolveMeaningColours('blue')).toEqual(DEFAULT_MEANING_COLOURS);
    expect(resolveMeaningColours({ question: 'blue', important: 'red; } body { display:none', disagree: 42, constructor: 'teal', toString: 'x' })).toEqual({
      ...DEFAULT_MEANING_COLOURS,
      question: 'blue',
    });
    // Not from the prototype either.
    expect(resolveMeaningColours(Object.create({ question: 'purple' }))).toEqual(DEFAULT_MEANING_COLOURS);
  });

  it('paints a meaning with the chosen colour and its fixed underline', () => {
    const paint = meaningPaint(resolveMeaningColours({ important: 'purple' }));
    expect(paint.important).toEqual({ background: 'rgba(142, 80, 181, 0.28)', underline: 'underline solid 3px', line: '#8e50b5' });
    const rules = highlightRules(paint);
    expect(rules).toContain('::highlight(hc-important) { background-color: rgba(142, 80, 181, 0.28); text-decoration: underline solid 3px; }');
    expect(rules).toContain('::highlight(hc-question) { background-color: rgba(255, 221, 0, 0.45); text-decoration: underline dotted 2px; }');
  });

  it('names the meanings from the catalogue, in plain words', () => {
    expect(HIGHLIGHT_MEANINGS.map((m) => HIGHLIGHT_MEANING_LABELS[m])).toEqual(['Question to ask', 'Important', 'I disagree', 'This is me']);
  });
});
