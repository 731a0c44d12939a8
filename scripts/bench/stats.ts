import type { Measurement } from './types';

/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The q-quantile (0..1) by the nearest-rank method: p95 of 100 samples is the 95th smallest. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The median of some runs, with their min and max. */
export function measured(samples: readonly number[]): Measurement {
  return { value: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/** A single figure with no spread (a size, a count). */
export const exact = (value: number): Measurement => ({ value });
