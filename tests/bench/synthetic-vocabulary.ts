/**
 * The ranked vocabulary the synthetic clips draw from: common English first,
 * then real health words, then generated medical terms and drug names mixed
 * with some pseudo-words, then pronounceable pseudo-words for the long tail (about 25,000 words in
 * all). Built once, lazily, from a fixed seed: the same on every run.
 */
import { mulberry32, pick, randomInt, shuffled, type Random } from './synthetic-random';
import { COMMON_WORDS, HEALTH_WORDS, SPELLING_PAIRS } from './synthetic-words';

/** How many distinct words the vocabulary holds. */
export const VOCABULARY_SIZE = 25_000;

const ROOTS = words('cardi gastr neur hepat nephr derm oste arthr my haemat pulmon enter col cyst encephal angi lymph thyr aden rhin ot ophthalm laryng pharyng bronch pneum splen pancreat cholecyst hyster mast prostat ur vas phleb chondr spondyl fibr lip carcin sarc');
const SUFFIXES = words('itis osis ology ectomy opathy algia oma ic ogram oscopy oplasty otomy ostomy ocele');
const DRUG_HEADS = words('ram lisino enala peri cande losa valsa irbe ateno biso propra meto simva atorva rosua prava omep lansop esomep pantop amoxi flucloxa clari ciprof levof rani famo diaz loraz tema suma zolmi rizat sita lina dapa empa canagli amlo nife felo enoxa dalte tinza acic valacic osel ritu adali inf etaner imati dasa nilo');
const DRUG_STEMS = words('pril sartan olol statin prazole cillin mycin floxacin tidine azepam triptan gliptin gliflozin dipine parin vir mab tinib');
const ONSETS = words('b br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sc sh sl sm sn sp st str t th tr v w wh z');
const VOWELS = words('a e i o u ai ea ee ie oa ou oo ay');
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng', 'th', 'rn', 'lt', 'x'];

function words(s: string): string[] {
  return s.trim().split(/\s+/);
}

function pseudoWord(rng: Random): string {
  const syllables = randomInt(rng, 2, 3);
  let w = '';
  for (let s = 0; s < syllables; s++) {
    w += (s === 0 || rng() < 0.8 ? pick(rng, ONSETS) : '') + pick(rng, VOWELS) + (s === syllables - 1 || rng() < 0.3 ? pick(rng, CODAS) : '');
  }
  return w;
}

let cached: readonly string[] | undefined;

/** The vocabulary, most frequent word first. */
export function rankedVocabulary(): readonly string[] {
  if (cached) return cached;
  const rng = mulberry32(0x5eed_0001);
  const seen = new Set<string>();
  const unique = (list: readonly string[]): string[] => {
    const out: string[] = [];
    for (const w of list) {
      if (!seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
    }
    return out;
  };
  const common = unique(COMMON_WORDS);
  const health = unique([...HEALTH_WORDS, ...SPELLING_PAIRS.map(([uk]) => uk)]);
  const medical = unique(ROOTS.flatMap((r) => SUFFIXES.map((s) => (/[aeiou]$/.test(r) && /^[aeiou]/.test(s) ? r.slice(0, -1) : r) + s)));
  const drugs = unique(DRUG_HEADS.flatMap((h) => DRUG_STEMS.map((s) => h + s)));
  const pseudo: string[] = [];
  const needed = VOCABULARY_SIZE - seen.size;
  while (pseudo.length < needed) {
    const w = pseudoWord(rng);
    if (!seen.has(w)) {
      seen.add(w);
      pseudo.push(w);
    }
  }
  cached = [
    ...common,
    ...shuffled(rng, health),
    ...shuffled(rng, [...medical, ...drugs, ...pseudo.slice(0, 1_000)]),
    ...pseudo.slice(1_000),
  ];
  return cached;
}

let usSpelling: ReadonlyMap<string, string> | undefined;

/** British word → American spelling, for clips from American-spelling pages. */
export function americanSpellings(): ReadonlyMap<string, string> {
  usSpelling ??= new Map(SPELLING_PAIRS.map(([uk, us]) => [uk, us]));
  return usSpelling;
}
