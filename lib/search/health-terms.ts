/**
 * Small bundled vocabularies that make search understand health writing.
 * Every entry is written as people write it; `normalise.ts` puts each side
 * through the same pipeline as the text, so spelling and plurals line up.
 */

/** British spellings that are not caught by the rules in `normalise.ts`, with their American form. */
export const SPELLING_WORDS: Readonly<Record<string, string>> = {
  tumour: 'tumor',
  tumours: 'tumors',
  behaviour: 'behavior',
  behaviours: 'behaviors',
  behavioural: 'behavioral',
  colour: 'color',
  labour: 'labor',
  odour: 'odor',
  vigour: 'vigor',
  humour: 'humor',
  favour: 'favor',
  centre: 'center',
  centres: 'centers',
  litre: 'liter',
  litres: 'liters',
  millilitre: 'milliliter',
  millilitres: 'milliliters',
  fibre: 'fiber',
  metre: 'meter',
  metres: 'meters',
  theatre: 'theater',
  programme: 'program',
  programmes: 'programs',
  grey: 'gray',
  mould: 'mold',
  aluminium: 'aluminum',
  ageing: 'aging',
  sulphate: 'sulfate',
  sulphur: 'sulfur',
  manoeuvre: 'maneuver',
  plough: 'plow',
  draught: 'draft',
  catalogue: 'catalog',
  dialogue: 'dialog',
  counselling: 'counseling',
  travelling: 'traveling',
  labelling: 'labeling',
  modelling: 'modeling',
  signalling: 'signaling',
  defence: 'defense',
  licence: 'license',
  offence: 'offense',
  practise: 'practice',
  jewellery: 'jewelry',
  pyjamas: 'pajamas',
  moustache: 'mustache',
  cheque: 'check',
  tyre: 'tire',
};

/**
 * Word parts spelled differently in British and American medical writing,
 * replaced wherever they appear in a word ("haemoglobin", "anaesthetic",
 * "oesophagus", "paediatric", "leukaemia"). Order matters: longer first.
 */
export const SPELLING_PARTS: readonly (readonly [string, string])[] = [
  ['diarrhoe', 'diarrhe'],
  ['dyspnoe', 'dyspne'],
  ['apnoe', 'apne'],
  ['oesophag', 'esophag'],
  ['oestro', 'estro'],
  ['oestra', 'estra'],
  ['oedem', 'edem'],
  ['coeliac', 'celiac'],
  ['foetus', 'fetus'],
  ['foetal', 'fetal'],
  ['gynaec', 'gynec'],
  ['caesar', 'cesar'],
  ['anaes', 'anes'],
  ['paed', 'ped'],
  ['haem', 'hem'],
  ['aemia', 'emia'],
  ['aemic', 'emic'],
  ['ischaem', 'ischem'],
  ['orthopaed', 'orthoped'],
  ['encyclopaed', 'encycloped'],
  ['leukaem', 'leukem'],
  ['septicaem', 'septicem'],
  ['glycaem', 'glycem'],
  ['anaem', 'anem'],
];

/** One word that means the same as another: both are indexed and searched as the second. */
export const WORD_SYNONYMS: readonly (readonly [string, string])[] = [
  ['acetaminophen', 'paracetamol'],
  ['tylenol', 'paracetamol'],
  ['epinephrine', 'adrenaline'],
  ['norepinephrine', 'noradrenaline'],
  ['albuterol', 'salbutamol'],
  ['meperidine', 'pethidine'],
  ['frusemide', 'furosemide'],
  ['lignocaine', 'lidocaine'],
  ['amoxycillin', 'amoxicillin'],
  ['cyclosporine', 'ciclosporin'],
  ['cyclosporin', 'ciclosporin'],
  ['nitroglycerin', 'gtn'],
  ['nitroglycerine', 'gtn'],
  ['flu', 'influenza'],
  ['varicella', 'chickenpox'],
  ['rubella', 'german-measles'],
  ['pertussis', 'whooping-cough'],
  ['hypertension', 'high-blood-pressure'],
  ['hypotension', 'low-blood-pressure'],
  ['mi', 'heart-attack'],
];

