import { describe, expect, it, vi } from 'vitest';
import { createOverlayPainter, createPainter } from '../../../../lib/page-highlights/paint';
import { loadPage } from '../../../helpers/pages';

const PAGE = '<!doctype html><html><body><p id="p">Take one tablet twice a day with food.</p></body></html>';

/** jsdom has no layout: give ranges one box and run animation frames at once. */
function withLayout(win: Window) {
  const w = win as unknown as { Range: { prototype: { getClientRects: unknown } }; requestAnimationFrame: unknown };
  w.Range.prototype.getClientRects = () => [{ left: 10, top: 20, width: 120, height: 18 }];
  w.requestAnimationFrame = (cb: () => void) => {
    cb();
    return 1;
  };
}

describe('the overlay painter (browsers without the Highlight API)', () => {
  it('draws boxes in a closed shadow root over the text, leaving the page’s own elements untouched', () => {
    const { doc, win } = loadPage(PAGE, 'https://www.nhs.uk/medicines/metformin/');
    withLayout(win);
    const before = doc.body.innerHTML;
    const painter = createOverlayPainter(doc);
    const text = doc.getElementById('p')?.firstChild;
    if (!text) throw new Error('fixture');
    const range = doc.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 14);
    painter.paint('h1', range, 'question');
    const host = doc.querySelector('hc-highlight-layer') as HTMLElement | null;
    expect(host).not.toBeNull();
    expect(host?.shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(host?.style.pointerEvents).toBe('none'); // clicks go through to the page
    expect(doc.body.innerHTML).toBe(before);
    painter.clear();
    expect(doc.querySelector('hc-highlight-layer')).toBeNull();
  });

  it('is chosen when the browser has no CSS Custom Highlight API', () => {
    const { doc, win } = loadPage(PAGE, 'https://www.nhs.uk/medicines/metformin/');
    withLayout(win);
    expect('highlights' in ((win as unknown as { CSS?: object }).CSS ?? {})).toBe(false);
    const painter = createPainter(doc);
    const text = doc.getElementById('p')?.firstChild;
    if (!text) throw new Error('fixture');
    const range = doc.createRange();
    range.selectNodeContents(text);
    const append = vi.spyOn(doc.documentElement, 'append');
    painter.paint('h1', range, 'important');
    expect(append).toHaveBeenCalledTimes(1);
  });
});
