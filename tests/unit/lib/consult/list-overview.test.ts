import { describe, expect, it } from 'vitest';
import { groupLists } from '../../../../lib/consult/list-overview';
import { collectionSchema, type Collection } from '../../../../lib/model/collection';

const make = (input: Record<string, unknown>): Collection =>
  collectionSchema.parse({ title: String(input.id), createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...input });

describe('groupLists', () => {
  it('separates open lists, dated records, templates with their issued copies, and copies without a template', () => {
    const all = [
      make({ id: 'open-old', kind: 'reading-list', updatedAt: '2026-02-01T00:00:00Z' }),
      make({ id: 'open-new', kind: 'reading-list', updatedAt: '2026-03-01T00:00:00Z' }),
      make({ id: 'rec-old', kind: 'reading-list', recordedAt: '2026-01-05T00:00:00Z' }),
      make({ id: 'rec-new', kind: 'reading-list', recordedAt: '2026-02-05T00:00:00Z' }),
      make({ id: 'tpl-b', kind: 'prescription', title: 'Type 2 diabetes' }),
      make({ id: 'tpl-a', kind: 'prescription', title: 'Asthma' }),
      make({ id: 'copy-1', kind: 'prescription', isTemplate: false, templateId: 'tpl-b', issuedAt: '2026-02-01T00:00:00Z' }),
      make({ id: 'copy-2', kind: 'prescription', isTemplate: false, templateId: 'tpl-b', issuedAt: '2026-03-01T00:00:00Z' }),
      make({ id: 'copy-lost', kind: 'prescription', isTemplate: false, templateId: 'gone', issuedAt: '2026-03-01T00:00:00Z' }),
      make({ id: 'plain', kind: 'collection' }),
    ];
    const g = groupLists(all);
    expect(g.open.map((c) => c.id)).toEqual(['open-new', 'open-old']);
    expect(g.records.map((c) => c.id)).toEqual(['rec-new', 'rec-old']);
    expect(g.templates.map((t) => [t.template.id, t.issued.map((c) => c.id)])).toEqual([
      ['tpl-a', []],
      ['tpl-b', ['copy-2', 'copy-1']],
    ]);
    expect(g.orphans.map((c) => c.id)).toEqual(['copy-lost']);
  });

  it('is empty for an empty library', () => {
    expect(groupLists([])).toEqual({ open: [], records: [], templates: [], orphans: [] });
  });
});
