import { useEffect, useState } from 'preact/hooks';

/** The list id in `print.html#id=<collectionId>`, or undefined. */
export function parseHashId(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('id')?.trim() || undefined;
}

/** The list id from the address fragment, following `hashchange`. */
export function useHashId(): string | undefined {
  const [id, setId] = useState(() => parseHashId(location.hash));
  useEffect(() => {
    const onChange = () => setId(parseHashId(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return id;
}

/** What the list's owner chose to include when they opened the print view (`&private=1&peer=1`). */
export function parseHashShare(hash: string): { includePrivate: boolean; quotePeer: boolean } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { includePrivate: params.get('private') === '1', quotePeer: params.get('peer') === '1' };
}
