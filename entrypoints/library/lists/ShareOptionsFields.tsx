import type { ShareOptions } from '../../../lib/exchange/export-filter';
import { t } from '../../../lib/i18n';

export interface ShareOptionsFieldsProps {
  value: Required<ShareOptions>;
  onChange: (value: Required<ShareOptions>) => void;
}

/** "What to include" when a list leaves this computer: private items, and quotes from forum posts and personal stories. Both off by default. */
export function ShareOptionsFields({ value, onChange }: ShareOptionsFieldsProps) {
  return (
    <fieldset class="hc-checks hc-share-options">
      <legend>{t('lists.share.legend')}</legend>
      <div class="hc-check">
        <input
          id="hc-share-private"
          type="checkbox"
          checked={value.includePrivate}
          aria-describedby="hc-share-private-why"
          onChange={(e) => onChange({ ...value, includePrivate: e.currentTarget.checked })}
        />
        <label for="hc-share-private">{t('lists.share.private')}</label>
      </div>
      <p id="hc-share-private-why" class="hc-hint hc-check__hint">{t('lists.share.privateHint')}</p>
      <div class="hc-check">
        <input
          id="hc-share-peer"
          type="checkbox"
          checked={value.quotePeer}
          aria-describedby="hc-share-peer-why"
          onChange={(e) => onChange({ ...value, quotePeer: e.currentTarget.checked })}
        />
        <label for="hc-share-peer">{t('lists.share.peer')}</label>
      </div>
      <p id="hc-share-peer-why" class="hc-hint hc-check__hint">
        {t('lists.share.peerHint')}
      </p>
    </fieldset>
  );
}
