import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../../lib/anchor/dom-text';
import { describePassage } from '../../../../lib/page-highlights/passage';
import { createHighlighter, type Highlighter } from '../../../../lib/page-highlights/highlighter';
import type { Painter } from '../../../../lib/page-highlights/paint';
import { createSelectionToolbar } from '../../../../lib/page-highlights/toolbar';
import type { PaintItem } from '../../../../lib/page-highlights/types';
import { loadPage } from '../../../helpers/pages';

const ARTICLE = `<!doctype html><html><body><main>
  <p id="a">Type 2 diabetes is a common condition that causes the level of sugar (glucose) in the blood to become too high.</p>
  <p id="b">It can cause symptoms like excessive thirst, needing to pee a lot and tiredness. It can also increase your risk of getting serious problems with your eyes, heart and nerves.</p>
</main></body></html>`;

function fakePainter() {
  const painted = new Map<string, string>();
  const flashed: string[] = [];
  const painter: Painter = {
    paint: (id, range, meaning) => painted.set(id, `${meaning}:${range.toString()}`),
    unpaint: (id) => void painted.delete(id),
    flash: (id) => void flashed.push(id),
    clear: () => painted.clear(),
    restyle: () => undefined,
  };
  return { painter, painted, flashed };
}

/** A saved highlight made the way the toolbar makes one: W3C selectors for a range on the page. */
function itemFor(doc: Document, id: string, node: Node, start: number, end: number, meaning: PaintItem['meaning'] = 'question'): PaintItem {
  const range = doc.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const described = describePassage(doc.body, range);
  if (!described) throw new Error('no passage');
  return { id, meaning, ...described };
}

/** A highlight saved before selectors were stored: quote and position only. */
function legacyItemFor(doc: Document, id: string, node: Node, start: number, end: number): PaintItem {
  const range = doc.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const described = describeRange(doc.body, range);
  if (!described) throw new Error('no passage');
  return { id, meaning: 'important', ...described };
}

let highlighter: Highlighter | undefined;
afterEach(() => {
  highlighter?.dispose();
  highlighter = undefined;
  vi.useRealTimers();
});

