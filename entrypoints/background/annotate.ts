import { browser } from 'wxt/browser';
import { resolveCanonicalUrl } from '../../lib/clip/canonical-url';
import { classifySource } from '../../lib/classify/classify-source';
import type { LibraryRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import { fail, ok, type Result } from '../../lib/model/result';
import { bareHostOf, siteRuleFor } from '../../lib/model/site-rules';
import { SOURCE_TYPE_LABELS } from '../../lib/model/source-labels';
import type { PageBadge } from '../../lib/messages/protocol';
import { ANNOTATE_ORIGINS, annotateHiddenHostsSetting, annotatePagesSetting, autoHighlightsSetting, rulePacksSetting } from '../../lib/settings/settings';

const SCRIPT_ID = 'hc-annotate';

/**
 * Keeps our content script registered exactly when the user has turned on
 * badges ("annotate pages as I browse") or automatic highlights and granted
 * the optional access, and unregistered otherwise (e.g. after they revoke
 * access in the browser).
 */
export async function syncAnnotationScript(): Promise<void> {
  const [badges, highlights, granted, existing] = await Promise.all([
    annotatePagesSetting.getValue(),
    autoHighlightsSetting.getValue(),
    browser.permissions.contains({ origins: ANNOTATE_ORIGINS }),
    browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }),
  ]);
  const wanted = (badges || highlights) && granted;
  if (wanted && existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: ANNOTATE_ORIGINS, js: ['content-scripts/annotate.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  } else if (!wanted && existing.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

/**
 * The badge for a page, from its address alone (no page content is read or
 * kept): shown on pages in the library and on sites of a known type, unless
 * the user hid badges on that site.
 */
export async function describePage(repo: LibraryRepository, input: { url: string; canonicalHref?: string }): Promise<Result<PageBadge | null>> {
  const host = bareHostOf(input.url);
  const canonicalUrl = resolveCanonicalUrl(input.url, input.canonicalHref);
  if (!host || !canonicalUrl || !(await annotatePagesSetting.getValue())) return ok(null);
  const hidden = await annotateHiddenHostsSetting.getValue();
  if (hidden.some((h) => host === h || host.endsWith(`.${h}`))) return ok(null);
  const [saved, siteRules] = await Promise.all([repo.findClipsByUrl(canonicalUrl), repo.listSiteRules()]);
  const verdict = classifySource({ url: input.url, signals: [] }, { rulePacks: await rulePacksSetting.getValue() });
  // The user's own rule for the site wins, as everywhere else.
  const rule = siteRuleFor(input.url, siteRules);
  const type = rule?.type ?? verdict.type;
  if (!saved.length && type === 'unknown') return ok(null);
  const first = saved[saved.length - 1];
  const reason = rule ? t('background.siteRuleSays', { host: rule.host, type: SOURCE_TYPE_LABELS[rule.type] }) : (verdict.reasons[0] ?? '');
  return ok({ type, reason, savedAt: first?.savedAt, savedCount: saved.length });
}

/** Adds the page's site to the list of sites without a badge. */
export async function hideBadgeOnSite(input: { url: string }): Promise<Result<string>> {
  const host = bareHostOf(input.url);
  if (!host) return fail('invalid-input', t('background.noSiteToHide'));
  const hidden = await annotateHiddenHostsSetting.getValue();
  if (!hidden.includes(host)) await annotateHiddenHostsSetting.setValue([...hidden, host].sort());
  return ok(host);
}
