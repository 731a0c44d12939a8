import type { SourceType } from './source-type';

// Kept apart from the schemas so the in-page badge can show labels without bundling zod.
/** Short labels for the UI, in plain English. Peer experience is valued, not warned against. */
export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  official: 'Official',
  charity: 'Charity or patient group',
  peer: 'Personal experience',
  commercial: 'Commercial',
  research: 'Research',
  news: 'News',
  other: 'Other organisation',
  unknown: 'Not sure',
};
