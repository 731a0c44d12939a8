import { t } from '../i18n';

/**
 * What a highlight can mean, with its words, icon and paint. Zod-free so the
 * small page-side scripts can show the same names and colours as the library.
 * Each meaning has its own colour AND its own icon and underline style, so
 * colour is never the only cue. The user may pick another colour per
 * meaning from a small palette (the options page); names, icons and
 * underlines stay fixed.
 */
export const HIGHLIGHT_MEANINGS = ['question', 'important', 'disagree', 'this-is-me'] as const;
export type HighlightMeaning = (typeof HIGHLIGHT_MEANINGS)[number];

/**
 * Plain-English names for the meanings, read from the catalogue each time one
 * is used, never at import time (the browser's i18n API may not exist yet).
 */
export const HIGHLIGHT_MEANING_LABELS: Readonly<Record<HighlightMeaning, string>> = Object.freeze({
  get question() {
    return t('settings.meanings.question');
  },
  get important() {
    return t('settings.meanings.important');
  },
  get disagree() {
    return t('settings.meanings.disagree');
  },
  get 'this-is-me'() {
    return t('settings.meanings.thisIsMe');
  },
});

/** A text icon per meaning: readable by screen readers as part of the label, and not a colour. */
export const HIGHLIGHT_MEANING_ICONS: Record<HighlightMeaning, string> = {
  question: '?',
  important: '!',
  disagree: '✗',
  'this-is-me': '♥',
};

/**
 * The colours a user may give a meaning. `highlight` is painted behind page
 * text, translucent so dark text on a light page and light text on a dark
 * page both stay readable (at least 4.5:1); `line` marks the meaning in
 * lists and must stand out (3:1) on the light and the dark theme. Both are
 * checked in tests/unit/lib/model/highlight-meanings.test.ts.
 */
export const HIGHLIGHT_PALETTE = {
  yellow: { highlight: 'rgba(255, 221, 0, 0.45)', line: '#9a8400' },
  orange: { highlight: 'rgba(255, 140, 0, 0.35)', line: '#c25e00' },
  red: { highlight: 'rgba(212, 53, 28, 0.25)', line: '#d4351c' },
  teal: { highlight: 'rgba(0, 133, 122, 0.28)', line: '#00857a' },
  blue: { highlight: 'rgba(29, 112, 184, 0.28)', line: '#1d70b8' },
  purple: { highlight: 'rgba(142, 80, 181, 0.28)', line: '#8e50b5' },
} as const;
export type HighlightColour = keyof typeof HIGHLIGHT_PALETTE;
/** The palette in the order the options page offers it. */
export const HIGHLIGHT_COLOURS = ['yellow', 'orange', 'red', 'teal', 'blue', 'purple'] as const satisfies readonly HighlightColour[];

/** Where each palette colour's name lives in locales/en-GB.yml. */
export const HIGHLIGHT_COLOUR_LABEL_KEYS = {
  yellow: 'options.colours.yellow',
  orange: 'options.colours.orange',
  red: 'options.colours.red',
  teal: 'options.colours.teal',
  blue: 'options.colours.blue',
  purple: 'options.colours.purple',
} as const satisfies Record<HighlightColour, string>;

/** The colour each meaning has until the user picks another. */
export const DEFAULT_MEANING_COLOURS: Readonly<Record<HighlightMeaning, HighlightColour>> = {
  question: 'yellow',
  important: 'orange',
  disagree: 'red',
  'this-is-me': 'teal',
};

/** Underline per meaning: fixed, so the meaning shows without colour (::highlight() accepts only colours, text-decoration and text-shadow). */
export const HIGHLIGHT_MEANING_UNDERLINES: Record<HighlightMeaning, string> = {
  question: 'underline dotted 2px',
  important: 'underline solid 3px',
  disagree: 'underline wavy 1px',
  'this-is-me': 'underline double 2px',
};

/** Whether a stored value names a colour of the palette. */
export function isHighlightColour(value: unknown): value is HighlightColour {
  return typeof value === 'string' && Object.hasOwn(HIGHLIGHT_PALETTE, value);
}

/**
 * The user's colour per meaning, from whatever was stored: anything that
 * is not a palette name is ignored, so stored data can never become CSS.
 */
export function resolveMeaningColours(stored: unknown): Record<HighlightMeaning, HighlightColour> {
  const choice: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
  const result = { ...DEFAULT_MEANING_COLOURS };
  for (const meaning of HIGHLIGHT_MEANINGS) {
    const picked = choice[meaning];
    if (isHighlightColour(picked)) result[meaning] = picked;
  }
  return result;
}

/** How one meaning is drawn: behind page text, its underline, and its mark in lists. */
export interface MeaningPaint {
  background: string;
  underline: string;
  line: string;
}

/** Colour and underline per meaning for these colour choices. */
export function meaningPaint(colours: Readonly<Record<HighlightMeaning, HighlightColour>>): Record<HighlightMeaning, MeaningPaint> {
  const paintOf = (meaning: HighlightMeaning): MeaningPaint => {
    const { highlight, line } = HIGHLIGHT_PALETTE[colours[meaning]];
    return { background: highlight, underline: HIGHLIGHT_MEANING_UNDERLINES[meaning], line };
  };
  return { question: paintOf('question'), important: paintOf('important'), disagree: paintOf('disagree'), 'this-is-me': paintOf('this-is-me') };
}

/** The default paint (the in-page toolbar's swatches, and the page before the user's choice is read). */
export const HIGHLIGHT_MEANING_PAINT: Record<HighlightMeaning, MeaningPaint> = meaningPaint(DEFAULT_MEANING_COLOURS);
