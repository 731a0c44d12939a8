import type { BackupSettings } from '../../lib/exchange/backup';
import type { Clip } from '../../lib/model/clip';
import type { Collection } from '../../lib/model/collection';
import type { Highlight } from '../../lib/model/highlight';
import type { SiteRule } from '../../lib/model/source-type';

/** A small library with one of everything a backup must keep: the shapes the repository stores. */
export interface SampleLibrary {
  siteRules: SiteRule[];
  collections: Collection[];
  highlights: Highlight[];
  clips: Clip[];
}

const NHS = 'https://www.nhs.uk/conditions/type-2-diabetes/';
const FORUM = 'https://forum.diabetes.org.uk/boards/threads/hba1c-went-up.98765/';

/** An article clip with content, quality facts, an override and a fallback note, a passage and a link. */
export function sampleClips(): Clip[] {
  return [
    {
      id: 'clip-nhs',
      kind: 'article',
      url: `${NHS}?utm_source=newsletter`,
      canonicalUrl: NHS,
      title: 'Type 2 diabetes',
      byline: 'NHS website',
      siteName: 'nhs.uk',
      lang: 'en',
      excerpt: 'Find out about type 2 diabetes.',
      modifiedAt: '2024-05-14T09:12:40.000Z',
      savedAt: '2026-01-10T09:00:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
      contentHtml: '<h2>Overview</h2><p>Type 2 diabetes is a common condition. An <strong>HbA1c</strong> test shows your average blood sugar.</p>',
      contentText: 'Overview\nType 2 diabetes is a common condition. An HbA1c test shows your average blood sugar.',
      tags: ['diabetes', 'type 2'],
      note: 'Ask the nurse about targets — “below 48”?',
      sourceVerdict: {
        type: 'official',
        confidence: 0.95,
        reasons: ['nhs.uk is the NHS website.'],
        rule: 'domain:official',
        list: 'official v1',
        supporting: ['The page says when it was last reviewed.'],
        facets: { subtype: 'health service' },
      },
      signals: ['jsonld:MedicalWebPage', 'evidence:review-date'],
      quality: {
        lastReviewed: { date: '2023-08-18T00:00:00.000Z', source: 'text', text: 'Page last reviewed: 18 August 2023' },
        nextReview: { date: '2026-08-18T00:00:00.000Z', source: 'text' },
        referencesCount: 0,
        hasAdverts: false,
        sponsorship: [],
        charityNumbers: [],
      },
    },
    {
      id: 'clip-forum',
      kind: 'selection',
      url: FORUM,
      canonicalUrl: FORUM,
      title: 'HbA1c went up | Diabetes UK Forum',
      savedAt: '2026-01-12T20:30:00.000Z',
      updatedAt: '2026-01-12T20:30:00.000Z',
      contentText: 'Mine went from 52 to 58 over Christmas.',
      quote: { exact: 'Mine went from 52 to 58 over Christmas.', prefix: 'Reply #3 ', suffix: ' Anyone else?' },
      tags: ['peer'],
      note: '',
      sourceVerdict: { type: 'peer', confidence: 0.8, reasons: ['This is a forum thread.'] },
      sourceOverride: 'charity',
      signals: [],
    },
    {
      id: 'clip-link',
      kind: 'link',
      url: 'https://www.nice.org.uk/guidance/ng28',
      canonicalUrl: 'https://www.nice.org.uk/guidance/ng28',
      title: 'Type 2 diabetes in adults: management (NG28)',
      savedAt: '2025-12-01T08:00:00.000Z',
      updatedAt: '2025-12-01T08:00:00.000Z',
      fallback: { reason: 'timed-out', message: 'The page took too long; only the link was saved.' },
      tags: [],
      note: 'For the GP',
      sourceVerdict: { type: 'official', confidence: 0.9, reasons: ['nice.org.uk is a government body.'] },
      signals: [],
    },
  ];
}

