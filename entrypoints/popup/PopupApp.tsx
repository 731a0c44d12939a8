import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { QualityFactsList } from '../../components/QualityFactsList';
import { SourceTypeBadge } from '../../components/SourceTypeBadge';
import { SourceVerdictDetails } from '../../components/SourceVerdictDetails';
import { LiveStatus } from '../../components/LiveStatus';
import { StatusMessage } from '../../components/StatusMessage';
import { TagInput } from '../../components/TagInput';
import { defaultTagsSetting } from '../../lib/settings/settings';
import { displayHost, formatDate } from '../../components/format-date';
import { useObservable } from '../../components/hooks/use-observable';
import { getRepository, type ClipListItem } from '../../lib/db/repository';
import type { ClipKind } from '../../lib/model/clip';
import { isReviewOverdue } from '../../lib/model/quality-facts';
import { askForPersistentStorage } from '../../lib/settings/persistent-storage';
import { LOW_CONFIDENCE, SOURCE_TYPE_LABELS } from '../../lib/model/source-type';
import type { AppError } from '../../lib/model/result';
import { sendMessage } from '../../lib/messages/messenger';
import type { TabInspection } from '../../lib/messages/protocol';
import { t } from '../../lib/i18n';
import { findTargetTabId, openLibrary, openSidePanel } from './active-tab';
import { ShortcutList } from './ShortcutList';

type Load = { state: 'loading' } | { state: 'error'; error: AppError } | { state: 'ready'; tabId: number; page: TabInspection };

