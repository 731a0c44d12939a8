import type { ShareOptions } from '../../../lib/exchange/export-filter';

export interface ShareOptionsFieldsProps {
  value: Required<ShareOptions>;
  onChange: (value: Required<ShareOptions>) => void;
}

/** "What to include" when a list leaves this computer: private items, and quotes from forum posts and personal stories. Both off by default. */
export function ShareOptionsFields({ value, onChange }: ShareOptionsFieldsProps) {
  return (
    <fieldset class="hc-checks hc-share-options">
      <legend>What to include when you print, copy or download</legend>
      <div class="hc-check">
        <input
          id="hc-share-private"
          type="checkbox"
          checked={value.includePrivate}
          aria-describedby="hc-share-private-why"
          onChange={(e) => onChange({ ...value, includePrivate: e.currentTarget.checked })}
        />
        <label for="hc-share-private">Include items marked private</label>
      </div>
      <p id="hc-share-private-why" class="hc-hint hc-check__hint">Items you mark private stay on this computer unless you tick this.</p>
      <div class="hc-check">
        <input
          id="hc-share-peer"
          type="checkbox"
          checked={value.quotePeer}
          aria-describedby="hc-share-peer-why"
          onChange={(e) => onChange({ ...value, quotePeer: e.currentTarget.checked })}
        />
        <label for="hc-share-peer">Quote forum posts and personal stories</label>
      </div>
      <p id="hc-share-peer-why" class="hc-hint hc-check__hint">
        People wrote them for their own community. Without this, only the title, the address and your note are shared, not their words or usernames.
      </p>
    </fieldset>
  );
}
