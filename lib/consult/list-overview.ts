import type { Collection, Prescription, ReadingList } from '../model/collection';

/** A prescription template with the copies issued from it, newest first. */
export interface TemplateWithCopies {
  template: Prescription;
  issued: Prescription[];
}

/** The "Appointments and prescriptions" page, grouped the way it is shown. */
export interface ListsOverview {
  /** Reading lists still being prepared, most recently changed first. */
  open: ReadingList[];
  /** Reading lists kept as dated records, most recently kept first. */
  records: ReadingList[];
  templates: TemplateWithCopies[];
  /** Issued copies whose template has been deleted. */
  orphans: Prescription[];
}

const newestFirst = (a: string | undefined, b: string | undefined) => (b ?? '').localeCompare(a ?? '');

/** Sorts collections into open lists, records, templates with their issued copies, and copies without a template. */
export function groupLists(collections: readonly Collection[]): ListsOverview {
  const open: ReadingList[] = [];
  const records: ReadingList[] = [];
  const templates: Prescription[] = [];
  const issued: Prescription[] = [];
  for (const c of collections) {
    if (c.kind === 'reading-list') (c.recordedAt ? records : open).push(c);
    else if (c.kind === 'prescription') (c.isTemplate ? templates : issued).push(c);
  }
  open.sort((a, b) => newestFirst(a.updatedAt, b.updatedAt));
  records.sort((a, b) => newestFirst(a.recordedAt, b.recordedAt));
  templates.sort((a, b) => a.title.localeCompare(b.title));
  issued.sort((a, b) => newestFirst(a.issuedAt ?? a.createdAt, b.issuedAt ?? b.createdAt));
  const ids = new Set(templates.map((t) => t.id));
  return {
    open,
    records,
    templates: templates.map((template) => ({ template, issued: issued.filter((p) => p.templateId === template.id) })),
    orphans: issued.filter((p) => !p.templateId || !ids.has(p.templateId)),
  };
}
