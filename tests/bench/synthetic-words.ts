/**
 * Word lists for the synthetic clips: common English, real health terms,
 * UK/US spelling pairs, health tokens (doses, numbers) and topics. The long
 * tail of the vocabulary is generated in synthetic-vocabulary.ts.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** About 400 of the most frequent English words, most frequent first (roughly). */
export const COMMON_WORDS = words(`
the of and to a in is you that it for are on with as be this or your can if have at by not
from they will may some but more an about what which when do there their all people has other
one so it's its also most how who been should them would than these into any out up get many
need like were such time our each help because after only over feel see often usually make
could then some very well before without between much take find we us my me i he she his her
him two first new way can't don't long way even around through back still while same used
where few both those every different know good day days own part just life years year last
care able important common treatment symptoms health doctor later early side better possible
within however might must long again right think next ask live something life keep look want
work home family small large high low less least more best away change help taking start
stop tell give show said says call come down going go made make does did doing being having
under during against among until since though although whether either neither nor yet
already always never sometimes soon now today here there why whose whom once twice three four
five six seven eight nine ten hundred thousand several enough quite rather really almost
including include includes especially usually normally generally likely unlikely probably
certain sure clear simple easy hard difficult short full whole half main major minor
general specific particular recent current local national public private free available
children child adults adult women men woman man person baby babies young older old age
school friends friend partner carer carers parents mother father pregnant pregnancy body
mind brain eyes eye ears skin hair hands hand feet foot legs leg arms arm back chest
stomach heart blood bones muscles joints teeth mouth throat nose lungs liver kidneys bladder
water food drink eat eating drinking sleep sleeping exercise walking weight diet alcohol
smoking stress pain problem problems condition conditions risk risks signs test tests result
results information advice support service services team nurse nurses pharmacist hospital
clinic appointment appointments emergency urgent medicine medicines tablets tablet dose
doses daily weekly monthly morning night evening week weeks month months hour hours minute
minutes number numbers level levels rate amount type types form forms kind kinds cause causes
effect effects reason reasons question questions answer answers example examples place places
area areas group groups case cases plan plans programme choice choices option options
level point points line lines thing things word words page pages site website online phone
contact contacts read reading write writing speak talk talking listen understand learn
try trying use using help helping manage managing treat treated treating check checking
checked feel feeling felt hurt worse worsen improve improving reduce reducing increase
increasing prevent preventing avoid avoiding continue continuing follow following
`);

/** About 300 real health words: conditions, drugs, tests, body parts and symptoms. */
export const HEALTH_WORDS = words(`
diabetes insulin glucose sugar asthma inhaler eczema psoriasis arthritis osteoarthritis gout
migraine headache dementia alzheimer's parkinson's epilepsy seizure seizures stroke
hypertension cholesterol statin statins metformin gliclazide aspirin ibuprofen codeine
morphine naproxen omeprazole lansoprazole amoxicillin penicillin antibiotics antibiotic
antidepressant antidepressants sertraline citalopram fluoxetine mirtazapine amitriptyline
gabapentin pregabalin levothyroxine thyroid warfarin apixaban rivaroxaban heparin
anticoagulant clot clots thrombosis embolism angina arrhythmia fibrillation palpitations
breathlessness breathless wheezing cough coughing sputum pneumonia bronchitis copd emphysema
tuberculosis influenza flu covid vaccine vaccines vaccination immunisation measles mumps
rubella chickenpox shingles herpes hepatitis hiv cancer tumour tumours chemotherapy
radiotherapy biopsy screening mammogram smear colonoscopy endoscopy scan mri ultrasound x-ray
ecg blood-test cholesterol triglycerides kidney renal dialysis urine urinary incontinence
prostate psa menopause hrt contraception contraceptive pill coil fertility ivf miscarriage
labour caesarean breastfeeding newborn infant toddler asthma allergy allergies anaphylaxis
adrenaline epipen hay-fever rash itching hives fever temperature infection infections virus
viral bacterial sepsis dehydration vomiting nausea constipation bloating ibs coeliac
crohn's colitis gallstones appendicitis hernia reflux heartburn indigestion ulcer obesity
bmi cholesterol dietitian physiotherapy physiotherapist occupational therapist surgeon
surgery operation anaesthetic recovery rehabilitation stitches wound dressing fracture
sprain osteoporosis calcium vitamin vitamins folic iron b12 deficiency fatigue tiredness
insomnia anxiety depression panic bipolar schizophrenia psychosis counselling cbt therapy
self-harm suicide wellbeing mindfulness autism adhd dyslexia learning disability hearing
tinnitus vertigo dizziness glaucoma cataract cataracts macular retina conjunctivitis
sinusitis tonsillitis earache dental gum gums toothache mouthwash smoking vaping nicotine
patches cessation alcohol units liver cirrhosis fatty pancreas pancreatitis insulin-pump
hypoglycaemia hyperglycaemia ketoacidosis neuropathy retinopathy nephropathy foot ulcers
amputation circulation varicose veins stockings cellulitis impetigo scabies lice thrush
cystitis chlamydia gonorrhoea syphilis sexual consent referral gp pharmacy prescription
prescriptions repeat side-effects interactions overdose allergy contraindication dosage
milligrams grams millilitres syringe injection injections infusion drip oxygen ventilator
cpap apnoea snoring steroid steroids prednisolone hydrocortisone cream ointment emollient
antihistamine cetirizine loratadine salbutamol beclometasone spacer peak-flow nebuliser
`);

