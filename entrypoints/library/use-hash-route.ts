import { useEffect, useState } from 'preact/hooks';

/** The library's views, from the address fragment so Back and bookmarks work. */
export type Route =
  | { view: 'list' }
  | { view: 'clip'; id: string }
  | { view: 'sites' }
  | { view: 'settings' }
  | { view: 'highlights' }
  | { view: 'lists' }
  | { view: 'collection'; id: string }
  | { view: 'import' }
  | { view: 'subscriptions' }
  | { view: 'share'; fragment: string };

const PLAIN_VIEWS = ['sites', 'settings', 'highlights', 'lists', 'subscriptions', 'import'] as const;

/**
 * `#clip=<id>` opens a clip, `#list=<id>` a reading list or prescription,
 * `#lists` appointments and prescriptions, `#import` importing a collection file, `#sites` the user's site list,
 * `#settings` the settings, `#highlights` all highlights, `#subscriptions`
 * followed collections, `#share=v1.…` a shared list, anything else the list.
 */
export function parseRoute(hash: string): Route {
  const bare = hash.replace(/^#/, '');
  const plain = PLAIN_VIEWS.find((v) => v === bare);
  if (plain) return { view: plain };
  // A share link carries a whole list in the fragment (lib/exchange/share-link.ts); it is decoded by its view.
  if (bare.startsWith('share=')) return { view: 'share', fragment: bare };
  const params = new URLSearchParams(bare);
  const clip = params.get('clip');
  if (clip) return { view: 'clip', id: clip };
  const list = params.get('list');
  return list ? { view: 'collection', id: list } : { view: 'list' };
}

/** The current route, following `hashchange`. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The fragment that opens one clip. */
export function clipHref(id: string): string {
  return `#clip=${encodeURIComponent(id)}`;
}

/** The fragment that opens one reading list or prescription in its editor. */
export function listHref(id: string): string {
  return `#list=${encodeURIComponent(id)}`;
}
