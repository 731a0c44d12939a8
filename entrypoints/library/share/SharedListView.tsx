import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import { decodeShareLink } from '../../../lib/exchange/share-link';
import { openImportPreview } from '../import/open-import';
import { t } from '../../../lib/i18n';

export interface SharedListViewProps {
  /** The address fragment without "#": `share=v1.…`. */
  fragment: string;
}

/**
 * `#share=v1.…`: a list someone shared as a link. The list is inside the
 * link itself (nothing is downloaded), so it is unpacked here, checked like
 * any collection file and handed to the import preview; nothing is added
 * until the user says so. A damaged link says what to do instead.
 */
export function SharedListView({ fragment }: SharedListViewProps) {
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    void decodeShareLink(fragment).then((file) => {
      if (!current) return;
      if (!file.ok) setProblem(file.error.message);
      else {
        // #import replaces the long #share=… address in the history, so Back does not unpack it again.
        history.replaceState(history.state, '', '#import');
        openImportPreview(file.value, { sourceLabel: t('share.sourceLabel') });
        dispatchEvent(new HashChangeEvent('hashchange'));
      }
    });
    return () => {
      current = false;
    };
  }, [fragment]);

  return (
    <main class="hc-import">
      <p><a href="#lists">{t('share.back')}</a></p>
      <h1>{t('share.heading2')}</h1>
      {problem ? (
        <StatusMessage tone="error">
          <p>{problem}</p>
          <p>{t('share.nothingAdded')}</p>
        </StatusMessage>
      ) : (
        <p role="status">{t('share.opening')}</p>
      )}
    </main>
  );
}
