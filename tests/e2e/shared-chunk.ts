import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The chunk every extension page imports (Preact, the i18n wrapper, Vite's
 * module preload). Rollup names it after one of its modules, so the name
 * moves whenever code moves; tests that list what a bundle may do name it
 * "chunks/(shared)" instead. Found as the chunk every page loads that holds
 * Vite's module preload.
 */
export function sharedChunk(buildDir: string): string {
  const pages = readdirSync(buildDir).filter((f) => f.endsWith('.html'));
  let common: Set<string> | undefined;
  for (const page of pages) {
    const html = readFileSync(join(buildDir, page), 'utf8');
    const chunks = new Set([...html.matchAll(/\s(?:src|href)="\/(chunks\/[\w-]+\.js)"/g)].map((m) => m[1]!));
    common = common ? new Set([...common].filter((c) => chunks.has(c))) : chunks;
  }
  // Several small chunks may be on every page; the shared one carries Vite's module preload.
  const found = [...(common ?? [])].filter((c) => readFileSync(join(buildDir, c), 'utf8').includes('modulepreload'));
  if (found.length !== 1) throw new Error(`expected one chunk shared by every page in ${buildDir}, found ${JSON.stringify(found)}`);
  return found[0]!;
}

export const SHARED_CHUNK_NAME = 'chunks/(shared)';
