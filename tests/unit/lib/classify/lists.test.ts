import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInLists, domainListSchema } from '../../../../lib/classify/lists/index';
import { normaliseAddress } from '../../../../lib/classify/normalise-address';

const DIR = resolve(process.cwd(), 'lib/classify/lists');

describe('bundled lists', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it.each(files)('%s is a valid, versioned list with a note on every entry', (file) => {
    const parsed = domainListSchema.safeParse(JSON.parse(readFileSync(resolve(DIR, file), 'utf8')));
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.entries.length).toBeGreaterThan(5);
    const domains = parsed.data.entries.map((e) => e.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const e of parsed.data.entries) {
      expect(e.note.length).toBeGreaterThan(3);
      expect(e.domain).not.toMatch(/^www\./);
    }
  });

  it('gives each domain one type: no domain is on two organisation lists', () => {
    const l = builtInLists();
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const list of [l.official, l.research, l.charities, l.commercial, l.news, l.other]) {
      for (const e of list.entries) {
        const other = seen.get(e.domain);
        if (other) clashes.push(`${e.domain}: ${other} and ${list.name}`);
        seen.set(e.domain, list.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('never lists a substring lookalike as official', () => {
    const official = builtInLists().official.entries.map((e) => e.domain);
    for (const d of ['nhsconfed.org', 'nhsproviders.org', 'nhscharitiestogether.co.uk']) expect(official).not.toContain(d);
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['strips tracking but keeps pagination', 'https://community.macmillan.org.uk/b/x?pifragment-13130=2&utm_source=a&gclid=b&fbclid=c', 'https://community.macmillan.org.uk/b/x?pifragment-13130=2'],
    ['unwraps the Wayback Machine', 'https://web.archive.org/web/20190101120000id_/https://www.nhs.uk/conditions/acne/', 'https://www.nhs.uk/conditions/acne/'],
    ['unwraps the National Archives single-slash form', 'https://webarchive.nationalarchives.gov.uk/20130107105354/http:/www.dh.gov.uk/en/index.htm', 'http://www.dh.gov.uk/en/index.htm'],
    ['unwraps CyberCemetery', 'https://cybercemetery.unt.edu/archive/nbac/20090115000000/http://bioethics.gov/', 'http://bioethics.gov/'],
    ['unwraps the AMP cache', 'https://www-bbc-co-uk.cdn.ampproject.org/c/s/www.bbc.co.uk/news/health-1', 'https://www.bbc.co.uk/news/health-1'],
    ['unwraps Google Translate', 'https://www-nhs-uk.translate.goog/conditions/acne/?_x_tr_sl=en&_x_tr_tl=fr', 'https://www.nhs.uk/conditions/acne/'],
    ['unwraps EZproxy hosts', 'https://bmjopen-bmj-com.ezproxy.lib.example.ac.uk/content/9/1', 'https://bmjopen.bmj.com/content/9/1'],
  ])('%s', (_what, raw, expected) => {
    expect(normaliseAddress(raw)?.url).toBe(expected);
  });

  it('records the archive date and strips www.', () => {
    const a = normaliseAddress('https://web.archive.org/web/20150301/http://www.nhs.uk/');
    expect(a).toMatchObject({ host: 'nhs.uk', archived: true, archivedAt: '2015-03-01T00:00:00.000Z' });
  });

  it('rejects what is not a web address', () => {
    expect(normaliseAddress('not a url')).toBeUndefined();
    expect(normaliseAddress('mailto:a@b.org')).toBeUndefined();
  });
});
