import { describe, expect, it } from 'vitest';
import { normaliseSiteInput, resolveSourceType, siteRuleFor } from '../../../../lib/model/site-rules';
import type { SiteRule } from '../../../../lib/model/source-type';

const rule = (host: string, type: SiteRule['type']): SiteRule => ({ host, type, note: '', createdAt: '2026-11-24T00:00:00.000Z' });

describe('normaliseSiteInput', () => {
  it.each([
    ['mysurgery.co.uk', 'mysurgery.co.uk'],
    ['  MySurgery.co.uk ', 'mysurgery.co.uk'],
    ['https://www.mysurgery.co.uk/contact-us?x=1', 'mysurgery.co.uk'],
    ['http://forum.example.org', 'forum.example.org'],
    ['www.nhs.uk/conditions', 'nhs.uk'],
  ])('%j -> %j', (input, host) => {
    expect(normaliseSiteInput(input)).toBe(host);
  });

  it.each(['', '   ', 'not a site', 'localhost', 'javascript:alert(1)', 'file:///etc/passwd'])('rejects %j', (input) => {
    expect(normaliseSiteInput(input)).toBeUndefined();
  });
});

describe('siteRuleFor', () => {
  const rules = [rule('example.org', 'charity'), rule('forum.example.org', 'peer'), rule('mysurgery.co.uk', 'official')];

  it('matches the host and its subdomains, the most specific rule winning', () => {
    expect(siteRuleFor('https://www.example.org/about', rules)?.type).toBe('charity');
    expect(siteRuleFor('https://forum.example.org/t/1', rules)?.type).toBe('peer');
    expect(siteRuleFor('https://a.forum.example.org/t/1', rules)?.type).toBe('peer');
    expect(siteRuleFor('https://www.mysurgery.co.uk/', rules)?.type).toBe('official');
  });

  it('never matches by substring', () => {
    expect(siteRuleFor('https://notexample.org/', rules)).toBeUndefined();
    expect(siteRuleFor('https://example.org.evil.com/', rules)).toBeUndefined();
    expect(siteRuleFor('not a url', rules)).toBeUndefined();
  });
});

describe('resolveSourceType', () => {
  const clip = { url: 'https://www.mysurgery.co.uk/leaflets/asthma', sourceVerdict: { type: 'unknown' as const } };

  it('prefers the page override, then the site rule, then the verdict', () => {
    const rules = [rule('mysurgery.co.uk', 'official')];
    expect(resolveSourceType({ ...clip, sourceOverride: 'peer' }, rules)).toMatchObject({ type: 'peer', decidedBy: 'page' });
    expect(resolveSourceType(clip, rules)).toMatchObject({ type: 'official', decidedBy: 'site', rule: rules[0] });
    expect(resolveSourceType(clip, [])).toEqual({ type: 'unknown', decidedBy: 'classifier' });
  });
});
