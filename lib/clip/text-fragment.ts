import type { TextQuote } from '../model/clip';

/** Above this many words the fragment names the passage's first and last words only (the URL stays short). */
const MAX_WORDS_WHOLE = 8;
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

/** Escapes a fragment-directive term: the spec reserves "-", "," and "&". */
function term(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * A link that opens the page scrolled to the passage, with it marked, in
 * browsers that support text fragments (`#:~:text=`, WICG Scroll-to-Text);
 * other browsers simply open the page. Any existing fragment is replaced.
 */
export function textFragmentUrl(pageUrl: string, quote: TextQuote): string {
  const url = new URL(pageUrl);
  url.hash = '';
  const exact = words(quote.exact);
  if (!exact.length) return url.href;
  const prefix = words(quote.prefix).slice(-CONTEXT_WORDS).join(' ');
  const suffix = words(quote.suffix).slice(0, CONTEXT_WORDS).join(' ');
  const parts = [
    ...(prefix ? [`${term(prefix)}-`] : []),
    ...(exact.length <= MAX_WORDS_WHOLE
      ? [term(exact.join(' '))]
      : [term(exact.slice(0, EDGE_WORDS).join(' ')), term(exact.slice(-EDGE_WORDS).join(' '))]),
    ...(suffix ? [`-${term(suffix)}`] : []),
  ];
  return `${url.href}#:~:text=${parts.join(',')}`;
}
