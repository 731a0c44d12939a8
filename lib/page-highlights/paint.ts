import { HIGHLIGHT_MEANINGS, HIGHLIGHT_MEANING_PAINT, type HighlightMeaning, type MeaningPaint } from '../model/highlight-meanings';

/** How each meaning is drawn (the user's colours, fixed underlines). */
export type PaintStyle = Readonly<Record<HighlightMeaning, Pick<MeaningPaint, 'background' | 'underline'>>>;

/** Paints highlight ranges on a page without rewriting the page's own DOM. */
export interface Painter {
  paint(id: string, range: Range, meaning: HighlightMeaning): void;
  /** Redraws every highlight, painted and to come, with these colours. */
  restyle(style: PaintStyle): void;
  unpaint(id: string): void;
  /** Draws attention to one highlight for a moment (after "scroll to"). */
  flash(id: string): void;
  clear(): void;
}

const registryName = (meaning: HighlightMeaning | 'focus') => `hc-${meaning}`;
const FLASH_MS = 2_000;

/** Whether this browser has the CSS Custom Highlight API. */
export function canUseHighlightApi(win: Window & typeof globalThis): boolean {
  return typeof win.CSS !== 'undefined' && 'highlights' in win.CSS && typeof win.Highlight === 'function';
}

/** The stylesheet for ::highlight(): colour plus a distinct underline per meaning, and a strong focus style. */
export function highlightRules(paint: PaintStyle): string {
  const rules = HIGHLIGHT_MEANINGS.map((m) => {
    const { background, underline } = paint[m];
    return `::highlight(${registryName(m)}) { background-color: ${background}; text-decoration: ${underline}; }`;
  });
  rules.push(`::highlight(${registryName('focus')}) { background-color: rgba(29, 79, 145, 0.35); color: inherit; text-decoration: underline solid 3px; }`);
  return rules.join('\n');
}

/**
 * The CSS Custom Highlight API: ranges are registered by name, the style
 * lives in an adopted stylesheet, and the page's elements are untouched.
 */
export function createHighlightApiPainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const painted = new Map<string, { range: Range; meaning: HighlightMeaning }>();
  let paintStyle: PaintStyle = HIGHLIGHT_MEANING_PAINT;
  let sheet: CSSStyleSheet | undefined;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  const registry = () => win.CSS.highlights;
  const style = () => {
    if (sheet) return;
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync(highlightRules(paintStyle));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  };
  const group = (name: string) => {
    let h = registry().get(name);
    if (!h) {
      h = new win.Highlight();
      registry().set(name, h);
    }
    return h;
  };
  return {
    paint(id, range, meaning) {
      style();
      this.unpaint(id);
      painted.set(id, { range, meaning });
      group(registryName(meaning)).add(range);
    },
    restyle(next) {
      paintStyle = next;
      // One sheet, rewritten in place: the highlights keep their names, so they repaint at once.
      sheet?.replaceSync(highlightRules(paintStyle));
    },
    unpaint(id) {
      const old = painted.get(id);
      if (!old) return;
      registry().get(registryName(old.meaning))?.delete(old.range);
      painted.delete(id);
    },
    flash(id) {
      const item = painted.get(id);
      if (!item) return;
      const focus = group(registryName('focus'));
      focus.clear();
      focus.add(item.range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => focus.clear(), FLASH_MS);
    },
    clear() {
      for (const id of [...painted.keys()]) this.unpaint(id);
      registry().get(registryName('focus'))?.clear();
    },
  };
}

/**
 * For browsers without the Highlight API: boxes drawn over the text from a
 * closed shadow root, positioned from the range's client rectangles and
 * redrawn when the page reflows. The page's own elements are untouched and
 * clicks go through (pointer-events: none).
 */
export function createOverlayPainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const painted = new Map<string, { range: Range; meaning: HighlightMeaning }>();
  let host: HTMLElement | undefined;
  let layer: HTMLElement | undefined;
  let focused: string | undefined;
  let frame = 0;
  let paintStyle: PaintStyle = HIGHLIGHT_MEANING_PAINT;
  const ensureLayer = () => {
    if (layer) return layer;
    host = doc.createElement('hc-highlight-layer');
    host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483645;';
    const root = host.attachShadow({ mode: 'closed' });
    layer = doc.createElement('div');
    root.append(layer);
    doc.documentElement.append(host);
    win.addEventListener('resize', schedule);
    return layer;
  };
  const draw = () => {
    const target = ensureLayer();
    target.replaceChildren();
    for (const [id, { range, meaning }] of painted) {
      const { background, underline } = paintStyle[meaning];
      const [, style = 'solid', width = '2px'] = underline.split(' ');
      for (const rect of Array.from(range.getClientRects())) {
        const box = doc.createElement('div');
        box.style.cssText = `position:absolute;left:${rect.left + win.scrollX}px;top:${rect.top + win.scrollY}px;width:${rect.width}px;height:${rect.height}px;` +
          `background:${id === focused ? 'rgba(29, 79, 145, 0.35)' : background};border-bottom:${width} ${style === 'wavy' ? 'dashed' : style} rgba(11,12,12,.7);mix-blend-mode:multiply;`;
        target.append(box);
      }
    }
  };
  function schedule() {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }
  return {
    paint(id, range, meaning) {
      painted.set(id, { range, meaning });
      schedule();
    },
    restyle(next) {
      paintStyle = next;
      if (painted.size) schedule();
    },
    unpaint(id) {
      if (painted.delete(id)) schedule();
    },
    flash(id) {
      focused = id;
      schedule();
      setTimeout(() => {
        focused = undefined;
        schedule();
      }, FLASH_MS);
    },
    clear() {
      painted.clear();
      host?.remove();
      host = undefined;
      layer = undefined;
      win.removeEventListener('resize', schedule);
    },
  };
}

/** The best painter this browser supports. */
export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  return win && canUseHighlightApi(win) ? createHighlightApiPainter(doc) : createOverlayPainter(doc);
}
