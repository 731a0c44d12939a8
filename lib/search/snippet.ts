import { clauseMatches, indexTerms, type QueryPlan } from './tokenise';

/** A short passage of a clip around what matched, with the matching words marked. */
export interface Passage {
  text: string;
  /** [start, end) of each matching word within `text`. */
  marks: [number, number][];
  /** True when the passage starts or ends inside the text (show "…"). */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * The passage of `text` (at most about `width` characters) that matches
 * most parts of the query, found the way the index matches: "anemia" marks
 * "anaemia", "5 mg" marks "5mg". Undefined when nothing in the text matches.
 */
export function bestPassage(text: string, plan: QueryPlan, width = 220): Passage | undefined {
  if (!plan.clauses.length || !text) return undefined;
  const found: { start: number; end: number; clause: number }[] = [];
  indexTerms(text.length > 200_000 ? text.slice(0, 200_000) : text, (term, start, end) => {
    const clause = plan.clauses.findIndex((c) => clauseMatches(c, term));
    if (clause >= 0) found.push({ start, end, clause });
  });
  if (!found.length) return undefined;
  // Slide a window over the matches; keep the one covering the most different clauses.
  let best = { from: 0, to: 0, score: -1 };
  for (let i = 0, j = 0; i < found.length; i++) {
    while (found[j]!.start < found[i]!.end - width) j++;
    const clauses = new Set(found.slice(j, i + 1).map((f) => f.clause));
    const score = clauses.size * 100 + (i - j);
    if (score > best.score) best = { from: j, to: i, score };
  }
  const first = found[best.from]!;
  const last = found[best.to]!;
  const room = Math.max(0, width - (last.end - first.start));
  let start = Math.max(0, first.start - Math.floor(room / 2));
  let end = Math.min(text.length, last.end + Math.ceil(room / 2));
  // Whole words at the edges.
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = Math.max(last.end, text.lastIndexOf(' ', end));
  if (start > first.start) start = first.start;
  const marks = found
    .slice(best.from, best.to + 1)
    .filter((f) => f.start >= start && f.end <= end)
    .map((f): [number, number] => [f.start - start, f.end - start]);
  return { text: text.slice(start, end).replace(/\s+/g, ' '), marks: mergeMarks(marks, text.slice(start, end)), cutStart: start > 0, cutEnd: end < text.length };
}

/** Overlapping marks as one (a phrase and its words), re-based after whitespace was collapsed. */
function mergeMarks(marks: [number, number][], raw: string): [number, number][] {
  // Map raw offsets to offsets in the whitespace-collapsed text.
  const map: number[] = [];
  let out = 0;
  for (let i = 0; i < raw.length; i++) {
    map[i] = out;
    if (!(/\s/.test(raw[i]!) && i > 0 && /\s/.test(raw[i - 1]!))) out++;
  }
  map[raw.length] = out;
  const sorted = marks.map(([a, b]): [number, number] => [map[a]!, map[b]!]).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const m of sorted) {
    const prev = merged[merged.length - 1];
    if (prev && m[0] <= prev[1]) prev[1] = Math.max(prev[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}
