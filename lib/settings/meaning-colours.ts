import { HIGHLIGHT_MEANINGS, meaningPaint, resolveMeaningColours } from '../model/highlight-meanings';
import { highlightColoursSetting } from './settings';

/**
 * Keeps `--hc-meaning-<meaning>` on an extension page's root element equal
 * to the user's colour for each meaning, so highlight lists (base.css,
 * .hc-highlight--*) draw their coloured edge in it. Returns the unwatch.
 */
export function followMeaningColours(root: HTMLElement): () => void {
  const apply = (stored: unknown) => {
    const paint = meaningPaint(resolveMeaningColours(stored));
    for (const meaning of HIGHLIGHT_MEANINGS) root.style.setProperty(`--hc-meaning-${meaning}`, paint[meaning].line);
  };
  void highlightColoursSetting.getValue().then(apply, () => undefined);
  return highlightColoursSetting.watch(apply);
}
