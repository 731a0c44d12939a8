import * as z from 'zod';

/** Error codes that cross contexts; each has a plain-English message beside it. */
export const APP_ERROR_CODES = [
  'cannot-clip-page',
  'no-permission',
  'page-did-not-answer',
  'invalid-input',
  'not-found',
  'storage-full',
  'storage-failed',
  'unexpected',
  /** The user stopped slow work (an import, a restore) before it changed anything. */
  'cancelled',
] as const;
export const appErrorSchema = z.object({
  code: z.enum(APP_ERROR_CODES),
  message: z.string(),
});
export type AppError = z.infer<typeof appErrorSchema>;
export type AppErrorCode = AppError['code'];

/** A serialisable outcome: handlers return this instead of throwing across contexts. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: AppErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
