import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRulePackFile, rulePackSchema, type RulePack } from '../../../../lib/classify/rule-pack';
import type { LibraryRepository } from '../../../../lib/db/repository';
import { buildBackupText, parseBackup, type Backup } from '../../../../lib/exchange/backup';
import { describeTally, outcomeOf, runFuzz, type FuzzLibrary } from '../../../helpers/import-fuzz';
import { expectLibraryValid, FUZZ_NOW, openSampleFuzzLibrary } from '../../../helpers/fuzz-library';
import { mutateJsonFile } from '../../../helpers/mutate';
import { sampleLibrary, sampleSettings } from '../../../helpers/sample-library';

/**
 * Hostile backup files (restore replaces the whole library in one
 * transaction) and rule packs (a moderator's list of sites, kept in
 * settings): thousands of deterministic mutations each, through the same
 * checks as every importer (tests/helpers/import-fuzz.ts).
 */
const CASES = 2_000;

let lib: FuzzLibrary & { repo: LibraryRepository };
beforeAll(async () => {
  lib = await openSampleFuzzLibrary('fuzz-backup');
});
afterAll(async () => {
  lib.db.close();
  await Dexie.delete(lib.db.name);
});

describe('fuzzing backups and rule packs', () => {
  it(`backup files: ${CASES} mutated files restore whole or are refused with the library unchanged`, async () => {
    const base = buildBackupText({ exportedAt: FUZZ_NOW.toISOString(), appVersion: '0.1.0', settings: sampleSettings() }, sampleLibrary());
    const started = performance.now();
    const tally = await runFuzz<Backup, Backup>({
      name: 'backup',
      cases: CASES,
      seed: 0xbac0,
      mutate: (rng) => mutateJsonFile(base, rng),
      library: lib,
      steps: {
        read: (text) => outcomeOf(parseBackup(text)),
        // The restore page previews the counts of the parsed file; nothing else is read before the restore.
        preview: async (backup) => ({ ok: true, value: backup }),
        apply: async ({ siteRules, collections, highlights, clips }) => outcomeOf(await lib.repo.backup.replaceAll({ siteRules, collections, highlights, clips })),
      },
      afterApply: (where) => expectLibraryValid(lib.db, where, { ownData: true }),
    });
    console.log(describeTally('backup', tally, performance.now() - started));
    expect(tally.refusedWhenRead).toBeGreaterThan(CASES / 3);
    expect(tally.accepted).toBeGreaterThan(50);
    expect(tally.rolledBack).toBeGreaterThan(20);
  }, 120_000);

  it(`rule packs: ${CASES} mutated files are read as a valid pack or refused with a reason`, async () => {
    const pack: RulePack = {
      format: 'health-clipper-rule-pack',
      formatVersion: 1,
      name: 'Riverside diabetes group',
      version: '2026-11',
      rules: [
        { host: 'riversidediabetes.org.uk', type: 'charity', note: 'Our local support group', subtype: 'support group' },
        { host: 'www.example-surgery.co.uk', type: 'official', note: 'GP practice on a supplier domain' },
      ],
    };
    const base = JSON.stringify(pack);
    const started = performance.now();
    const tally = await runFuzz<RulePack, never>({
      name: 'rule-pack',
      cases: CASES,
      seed: 0x9ac4,
      mutate: (rng) => mutateJsonFile(base, rng),
      steps: { read: (text) => outcomeOf(readRulePackFile(text)) },
      afterRead: (read, where) => {
        expect(rulePackSchema.safeParse(read).success, `${where}: accepted a pack the schema refuses`).toBe(true);
        for (const rule of read.rules) expect(rule.host, where).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
      },
    });
    console.log(describeTally('rule packs', tally, performance.now() - started));
    expect(tally.refusedWhenRead).toBeGreaterThan(CASES / 3);
    expect(tally.accepted).toBeGreaterThan(50);
  }, 120_000);
});
