import { classifySource } from '../../lib/classify/classify-source';
import type { LibraryRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import type { ClipKind } from '../../lib/model/clip';
import { pageFactsSchema } from '../../lib/model/clip';
import { fail, ok, type Result } from '../../lib/model/result';
import { siteRuleFor } from '../../lib/model/site-rules';
import { rulePacksSetting } from '../../lib/settings/settings';
import type { ClipOutcome, TabInspection } from '../../lib/messages/protocol';
import { clipPage, inspectPage, linkDraftFromTab, timedOutMessage } from './page-scripts';

/** What we tell the user after saving, by what was kept. */
function savedMessage(kind: ClipKind): string {
  switch (kind) {
    case 'article': return t('background.savedArticle');
    case 'selection': return t('background.savedSelection');
    case 'link': return t('background.savedLink');
  }
}

/** Page facts, type verdict and what is already saved, for the popup. */
export async function inspectTab(repo: LibraryRepository, tabId: number): Promise<Result<TabInspection>> {
  const page = await inspectPage(tabId);
  if (!page.ok) return page;
  const facts = pageFactsSchema.safeParse(page.value.facts);
  if (!facts.success) return fail('cannot-clip-page', t('background.cannotRead'));
  return ok({
    facts: facts.data,
    verdict: classifySource(facts.data, { rulePacks: await rulePacksSetting.getValue() }),
    siteRule: siteRuleFor(facts.data.url, await repo.listSiteRules()),
    hasSelection: page.value.hasSelection === true,
    linkOnlyReason: page.value.linkOnlyReason,
    saved: await repo.findClipsByUrl(facts.data.canonicalUrl),
  });
}

/**
 * Leaves a User Timing measure from `start` to now in the service worker,
 * one per name (the previous one is dropped), so a benchmark can read where
 * a clip's time went (scripts/bench/clip.ts). Nothing leaves the worker.
 */
function measureSince(name: string, start: number): void {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Without User Timing only the figure is lost.
  }
}

/** Clips the page in a tab, classifies it and stores it (or finds it already stored). */
export async function clipTab(
  repo: LibraryRepository,
  input: { tabId: number; mode: ClipKind; tags: string[]; note: string },
): Promise<Result<ClipOutcome>> {
  const started = performance.now();
  // Read while the page works: the classifier needs them once the draft is back.
  const rulePacks = rulePacksSetting.getValue();
  rulePacks.catch(() => undefined); // awaited below only if the page answers; a failure still surfaces there
  let draft = await clipPage(input.tabId, input.mode);
  // A page too slow to read still gets saved as a link, with the reason.
  if (!draft.ok && draft.error.code === 'page-did-not-answer') draft = await linkDraftFromTab(input.tabId, timedOutMessage());
  measureSince('hc-clip-read-page', started);
  if (!draft.ok) return draft;
  const storing = performance.now();
  const facts = pageFactsSchema.safeParse(draft.value.facts);
  if (!facts.success) return fail('cannot-clip-page', t('background.cannotRead'));
  const saved = await repo.saveClip({ ...draft.value, tags: input.tags, note: input.note }, classifySource(facts.data, { rulePacks: await rulePacks }));
  measureSince('hc-clip-store', storing);
  if (!saved.ok) return saved;
  const { clip, duplicate } = saved.value;
  const message = duplicate
    ? t('background.alreadySaved', { date: new Date(clip.savedAt).toLocaleDateString('en-GB', { dateStyle: 'long' }) })
    : [savedMessage(clip.kind), clip.fallback?.message].filter(Boolean).join(' ');
  return ok({ clip, duplicate, message });
}
