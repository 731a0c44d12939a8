import { t } from '../lib/i18n';
import { SOURCE_TYPE_LABELS, type SourceType } from '../lib/model/source-type';

export interface SourceTypeBadgeProps {
  type: SourceType;
  /** Marks a type the user chose themselves. */
  overridden?: boolean;
  /** Marks a verdict we are not sure of. */
  unsure?: boolean;
}

/** The source type as a labelled pill: the words carry the meaning, the colour only helps. */
export function SourceTypeBadge({ type, overridden, unsure }: SourceTypeBadgeProps) {
  return (
    <span class={`hc-badge hc-badge--${type}`} data-source-type={type}>
      {SOURCE_TYPE_LABELS[type]}
      {overridden ? <span class="hc-badge__note"> {t('source.yourChoice')}</span> : unsure && type !== 'unknown' ? <span class="hc-badge__note"> {t('source.notSure')}</span> : null}
    </span>
  );
}