/** The toolbar popup: what this page is, whether it is saved, and saving it with tags and a note. */
export function PopupApp() {
  const repo = getRepository();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [tags, setTags] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [clip, setClip] = useState<ClipListItem | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | undefined>();
  const [added, setAdded] = useState<AddedToList | undefined>();
  const allTags = useObservable(() => repo.observeTags(), []).value ?? [];

  useEffect(() => {
    void (async () => {
      const tabId = await findTargetTabId();
      if (tabId === undefined) {
        setLoad({ state: 'error', error: { code: 'not-found', message: t('popup.noPage') } });
        return;
      }
      const result = await sendMessage('inspectTab', { tabId });
      if (!result.ok) {
        setLoad({ state: 'error', error: result.error });
        return;
      }
      const wholePage = result.value.saved.find((c) => c.kind !== 'selection');
      // A new save starts with the user's default tags (options page), shown before the form so they can be removed.
      if (!wholePage) setTags(await defaultTagsSetting.getValue().catch(() => []));
      setLoad({ state: 'ready', tabId, page: result.value });
      if (wholePage) {
        setClip(wholePage);
        setTags(wholePage.tags);
        setNote(wholePage.note);
      }
    })();
  }, []);

  // Loading and error share one layout, so the live regions that say "Reading…" are the ones that then say what went wrong.
  if (load.state === 'loading') {
    return (
      <main>
        <h1 class="hc-popup__title">{t('ext.name')}</h1>
        <LiveStatus status={{ tone: 'info', text: t('popup.reading') }} />
      </main>
    );
  }
  if (load.state === 'error') {
    return (
      <main>
        <h1 class="hc-popup__title">{t('ext.name')}</h1>
        <LiveStatus status={{ tone: 'error', text: load.error.message }} />
        <Footer />
      </main>
    );
  }

  const { tabId, page } = load;
  const save = async (mode: ClipKind): Promise<ClipListItem | undefined> => {
    setBusy(true);
    setStatus({ tone: 'info', text: t('popup.saving') });
    const asked = new Date().toISOString();
    const result = await sendMessage('clipTab', { tabId, mode, tags, note });
    setBusy(false);
    if (!result.ok) {
      // The browser may stop the background after it saved but before it answered: the library knows which.
      const landed =
        result.error.code === 'unexpected' && mode !== 'selection'
          ? (await repo.findClipsByUrl(page.facts.canonicalUrl)).find((c) => c.kind !== 'selection' && c.savedAt >= asked)
          : undefined;
      if (landed) {
        setClip(landed);
        setStatus({ tone: 'success', text: t('popup.savedToLibrary') });
        return landed;
      }
      setStatus({ tone: 'error', text: result.error.message });
      return undefined;
    }
    setClip(result.value.clip);
    // "Save page" goes once the page is saved; rather than leave keyboard focus on nothing, move it to the next step, tagging.
    requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) document.querySelector<HTMLInputElement>('.hc-tags input')?.focus();
    });
    if (result.value.duplicate) {
      setTags(result.value.clip.tags);
      setNote(result.value.clip.note);
    }
    setStatus({ tone: result.value.clip.fallback ? 'info' : 'success', text: result.value.message });
    // Now there is something to keep: ask the browser not to clear it under disk pressure (a no is asked again weekly).
    void askForPersistentStorage(navigator.storage).catch(() => null);
    return result.value.clip;
  };
  // "Add to my next appointment": the saved page, saved first (as Save page would) when it is not in the library yet.
  const addToAppointment = async () => {
    const target = clip ?? page.saved.find((c) => c.kind !== 'selection') ?? (await save(page.linkOnlyReason ? 'link' : 'article'));
    if (!target) return;
    setBusy(true);
    const before = await repo.collections.containing(target.id);
    const result = await repo.collections.addToNextAppointment(target.id);
    setBusy(false);
    if (!result.ok) {
      setAdded(undefined);
      setStatus({ tone: 'error', text: result.error.message });
      return;
    }
    setAdded({ id: result.value.id, title: result.value.title, already: before.some((c) => c.id === result.value.id) });
  };
  const saveEdits = async () => {
    if (!clip) return;
    const result = await repo.updateClip(clip.id, { tags, note });
    setStatus(result.ok ? { tone: 'success', text: t('popup.editsSaved') } : { tone: 'error', text: result.error.message });
    if (result.ok) setClip(result.value);
  };

  const earlier = page.saved.find((c) => c.kind !== 'selection');
  const selections = page.saved.filter((c) => c.kind === 'selection').length;
  return (
    <main>
      <h1 class="hc-popup__title">{page.facts.title}</h1>
      <p class="hc-popup__site">{page.facts.siteName ?? displayHost(page.facts.url)}</p>
      {page.siteRule ? (
        <>
          <SourceTypeBadge type={page.siteRule.type} overridden />
          <p class="hc-popup__reason">{t('popup.siteRule', { host: page.siteRule.host, type: SOURCE_TYPE_LABELS[page.siteRule.type] })}</p>
        </>
      ) : (
        <>
          <SourceTypeBadge type={page.verdict.type} unsure={page.verdict.confidence < LOW_CONFIDENCE} />
          <p class="hc-popup__reason">{page.verdict.reasons[0]}</p>
        </>
      )}
      {page.facts.quality && isReviewOverdue(page.facts.quality, new Date()) ? (
        <p><span class="hc-pill-warning"><span aria-hidden="true">⚠ </span>{t('popup.reviewOverdue')}</span> {t('popup.reviewOverdueText')}</p>
      ) : null}
      <details class="hc-popup__why">
        <summary>{t('popup.why')}</summary>
        <SourceVerdictDetails verdict={page.verdict} />
        {page.facts.quality ? <QualityFactsList facts={page.facts.quality} now={new Date()} /> : null}
      </details>

      {earlier ? (
        <StatusMessage tone="info">
          {t('popup.alreadySaved', { date: formatDate(earlier.savedAt) })}{' '}
          <button type="button" class="hc-link-button" onClick={() => void openLibrary(earlier.id)}>
            {t('popup.openItInLibrary')}
          </button>
        </StatusMessage>
      ) : null}
      {page.highlights ? (
        <p class="hc-muted" data-testid="highlights-summary">
          {describeHighlights(page.highlights)}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          class="hc-link-button"
          onClick={() =>
            void openSidePanel(tabId).then((opened) => {
              if (opened) window.close();
              else setStatus({ tone: 'error', text: t('popup.noSidePanel') });
            })
          }
        >
          {t('popup.showSidePanel')}
        </button>
      </p>
      {selections ? <p class="hc-muted">{t('popup.passagesSaved', selections)}</p> : null}
      {page.linkOnlyReason ? <StatusMessage tone="info">{page.linkOnlyReason}</StatusMessage> : null}
      {!page.hasSelection && !page.linkOnlyReason ? (
        <p class="hc-hint">{t('popup.selectFirst')}</p>
      ) : null}

      <div class="hc-popup__actions">
        {!earlier && !clip && !page.linkOnlyReason ? (
          <button type="button" class="hc-primary" disabled={busy} onClick={() => void save('article')}>
            {t('popup.savePage')}
          </button>
        ) : null}
        {page.hasSelection ? (
          <button type="button" class={earlier ? 'hc-primary' : undefined} disabled={busy} onClick={() => void save('selection')}>
            {t('popup.saveSelection')}
          </button>
        ) : null}
        {!earlier && !clip ? (
          <button type="button" disabled={busy} onClick={() => void save('link')}>
            {t('popup.saveLink')}
          </button>
        ) : null}
      </div>

      <div class="hc-popup__actions">
        <button type="button" disabled={busy} onClick={() => void addToAppointment()}>
          {t('popup.addToAppointment')}
        </button>
      </div>
      <div class="hc-live" role="status">
        {added ? <AddedMessage added={added} /> : null}
      </div>

      <TagInput tags={tags} suggestions={allTags} onChange={setTags} />
      <label for="hc-note">{t('popup.note')}</label>
      <textarea id="hc-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      {clip ? (
        <div class="hc-popup__actions">
          <button type="button" onClick={() => void saveEdits()}>
            {t('popup.saveEdits')}
          </button>
          <button type="button" onClick={() => void openLibrary(clip.id)}>
            {t('popup.openInLibrary')}
          </button>
        </div>
      ) : (
        <p class="hc-hint">{t('popup.savedWithPage')}</p>
      )}
      <LiveStatus status={status} />
      <Footer />
    </main>
  );
}

/** Which reading list a page went to, and whether it was there already. */
interface AddedToList {
  id: string;
  title: string;
  already: boolean;
}

/** “Added to your list …”, with a link that opens the list in the library. */
function AddedMessage({ added }: { added: AddedToList }) {
  return (
    <div class="hc-status hc-status--success">
      {added.already ? t('popup.alreadyOnList', { title: added.title }) : t('popup.addedToList', { title: added.title })}{' '}
      <a href={browser.runtime.getURL(`/library.html#list=${encodeURIComponent(added.id)}`)} target="_blank" rel="noopener">
        {t('popup.openList', { title: added.title })}
      </a>
    </div>
  );
}

/** "2 highlights shown on this page; 1 could not be found…" in plain words. */
function describeHighlights(h: { placed: number; changed: number; missing: number }): string {
  const shown = h.placed + h.changed;
  const parts = [t('popup.highlightsShown', shown)];
  if (h.changed) parts.push(t('popup.highlightsChanged', h.changed));
  if (h.missing) parts.push(t('popup.highlightsMissing', h.missing));
  return t('popup.highlightsSummary', { parts: parts.join('; ') });
}

function Footer() {
  return (
    <>
      <p class="hc-popup__footer">
        <button type="button" class="hc-link-button" onClick={() => void openLibrary()}>
          {t('popup.openMyLibrary')}
        </button>
      </p>
      <ShortcutList />
    </>
  );
}