/**
 * Phrases that name one thing, with the word they are searched as. The words
 * of a phrase are indexed as usual too; the phrase adds one token so that
 * "heart attack" finds "myocardial infarction" and the other way round.
 */
export const PHRASE_SYNONYMS: readonly (readonly [string, string])[] = [
  ['heart attack', 'heart-attack'],
  ['myocardial infarction', 'heart-attack'],
  ['high blood pressure', 'high-blood-pressure'],
  ['raised blood pressure', 'high-blood-pressure'],
  ['low blood pressure', 'low-blood-pressure'],
  ['cerebrovascular accident', 'stroke'],
  ['german measles', 'german-measles'],
  ['whooping cough', 'whooping-cough'],
  ['chicken pox', 'chickenpox'],
  ['herpes zoster', 'shingles'],
  ['glandular fever', 'mononucleosis'],
  ['glyceryl trinitrate', 'gtn'],
  ['chronic obstructive pulmonary disease', 'copd'],
  ['attention deficit hyperactivity disorder', 'adhd'],
  ['urinary tract infection', 'uti'],
  ['deep vein thrombosis', 'dvt'],
  ['pulmonary embolism', 'pe'],
  ['irritable bowel syndrome', 'ibs'],
  ['inflammatory bowel disease', 'ibd'],
  ['chronic kidney disease', 'ckd'],
  ['motor neurone disease', 'mnd'],
  ['motor neuron disease', 'mnd'],
  ['amyotrophic lateral sclerosis', 'mnd'],
  ['multiple sclerosis', 'ms'],
  ['blood sugar', 'blood-glucose'],
  ['blood glucose', 'blood-glucose'],
  ['water tablet', 'diuretic'],
  ['water pill', 'diuretic'],
  ['a and e', 'emergency-department'],
  ['accident and emergency', 'emergency-department'],
  ['emergency room', 'emergency-department'],
  ['emergency department', 'emergency-department'],
];

/** Words that take a number after them and mean something only with it ("type 2", "stage 3"). */
export const NUMBER_QUALIFIERS: ReadonlySet<string> = new Set([
  'type', 'stage', 'grade', 'step', 'level', 'class', 'phase', 'tier', 'category', 'covid', 'nhs', 'week', 'day', 'vitamin', 'factor', 'trisomy',
]);

/** Units written after a number ("5 mg", "2 weeks"), with the form they are kept under. */
export const UNITS: Readonly<Record<string, string>> = {
  mg: 'mg', milligram: 'mg', milligrams: 'mg',
  mcg: 'mcg', µg: 'mcg', ug: 'mcg', microgram: 'mcg', micrograms: 'mcg',
  g: 'g', gram: 'g', grams: 'g', gm: 'g',
  kg: 'kg', kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg',
  ml: 'ml', millilitre: 'ml', millilitres: 'ml', milliliter: 'ml', milliliters: 'ml',
  l: 'l', litre: 'l', litres: 'l', liter: 'l', liters: 'l',
  mmol: 'mmol', mol: 'mol', iu: 'iu', unit: 'unit', units: 'unit',
  '%': '%', percent: '%', per: 'per',
  mm: 'mm', cm: 'cm', mmhg: 'mmhg', bpm: 'bpm', kcal: 'kcal', calorie: 'kcal', calories: 'kcal',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour', h: 'hour',
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  day: 'day', days: 'day', week: 'week', weeks: 'week', wk: 'week', wks: 'week',
  month: 'month', months: 'month', year: 'year', years: 'year', yr: 'year', yrs: 'year',
  time: 'time', times: 'time', tablet: 'tablet', tablets: 'tablet', capsule: 'capsule', capsules: 'capsule',
  dose: 'dose', doses: 'dose', puff: 'puff', puffs: 'puff', drop: 'drop', drops: 'drop', sachet: 'sachet', sachets: 'sachet',
};

/** Words too common to help a search; they are left out of the index unless a query is made only of them. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for from has have if in into is it its of on or so such that the their then there these they this to was were will with you your our we us i he she his her them than been being do does did not no can could would should may might must which who whom what when where how also about any all more most other some very just only'.split(' '),
);
