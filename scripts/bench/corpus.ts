import { resolve } from 'node:path';

/** The corpus of real pages the clip section reads: ../shared/corpus/readability/<name>/source.html, next to the repository. */
export const CORPUS_DIR = resolve(process.cwd(), '../shared/corpus/readability');
