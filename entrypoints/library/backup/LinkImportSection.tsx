import './backup.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ProgressStatus } from '../../../components/ProgressStatus';
import { SourceTypeBadge } from '../../../components/SourceTypeBadge';
import { displayHost, formatDate } from '../../../components/format-date';
import { LiveStatus } from '../../../components/LiveStatus';
import { useCancellableWork } from '../../../components/hooks/use-cancellable-work';
import type { LinkImportPlan } from '../../../lib/db/link-import-store';
import type { LibraryRepository } from '../../../lib/db/repository';
import { describeSkipped, draftsToLinkClips, LINK_FILE_KIND_LABELS, LINK_IMPORT_LIMITS, type LinkFileKind } from '../../../lib/exchange/link-drafts';
import { readLinkFile } from '../../../lib/exchange/link-file';
import { t } from '../../../lib/i18n';
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
const nf = (n: number) => n.toLocaleString('en-GB');

/** Reads a file the user chose from another tool and works out what adding it would do. */
async function previewFile(repo: LibraryRepository, file: File): Promise<{ ok: true; preview: Preview } | { ok: false; message: string }> {
  if (file.size > LINK_IMPORT_LIMITS.maxFileChars) return { ok: false, message: t('import.links.tooLarge') };
  const text = await file.text();
  const parsed = readLinkFile(file.name, text, { now: new Date(), parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html') }); // i18n-ignore: MIME type
  if (!parsed.ok) return { ok: false, message: t('import.links.notRead', { reason: parsed.error.message }) };
  const links = draftsToLinkClips(parsed.value.drafts, { rulePacks: await rulePacksSetting.getValue() });
  const plan = await repo.linkImport.plan(links);
  return { ok: true, preview: { fileName: file.name, kind: parsed.value.kind, plan, skipped: describeSkipped(parsed.value.skipped) } };
}

/** "Bring your library from another tool": bookmarks, Pocket, Raindrop, Zotero; preview, then add in one go. */
export function LinkImportSection({ repo }: LinkImportSectionProps) {
  const [preview, setPreview] = useState<Preview | undefined>();
  const [status, setStatus] = useState<Status>();
  const [reading, setReading] = useState<string | undefined>();
  const work = useCancellableWork();
  const previewRef = useRef<HTMLDivElement>(null);
  useEffect(() => previewRef.current?.focus(), [preview]);

  const handleFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setPreview(undefined);
    setStatus(undefined);
    if (!file) return;
    setReading(file.name);
    // Reading only looks at the file and the library: a cancel drops what was read, and nothing was changed anyway.
    const result = await work.run(async (signal) => ({
      read: await previewFile(repo, file).catch(() => ({ ok: false as const, message: t('import.links.unreadable') })),
      cancelled: () => signal.aborted,
    }));
    setReading(undefined);
    input.value = '';
    if (result.cancelled()) {
      setStatus({ tone: 'info', text: t('import.cancelled') });
      return;
    }
    if (!result.read.ok) {
      setStatus({ tone: 'error', text: result.read.message });
      return;
    }
    setPreview(result.read.preview);
  };

  const handleAdd = async () => {
    if (!preview) return;
    const result = await work.run((signal, onProgress) => repo.linkImport.apply(preview.plan.fresh, { signal, onProgress }));
    setPreview(undefined);
    if (result.ok) {
      const added = t('import.links.addedPages', result.value.added, { n: nf(result.value.added) });
      const there = result.value.alreadyThere ? t('import.links.alreadyThere', result.value.alreadyThere, { n: nf(result.value.alreadyThere) }) : '';
      setStatus({ tone: 'success', text: t('import.links.added', { added, there }) });
    } else setStatus(result.error.code === 'cancelled' ? { tone: 'info', text: t('import.cancelled') } : { tone: 'error', text: result.error.message });
  };

  const fresh = preview?.plan.fresh ?? [];
  const existing = preview?.plan.existing.length ?? 0;
  const progress = work.progress;
  return (
    <section class="hc-panel hc-backup" id="import-links" aria-labelledby="hc-links-heading">
      <h2 id="hc-links-heading">{t('import.links.heading')}</h2>
      <p>{t('import.links.intro')}</p>
      <ul class="hc-hint">
        <li>{t('import.links.howBookmarks')}</li>
        <li>{t('import.links.howPocket')}</li>
        <li>{t('import.links.howZotero')}</li>
      </ul>
      <label for="hc-links-file">{t('import.links.chooseFile')}</label>
      <input id="hc-links-file" type="file" accept=".html,.htm,.json,.ris,text/html,application/json" disabled={work.running} onChange={(e) => void handleFile(e.currentTarget)} />
      {preview ? (
        <div class="hc-backup__summary" ref={previewRef} tabIndex={-1} role="region" aria-labelledby="hc-links-preview-heading">
          <h3 id="hc-links-preview-heading">{t('import.links.foundHeading')}</h3>
          <p>{t('import.links.fileIs', { file: preview.fileName, kind: LINK_FILE_KIND_LABELS[preview.kind] })}</p>
          <ul data-import-plan>
            <li>
              <strong>{t('import.links.newPages', fresh.length, { n: nf(fresh.length) })}</strong> {t('import.links.toAdd')}
            </li>
            {existing ? <li>{t('import.links.existing', existing, { n: nf(existing) })}</li> : null}
            {preview.plan.repeated ? <li>{t('import.links.repeated', preview.plan.repeated, { n: nf(preview.plan.repeated) })}</li> : null}
            {preview.skipped ? <li>{preview.skipped}</li> : null}
          </ul>
          {fresh.length ? (
            <ul class="hc-list hc-backup__links" aria-label={t('import.links.newPagesLabel')}>
              {fresh.slice(0, SHOWN).map((link) => (
                <li key={link.canonicalUrl} class="hc-row">
                  <div>
                    <span class="hc-row__title">{link.title}</span>
                    <div class="hc-row__meta">
                      <SourceTypeBadge type={link.sourceVerdict.type} />
                      <span>{link.siteName ?? displayHost(link.url)}</span>
                      {link.savedAt ? <span>{t('import.links.savedOn', { date: formatDate(link.savedAt) })}</span> : null}
                      {link.tags.map((tag) => (
                        <span key={tag} class="hc-tag-pill">{tag}</span>
                      ))}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('import.links.nothingNew')}</p>
          )}
          {fresh.length > SHOWN ? <p class="hc-muted">{t('import.links.more', fresh.length - SHOWN, { n: nf(fresh.length - SHOWN) })}</p> : null}
          <div class="hc-actions">
            {fresh.length ? (
              <button type="button" class="hc-primary" disabled={work.running} onClick={() => void handleAdd()}>
                {t('import.links.add', fresh.length, { n: nf(fresh.length) })}
              </button>
            ) : null}{' '}
            <button type="button" disabled={work.running} onClick={() => setPreview(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {work.running ? (
        <ProgressStatus
          label={reading ? t('import.links.readingLabel') : t('import.links.addingLabel')}
          done={progress?.done}
          total={progress?.total}
          text={
            reading
              ? t('import.links.reading', { file: reading })
              : progress
                ? t('import.links.adding', { done: nf(progress.done), total: nf(progress.total) })
                : t('import.links.checking')
          }
          onCancel={work.cancel}
          cancelling={work.cancelling}
        />
      ) : null}
      <LiveStatus status={status} />
    </section>
  );
}
