import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ClipListItem } from '../../lib/db/repository';
import { parseCollectionFile } from '../../lib/exchange/collection-file';
import { decodeShareLink } from '../../lib/exchange/share-link';
import { clipIdsOf, collectionSchema } from '../../lib/model/collection';
import { openLibrary, putRecords, saveFixtureByMessage, screenshot, useExtensionSession } from './harness';

/** The extension API as seen inside extension pages, where the save message is sent. */

/**
 * Issue 8, item 7: a private item leaves the computer only when the user
 * ticks "Include items marked private", through the real list editor: the
 * collection file, the share link (decoded as its recipient would) and the
 * print view (read as printed, in print media).
 */
const session = useExtensionSession();
const NOW_ISO = new Date().toISOString();
const PRIVATE_NOTE = 'Only for me: the walking study my nurse mentioned.';
const PUBLIC_NOTE = 'Start here: what it is and what happens next.';

/** Saves a fixture page through the real clipper, from the library page. */
const saveFixture = (library: Page, name: string): Promise<ClipListItem> => saveFixtureByMessage(session, library, name);

/** What leaves through the editor's three ways out, with the current choices: the file's notes, the link's notes, the printed text. */
async function whatLeaves(editor: Page): Promise<{ file: string[]; link: string[]; printed: string }> {
  const [download] = await Promise.all([editor.waitForEvent('download'), editor.getByRole('button', { name: 'Download collection file (.json)' }).click()]);
  const parsed = parseCollectionFile(readFileSync((await download.path()) ?? '', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);

  await editor.getByRole('button', { name: 'Share as a link' }).click();
  const field = editor.locator('#hc-share-link-field');
  await field.waitFor();
  const shared = await decodeShareLink(await field.inputValue());
  if (!shared.ok) throw new Error(shared.error.message);

  const [print] = await Promise.all([session.ext.context.waitForEvent('page'), editor.getByRole('button', { name: 'Print or save as PDF' }).click()]);
  await print.locator('.hc-doc').waitFor();
  // innerText under print media is what a printer or "Save as PDF" gets (screen-only parts are hidden).
  await print.emulateMedia({ media: 'print' });
  const printed = await print.evaluate(() => document.body.innerText);
  await screenshot(print, `private-items-print-${printed.includes('walking study') ? 'included' : 'default'}`);
  await print.close();
  return { file: parsed.value.collection.items.map((i) => i.note), link: shared.value.collection.items.map((i) => i.note), printed };
}

describe('private items through the real list editor', () => {
  it('are left out of the collection file, the share link and the print view until the user ticks “Include items marked private”', async () => {
    const library = await openLibrary(session.ext);
    const nhs = await saveFixture(library, 'nhs-condition-page.html');
    const study = await saveFixture(library, 'journal-abstract.html');
    const collection = collectionSchema.parse({
      kind: 'collection',
      id: 'e2e-private',
      title: 'What our members found helpful',
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
      items: [
        { id: 'i-public', clipId: nhs.id, note: PUBLIC_NOTE },
        { id: 'i-private', clipId: study.id, note: PRIVATE_NOTE, private: true },
      ],
    });
    await putRecords(library, 'collections', [{ ...collection, clipIds: clipIdsOf(collection) }]);
    await library.close();

    const editor = await openLibrary(session.ext, `#list=${collection.id}`);
    await editor.getByRole('heading', { level: 1, name: collection.title }).waitFor();
    expect(await editor.getByLabel('Private: leave it out of what I share').nth(1).isChecked()).toBe(true);
    const include = editor.getByLabel('Include items marked private');
    expect(await include.isChecked()).toBe(false);

    const unticked = await whatLeaves(editor);
    expect(unticked.file).toEqual([PUBLIC_NOTE]);
    expect(unticked.link).toEqual([PUBLIC_NOTE]);
    expect(unticked.printed).toContain(PUBLIC_NOTE);
    expect(unticked.printed).not.toContain(PRIVATE_NOTE);
    expect(unticked.printed).not.toContain(study.title);

    await include.check();
    await editor.getByText('What you print, copy, download or share as a link now includes them.').waitFor();
    // The link made before the choice changed is gone, so it cannot be copied by mistake.
    expect(await editor.locator('#hc-share-link-field').count()).toBe(0);
    await screenshot(editor, 'private-items-editor-ticked');
    const ticked = await whatLeaves(editor);
    expect(ticked.file).toEqual([PUBLIC_NOTE, PRIVATE_NOTE]);
    expect(ticked.link).toEqual([PUBLIC_NOTE, PRIVATE_NOTE]);
    expect(ticked.printed).toContain(PRIVATE_NOTE);
    expect(ticked.printed).toContain(study.title);
    // Unticking takes the link that holds the private item off the screen.
    await include.uncheck();
    expect(await editor.locator('#hc-share-link-field').count()).toBe(0);
    await editor.close();
  });
});
