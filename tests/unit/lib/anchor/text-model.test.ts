// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../../../lib/anchor/index';
import { collectTextNodes, offsetOfPoint, offsetsOfRange, rangeFromOffsets } from '../../../../lib/anchor/text-model';
import { elementFromXPath, xpathFromElement } from '../../../../lib/anchor/xpath';

function body(html: string): { doc: Document; root: HTMLElement } {
  const doc = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document;
  return { doc, root: doc.body };
}

/** The range over the first occurrence of `words` in the page text. */
function rangeOver(doc: Document, root: Element, words: string): Range {
  const map = collectTextNodes(root);
  const at = map.text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in ${JSON.stringify(map.text)}`);
  return rangeFromOffsets(doc, map, at, at + words.length);
}

/**
 * The text model, case by case: what the page text is, and a passage that
 * must survive describe → anchor in both directions with that exact wording.
 */
const cases: { name: string; html: string; text: string; passage: string; quote: string }[] = [
  { name: '<br> between words', html: '<p>line one<br>line two</p>', text: 'line one\nline two', passage: 'one\nline', quote: 'one line' },
  { name: 'blocks with no whitespace between', html: '<p>a first</p><p>b second</p>', text: 'a first\nb second', passage: 'first\nb', quote: 'first b' },
  { name: 'blocks with source whitespace between (no extra separator)', html: '<p>a first</p>\n  <p>b second</p>', text: 'a first\n  b second', passage: 'first\n  b', quote: 'first b' },
  { name: 'a word split across inline elements', html: '<p>take <b>some</b>thing now</p>', text: 'take something now', passage: 'something', quote: 'something' },
  { name: 'inline links and emphasis', html: '<p>see <a href="#">your <em>GP</em></a> soon</p>', text: 'see your GP soon', passage: 'your GP soon', quote: 'your GP soon' },
  { name: 'list items', html: '<ul><li>rest</li><li>fluids</li></ul>', text: 'rest\nfluids', passage: 'rest\nfluids', quote: 'rest fluids' },
  { name: 'table cells', html: '<table><tr><td>Dose</td><td>5 mg</td></tr></table>', text: 'Dose\n5 mg', passage: 'Dose\n5 mg', quote: 'Dose 5 mg' },
  { name: 'nested blocks', html: '<div><div><p>deep</p></div>after</div>', text: 'deep\nafter', passage: 'deep\nafter', quote: 'deep after' },
  { name: 'heading then paragraph', html: '<h2>Symptoms</h2><p>Thirst</p>', text: 'Symptoms\nThirst', passage: 'Symptoms\nThirst', quote: 'Symptoms Thirst' },
  {
    name: 'script, style, noscript, template and form controls are not page text',
    html: '<p>one</p><script>var x = 1;</script><style>p{}</style><noscript>no js</noscript><template>tpl</template><textarea>typed</textarea><select><option>opt</option></select><p>two</p>',
    text: 'one\ntwo',
    passage: 'one\ntwo',
    quote: 'one two',
  },
  {
    name: 'hidden and display:none text is not page text',
    html: '<p>shown</p><p hidden>secret</p><div style="color: red; display: none">gone</div><p>also shown</p>',
    text: 'shown\nalso shown',
    passage: 'shown\nalso',
    quote: 'shown also',
  },
  { name: 'hidden="until-found" text is page text (find-in-page reveals it)', html: '<p>intro</p><div hidden="until-found">details</div>', text: 'intro\ndetails', passage: 'intro\ndetails', quote: 'intro details' },
];

group('collectTextNodes: the text model', () => {
  it.each(cases)('$name', ({ html, text }) => {
    expect(collectTextNodes(body(html).root).text).toBe(text);
  });

  it.each(cases)('$name: describe and anchor agree on the passage', ({ html, passage, quote }) => {
    const page = body(html);
    const selectors = describe(page.root, rangeOver(page.doc, page.root, passage));
    expect(selectors?.[0].exact).toBe(quote);
    const again = body(html);
    const anchored = anchor(again.root, selectors ?? []);
    expect(anchored?.exact).toBe(true);
    const map = collectTextNodes(again.root);
    const { start, end } = anchored ? offsetsOfRange(map, anchored.range) : { start: 0, end: 0 };
    expect(map.text.slice(start, end)).toBe(passage);
  });

  it('never glues the words of neighbouring blocks, whatever the selection looks like in the DOM', () => {
    const page = body('<p id="a">Take one tablet daily</p><p id="b">with food and water.</p>');
    const range = page.doc.createRange();
    range.setStart(page.doc.getElementById('a')?.firstChild ?? page.root, 5);
    range.setEnd(page.doc.getElementById('b')?.firstChild ?? page.root, 9);
    expect(range.toString()).toBe('one tablet dailywith food'); // what Range.toString() would have saved
    expect(describe(page.root, range)?.[0]).toMatchObject({ exact: 'one tablet daily with food', prefix: 'Take ', suffix: ' and water.' });
  });
});

group('rangeFromOffsets and offsetOfPoint', () => {
  it('maps a span that starts or ends on a virtual separator to real text boundaries', () => {
    const { doc, root } = body('<p>one</p><p>two</p>');
    const map = collectTextNodes(root);
    expect(map.text).toBe('one\ntwo');
    const range = rangeFromOffsets(doc, map, 3, 7); // "\ntwo"
    expect(range.startContainer.textContent).toBe('two');
    expect(range.startOffset).toBe(0);
    expect(range.toString()).toBe('two');
    expect(rangeFromOffsets(doc, map, 0, 4).toString()).toBe('one'); // "one\n" ends at the end of "one"
  });

  it('counts element boundaries as the nearest text on the inside of the span', () => {
    const { doc, root } = body('<p>one</p><p id="x">two</p><p>three</p>');
    const map = collectTextNodes(root);
    const x = doc.getElementById('x');
    if (!x) throw new Error('fixture');
    expect(offsetOfPoint(map, x, 0, 'start')).toBe(4);
    expect(offsetOfPoint(map, x, 1, 'end')).toBe(7);
    expect(offsetOfPoint(map, root, 0, 'end')).toBe(0);
    expect(offsetOfPoint(map, root, root.childNodes.length, 'start')).toBe(map.text.length);
  });

  it('treats a point inside hidden text as the visible text next to it', () => {
    const { doc, root } = body('<p>before <span hidden>secret</span>after</p>');
    const map = collectTextNodes(root);
    const secret = doc.querySelector('span')?.firstChild;
    if (!secret) throw new Error('fixture');
    expect(map.text).toBe('before after');
    expect(offsetOfPoint(map, secret, 3, 'start')).toBe(7);
    expect(offsetOfPoint(map, secret, 3, 'end')).toBe(7);
  });
});

group('xpath', () => {
  it('round-trips an element path relative to the root', () => {
    const { doc, root } = body('<main><p>a</p><div><p>b</p><p id="t">c</p></div></main>');
    const target = doc.getElementById('t');
    if (!target) throw new Error('fixture');
    const path = xpathFromElement(root, target);
    expect(path).toBe('/main[1]/div[1]/p[2]');
    expect(elementFromXPath(root, path ?? '')).toBe(target);
    expect(xpathFromElement(root, root)).toBe('/');
    expect(elementFromXPath(root, '/')).toBe(root);
  });

  it.each(['/main[1]/p[9]', 'main[1]', '/main[0]', '//p', '/main[1]/p[last()]', '/main[1]/../p[1]', ''])('finds nothing for %j', (path) => {
    const { root } = body('<main><p>a</p></main>');
    expect(elementFromXPath(root, path)).toBeNull();
  });
});
