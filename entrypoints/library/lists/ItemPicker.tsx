import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { SourceTypeBadge } from '../../../components/SourceTypeBadge';
import { displayHost } from '../../../components/format-date';
import { useObservable } from '../../../components/hooks/use-observable';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { CollectionItem } from '../../../lib/model/collection';
import { HIGHLIGHT_MEANING_LABELS, type Highlight } from '../../../lib/model/highlight';
import { resolveSourceType } from '../../../lib/model/site-rules';
import type { SiteRule } from '../../../lib/model/source-type';
import { getSearchClient } from '../search-client';
import { t } from '../../../lib/i18n';

/** What the picker hands back: pages, and highlights on them. */
export interface PickedItem {
  clipId: string;
  highlightId?: string;
}

export interface ItemPickerProps {
  repo: LibraryRepository;
  siteRules: readonly SiteRule[];
  /** Already on the list: shown ticked and not offered again. */
  present: readonly CollectionItem[];
  onAdd: (picked: PickedItem[]) => void;
  onClose: () => void;
}

/** The most pages listed at once; more words narrow the search. */
const SHOWN = 50;
const keyOf = (i: PickedItem) => `${i.clipId} ${i.highlightId ?? ''}`;

/**
 * Pick pages and single highlights from the library: a search field and
 * checkboxes, source type and site on every page. Escape closes it.
 */
export function ItemPicker({ repo, siteRules, present, onAdd, onClose }: ItemPickerProps) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PickedItem[]>([]);
  // The search index (or, with nothing typed, the newest pages) picks the ids; only those pages and their highlights are read.
  const [found, setFound] = useState<{ ids: string[]; total: number } | undefined>();
  const changes = useObservable(() => repo.observeChanges(), []).value;
  useEffect(() => {
    let live = true;
    const ask = query.trim()
      ? getSearchClient().search({ query, filter: {}, now: Date.now() }).then((hits) => ({ ids: hits.ids.slice(0, SHOWN + 1), total: hits.ids.length }))
      : repo.listNewest(SHOWN + 1).then((clips) => ({ ids: clips.map((c) => c.id), total: clips.length }));
    void ask.then((next) => live && setFound(next));
    return () => {
      live = false;
    };
  }, [query, changes]);
  const page = useObservable(() => repo.observePickerPage(found?.ids ?? []), [found]).value;
  const clips = found && page ? page.clips : undefined;
  const total = found?.total ?? 0;
  const highlightsByClip = useMemo(() => {
    const map = new Map<string, Highlight[]>();
    for (const highlight of page?.highlights ?? []) map.set(highlight.clipId, [...(map.get(highlight.clipId) ?? []), highlight]);
    return map;
  }, [page]);
  const onList = new Set(present.map(keyOf));
  const picked = new Set(chosen.map(keyOf));
  useEffect(() => document.getElementById('hc-picker-search')?.focus(), []);

  const toggle = (item: PickedItem, on: boolean) =>
    setChosen((now) => (on ? [...now, item] : now.filter((c) => keyOf(c) !== keyOf(item))));
  const shown = (clips ?? []).slice(0, SHOWN);

  const checkbox = (item: PickedItem, label: ComponentChildren, describedBy?: string) => {
    const id = `hc-pick-${item.clipId}-${item.highlightId ?? 'page'}`;
    const already = onList.has(keyOf(item));
    return (
      <div class="hc-check">
        <input
          id={id}
          type="checkbox"
          checked={already || picked.has(keyOf(item))}
          disabled={already}
          aria-describedby={describedBy}
          onChange={(e) => toggle(item, e.currentTarget.checked)}
        />
        <label for={id}>
          {label}
          {already ? <span class="hc-muted"> {t('lists.picker.alreadyOnList')}</span> : null}
        </label>
      </div>
    );
  };

  return (
    <section
      class="hc-picker hc-panel"
      aria-labelledby="hc-picker-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3 id="hc-picker-heading">{t('lists.picker.heading')}</h3>
      <label for="hc-picker-search">{t('lists.picker.search')}</label>
      <input id="hc-picker-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <p class="hc-muted" role="status">
        {clips === undefined
          ? t('lists.picker.loading')
          : clips.length === 0
            ? query ? t('lists.picker.noMatch') : t('lists.picker.emptyLibrary')
            : clips.length > SHOWN
              ? query.trim()
                ? t('lists.picker.showingBest', { shown: SHOWN, total: total.toLocaleString() })
                : t('lists.picker.showingNewest', { shown: SHOWN })
              : t('lists.picker.pages', clips.length)}
      </p>
      <ul class="hc-picker__list" aria-label={t('lists.picker.pagesLabel')}>
        {shown.map((clip) => {
          const metaId = `hc-pick-meta-${clip.id}`;
          const highlights = highlightsByClip.get(clip.id) ?? [];
          const type = resolveSourceType(clip, siteRules);
          return (
            <li key={clip.id} data-clip-id={clip.id}>
              {checkbox({ clipId: clip.id }, clip.title, metaId)}
              <p id={metaId} class="hc-item__meta hc-picker__meta">
                <SourceTypeBadge type={type.type} overridden={type.decidedBy !== 'classifier'} />
                <span>{displayHost(clip.canonicalUrl || clip.url)}</span>
                {highlights.length ? <span>{t('lists.picker.highlights', highlights.length)}</span> : null}
              </p>
              {highlights.length ? (
                <ul class="hc-picker__highlights" aria-label={t('lists.picker.highlightsOn', { title: clip.title })}>
                  {highlights.map((h) => (
                    <li key={h.id} data-highlight-id={h.id}>
                      {checkbox(
                        { clipId: clip.id, highlightId: h.id },
                        <>
                          <span class="hc-picker__meaning">{HIGHLIGHT_MEANING_LABELS[h.meaning]}:</span> “{h.quote.exact.slice(0, 160)}
                          {h.quote.exact.length > 160 ? '…' : ''}”
                        </>,
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div class="hc-actions">
        <button type="button" class="hc-primary" disabled={!chosen.length} onClick={() => onAdd(chosen)}>
          {chosen.length ? t('lists.picker.addCount', { count: chosen.length }) : t('lists.picker.add')}
        </button>
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
    </section>
  );
}
