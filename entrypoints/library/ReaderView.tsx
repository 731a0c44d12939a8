import { useEffect, useMemo, useState } from 'preact/hooks';
import { SourceTypeBadge } from '../../components/SourceTypeBadge';
import { StatusMessage } from '../../components/StatusMessage';
import { LiveStatus } from '../../components/LiveStatus';
import { TagInput } from '../../components/TagInput';
import { displayHost, formatDate } from '../../components/format-date';
import { useObservable } from '../../components/hooks/use-observable';
import { sanitizeHtml } from '../../lib/clip/sanitize-html';
import type { LibraryRepository } from '../../lib/db/repository';
import type { Clip } from '../../lib/model/clip';
import { resolveSourceType } from '../../lib/model/site-rules';
import { LOW_CONFIDENCE } from '../../lib/model/source-type';
import { QualityFactsList } from '../../components/QualityFactsList';
import { HighlightsSection } from './HighlightsSection';
import { SourceTypePanel } from './SourceTypePanel';
import { t } from '../../lib/i18n';

export interface ReaderViewProps {
  repo: LibraryRepository;
  id: string;
  onDelete: (id: string) => void;
}

/** One saved clip: provenance, source type, tags and note, and the stored text. */
export function ReaderView({ repo, id, onDelete }: ReaderViewProps) {
  const { value: clip, error } = useObservable(() => repo.observeClip(id), [id]);
  if (error) return <StatusMessage tone="error">{t('reader.unreadable')}</StatusMessage>;
  if (clip === undefined) {
    return (
      <main>
        <p><a href="#">{t('library.back')}</a></p>
        <p role="status">{t('reader.gone')}</p>
      </main>
    );
  }
  return <Reader key={clip.id} repo={repo} clip={clip} onDelete={onDelete} />;
}

function Reader({ repo, clip, onDelete }: { repo: LibraryRepository; clip: Clip; onDelete: (id: string) => void }) {
  const [tags, setTags] = useState(clip.tags);
  const [note, setNote] = useState(clip.note);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const [showImages, setShowImages] = useState(false);
  const allTags = useObservable(() => repo.observeTags(), []).value ?? [];
  const siteRules = useObservable(() => repo.observeSiteRules(), []).value ?? [];
  useEffect(() => document.getElementById('hc-reader-title')?.focus(), []);

  // Stored HTML was cleaned when saved; clean it again here, because the
  // database may hold older or imported data, and hold back remote images.
  const html = useMemo(
    () => (clip.contentHtml ? sanitizeHtml(clip.contentHtml, window, { blockRemoteImages: !showImages }) : ''),
    [clip.contentHtml, showImages],
  );
  const hiddenImages = showImages ? 0 : (html.match(/data-hc-blocked/g) ?? []).length;

  const saveEdits = async () => {
    const result = await repo.updateClip(clip.id, { tags, note });
    setStatus(result.ok ? { tone: 'success', text: t('reader.notesSaved') } : { tone: 'error', text: result.error.message });
  };
  const shown = resolveSourceType(clip, siteRules);

  return (
    <main class="hc-reader">
      <p><a href="#">{t('library.back')}</a></p>
      <h1 id="hc-reader-title" tabIndex={-1}>{clip.title}</h1>
      <div class="hc-reader__layout">
        <div class="hc-reader__main">
          <div class="hc-reader__meta">
            <p>
              <SourceTypeBadge type={shown.type} overridden={shown.decidedBy !== 'classifier'} unsure={clip.sourceVerdict.confidence < LOW_CONFIDENCE} />{' '}
              {clip.siteName ?? displayHost(clip.url)}
            </p>
            <dl>
              {clip.byline ? (<><dt>{t('reader.by')}</dt><dd>{clip.byline}</dd></>) : null}
              {clip.publishedAt ? (<><dt>{t('reader.published')}</dt><dd>{formatDate(clip.publishedAt)}</dd></>) : null}
              {clip.modifiedAt ? (<><dt>{t('reader.updated')}</dt><dd>{formatDate(clip.modifiedAt)}</dd></>) : null}
              <dt>{t('reader.saved')}</dt><dd>{formatDate(clip.savedAt)}</dd>
              <dt>{t('reader.original')}</dt>
              <dd><a href={clip.canonicalUrl} target="_blank" rel="noopener noreferrer">{clip.canonicalUrl}</a></dd>
            </dl>
          </div>
          {clip.fallback ? <StatusMessage tone="info">{clip.fallback.message}</StatusMessage> : null}
          {clip.kind === 'link' ? (
            <p>{t('reader.linkOnly')} {clip.excerpt ? t('reader.describesItself', { excerpt: clip.excerpt }) : null}</p>
          ) : null}
          {hiddenImages ? (
            <p class="hc-muted">
              {t('reader.imagesHidden', hiddenImages)}{' '}
              <button type="button" class="hc-link-button" onClick={() => setShowImages(true)}>{t('reader.showImages')}</button>
            </p>
          ) : null}
          {clip.kind === 'selection' ? (
            <blockquote class="hc-reader__content" dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <article class="hc-reader__content" dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </div>

        <aside class="hc-reader__aside" aria-label={t('reader.aside')}>
          <section class="hc-panel" aria-labelledby="hc-notes-heading">
            <h2 id="hc-notes-heading">{t('reader.notesHeading')}</h2>
            <TagInput tags={tags} suggestions={allTags} onChange={setTags} />
            <label for="hc-reader-note">{t('reader.note')}</label>
            <textarea id="hc-reader-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            <div class="hc-actions">
              <button type="button" class="hc-primary" onClick={() => void saveEdits()}>{t('reader.saveNotes')}</button>
            </div>
            <LiveStatus status={status} />
          </section>

          <HighlightsSection repo={repo} clipId={clip.id} pageUrl={clip.url} />

          <SourceTypePanel repo={repo} clip={clip} siteRules={siteRules} />

          {clip.quality ? (
            <section class="hc-panel" aria-labelledby="hc-quality-heading">
              <h2 id="hc-quality-heading">{t('reader.aboutPage')}</h2>
              <QualityFactsList facts={clip.quality} now={new Date()} />
            </section>
          ) : null}

          <button type="button" class="hc-danger" onClick={() => onDelete(clip.id)}>{t('reader.deleteClip')}</button>
        </aside>
      </div>
    </main>
  );
}
