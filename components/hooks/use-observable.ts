import { useEffect, useState } from 'preact/hooks';

/** Anything with Dexie/TC39-style `subscribe`. */
export interface Subscribable<T> {
  subscribe(next?: ((value: T) => void) | null, error?: ((error: unknown) => void) | null): { unsubscribe(): void };
}

/**
 * The latest value of an observable (e.g. a repository `observeX` query),
 * re-subscribing when `deps` change. `undefined` until the first value.
 */
export function useObservable<T>(factory: () => Subscribable<T>, deps: readonly unknown[]): { value?: T; error?: unknown } {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  useEffect(() => {
    const sub = factory().subscribe(
      (value) => setState({ value }),
      (error) => setState({ error }),
    );
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
