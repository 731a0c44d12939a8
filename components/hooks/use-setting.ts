import { useEffect, useState } from 'preact/hooks';

/** A WXT storage item, as far as reading and following it goes. */
export interface WatchedItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/** A stored setting's value (undefined until read), kept up to date when it changes anywhere. */
export function useSetting<T>(item: WatchedItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return value;
}
