import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../../scripts/collection';

/** `npm run collection -- …`, as a moderator runs it: a real process, its output and exit code. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve('scripts/collection.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
const fixture = (name: string) => resolve('tests/unit/lib/exchange/fixtures', name);

describe('npm run collection (the moderator’s check)', () => {
  it('validate: a good file passes with exit 0 and a summary', () => {
    const { code, out, err } = run('validate', fixture('valid-collection.json'));
    expect(err).toBe('');
    expect(out).toMatch(/valid-collection\.json: valid collection file \(format version 1\)\.\n {2}collection “Type 2 diabetes: what our members found helpful” by Riverside diabetes support group: 3 items, 1 highlights/);
    expect(code).toBe(0);
  });

  it('validate: a bad file prints each problem with its JSON path, exit 1', () => {
    const { code, out, err } = run('validate', fixture('invalid-collection.json'));
    expect(out).toBe('');
    const lines = err.trim().split('\n').map((l) => l.replace(/^.*invalid-collection\.json: /, ''));
    expect(lines).toEqual([
      '$.exportedAt: should be a date and time like 2026-11-24T10:00:00Z',
      '$.collection.items[0].url: should be a web address starting with http:// or https://',
      '$.collection.items[1].title: is missing',
      '$.collection.items[1].highlight.selectors: needs exactly one quoted passage',
      'not valid (4 problems).',
    ]);
    expect(code).toBe(1);
  });

  it('check-links is not available in this version (exit 2); unknown commands show the usage (exit 2)', () => {
    expect(runCommand(['check-links', 'x.json'])).toEqual({ out: [], err: ['check-links is not available in this version.'], code: 2 });
    expect(runCommand(['frobnicate']).code).toBe(2);
    expect(runCommand(['validate']).code).toBe(2);
    expect(runCommand(['validate', fixture('no-such-file.json')])).toMatchObject({ code: 2 });
    expect(runCommand(['schema', '--check'])).toMatchObject({ code: 0 });
  });
});
