import './backup.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SourceTypeBadge } from '../../../components/SourceTypeBadge';
import { displayHost, formatDate } from '../../../components/format-date';
import { StatusMessage } from '../../../components/StatusMessage';
import type { LinkImportPlan } from '../../../lib/db/link-import-store';
import type { LibraryRepository } from '../../../lib/db/repository';
import { describeSkipped, draftsToLinkClips, LINK_FILE_KIND_LABELS, LINK_IMPORT_LIMITS, type LinkFileKind } from '../../../lib/exchange/link-drafts';
import { readLinkFile } from '../../../lib/exchange/link-file';
import { rulePacksSetting } from '../../../lib/settings/settings';
import type { Status } from './status';

export interface LinkImportSectionProps {
  repo: LibraryRepository;
}

interface Preview {
  fileName: string;
  kind: LinkFileKind;
  plan: LinkImportPlan;
  skipped: string;
}

/** How many new pages the preview lists by name. */
const SHOWN = 25;
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Reads a file the user chose from another tool and works out what adding it would do. */
async function previewFile(repo: LibraryRepository, file: File): Promise<{ ok: true; preview: Preview } | { ok: false; message: string }> {
  if (file.size > LINK_IMPORT_LIMITS.maxFileChars) return { ok: false, message: 'This file is too large to read here. Export a smaller part, such as one folder, at a time.' };
  const text = await file.text();
  const parsed = readLinkFile(file.name, text, { now: new Date(), parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html') });
  if (!parsed.ok) return { ok: false, message: `${parsed.error.message} Nothing was added.` };
  const links = draftsToLinkClips(parsed.value.drafts, { rulePacks: await rulePacksSetting.getValue() });
  const plan = await repo.linkImport.plan(links);
  return { ok: true, preview: { fileName: file.name, kind: parsed.value.kind, plan, skipped: describeSkipped(parsed.value.skipped) } };
}

/** "Bring your library from another tool": bookmarks, Pocket, Raindrop, Zotero; preview, then add in one go. */
export function LinkImportSection({ repo }: LinkImportSectionProps) {
  const [preview, setPreview] = useState<Preview | undefined>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const previewRef = useRef<HTMLDivElement>(null);
  useEffect(() => previewRef.current?.focus(), [preview]);

  const handleFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPreview(undefined);
    setStatus(undefined);
    if (!file) return;
    setStatus({ tone: 'info', text: `Reading ${file.name}…` });
    const result = await previewFile(repo, file).catch(() => ({ ok: false as const, message: 'This file could not be read. Nothing was added.' }));
    input.value = '';
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.message });
      return;
    }
    setStatus(undefined);
    setPreview(result.preview);
  };

  const handleAdd = async () => {
    if (!preview) return;
    setBusy(true);
    const result = await repo.linkImport.apply(preview.plan.fresh);
    setBusy(false);
    setPreview(undefined);
    setStatus(
      result.ok
        ? {
            tone: 'success',
            text: `Added ${count(result.value.added, 'page', 'pages')} to your library as links${result.value.alreadyThere ? `; ${count(result.value.alreadyThere, 'page was', 'pages were')} already there and left as they were` : ''}. To keep a page’s text as well, open it and use the Health Clipper button.`,
          }
        : { tone: 'error', text: result.error.message },
    );
  };

  const fresh = preview?.plan.fresh ?? [];
  return (
    <section class="hc-panel hc-backup" id="import-links" aria-labelledby="hc-links-heading">
      <h2 id="hc-links-heading">Bring your library from another tool</h2>
      <p>Add the pages you kept somewhere else. Each becomes a link in your library, with its source type worked out from its address.</p>
      <ul class="hc-hint">
        <li>Browser bookmarks: in Chrome or Edge, Bookmarks › Bookmark manager › ⋮ › Export bookmarks; in Firefox, Bookmarks › Manage bookmarks › Import and Backup › Export Bookmarks to HTML. Folders become tags.</li>
        <li>Pocket and Raindrop: their “Export” gives a bookmarks file (.html) too; tags and notes come along.</li>
        <li>Zotero, Mendeley or EndNote: export as CSL JSON (.json) or RIS (.ris). A DOI becomes a doi.org link.</li>
      </ul>
      <label for="hc-links-file">Choose a file (.html, .htm, .json or .ris)</label>
      <input id="hc-links-file" type="file" accept=".html,.htm,.json,.ris,text/html,application/json" onChange={(e) => void handleFile(e.currentTarget)} />
      {preview ? (
        <div class="hc-backup__summary" ref={previewRef} tabIndex={-1} role="region" aria-labelledby="hc-links-preview-heading">
          <h3 id="hc-links-preview-heading">What we found</h3>
          <p>
            <strong>{preview.fileName}</strong> is {LINK_FILE_KIND_LABELS[preview.kind]}.
          </p>
          <ul data-import-plan>
            <li>
              <strong>{count(fresh.length, 'new page', 'new pages')}</strong> to add.
            </li>
            {preview.plan.existing.length ? (
              <li>
                {count(preview.plan.existing.length, 'page is', 'pages are')} already in your library. {preview.plan.existing.length === 1 ? 'It stays' : 'They stay'} exactly
                as {preview.plan.existing.length === 1 ? 'it is' : 'they are'}: nothing from this file changes {preview.plan.existing.length === 1 ? 'its' : 'their'} notes, tags or type.
              </li>
            ) : null}
            {preview.plan.repeated ? <li>{count(preview.plan.repeated, 'page appears', 'pages appear')} twice in the file and will be added once.</li> : null}
            {preview.skipped ? <li>{preview.skipped}</li> : null}
          </ul>
          {fresh.length ? (
            <ul class="hc-list hc-backup__links" aria-label="New pages">
              {fresh.slice(0, SHOWN).map((link) => (
                <li key={link.canonicalUrl} class="hc-row">
                  <div>
                    <span class="hc-row__title">{link.title}</span>
                    <div class="hc-row__meta">
                      <SourceTypeBadge type={link.sourceVerdict.type} />
                      <span>{link.siteName ?? displayHost(link.url)}</span>
                      {link.savedAt ? <span>Saved {formatDate(link.savedAt)}</span> : null}
                      {link.tags.map((t) => (
                        <span key={t} class="hc-tag-pill">{t}</span>
                      ))}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing new to add: every page in this file is already in your library.</p>
          )}
          {fresh.length > SHOWN ? <p class="hc-muted">…and {count(fresh.length - SHOWN, 'more page', 'more pages')}.</p> : null}
          <div class="hc-actions">
            {fresh.length ? (
              <button type="button" class="hc-primary" disabled={busy} onClick={() => void handleAdd()}>
                Add {count(fresh.length, 'page', 'pages')}
              </button>
            ) : null}{' '}
            <button type="button" disabled={busy} onClick={() => setPreview(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
    </section>
  );
}