/** British and American spellings of the same word: the first is British. */
export const SPELLING_PAIRS: readonly (readonly [string, string])[] = [
  ['anaemia', 'anemia'],
  ['haemoglobin', 'hemoglobin'],
  ['oesophagus', 'esophagus'],
  ['paediatric', 'pediatric'],
  ['oedema', 'edema'],
  ['diarrhoea', 'diarrhea'],
  ['haemorrhage', 'hemorrhage'],
  ['foetus', 'fetus'],
  ['leukaemia', 'leukemia'],
  ['oestrogen', 'estrogen'],
  ['orthopaedic', 'orthopedic'],
  ['haematology', 'hematology'],
  ['anaesthesia', 'anesthesia'],
  ['behaviour', 'behavior'],
  ['colour', 'color'],
  ['centre', 'center'],
  ['tumour', 'tumor'],
  ['litre', 'liter'],
  ['paracetamol', 'acetaminophen'],
  ['haemorrhoids', 'hemorrhoids'],
];

/** Phrases with the same meaning that search should treat alike: the first is the plain one. */
export const SYNONYM_PAIRS: readonly (readonly [string, string])[] = [
  ['heart attack', 'myocardial infarction'],
  ['high blood pressure', 'hypertension'],
  ['stroke', 'cerebrovascular accident'],
  ['kidney', 'renal'],
  ['water tablets', 'diuretics'],
  ['family doctor', 'general practitioner'],
];

/** Tokens that generic tokenisers mangle: doses, units, numbers, codes. */
export const HEALTH_TOKENS = [
  '5 mg', '500mg', '2.5 ml', '10 mg', '20mg', '40 mg', '1 g', '400 micrograms', '0.5 ml',
  '75mg', '250 mg', '5ml', '111', '999', '1 in 10', '1 in 4', '1 in 100', '2 weeks',
  '6 weeks', '3 months', '24 hours', '48 hours', '7 days', 'type 1', 'type 2', 'HbA1c',
  'COVID-19', 'BMI 30', '140/90', '48 mmol/mol', '37.5C', 'B12', 'vitamin D', 'stage 3',
  'grade 2', 'NICE NG28', 'A&E', 'Category 2', 'age 65', '12 years',
] as const;

/** A clip topic: what the page is about, the words it repeats and the tags a user gives it. */
export interface Topic {
  name: string;
  /** Words the page repeats; `[uk, us]` pairs follow the page's spelling. */
  keywords: readonly (string | readonly [string, string])[];
  tags: readonly string[];
}

const p = (i: number): readonly [string, string] => {
  const pair = SPELLING_PAIRS[i];
  if (!pair) throw new Error(`no spelling pair ${i}`);
  return pair;
};

