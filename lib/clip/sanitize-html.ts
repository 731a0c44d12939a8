import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/** Options for one call; the defaults are for storing. */
export interface SanitizeOptions {
  /**
   * Keep remote image addresses out of the rendered HTML (each image keeps
   * its alt text), so opening a saved clip sends nothing to the original
   * site until the user asks for images.
   */
  blockRemoteImages?: boolean;
}

/**
 * Only what a readable article needs: text structure, links, images, tables.
 * No script, style, form, frame, embed, SVG or MathML; no inline style (CSS
 * can exfiltrate and track); no id or name (DOM clobbering of our pages).
 * No <main> (its text is kept) and no role: the page's landmarks would nest a
 * second main inside the reader's and break screen-reader navigation (axe
 * landmark-no-duplicate-main, found by tests/e2e/accessibility.spec.ts).
 */
const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'video', 'audio', 'source', 'picture', 'dialog', 'template', 'main'],
  FORBID_ATTR: ['role', 'style', 'id', 'name', 'srcset', 'sizes', 'action', 'formaction', 'ping', 'background', 'poster', 'usemap'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  SANITIZE_NAMED_PROPS: true,
  ADD_ATTR: ['target', 'loading', 'referrerpolicy', 'data-hc-blocked'],
};

const SAFE_LINK = /^(https?:|mailto:|#)/i;

interface Instance {
  purify: DOMPurify;
  options: SanitizeOptions;
}

const instances = new WeakMap<object, Instance>();

function instanceFor(win: Window): Instance {
  const existing = instances.get(win);
  if (existing) return existing;
  // DOMPurify's factory expects the global window shape; jsdom and linkedom
  // windows match it at run time even where their declared types differ.
  const purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  const instance: Instance = { purify, options: {} };
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.tagName === 'A') {
      const href = el.getAttribute('href');
      if (href !== null && !SAFE_LINK.test(href.trim())) el.removeAttribute('href');
      if (el.hasAttribute('href') && !href?.startsWith('#')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src') ?? '';
      const isData = /^data:image\//i.test(src);
      if (!isData && !/^https?:/i.test(src)) el.removeAttribute('src');
      else if (!isData && instance.options.blockRemoteImages) {
        el.removeAttribute('src');
        el.setAttribute('data-hc-blocked', '');
      }
      el.setAttribute('loading', 'lazy');
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  instances.set(win, instance);
  return instance;
}

/**
 * Cleans HTML that came from a web page or a file so it can be stored and
 * shown inside the extension: see CONFIG for what survives. Runs wherever a
 * DOM exists (page, extension page, jsdom in tests); pass that window.
 */
export function sanitizeHtml(html: string, win: Window, options: SanitizeOptions = {}): string {
  const instance = instanceFor(win);
  instance.options = options;
  try {
    return instance.purify.sanitize(html, CONFIG);
  } finally {
    instance.options = {};
  }
}
