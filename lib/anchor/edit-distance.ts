/**
 * Bounded approximate matching (Levenshtein distance), written here to keep
 * the always-on content script small. Fuzzy search finds candidates with the
 * pigeonhole filter: a passage with at most k edits keeps at least one of k+1
 * disjoint pieces intact, so native `indexOf` finds the pieces and a small
 * dynamic-programming pass checks only the windows around them.
 */

/** A span of the searched text and the edit distance between it and the pattern. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Edit distance between `pattern` and the best-matching stretch of `text`
 * that touches one end of `text`: its start (`fromEnd` false) or its end
 * (`fromEnd` true). Used to compare a stored prefix or suffix with the page.
 */
export function anchoredDistance(pattern: string, text: string, fromEnd: boolean): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  const pat = (i: number) => (fromEnd ? pattern.charCodeAt(m - 1 - i) : pattern.charCodeAt(i));
  const txt = (j: number) => (fromEnd ? text.charCodeAt(n - 1 - j) : text.charCodeAt(j));
  // prev[j]: distance between pattern[0, i) and text[0, j) (anchored both sides).
  let prev = new Int32Array(n + 1);
  let curr = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    const p = pat(i - 1);
    for (let j = 1; j <= n; j++) {
      const diag = (prev[j - 1] ?? 0) + (p === txt(j - 1) ? 0 : 1);
      const up = (prev[j] ?? 0) + 1;
      const left = (curr[j - 1] ?? 0) + 1;
      curr[j] = Math.min(diag, up, left);
    }
    [prev, curr] = [curr, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j] ?? m);
  return best;
}

/**
 * Every span of text[from, to) within `maxErrors` edits of `pattern`, one per
 * place (overlapping spans are reduced to the best). Undefined when the
 * pattern's pieces occur so often that checking them all would be too slow:
 * callers treat that as "not found".
 */
export function searchApprox(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
  maxPieceHits = 20_000,
): ApproxMatch[] | undefined {
  if (from > 0 || to < text.length) {
    // Search a copy of the window, so a missing piece does not scan the rest of the page.
    const found = searchApprox(text.slice(from, to), pattern, maxErrors, 0, to - from, maxPieceHits);
    return found?.map((f) => ({ start: f.start + from, end: f.end + from, errors: f.errors }));
  }
  const m = pattern.length;
  const k = maxErrors;
  const pieceLength = Math.floor(m / (k + 1));
  if (m === 0 || pieceLength < 1) return undefined;

  // 1. Where could a match start? (pigeonhole on k+1 pieces)
  const starts: number[] = [];
  for (let piece = 0; piece <= k; piece++) {
    const offset = piece * pieceLength;
    const needle = pattern.slice(offset, offset + pieceLength);
    for (let at = text.indexOf(needle, from); at !== -1 && at + needle.length <= to; at = text.indexOf(needle, at + 1)) {
      starts.push(at - offset);
      if (starts.length > maxPieceHits) return undefined;
    }
  }
  starts.sort((a, b) => a - b);

  // 2. Check each cluster of nearby starts with one dynamic-programming pass.
  const found: ApproxMatch[] = [];
  let i = 0;
  while (i < starts.length) {
    const first = starts[i] ?? 0;
    let last = first;
    while (i < starts.length && (starts[i] ?? 0) - first <= m) last = starts[i++] ?? last;
    const winStart = Math.max(from, first - k);
    const winEnd = Math.min(to, last + m + k);
    found.push(...searchWindow(text, pattern, k, winStart, winEnd));
  }
  return keepBestPerPlace(found, m);
}

/** Semi-global alignment: all ends in text[from, to) where the whole pattern matches with ≤ k edits. */
function searchWindow(text: string, pattern: string, k: number, from: number, to: number): ApproxMatch[] {
  const m = pattern.length;
  let dist = new Int32Array(m + 1);
  let start = new Int32Array(m + 1);
  let nextDist = new Int32Array(m + 1);
  let nextStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    dist[i] = i;
    start[i] = from;
  }
  const out: ApproxMatch[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    nextDist[0] = 0;
    nextStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let best = (dist[i - 1] ?? 0) + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let bestStart = start[i - 1] ?? 0;
      const up = (nextDist[i - 1] ?? 0) + 1;
      if (up < best) {
        best = up;
        bestStart = nextStart[i - 1] ?? 0;
      }
      const left = (dist[i] ?? 0) + 1;
      if (left < best) {
        best = left;
        bestStart = start[i] ?? 0;
      }
      nextDist[i] = best;
      nextStart[i] = bestStart;
    }
    [dist, nextDist] = [nextDist, dist];
    [start, nextStart] = [nextStart, start];
    const errors = dist[m] ?? k + 1;
    if (errors <= k) out.push({ start: start[m] ?? j + 1, end: j + 1, errors });
  }
  return out;
}

/** Keeps the fewest-error span in each overlapping group, so one place yields one candidate. */
function keepBestPerPlace(matches: ApproxMatch[], patternLength: number): ApproxMatch[] {
  const misfit = (x: ApproxMatch) => Math.abs(x.end - x.start - patternLength);
  const sorted = [...matches].sort((a, b) => a.errors - b.errors || misfit(a) - misfit(b) || a.start - b.start);
  const kept: ApproxMatch[] = [];
  for (const match of sorted) {
    if (kept.some((k) => match.start < k.end && k.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Levenshtein distance between two sequences (words, usually); stops early and returns `cap + 1` once it is over `cap`. */
export function sequenceDistance<T>(a: readonly T[], b: readonly T[], cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const diag = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      curr[j] = Math.min(diag, (prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1);
      rowMin = Math.min(rowMin, curr[j] ?? rowMin);
    }
    if (rowMin > cap) return cap + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] ?? cap + 1;
}