describe('the page highlighter', () => {
  it('paints saved highlights found on the page and reports those that are not', () => {
    const { doc } = loadPage(ARTICLE, 'https://www.nhs.uk/conditions/type-2-diabetes/');
    const textB = doc.getElementById('b')?.firstChild;
    if (!textB) throw new Error('fixture');
    const found = itemFor(doc, 'h1', textB, 0, 'It can cause symptoms like excessive thirst, needing to pee a lot'.length, 'this-is-me');
    const gone: PaintItem = { id: 'h2', meaning: 'important', quote: { exact: 'Metformin is usually the first medicine you will be offered', prefix: 'treatment. ', suffix: ' It helps.' } };
    const { painter, painted } = fakePainter();
    highlighter = createHighlighter(doc, { painter, watchMs: 0 });
    expect(highlighter.show([found, gone])).toEqual([
      { id: 'h1', status: 'placed' },
      { id: 'h2', status: 'missing' },
    ]);
    expect(painted.get('h1')).toBe('this-is-me:It can cause symptoms like excessive thirst, needing to pee a lot');
    expect(painted.has('h2')).toBe(false);
  });

  it('still finds a highlight saved before selectors were stored (quote and position only)', () => {
    const { doc } = loadPage(ARTICLE, 'https://www.nhs.uk/conditions/type-2-diabetes/');
    const textA = doc.getElementById('a')?.firstChild;
    if (!textA) throw new Error('fixture');
    const item = legacyItemFor(doc, 'old', textA, 0, 40);
    expect(item.selectors).toBeUndefined();
    const { painter, painted } = fakePainter();
    highlighter = createHighlighter(doc, { painter, watchMs: 0 });
    expect(highlighter.show([item])).toEqual([{ id: 'old', status: 'placed' }]);
    expect(painted.get('old')).toBe(`important:${(textA.textContent ?? '').slice(0, 40)}`);
  });

  it('flags a passage whose wording changed slightly, with the new wording', () => {
    const { doc } = loadPage(ARTICLE, 'https://www.nhs.uk/conditions/type-2-diabetes/');
    const textB = doc.getElementById('b')?.firstChild;
    if (!textB) throw new Error('fixture');
    const item = itemFor(doc, 'h1', textB, 0, 80);
    textB.textContent = (textB.textContent ?? '').replace('needing to pee a lot', 'needing to wee a lot');
    const { painter } = fakePainter();
    highlighter = createHighlighter(doc, { painter, watchMs: 0 });
    const [placement] = highlighter.show([item]);
    expect(placement?.status).toBe('changed');
    expect(placement?.changedText).toContain('needing to wee a lot');
  });

  it('finds a highlight whose text arrives late (a single-page app) and says so', async () => {
    const { doc, win } = loadPage(ARTICLE, 'https://www.nhs.uk/conditions/type-2-diabetes/');
    const textB = doc.getElementById('b')?.firstChild;
    if (!textB) throw new Error('fixture');
    const item = itemFor(doc, 'late', textB, 0, 64);
    const paragraph = doc.getElementById('b');
    paragraph?.remove(); // the app has not rendered this section yet
    const { painter, painted } = fakePainter();
    const late = vi.fn();
    highlighter = createHighlighter(doc, { painter, onLateFound: late, settleMs: 10, watchMs: 5_000 });
    expect(highlighter.show([item])).toEqual([{ id: 'late', status: 'missing' }]);
    const rendered = doc.createElement('p');
    rendered.textContent = paragraph?.textContent ?? '';
    doc.querySelector('main')?.append(rendered);
    await vi.waitFor(() => expect(late).toHaveBeenCalledWith([{ id: 'late', status: 'placed' }]), { timeout: 2_000 });
    expect(painted.has('late')).toBe(true);
    expect(highlighter.placements()).toEqual([{ id: 'late', status: 'placed' }]);
    void win;
  });

  it('scrolls to a painted highlight, and takes one off the page', () => {
    const { doc, win } = loadPage(ARTICLE, 'https://www.nhs.uk/conditions/type-2-diabetes/');
    const textA = doc.getElementById('a')?.firstChild;
    if (!textA) throw new Error('fixture');
    const scroll = vi.fn();
    (win as unknown as { Element: { prototype: { scrollIntoView: unknown } } }).Element.prototype.scrollIntoView = scroll;
    const { painter, painted, flashed } = fakePainter();
    highlighter = createHighlighter(doc, { painter, watchMs: 0 });
    highlighter.show([itemFor(doc, 'h1', textA, 0, 40)]);
    expect(highlighter.scrollTo('h1')).toBe(true);
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(flashed).toEqual(['h1']);
    highlighter.remove('h1');
    expect(painted.has('h1')).toBe(false);
    expect(highlighter.scrollTo('h1')).toBe(false);
  });
});

describe('the selection toolbar', () => {
  it('ignores clicks the page synthesised: only the user can make a highlight', () => {
    const { doc } = loadPage(ARTICLE, 'https://www.nhs.uk/conditions/type-2-diabetes/');
    const onHighlight = vi.fn(async () => ({ ok: true, message: 'saved' }));
    const toolbar = createSelectionToolbar(doc, onHighlight);
    const textA = doc.getElementById('a')?.firstChild;
    if (!textA) throw new Error('fixture');
    const range = doc.createRange();
    range.setStart(textA, 0);
    range.setEnd(textA, 20);
    doc.getSelection()?.addRange(range);
    doc.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true }));
    // The toolbar lives in a closed shadow root: the page cannot even reach its buttons.
    const host = doc.querySelector('hc-selection-toolbar');
    expect(host).not.toBeNull();
    expect(host?.shadowRoot).toBeNull();
    host?.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('click', { bubbles: true }));
    expect(onHighlight).not.toHaveBeenCalled();
    toolbar.dispose();
    expect(doc.querySelector('hc-selection-toolbar')).toBeNull();
  });
});
