/** The resolved shapes the outputs take as input (defined with the collection model). */
export type { ClipSummary, ResolvedCollection, ResolvedItem } from '../model/collection';
