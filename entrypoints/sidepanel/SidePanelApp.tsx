import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HighlightCard } from '../../components/HighlightCard';
import { SourceTypeBadge } from '../../components/SourceTypeBadge';
import { LiveStatus } from '../../components/LiveStatus';
import { UndoToast } from '../../components/UndoToast';
import { displayHost, formatDate } from '../../components/format-date';
import { useObservable } from '../../components/hooks/use-observable';
import { textFragmentUrl } from '../../lib/clip/text-fragment';
import { getRepository } from '../../lib/db/repository';
import type { Highlight } from '../../lib/model/highlight';
import type { AppError } from '../../lib/model/result';
import { LOW_CONFIDENCE, SOURCE_TYPE_LABELS } from '../../lib/model/source-type';
import { sendMessage } from '../../lib/messages/messenger';
import type { TabInspection } from '../../lib/messages/protocol';
import { t } from '../../lib/i18n';
import { useTargetTab } from './use-target-tab';

type Load = { state: 'loading' } | { state: 'error'; error: AppError } | { state: 'ready'; tabId: number; page: TabInspection };

const libraryUrl = (clipId: string) => browser.runtime.getURL(`/library.html#clip=${encodeURIComponent(clipId)}`);

/** Page order: where each passage sat in the page text, then when it was made. */
const byPageOrder = (a: Highlight, b: Highlight) =>
  (a.position?.start ?? Number.MAX_SAFE_INTEGER) - (b.position?.start ?? Number.MAX_SAFE_INTEGER) || a.createdAt.localeCompare(b.createdAt);

/**
 * The side panel: the open page's clip, source type and highlights with
 * notes. Reading the page (to find and paint highlights) needs the access
 * the user gave by clicking the extension on that tab, or the optional
 * "show my highlights automatically" access.
 */
export function SidePanelApp() {
  const { tabId, version } = useTargetTab();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    setLoad({ state: 'loading' });
    void sendMessage('inspectTab', { tabId }).then((result) =>
      setLoad(result.ok ? { state: 'ready', tabId, page: result.value } : { state: 'error', error: result.error }),
    );
  }, [tabId, version]);

  // No page, loading and error share one layout, so the live regions that say "Reading…" are the ones that then say what went wrong.
  if (tabId === undefined || load.state !== 'ready') {
    const error = tabId !== undefined && load.state === 'error' ? load.error : undefined;
    const status = error
      ? { tone: 'error' as const, text: error.message }
      : { tone: 'info' as const, text: tabId === undefined ? t('sidepanel.noPage') : t('sidepanel.reading') };
    return (
      <main class="hc-side">
        <h1 class="hc-side__title">{t('ext.name')}</h1>
        <LiveStatus status={status} />
        {error?.code === 'cannot-clip-page' ? <p>{t('sidepanel.cannotRead')}</p> : null}
      </main>
    );
  }
  return <PagePanel tabId={load.tabId} page={load.page} />;
}

function PagePanel({ tabId, page }: { tabId: number; page: TabInspection }) {
  const repo = getRepository();
  const canonicalUrl = page.facts.canonicalUrl;
  const highlights = useObservable(() => repo.observeHighlightsForUrl(canonicalUrl), [canonicalUrl]).value;
  const [deleted, setDeleted] = useState<Highlight | undefined>();
  const clip = page.saved.find((c) => c.kind !== 'selection');
  // The user's choice for this page wins, then their rule for the site, then the verdict.
  const type = clip?.sourceOverride ?? page.siteRule?.type ?? page.verdict.type;
  const reason = page.siteRule ? t('popup.siteRule', { host: page.siteRule.host, type: SOURCE_TYPE_LABELS[page.siteRule.type] }) : page.verdict.reasons[0];
  const sorted = [...(highlights ?? [])].sort(byPageOrder);
  const missing = sorted.filter((h) => h.lastSeen?.status === 'missing');
  const onPage = sorted.filter((h) => h.lastSeen?.status !== 'missing');

  const card = (h: Highlight) => (
    <HighlightCard
      key={h.id}
      highlight={h}
      passageHref={textFragmentUrl(page.facts.url, h.quote)}
      onShow={() => sendMessage('scrollToHighlight', { tabId, id: h.id })}
      onSaveNote={(note) => repo.updateHighlight(h.id, { note })}
      onReattach={() => sendMessage('reattachHighlight', { tabId, id: h.id })}
      onDelete={async () => {
        const result = await repo.deleteHighlight(h.id);
        if (result.ok) {
          setDeleted(result.value);
          await sendMessage('unpaintHighlight', { tabId, id: h.id });
        }
        return result;
      }}
    />
  );

  return (
    <main class="hc-side">
      <h1 class="hc-side__title">{page.facts.title}</h1>
      <p class="hc-side__site">{page.facts.siteName ?? displayHost(page.facts.url)}</p>
      <SourceTypeBadge type={type} overridden={Boolean(page.siteRule ?? clip?.sourceOverride)} unsure={page.verdict.confidence < LOW_CONFIDENCE} />
      <p class="hc-muted">{reason}</p>
      {clip ? (
        <p>
          {t('sidepanel.savedOn', { date: formatDate(clip.savedAt) })}{' '}
          <a href={libraryUrl(clip.id)} target="_blank" rel="noopener">{t('sidepanel.openItInLibrary')}</a>
        </p>
      ) : (
        <p class="hc-muted">{t('sidepanel.notSaved')}</p>
      )}

      <h2 id="hc-side-highlights">{t('sidepanel.yourHighlights')}</h2>
      {highlights === undefined ? (
        <p>{t('sidepanel.loading')}</p>
      ) : sorted.length === 0 ? (
        <p class="hc-muted">{t('sidepanel.noHighlights')}</p>
      ) : (
        <ul class="hc-highlights" aria-labelledby="hc-side-highlights">
          {onPage.map(card)}
        </ul>
      )}
      {missing.length ? (
        <>
          <h2 id="hc-side-missing">{t('sidepanel.notFound')}</h2>
          <p class="hc-muted">{t('sidepanel.notFoundHelp')}</p>
          <ul class="hc-highlights" aria-labelledby="hc-side-missing">
            {missing.map(card)}
          </ul>
        </>
      ) : null}
      <UndoToast
          title={deleted?.quote.exact.slice(0, 60)}
          kind="highlight"
          onUndo={() =>
            deleted &&
            void repo.restoreHighlight(deleted).then(async () => {
              setDeleted(undefined);
              await sendMessage('inspectTab', { tabId });
            })
          }
          onDismiss={() => setDeleted(undefined)}
        />
    </main>
  );
}
