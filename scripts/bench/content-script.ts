/**
 * Content-script section: the gzipped size of the optional always-on content
 * script (annotate: badges, automatic highlights, the selection toolbar) as
 * built into the e2e build's content-scripts/ folder. Gzip at Node's default
 * level, as a web server or store download would send it; its CSS, if it
 * ever gets a file of its own, counts too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSection, SectionOutput } from './types';

/** The always-on script's files (annotate.js, and annotate.css if any), with their sizes. */
export function alwaysOnScriptFiles(extensionDir: string): { name: string; bytes: number; gzipBytes: number }[] {
  const dir = join(extensionDir, 'content-scripts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^annotate\.(js|css)$/.test(name))
    .map((name) => {
      const data = readFileSync(join(dir, name));
      return { name, bytes: data.length, gzipBytes: gzipSync(data).length };
    });
}

export const contentScriptSection: BenchSection = {
  name: 'contentScript',
  async run(ctx): Promise<SectionOutput> {
    const files = alwaysOnScriptFiles(ctx.extensionDir);
    if (!files.length) throw new Error(`no annotate content script in ${join(ctx.extensionDir, 'content-scripts')}`);
    for (const f of files) ctx.log(`${f.name}: ${(f.bytes / 1024).toFixed(1)} KB minified, ${(f.gzipBytes / 1024).toFixed(1)} KB gzipped`);
    return { 'contentScript.alwaysOnGzipBytes': { value: files.reduce((a, f) => a + f.gzipBytes, 0) } };
  },
};
