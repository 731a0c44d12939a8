import { t } from '../i18n';
import { stripHostPrefix } from './host';

/** An address ready for classifying: wrappers removed, tracking dropped. */
export interface NormalisedAddress {
  /** The address of the page itself (after unwrapping), without tracking parameters. */
  url: string;
  /** Bare host: lower case, no "www.". */
  host: string;
  /** Path plus query, as on the page (case kept). */
  path: string;
  /** The original page when the address was a web-archive copy. */
  archivedFrom?: string;
  /** When the archive took its copy (ISO date), if the wrapper says. */
  archivedAt?: string;
  /** The wrapper that was removed, in the user's words ("the Internet Archive’s Wayback Machine"). */
  wrapper?: string;
  /** True when the wrapper is an archive (a copy, possibly out of date). */
  archived: boolean;
}

/**
 * Query parameters that only track a visit (SOURCE-TYPES.md §5.2). Pagination
 * parameters such as Macmillan's `pifragment-NNNN` are kept.
 */
const TRACKING_PARAM = /^(utm_[a-z_]+|gclid|gclsrc|dclid|fbclid|msclkid|yclid|igshid|gbraid|wbraid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ecd|s_cid|cmpid|ocid|ref_src|spm|_x_tr_[a-z_]+)$/i;

/** A 14-digit archive timestamp (yyyyMMddhhmmss, or a prefix of it) to an ISO date. */
function archiveTimestamp(ts: string): string | undefined {
  const m = /^(\d{4})(\d{2})?(\d{2})?/.exec(ts);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return new Date(Date.UTC(year, month - 1, day)).toISOString();
}