/** About 40 topics, most common first. */
export const TOPICS: readonly Topic[] = [
  { name: 'Type 2 diabetes', keywords: ['diabetes', 'insulin', 'glucose', 'metformin', 'HbA1c', 'type 2', 'sugar', 'gliclazide'], tags: ['diabetes', 'type 2'] },
  { name: 'High blood pressure', keywords: ['hypertension', 'blood pressure', 'ramipril', 'amlodipine', 'salt', '140/90', 'stroke'], tags: ['blood pressure', 'heart'] },
  { name: 'Asthma', keywords: ['asthma', 'inhaler', 'wheezing', 'salbutamol', 'breathlessness', 'spacer', 'peak-flow'], tags: ['asthma', 'lungs'] },
  { name: 'Depression', keywords: ['depression', 'antidepressants', 'sertraline', 'counselling', 'cbt', 'mood', 'wellbeing'], tags: ['mental health', 'depression'] },
  { name: 'Heart attack', keywords: ['heart attack', 'myocardial infarction', 'chest pain', 'aspirin', 'angina', 'statins', '999'], tags: ['heart', 'emergency'] },
  { name: 'Iron deficiency anaemia', keywords: [p(0), p(1), 'iron', 'tiredness', 'ferritin', 'ferrous sulfate', 'fatigue'], tags: ['anaemia', 'blood'] },
  { name: 'Pain relief', keywords: [p(18), 'ibuprofen', 'codeine', 'dose', '500mg', 'painkillers', 'overdose'], tags: ['painkillers', 'medicines'] },
  { name: 'Anxiety', keywords: ['anxiety', 'panic', 'worry', 'breathing', 'cbt', 'sertraline', 'mindfulness'], tags: ['mental health', 'anxiety'] },
  { name: 'Type 1 diabetes', keywords: ['diabetes', 'insulin', 'type 1', 'hypoglycaemia', 'ketoacidosis', 'insulin-pump', 'glucose'], tags: ['diabetes', 'type 1'] },
  { name: 'COPD', keywords: ['copd', 'breathlessness', 'emphysema', 'inhaler', 'oxygen', 'smoking', 'sputum'], tags: ['lungs', 'copd'] },
  { name: 'Dementia', keywords: ['dementia', "alzheimer's", 'memory', 'carers', 'confusion', 'donepezil'], tags: ['dementia', 'carers'] },
  { name: 'Childhood fever', keywords: ['fever', 'temperature', p(3), p(18), 'ibuprofen', 'child', '111'], tags: ['children', 'fever'] },
  { name: 'Atrial fibrillation', keywords: ['fibrillation', 'palpitations', 'apixaban', 'warfarin', 'stroke', 'heart rate', 'ecg'], tags: ['heart', 'anticoagulants'] },
  { name: 'Menopause', keywords: ['menopause', 'hrt', p(9), 'hot flushes', 'osteoporosis', 'periods'], tags: ['menopause', 'women'] },
  { name: 'Eczema', keywords: ['eczema', 'emollient', 'itching', 'steroid', 'cream', 'rash', 'skin'], tags: ['skin', 'eczema'] },
  { name: 'Kidney disease', keywords: ['kidney', 'renal', 'dialysis', 'egfr', 'urine', 'stage 3', 'creatinine'], tags: ['kidney'] },
  { name: 'Stroke', keywords: ['stroke', 'fast', 'clot', 'thrombolysis', 'rehabilitation', 'speech', '999'], tags: ['stroke', 'emergency'] },
  { name: 'Migraine', keywords: ['migraine', 'headache', 'triptan', 'sumatriptan', 'aura', 'nausea'], tags: ['migraine', 'headache'] },
  { name: 'Breast cancer', keywords: ['cancer', 'breast', 'mammogram', 'screening', 'chemotherapy', 'lump', p(12)], tags: ['cancer', 'screening'] },
  { name: 'Gastro-oesophageal reflux', keywords: ['reflux', 'heartburn', p(2), 'omeprazole', 'indigestion', 'antacids'], tags: ['digestion'] },
  { name: 'Leukaemia', keywords: [p(8), 'blood', 'bone marrow', 'chemotherapy', p(11), 'platelets'], tags: ['cancer', 'blood'] },
  { name: 'Osteoarthritis', keywords: ['osteoarthritis', 'joints', 'knee', 'hip', 'physiotherapy', 'naproxen', p(10)], tags: ['arthritis', 'joints'] },
  { name: 'Pregnancy care', keywords: ['pregnancy', 'midwife', 'folic acid', p(7), 'scan', '12 weeks', 'antenatal'], tags: ['pregnancy'] },
  { name: 'Gastroenteritis', keywords: [p(5), 'vomiting', 'dehydration', 'fluids', 'norovirus', '48 hours'], tags: ['digestion', 'infections'] },
  { name: 'Heart failure', keywords: ['heart failure', 'breathlessness', p(4), 'diuretics', 'furosemide', 'swollen ankles'], tags: ['heart'] },
  { name: 'Vaccinations', keywords: ['vaccine', 'vaccination', 'immunisation', 'measles', 'flu', 'booster'], tags: ['vaccines', 'children'] },
  { name: 'Sleep problems', keywords: ['insomnia', 'sleep', 'apnoea', 'snoring', 'cpap', 'tiredness'], tags: ['sleep'] },
  { name: 'Urinary tract infection', keywords: ['cystitis', 'urine', 'antibiotics', 'nitrofurantoin', 'infection', 'bladder'], tags: ['infections'] },
  { name: 'Thyroid problems', keywords: ['thyroid', 'levothyroxine', 'tsh', 'underactive', 'overactive', 'tiredness'], tags: ['thyroid', 'hormones'] },
  { name: 'ADHD', keywords: ['adhd', 'attention', 'methylphenidate', 'school', 'behaviour', 'assessment'], tags: ['adhd', 'children'] },
  { name: 'Allergies', keywords: ['allergy', 'anaphylaxis', 'adrenaline', 'epipen', 'antihistamine', 'hives'], tags: ['allergies', 'emergency'] },
  { name: 'Cholesterol', keywords: ['cholesterol', 'statins', 'atorvastatin', 'ldl', 'diet', 'qrisk'], tags: ['heart', 'cholesterol'] },
  { name: 'Back pain', keywords: ['back pain', 'sciatica', 'physiotherapy', 'exercise', 'ibuprofen', 'posture'], tags: ['pain', 'joints'] },
  { name: 'Gout', keywords: ['gout', 'uric acid', 'allopurinol', 'colchicine', 'joint', 'flare'], tags: ['arthritis'] },
  { name: 'Smoking cessation', keywords: ['smoking', 'nicotine', 'vaping', 'patches', 'quit', 'cessation'], tags: ['smoking', 'lifestyle'] },
  { name: 'Anticoagulants', keywords: ['warfarin', 'inr', 'apixaban', 'bleeding', p(6), 'clot'], tags: ['anticoagulants', 'medicines'] },
  { name: 'Haemorrhoids', keywords: [p(19), 'constipation', 'bleeding', 'fibre', 'cream', 'piles'], tags: ['digestion'] },
  { name: 'Childhood asthma', keywords: ['asthma', p(3), 'inhaler', 'spacer', 'wheezing', 'school'], tags: ['asthma', 'children'] },
  { name: 'Glaucoma', keywords: ['glaucoma', 'eye pressure', 'eye drops', 'sight', 'optician', 'latanoprost'], tags: ['eyes'] },
  { name: 'Coeliac disease', keywords: ['coeliac', 'gluten', 'bloating', p(5), 'biopsy', p(0)], tags: ['digestion', 'diet'] },
];

/** About 40 tags a user might give health clips. */
export const HEALTH_TAGS = [
  'diabetes', 'type 1', 'type 2', 'blood pressure', 'heart', 'asthma', 'lungs', 'mental health',
  'depression', 'anxiety', 'anaemia', 'blood', 'painkillers', 'medicines', 'children', 'fever',
  'emergency', 'copd', 'dementia', 'carers', 'anticoagulants', 'menopause', 'women', 'skin',
  'eczema', 'kidney', 'stroke', 'migraine', 'cancer', 'screening', 'digestion', 'arthritis',
  'joints', 'pregnancy', 'infections', 'vaccines', 'sleep', 'thyroid', 'allergies', 'diet',
  'to read', 'for mum', 'ask gp',
] as const;
