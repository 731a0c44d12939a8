import type * as z from 'zod';

/** What safeParseUntrusted gives: zod's result shape, the problems as zod issues. */
export type UntrustedParse<T> = { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };

/**
 * `schema.safeParse` for untrusted files, which never throws. Zod 4 copies
 * an element's problems into its parent's with `push(...issues)`, so one
 * element holding 100,000+ wrong values (a list of a hundred thousand
 * numbers where text belongs, inside a saved page) throws a RangeError
 * ("Maximum call stack size exceeded") out of `safeParse`. Found by the
 * importers' fuzz tests (tests/unit/lib/exchange/fuzz-*.test.ts). Such a
 * file gets one issue at its root instead: it is refused, not crashed on.
 */
export function safeParseUntrusted<S extends z.ZodType>(schema: S, value: unknown, params?: { reportInput?: boolean }): UntrustedParse<z.output<S>> {
  try {
    return schema.safeParse(value, params);
  } catch {
    const issue: z.core.$ZodIssue = { code: 'custom', path: [], message: 'has far too many wrong values to list, so it was not read', input: undefined };
    return { success: false, error: { issues: [issue] } };
  }
}