/** "http:/example.com" (the National Archives style) and "example.com/x" made into full addresses. */
function repairEmbedded(raw: string): string | undefined {
  let s = raw.trim();
  if (!s) return undefined;
  s = s.replace(/^(https?):\/(?!\/)/i, '$1://');
  if (!/^https?:\/\//i.test(s)) s = `http://${s}`;
  try {
    return new URL(s).href;
  } catch {
    return undefined;
  }
}

/** A "-"-encoded host ("www-bmj-com" → "www.bmj.com"; "--" stands for a real hyphen). */
function decodeDashedHost(label: string): string {
  return label.replace(/--/g, '\u0000').replace(/-/g, '.').replace(/\u0000/g, '-');
}

interface Unwrapped {
  inner: string;
  wrapper: string;
  archived: boolean;
  archivedAt?: string;
}

/** Removes one wrapper (archive, AMP cache, proxy, redirector), or returns undefined. */
function unwrapOnce(url: URL): Unwrapped | undefined {
  const host = url.hostname.toLowerCase();
  const rest = url.href.slice(url.origin.length);
  const archive = (re: RegExp, wrapper: string): Unwrapped | undefined => {
    const m = re.exec(rest);
    const inner = m?.[2] ? repairEmbedded(m[2]) : undefined;
    return inner && m ? { inner, wrapper, archived: true, archivedAt: m[1] ? archiveTimestamp(m[1]) : undefined } : undefined;
  };
  if (host === 'web.archive.org' || host === 'wayback.archive.org') {
    return archive(/^\/web\/(\d{1,14})[a-z_]*\/(.+)$/i, t('classify.wrapper.wayback'));
  }
  if (host === 'webarchive.nationalarchives.gov.uk') {
    return archive(/^\/(?:ukgwa\/)?(\d{8,14})[a-z_]*\/(.+)$/i, t('classify.wrapper.ukArchive'));
  }
  if (host === 'webarchive.library.unt.edu') {
    return archive(/^\/[^/]+\/(\d{8,14})[a-z_]*\/(.+)$/i, t('classify.wrapper.untArchive'));
  }
  if (host === 'cybercemetery.unt.edu') {
    return archive(/^\/archive\/[^/]+\/(\d{8,14})[a-z_]*\/(.+)$/i, t('classify.wrapper.cyberCemetery'));
  }
  if (/^archive\.(ph|today|is|li|md|vn)$/.test(host)) {
    return archive(/^\/(?:o\/[^/]+\/)?(\d{8,14}|newest)\/(.+)$/i, t('classify.wrapper.archiveToday'));
  }
  if (host.endsWith('.cdn.ampproject.org')) {
    const m = /^\/[a-z]\/(s\/)?(.+)$/i.exec(rest);
    if (m?.[2]) {
      const inner = repairEmbedded(`${m[1] ? 'https' : 'http'}://${m[2]}`);
      if (inner) return { inner, wrapper: t('classify.wrapper.ampCache'), archived: false };
    }
  }
  if (/^(www\.)?google\.[a-z.]+$/.test(host) && rest.startsWith('/amp/')) {
    const m = /^\/amp\/(s\/)?(.+)$/i.exec(rest);
    const inner = m?.[2] ? repairEmbedded(`${m[1] ? 'https' : 'http'}://${m[2]}`) : undefined;
    if (inner) return { inner, wrapper: t('classify.wrapper.ampViewer'), archived: false };
  }
  if (/^(www\.)?google\.[a-z.]+$/.test(host) && url.pathname === '/url') {
    const inner = repairEmbedded(url.searchParams.get('q') ?? url.searchParams.get('url') ?? '');
    if (inner) return { inner, wrapper: t('classify.wrapper.googleRedirect'), archived: false };
  }
  if (host.endsWith('.safelinks.protection.outlook.com')) {
    const inner = repairEmbedded(url.searchParams.get('url') ?? '');
    if (inner) return { inner, wrapper: t('classify.wrapper.outlook'), archived: false };
  }
  if ((host === 'l.facebook.com' || host === 'lm.facebook.com') && url.pathname === '/l.php') {
    const inner = repairEmbedded(url.searchParams.get('u') ?? '');
    if (inner) return { inner, wrapper: t('classify.wrapper.facebook'), archived: false };
  }
  if (host.endsWith('.translate.goog')) {
    const label = host.slice(0, -'.translate.goog'.length);
    const inner = repairEmbedded(`https://${decodeDashedHost(label)}${rest}`);
    if (inner) return { inner, wrapper: t('classify.wrapper.googleTranslate'), archived: false };
  }
  const ezproxy = /^(.+?)\.(?:[a-z0-9-]+\.)*?ezproxy\.[a-z0-9.-]+$/.exec(host) ?? /^(.+?)\.ezp[a-z0-9-]*\.[a-z0-9.-]+$/.exec(host);
  if (ezproxy?.[1]) {
    if (/^login$/i.test(ezproxy[1]) || url.pathname.toLowerCase() === '/login') {
      const inner = repairEmbedded(url.searchParams.get('url') ?? url.searchParams.get('qurl') ?? '');
      if (inner) return { inner, wrapper: t('classify.wrapper.libraryProxy'), archived: false };
    } else {
      const inner = repairEmbedded(`https://${decodeDashedHost(ezproxy[1])}${rest}`);
      if (inner) return { inner, wrapper: t('classify.wrapper.libraryProxy'), archived: false };
    }
  }
  return undefined;
}

/**
 * Normalises an address for classifying: removes web-archive, AMP-cache,
 * proxy and redirect wrappers (keeping the archive date), drops tracking
 * parameters and lower-cases the host. Undefined when it is not a web address.
 */
export function normaliseAddress(raw: string): NormalisedAddress | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname) return undefined;
  let wrapper: string | undefined;
  let archived = false;
  let archivedAt: string | undefined;
  for (let i = 0; i < 3; i += 1) {
    const step = unwrapOnce(url);
    if (!step) break;
    url = new URL(step.inner);
    wrapper ??= step.wrapper;
    archived ||= step.archived;
    archivedAt ??= step.archivedAt;
  }
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  url.hash = '';
  const href = url.href;
  return {
    url: href,
    host: stripHostPrefix(url.hostname),
    path: url.pathname + url.search,
    ...(archived ? { archivedFrom: href } : {}),
    ...(archivedAt ? { archivedAt } : {}),
    ...(wrapper ? { wrapper } : {}),
    archived,
  };
}
