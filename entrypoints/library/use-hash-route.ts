import { useEffect, useState } from 'preact/hooks';

/** The library's views, from the address fragment so Back and bookmarks work. */
export type Route = { view: 'list' } | { view: 'clip'; id: string } | { view: 'sites' } | { view: 'settings' } | { view: 'highlights' };

/** `#clip=<id>` opens a clip, `#sites` the user's site list, `#settings` the settings, `#highlights` all highlights, anything else the list. */
export function parseRoute(hash: string): Route {
  const bare = hash.replace(/^#/, '');
  if (bare === 'sites') return { view: 'sites' };
  if (bare === 'settings') return { view: 'settings' };
  if (bare === 'highlights') return { view: 'highlights' };
  const id = new URLSearchParams(bare).get('clip');
  return id ? { view: 'clip', id } : { view: 'list' };
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
