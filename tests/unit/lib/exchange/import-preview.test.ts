import { JSDOM } from 'jsdom';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ImportPreview } from '../../../../entrypoints/library/import/ImportPreview';
import { parseCollectionFile } from '../../../../lib/exchange/collection-file';
import { planImport } from '../../../../lib/exchange/import-plan';
import { fileHighlight, fileItem, sampleFile } from './sample-file';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>';

describe('the import preview shows what a file holds as text, never as HTML', () => {
  it('renders hostile titles, notes, curator and passages as their characters', () => {
    const file = sampleFile([fileItem('a', { title: HOSTILE, note: HOSTILE }), fileHighlight('b', HOSTILE, HOSTILE)], HOSTILE);
    file.collection.curator = HOSTILE;
    file.collection.description = HOSTILE;
    const parsed = parseCollectionFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const html = renderToString(h(ImportPreview, { plan: planImport(parsed.value, { clips: [], highlights: [] }), from: HOSTILE, busy: false, onConfirm: () => {}, onCancel: () => {} }));
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, img, a, iframe, object')).toHaveLength(0);
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelector('h2')?.textContent).toBe(`Check before adding: “${HOSTILE}”`);
    expect(doc.querySelector('[data-count="new-pages"]')?.textContent).toBe('2 new pages, saved to your library as links');
  });
});
