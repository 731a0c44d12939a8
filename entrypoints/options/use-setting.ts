import { useEffect, useState } from 'preact/hooks';

/** A WXT storage item as the options page uses it. */
export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** A stored setting's value (undefined until read), kept up to date when it changes anywhere. */
export function useSetting<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return value;
}
