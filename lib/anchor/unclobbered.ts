/**
 * DOM reads a hostile page cannot redirect. A <form> hands out its controls
 * as properties that hide the built-in ones (`<input name="nodeName">` makes
 * `form.nodeName` an element: HTML's [LegacyOverrideBuiltIns] on
 * HTMLFormElement), and the document does the same for named <img>, <form>,
 * <embed> and <object> (`<form name="body">` is `document.body`). Code that
 * walks a page's DOM reads these through the prototype instead, so a page
 * cannot crash the clipper or the highlighter (found by
 * tests/e2e/hostile-pages.spec.ts: `nodeName.toUpperCase is not a function`).
 */

/** The built-in value of `prop` for `obj`, read from its prototype chain past any named property on the object itself. */
function builtIn(obj: object, prop: string): unknown {
  for (let proto: object | null = Object.getPrototypeOf(obj) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, prop);
    if (descriptor) return descriptor.get ? descriptor.get.call(obj) : descriptor.value;
  }
  return undefined;
}

/** An element's tag name in upper case, even on a <form> with a control named "tagName". */
export function tagNameOf(el: Element): string {
  const fast: unknown = el.tagName;
  // A named control is an element, never a string: only then take the slow path.
  const name = typeof fast === 'string' ? fast : builtIn(el, 'tagName');
  return typeof name === 'string' ? name.toUpperCase() : '';
}

/** A node's name in upper case, even on a <form> with a control named "nodeName". */
export function nodeNameOf(node: Node): string {
  const fast: unknown = node.nodeName;
  const name = typeof fast === 'string' ? fast : builtIn(node, 'nodeName');
  return typeof name === 'string' ? name.toUpperCase() : '';
}

/** `el.getAttribute(name)`, even on a <form> with a control named "getAttribute". */
export function attributeOf(el: Element, name: string): string | null {
  const fast: unknown = el.getAttribute;
  const get = typeof fast === 'function' ? fast : builtIn(el, 'getAttribute');
  if (typeof get !== 'function') return null;
  const value: unknown = get.call(el, name);
  return typeof value === 'string' ? value : null;
}

/** The document's <body> (or its root element when there is none), even when the page names a <form> or <img> "body". */
export function bodyOf(doc: Document): Element | null {
  const body = builtIn(doc, 'body');
  const root = builtIn(doc, 'documentElement');
  // jsdom and linkedom keep these on the prototype too; fall back to plain reads for any DOM that does not.
  const isElement = (value: unknown): value is Element => typeof value === 'object' && value !== null && (value as Node).nodeType === 1;
  if (isElement(body)) return body;
  if (isElement(root)) return root;
  return doc.body ?? doc.documentElement;
}
