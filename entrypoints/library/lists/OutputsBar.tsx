import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LiveStatus } from '../../../components/LiveStatus';
import { collectionHtml } from '../../../components/consult/standalone-html';
import { downloadFileName } from '../../../lib/consult/download-name';
import { collectionMarkdown } from '../../../lib/consult/markdown';
import { collectionPlainText } from '../../../lib/consult/plain-text';
import type { ResolvedCollection } from '../../../lib/consult/types';
import { collectionCsv } from '../../../lib/exchange/csv';
import { collectionFileText, exportCollectionFile } from '../../../lib/exchange/export-file';
import type { ShareOptions } from '../../../lib/exchange/export-filter';
import { t } from '../../../lib/i18n';
import type { SiteRule } from '../../../lib/model/source-type';
import { downloadText } from './download';
import { ShareOptionsFields } from './ShareOptionsFields';
import { ShareLinkPanel } from '../share/ShareLinkPanel';

export interface OutputsBarProps {
  id: string;
  title: string;
  siteRules: readonly SiteRule[];
  /** Saves what is being typed and looks the list up; undefined when that failed (the editor says why). */
  prepare: () => Promise<ResolvedCollection | undefined>;
  /** Who to name as the curator of a collection file until the user types something else. */
  defaultCurator?: string;
  /** Offer a field for the curator's name (collections); otherwise the file names `defaultCurator`, if any. */
  showCurator?: boolean;
}

type Status = { tone: 'success' | 'error' | 'info'; text: string } | undefined;
type Download = 'markdown' | 'html' | 'json' | 'csv';

const EXTENSIONS: Record<Download, { ext: string; type: string }> = {
  markdown: { ext: 'md', type: 'text/markdown;charset=utf-8' }, // i18n-ignore: file extension and MIME type
  html: { ext: 'html', type: 'text/html;charset=utf-8' }, // i18n-ignore: file extension and MIME type
  json: { ext: 'json', type: 'application/json;charset=utf-8' }, // i18n-ignore: file extension and MIME type
  csv: { ext: 'csv', type: 'text/csv;charset=utf-8' }, // i18n-ignore: file extension and MIME type
};

/** "Health Clipper 0.1.0", or without the version outside the extension. */
function generatorName(): string {
  try {
    return t('outputs.generator', { version: browser.runtime.getManifest().version });
  } catch {
    return t('ext.name');
  }
}

/** Print or save as PDF, copy as text, download Markdown, a web page, a collection file or CSV; private items and quotes from forum posts only when the user includes them. */
export function OutputsBar({ id, title, siteRules, prepare, defaultCurator = '', showCurator = false }: OutputsBarProps) {
  const [status, setStatus] = useState<Status>();
  const [fallback, setFallback] = useState<string | undefined>();
  const [share, setShare] = useState<Required<ShareOptions>>({ includePrivate: false, quotePeer: false });
  const [curator, setCurator] = useState<string | undefined>();

  const withList = async (run: (resolved: ResolvedCollection) => Promise<void> | void) => {
    setFallback(undefined);
    const resolved = await prepare();
    if (!resolved) {
      setStatus({ tone: 'error', text: t('outputs.notSaved') });
      return;
    }
    await run(resolved);
  };

  const print = () =>
    withList(() => {
      // The print page reads the same choices from its address (entrypoints/print/use-hash-id.ts).
      const extra = `${share.includePrivate ? '&private=1' : ''}${share.quotePeer ? '&peer=1' : ''}`;
      // A tab the extension opens itself, not window.open: Chromium could start a window.open'ed
      // extension page without the extension APIs, so the print page had no words to show.
      const url = browser.runtime.getURL(`/print.html#id=${encodeURIComponent(id)}${extra}`);
      return browser.tabs.create({ url }).then(
        () => setStatus({ tone: 'info', text: t('outputs.printOpened') }),
        () => setStatus({ tone: 'error', text: t('outputs.noTab') }),
      );
    });
  const copy = () =>
    withList(async (resolved) => {
      const text = collectionPlainText(resolved, siteRules, new Date(), share);
      try {
        await navigator.clipboard.writeText(text);
        setStatus({ tone: 'success', text: t('outputs.copied') });
      } catch {
        setFallback(text);
        setStatus({ tone: 'error', text: t('outputs.copyFailed') });
      }
    });
  const download = (kind: Download) => {
    // User Timing, so a benchmark can read how long an export took (nothing leaves the page).
    performance.mark(`hc-export-${kind}-start`);
    return withList((resolved) => {
      const now = new Date();
      const text =
        kind === 'markdown'
          ? collectionMarkdown(resolved, siteRules, now, share)
          : kind === 'html'
            ? collectionHtml(resolved, siteRules, now, share)
            : kind === 'csv'
              ? collectionCsv(resolved, siteRules, { ...share, now })
              : collectionFileText(exportCollectionFile(resolved, siteRules, { ...share, curator: curator ?? defaultCurator, now, generator: generatorName() }));
      const name = downloadFileName(title, EXTENSIONS[kind].ext);
      downloadText(text, name, EXTENSIONS[kind].type);
      performance.measure(`hc-export-${kind}`, `hc-export-${kind}-start`);
      setStatus({ tone: 'success', text: t('outputs.downloaded', { name }) });
    });
  };

  /** The list as a collection file for a share link, with the same choices as the downloaded file. */
  const makeShareFile = async () => {
    const resolved = await prepare();
    return resolved && exportCollectionFile(resolved, siteRules, { ...share, curator: curator ?? defaultCurator, now: new Date(), generator: generatorName() });
  };

  return (
    <section class="hc-panel hc-section" aria-labelledby="hc-outputs-heading">
      <h2 id="hc-outputs-heading">{t('outputs.heading')}</h2>
      <p class="hc-hint">{t('outputs.onlyThisList')}</p>
      <ShareOptionsFields value={share} onChange={setShare} />
      {share.includePrivate || share.quotePeer ? (
        <p class="hc-hint">{t('outputs.nowIncludes')}</p>
      ) : null}
      <div class="hc-actions">
        <button type="button" class="hc-primary" onClick={() => void print()}>{t('outputs.print')}</button>
        <button type="button" onClick={() => void copy()}>{t('outputs.copy')}</button>
        <button type="button" onClick={() => void download('markdown')}>{t('outputs.markdown')}</button>
        <button type="button" onClick={() => void download('html')}>{t('outputs.html')}</button>
      </div>
      <h3 class="hc-share-file__heading">{t('outputs.shareFileHeading')}</h3>
      <p class="hc-hint">{t('outputs.shareFileHint')}</p>
      {showCurator ? (
        <>
          <label for="hc-curator">{t('outputs.curator')}</label>
          <input id="hc-curator" type="text" maxLength={200} value={curator ?? defaultCurator} onInput={(e) => setCurator(e.currentTarget.value)} />
        </>
      ) : null}
      <div class="hc-actions">
        <button type="button" onClick={() => void download('json')}>{t('outputs.json')}</button>
        <button type="button" onClick={() => void download('csv')}>{t('outputs.csv')}</button>
      </div>
      {/* A new panel for each choice of what to include: a link made before the choice changed must not stay on screen to be copied. */}
      <ShareLinkPanel key={`${share.includePrivate}-${share.quotePeer}`} makeFile={makeShareFile} />
      <LiveStatus status={status} />
      {fallback !== undefined ? (
        <>
          <label for="hc-copy-fallback">{t('outputs.asText')}</label>
          <textarea id="hc-copy-fallback" readOnly rows={10} value={fallback} onFocus={(e) => e.currentTarget.select()} />
        </>
      ) : null}
    </section>
  );
}
