/**
 * Synthetic health clips, highlights and queries for the search benchmarks:
 * deterministic (clip i is the same on every run and machine), about 5 KB of
 * text each, with the tokens health search must handle (doses, numbers,
 * "type 2", HbA1c, UK and US spellings, lay and medical names).
 */
import type { Clip } from '../../lib/model/clip';
import type { Highlight } from '../../lib/model/highlight';
import { HIGHLIGHT_MEANINGS } from '../../lib/model/highlight-meanings';
import type { QualityFacts } from '../../lib/model/quality-facts';
import type { SourceType } from '../../lib/model/source-type';
import { mixSeed, mulberry32, pick, randomInt, ZipfSampler, type Random } from './synthetic-random';
import { americanSpellings, rankedVocabulary } from './synthetic-vocabulary';
import { COMMON_WORDS, HEALTH_TAGS, HEALTH_TOKENS, SPELLING_PAIRS, SYNONYM_PAIRS, TOPICS, type Topic } from './synthetic-words';

/** The text length the clips aim at, in characters (all ASCII, so also bytes). */
export const TARGET_TEXT_CHARS = 5_000;

const DEFAULT_SEED = 20_240_601;
const FIVE_YEARS_MS = 5 * 365.25 * 24 * 3600 * 1000;
const FIRST_SAVE_MS = Date.UTC(2021, 0, 1);
const GOLDEN = 0.6180339887498949;

interface Site {
  host: string;
  name: string;
  type: SourceType;
  section: string;
}

const SITES: readonly Site[] = [
  { host: 'healthservice', name: 'Health Service', type: 'official', section: 'conditions' },
  { host: 'publichealthagency', name: 'Public Health Agency', type: 'official', section: 'guidance' },
  { host: 'medicinesguide', name: 'Medicines Guide', type: 'official', section: 'medicines' },
  { host: 'heartcharity', name: 'Heart Charity', type: 'charity', section: 'information' },
  { host: 'diabetesfriends', name: 'Diabetes Friends', type: 'charity', section: 'guide-to-diabetes' },
  { host: 'lungsupport', name: 'Lung Support', type: 'charity', section: 'conditions' },
  { host: 'mindmatters', name: 'Mind Matters', type: 'charity', section: 'information-support' },
  { host: 'patientforum', name: 'Patient Forum', type: 'peer', section: 'threads' },
  { host: 'carersnetwork', name: 'Carers Network', type: 'peer', section: 'community' },
  { host: 'wellnessshop', name: 'Wellness Shop', type: 'commercial', section: 'products' },
  { host: 'privateclinic', name: 'Private Clinic', type: 'commercial', section: 'treatments' },
  { host: 'medicaljournal', name: 'Medical Journal', type: 'research', section: 'articles' },
  { host: 'trialsregistry', name: 'Trials Registry', type: 'research', section: 'studies' },
  { host: 'dailyhealthnews', name: 'Daily Health News', type: 'news', section: 'health' },
  { host: 'royalcollege', name: 'Royal College', type: 'other', section: 'patients' },
  { host: 'healthblog', name: 'Health Blog', type: 'unknown', section: 'posts' },
];

const TITLE_TEMPLATES: readonly ((name: string, lower: string) => string)[] = [
  (n) => n,
  (n) => `${n}: symptoms and treatment`,
  (_, l) => `Living with ${l}`,
  (n) => `${n} in children`,
  (_, l) => `Treating ${l}`,
  (n) => `${n} - overview`,
  (_, l) => `What is ${l}?`,
  (n) => `${n}: questions to ask your GP`,
];

const NOTE_TEMPLATES: readonly ((kw: string) => string)[] = [
  (kw) => `Ask the GP about ${kw} at the next appointment.`,
  (kw) => `Mum's ${kw} dose changed to 5 mg in March.`,
  (kw) => `Compare this ${kw} advice with the leaflet from the pharmacy.`,
  (kw) => `Useful for the ${kw} group on Thursday.`,
  (kw) => `Not sure this is right about ${kw}; check with the nurse.`,
];

let topicSampler: ZipfSampler | undefined;
let wordSampler: ZipfSampler | undefined;

function samplers(): { topic: ZipfSampler; word: ZipfSampler } {
  topicSampler ??= new ZipfSampler(TOPICS.length, 0.8);
  wordSampler ??= new ZipfSampler(rankedVocabulary().length, 1);
  return { topic: topicSampler, word: wordSampler };
}

function pickTopic(rng: Random): Topic {
  const topic = TOPICS[samplers().topic.sample(rng)];
  if (!topic) throw new Error('topic out of range');
  return topic;
}

/** Writes a word or phrase in the page's spelling. */
function spell(word: string | readonly [string, string], us: boolean): string {
  const uk = typeof word === 'string' ? word : word[0];
  if (!us) return uk;
  if (typeof word !== 'string') return word[1];
  return americanSpellings().get(uk) ?? uk;
}

