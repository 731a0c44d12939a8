/**
 * What a highlight can mean, with its words, icon and paint. Zod-free so the
 * small page-side scripts can show the same names and colours as the library.
 * Each meaning has its own colour AND its own icon and underline style, so
 * colour is never the only cue.
 */
export const HIGHLIGHT_MEANINGS = ['question', 'important', 'disagree', 'this-is-me'] as const;
export type HighlightMeaning = (typeof HIGHLIGHT_MEANINGS)[number];

/** Plain-English names for the meanings. */
export const HIGHLIGHT_MEANING_LABELS: Record<HighlightMeaning, string> = {
  question: 'Question to ask',
  important: 'Important',
  disagree: 'I disagree',
  'this-is-me': 'This is me',
};

/** A text icon per meaning: readable by screen readers as part of the label, and not a colour. */
export const HIGHLIGHT_MEANING_ICONS: Record<HighlightMeaning, string> = {
  question: '?',
  important: '!',
  disagree: '✗',
  'this-is-me': '♥',
};

/** Colour and underline per meaning; ::highlight() accepts only colours, text-decoration and text-shadow. */
export const HIGHLIGHT_MEANING_PAINT: Record<HighlightMeaning, { background: string; underline: string }> = {
  question: { background: 'rgba(255, 221, 0, 0.55)', underline: 'underline dotted 2px' },
  important: { background: 'rgba(255, 140, 0, 0.35)', underline: 'underline solid 3px' },
  disagree: { background: 'rgba(212, 53, 28, 0.22)', underline: 'underline wavy 1px' },
  'this-is-me': { background: 'rgba(0, 133, 122, 0.25)', underline: 'underline double 2px' },
};
