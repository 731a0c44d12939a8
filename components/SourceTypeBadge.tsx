import { SOURCE_TYPE_LABELS, type SourceType } from '../lib/model/source-type';

export interface SourceTypeBadgeProps {
  type: SourceType;
  /** Marks a type the user chose themselves. */
  overridden?: boolean;
}

/** The source type as a labelled pill: the words carry the meaning, the colour only helps. */
export function SourceTypeBadge({ type, overridden }: SourceTypeBadgeProps) {
  return (
    <span class={`hc-badge hc-badge--${type}`} data-source-type={type}>
      {SOURCE_TYPE_LABELS[type]}
      {overridden ? <span class="hc-badge__note"> (your choice)</span> : null}
    </span>
  );
}