function sentence(rng: Random, topic: Topic, us: boolean): string {
  const vocabulary = rankedVocabulary();
  const sampler = samplers().word;
  const n = randomInt(rng, 8, 22);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) {
    const word = rng() < 0.07 ? spell(pick(rng, topic.keywords), us) : spell(vocabulary[sampler.sample(rng)] ?? 'the', us);
    parts.push(k > 2 && k < n - 2 && rng() < 0.06 ? `${word},` : word);
  }
  const at = randomInt(rng, 1, n - 1);
  const extra = rng();
  if (extra < 0.3) parts.splice(at, 0, pick(rng, HEALTH_TOKENS));
  else if (extra < 0.34) parts.splice(at, 0, pick(rng, pick(rng, SYNONYM_PAIRS)));
  else if (extra < 0.39) parts.splice(at, 0, spell(pick(rng, SPELLING_PAIRS), us));
  const text = parts.join(' ');
  const end = rng();
  return text.charAt(0).toUpperCase() + text.slice(1) + (end < 0.9 ? '.' : end < 0.96 ? '?' : '!');
}

function paragraphs(rng: Random, topic: Topic, us: boolean): string[] {
  const target = randomInt(rng, Math.round(TARGET_TEXT_CHARS * 0.9), Math.round(TARGET_TEXT_CHARS * 1.08));
  const out: string[] = [];
  let length = 0;
  while (length < target) {
    const count = randomInt(rng, 2, 6);
    const sentences: string[] = [];
    for (let s = 0; s < count && length < target; s++) {
      const next = sentence(rng, topic, us);
      sentences.push(next);
      length += next.length + 1;
    }
    out.push(sentences.join(' '));
    length += 1;
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isoAt(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

function qualityFor(rng: Random, site: Site, savedMs: number): QualityFacts | undefined {
  if (rng() >= 0.4) return undefined;
  const reviewedMs = savedMs - randomInt(rng, 30, 900) * 86_400_000;
  const withReview = rng() < 0.7;
  return {
    referencesCount: site.type === 'research' ? randomInt(rng, 10, 60) : randomInt(rng, 0, 6),
    hasAdverts: site.type === 'commercial' || site.type === 'news',
    sponsorship: site.type === 'commercial' ? ['Sponsored by Wellness Ltd'] : [],
    charityNumbers: site.type === 'charity' ? [`England and Wales ${randomInt(rng, 200_000, 1_199_999)}`] : [],
    ...(withReview
      ? {
          lastReviewed: { date: isoAt(reviewedMs), source: 'text' as const, text: 'Page last reviewed' },
          nextReview: { date: isoAt(reviewedMs + 3 * 365 * 86_400_000), source: 'text' as const },
        }
      : {}),
  };
}

/** The tags a user gave clip i: none for about a third, else one to three. */
function tagsFor(rng: Random, topic: Topic): string[] {
  if (rng() < 0.35) return [];
  const pool = [...topic.tags, pick(rng, HEALTH_TAGS), pick(rng, HEALTH_TAGS)];
  const count = randomInt(rng, 1, 3);
  return [...new Set(pool.slice(0, count + 1))].slice(0, count);
}

/** Synthetic clip number i: a realistic ~5 KB health article clip that passes clipSchema. */
export function syntheticClip(i: number, seed = DEFAULT_SEED): Clip {
  const rng = mulberry32(mixSeed(seed, i));
  const topic = pickTopic(rng);
  const site = pick(rng, SITES);
  const us = rng() < 0.25;
  const paras = paragraphs(rng, topic, us);
  const contentText = paras.join('\n\n');
  const name = topic.name.split(' ').map((w) => spell(w, us)).join(' ');
  const title = pick(rng, TITLE_TEMPLATES)(name, name.toLowerCase());
  const slug = topic.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const canonicalUrl = `https://www.${site.host}.org.uk/${site.section}/${slug}-${i}`;
  const savedMs = FIRST_SAVE_MS + ((i * GOLDEN) % 1) * FIVE_YEARS_MS;
  const hasNote = rng() < 0.2;
  const note = hasNote ? pick(rng, NOTE_TEMPLATES)(spell(pick(rng, topic.keywords), us)) : '';
  const quality = qualityFor(rng, site, savedMs);
  const firstSentence = (paras[0] ?? '').split(/(?<=[.?!]) /)[0] ?? '';
  const overridden = site.type === 'unknown' && rng() < 0.3;
  return {
    id: `syn-${i}`,
    kind: 'article',
    url: rng() < 0.2 ? `${canonicalUrl}?utm_source=newsletter` : canonicalUrl,
    canonicalUrl,
    title,
    siteName: site.name,
    lang: us ? 'en-US' : 'en-GB',
    excerpt: firstSentence.slice(0, 200),
    ...(rng() < 0.5 ? { byline: `${site.name} editorial team` } : {}),
    ...(rng() < 0.6 ? { publishedAt: isoAt(savedMs - randomInt(rng, 10, 2_000) * 86_400_000) } : {}),
    savedAt: isoAt(savedMs),
    updatedAt: isoAt(hasNote ? savedMs + 3_600_000 : savedMs),
    contentHtml: paras.map((para) => `<p>${escapeHtml(para)}</p>`).join('\n'),
    contentText,
    tags: tagsFor(rng, topic),
    note,
    sourceVerdict: {
      type: site.type,
      confidence: Math.round((0.5 + rng() * 0.45) * 100) / 100,
      reasons: [`${site.name} is classed as ${site.type}.`],
      rule: `domain:${site.type}`,
    },
    ...(overridden ? { sourceOverride: 'peer' as const } : {}),
    signals: site.type === 'official' ? ['jsonld:MedicalWebPage'] : [],
    ...(quality ? { quality } : {}),
  };
}

/** One sentence of the clip's text near `from`, with its offsets. */
function sentenceAt(text: string, from: number): { start: number; end: number } | undefined {
  const boundary = text.indexOf('. ', from);
  if (boundary < 0) return undefined;
  const start = boundary + 2;
  const stop = text.slice(start).search(/[.?!]/);
  if (stop <= 0) return undefined;
  return { start, end: start + stop + 1 };
}

/** The highlights a user made on synthetic clip i: one or two for 1 clip in 4, none otherwise. */
export function syntheticHighlightsFor(clip: Clip, i: number): Highlight[] {
  const rng = mulberry32(mixSeed(0x4849, i));
  const text = clip.contentText ?? '';
  if (rng() >= 0.25 || text.length < 200) return [];
  const count = randomInt(rng, 1, 2);
  const out: Highlight[] = [];
  for (let k = 0; k < count; k++) {
    const at = sentenceAt(text, randomInt(rng, 0, text.length - 100));
    if (!at) continue;
    const exact = text.slice(at.start, at.end);
    const prefix = text.slice(Math.max(0, at.start - 32), at.start);
    const suffix = text.slice(at.end, at.end + 32);
    const createdAt = isoAt(Date.parse(clip.savedAt) + (k + 1) * 60_000);
    out.push({
      id: `${clip.id}-h${k}`,
      clipId: clip.id,
      canonicalUrl: clip.canonicalUrl,
      quote: { exact, prefix, suffix },
      position: at,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start: at.start, end: at.end },
      ],
      meaning: pick(rng, HIGHLIGHT_MEANINGS),
      note: rng() < 0.5 ? 'Ask about this at the review.' : '',
      createdAt,
      updatedAt: createdAt,
    });
  }
  return out;
}

/** The first queries are fixed examples; the rest are drawn like the clips' topics. */
const EXAMPLE_QUERIES = ['diabetes insulin', '5 mg', 'type 2 diabetes', 'heart attack', 'hba1c', 'paracetamol dose', 'anaemia iron', 'diab', 'breathl'];

function keywordOf(rng: Random, topic: Topic): string {
  return spell(pick(rng, topic.keywords), rng() < 0.1).toLowerCase();
}

function oneQuery(rng: Random): string {
  const topic = pickTopic(rng);
  const r = rng();
  if (r < 0.22) return keywordOf(rng, topic);
  if (r < 0.4) return `${keywordOf(rng, topic)} ${keywordOf(rng, topic)}`;
  if (r < 0.5) return topic.name.toLowerCase();
  if (r < 0.58) return pick(rng, HEALTH_TOKENS).toLowerCase();
  if (r < 0.62) return `${keywordOf(rng, topic)} dose`;
  if (r < 0.8) {
    const single = topic.keywords.map((k) => spell(k, false).toLowerCase()).filter((k) => /^[a-z]{5,}$/.test(k));
    const word = single.length ? pick(rng, single) : 'diabetes';
    const partial = word.slice(0, randomInt(rng, 4, word.length - 1));
    return rng() < 0.6 ? partial : `${keywordOf(rng, topic)} ${partial}`;
  }
  if (r < 0.9) return `${keywordOf(rng, topic)} ${pick(rng, COMMON_WORDS.slice(150, 400))}`;
  const rare = rankedVocabulary()[randomInt(rng, 450, 4_000)] ?? 'the';
  return rng() < 0.5 ? rare : `${keywordOf(rng, topic)} ${rare}`;
}

/** `count` realistic search-box queries of one to three words, most of which match some clip. */
export function syntheticQueries(count: number, seed = DEFAULT_SEED): string[] {
  const rng = mulberry32(mixSeed(seed, 0x5155));
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const q = k < EXAMPLE_QUERIES.length ? (EXAMPLE_QUERIES[k] ?? '') : oneQuery(rng);
    out.push(q.split(' ').slice(0, 3).join(' '));
  }
  return out;
}
