/**
 * The benchmark's sections, run in this order by run.ts. Each is a module
 * exporting a BenchSection (types.ts): `run(ctx)` returns the fields it
 * measured, by dotted path; fields no section measures stay null in the JSON
 * and print as "not measured".
 */
import { anchorSection } from './anchor';
import { clipSection } from './clip';
import { collectionSection } from './collection';
import { contentScriptSection } from './content-script';
import { searchLibrarySection } from './search-library';
import type { BenchSection } from './types';

export const SECTIONS: readonly BenchSection[] = [contentScriptSection, clipSection, anchorSection, collectionSection, searchLibrarySection];