export function sampleHighlights(): Highlight[] {
  return [
    {
      id: 'hl-1',
      clipId: 'clip-nhs',
      canonicalUrl: NHS,
      quote: { exact: 'HbA1c', prefix: 'An ', suffix: ' test shows' },
      position: { start: 52, end: 57 },
      selectors: [
        { type: 'TextQuoteSelector', exact: 'HbA1c', prefix: 'An ', suffix: ' test shows' },
        { type: 'TextPositionSelector', start: 52, end: 57 },
      ],
      meaning: 'question',
      note: 'What is mine?',
      createdAt: '2026-01-10T09:05:00.000Z',
      updatedAt: '2026-01-10T09:05:00.000Z',
      lastSeen: { status: 'changed', at: '2026-02-01T10:00:00.000Z', changedText: 'HbA1c blood test' },
    },
    {
      id: 'hl-2',
      clipId: 'clip-forum',
      canonicalUrl: FORUM,
      quote: { exact: 'over Christmas', prefix: '52 to 58 ', suffix: '.' },
      meaning: 'this-is-me',
      note: '',
      createdAt: '2026-01-12T20:31:00.000Z',
      updatedAt: '2026-01-12T20:31:00.000Z',
    },
  ];
}

export function sampleCollections(): Collection[] {
  return [
    {
      kind: 'reading-list',
      id: 'list-1',
      title: 'Diabetes review in March',
      description: '',
      items: [
        { id: 'item-1', clipId: 'clip-nhs', note: 'Targets', private: false },
        { id: 'item-2', clipId: 'clip-nhs', highlightId: 'hl-1', note: '', private: true },
      ],
      questions: [{ id: 'q-1', text: 'What are my options?', origin: 'starter', answered: false, answer: '' }],
      whatMatters: 'Keep cycling to work.',
      appointment: { date: '2026-03-03', with: 'Practice nurse', medicines: 'Metformin 500 mg twice a day' },
      createdAt: '2026-01-13T10:00:00.000Z',
      updatedAt: '2026-01-14T10:00:00.000Z',
    },
    {
      kind: 'prescription',
      id: 'rx-1',
      title: 'Newly diagnosed type 2 diabetes',
      description: 'Start here',
      items: [{ id: 'item-3', clipId: 'clip-link', note: 'The guideline your care follows.', private: false }],
      condition: 'Type 2 diabetes',
      prescriber: { service: 'Riverside Surgery', clinician: 'Dr A Patel', contact: '01234 567890' },
      support: [{ id: 's-1', name: 'Diabetes UK helpline', contact: '0345 123 2399', note: 'Mon–Fri 9am–6pm' }],
      isTemplate: true,
      createdAt: '2026-01-02T10:00:00.000Z',
      updatedAt: '2026-01-02T10:00:00.000Z',
    },
    { kind: 'collection', id: 'col-1', title: 'Group favourites', description: '', items: [], createdAt: '2026-01-03T10:00:00.000Z', updatedAt: '2026-01-03T10:00:00.000Z' },
  ];
}

export function sampleSiteRules(): SiteRule[] {
  return [{ host: 'mysurgery.co.uk', type: 'official', note: 'my GP practice', createdAt: '2026-01-05T10:00:00.000Z' }];
}

export function sampleLibrary(): SampleLibrary {
  return { siteRules: sampleSiteRules(), collections: sampleCollections(), highlights: sampleHighlights(), clips: sampleClips() };
}

export function sampleSettings(): BackupSettings {
  return {
    annotatePages: true,
    autoHighlights: false,
    annotateHiddenHosts: ['bbc.co.uk'],
    rulePacks: [
      {
        format: 'health-clipper-rule-pack',
        formatVersion: 1,
        name: 'Riverside diabetes group',
        version: '2026-11',
        rules: [{ host: 'riversidediabetes.org.uk', type: 'charity', note: 'Our local support group' }],
      },
    ],
    prescriber: { service: 'Riverside Surgery', clinician: 'Dr A Patel', contact: '01234 567890' },
  };
}

/** A clip like a saved article of about `size` characters, numbered, for large-library runs. */
export function bulkClip(n: number, size = 4_000): Clip {
  const url = `https://www.example-health.org/articles/${n}/`;
  const text = `Article ${n}. `.padEnd(size, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. ');
  return {
    id: `bulk-${String(n).padStart(6, '0')}`,
    kind: 'article',
    url,
    canonicalUrl: url,
    title: `Article number ${n}`,
    savedAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
    contentHtml: `<p>${text}</p>`,
    contentText: text,
    tags: [`tag-${n % 20}`],
    note: n % 3 ? '' : `Note ${n}`,
    sourceVerdict: { type: 'unknown', confidence: 0.2, reasons: ['We do not know example-health.org yet.'] },
    signals: [],
  };
}
