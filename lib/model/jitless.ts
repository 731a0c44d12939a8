import * as z from 'zod';

/**
 * Tells zod not to try `new Function` (its faster object parsers). Extension
 * pages forbid eval, so the attempt only failed, and raised a CSP violation
 * report on every page that had a schema, which would hide a real injection
 * attempt among false alarms (tests/e2e/hostile-pages.spec.ts counts them).
 * zod decides this when each object schema is created, that is when its
 * module loads, so this runs on import and each extension page and the
 * background import it first: the one deliberate import-time side effect
 * in lib/.
 */
z.config({ jitless: true });
