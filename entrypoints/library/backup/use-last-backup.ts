import { useEffect, useState } from 'preact/hooks';
import { lastBackupSetting } from '../../../lib/settings/settings';

/** The date of the last backup (null: never; undefined: not read yet), kept current. */
export function useLastBackup(): string | null | undefined {
  const [last, setLast] = useState<string | null | undefined>();
  useEffect(() => {
    void lastBackupSetting.getValue().then(setLast);
    return lastBackupSetting.watch((value) => setLast(value));
  }, []);
  return last;
}
