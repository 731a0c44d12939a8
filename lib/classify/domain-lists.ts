/**
 * Starter domain lists (see shared/SOURCE-TYPES.md). Matching is by whole
 * domain labels, never by substring: "nhs" inside a name proves nothing
 * (nhsconfed.org is a membership body, lookalikes copy NHS pages).
 */

/** Suffixes reserved for government and the NHS, with who may use them. */
export const OFFICIAL_SUFFIXES: Record<string, string> = {
  'nhs.uk': 'NHS organisations and GP practices',
  'nhs.scot': 'NHS Scotland bodies',
  'nhs.wales': 'NHS Wales bodies',
  'hscni.net': 'Health and Social Care in Northern Ireland',
  'gov.uk': 'UK government bodies and councils',
  'gov.scot': 'the Scottish Government',
  'gov.wales': 'the Welsh Government',
  gov: 'US government bodies',
  mil: 'the US military',
  'fed.us': 'US federal bodies',
  'gov.au': 'Australian government bodies',
  'gc.ca': 'the Government of Canada',
  'canada.ca': 'the Government of Canada',
  'govt.nz': 'New Zealand government bodies',
  'gov.ie': 'the Irish government',
  'gouv.fr': 'the French government',
  int: 'intergovernmental organisations such as the WHO',
  'europa.eu': 'European Union institutions',
};

/** Official bodies that sit on open domains. */
export const OFFICIAL_DOMAINS = [
  'nice.org.uk', 'cqc.org.uk', 'nhsinform.scot', 'hse.ie', 'paho.org', 'parliament.uk',
  'healthdirect.gov.au', 'mhra.gov.uk',
];

/** Research infrastructure, even on .gov hosts. */
export const RESEARCH_DOMAINS = [
  'pubmed.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov', 'ncbi.nlm.nih.gov', 'clinicaltrials.gov',
  'cochranelibrary.com', 'biorxiv.org', 'medrxiv.org', 'arxiv.org', 'doi.org', 'nature.com',
  'thelancet.com', 'bmj.com', 'nejm.org', 'jamanetwork.com', 'sciencedirect.com', 'springer.com',
  'wiley.com', 'plos.org', 'frontiersin.org', 'mdpi.com', 'isrctn.com', 'europepmc.org',
  'diabetesjournals.org', 'academic.oup.com',
];

/** Registered charities and patient organisations (name shown in the reason). */
export const CHARITY_DOMAINS: Record<string, string> = {
  'diabetes.org.uk': 'Diabetes UK',
  'rethink.org': 'Rethink Mental Illness',
  'mind.org.uk': 'Mind',
  'mentalhealth.org.uk': 'Mental Health Foundation',
  'samaritans.org': 'Samaritans',
  'youngminds.org.uk': 'YoungMinds',
  'macmillan.org.uk': 'Macmillan Cancer Support',
  'cancerresearchuk.org': 'Cancer Research UK',
  'bhf.org.uk': 'British Heart Foundation',
  'asthmaandlung.org.uk': 'Asthma + Lung UK',
  'alzheimers.org.uk': "Alzheimer's Society",
  'alzscot.org': 'Alzheimer Scotland',
  'versusarthritis.org': 'Versus Arthritis',
  'parkinsons.org.uk': "Parkinson's UK",
  'stroke.org.uk': 'Stroke Association',
  'mssociety.org.uk': 'MS Society',
  'mariecurie.org.uk': 'Marie Curie',
  'breastcancernow.org': 'Breast Cancer Now',
  'tommys.org': "Tommy's",
  'ageuk.org.uk': 'Age UK',
  'independentage.org': 'Independent Age',
  'carersuk.org': 'Carers UK',
  'dementiauk.org': 'Dementia UK',
  'crohnsandcolitis.org.uk': "Crohn's & Colitis UK",
  'bowelcanceruk.org.uk': 'Bowel Cancer UK',
  'prostatecanceruk.org': 'Prostate Cancer UK',
  'epilepsy.org.uk': 'Epilepsy Action',
  'kidneycareuk.org': 'Kidney Care UK',
  'britishlivertrust.org.uk': 'British Liver Trust',
  'beateatingdisorders.org.uk': 'Beat',
  'anxietyuk.org.uk': 'Anxiety UK',
  'mencap.org.uk': 'Mencap',
  'autism.org.uk': 'National Autistic Society',
  'allergyuk.org': 'Allergy UK',
  'patients-association.org.uk': "Patients Association",
  'diabetes.org': 'American Diabetes Association',
  'heart.org': 'American Heart Association',
  'cancer.org': 'American Cancer Society',
  'nami.org': 'NAMI',
  'alz.org': "Alzheimer's Association",
  'beyondblue.org.au': 'Beyond Blue',
};

/** Hosts whose pages are members' posts (the voice is peer, whoever runs the host). */
export const PEER_HOSTS: Record<string, string> = {
  'healthunlocked.com': 'HealthUnlocked communities',
  'reddit.com': 'Reddit',
  'mumsnet.com': 'Mumsnet',
  'gransnet.com': 'Gransnet',
  'forum.alzheimers.org.uk': "a forum run by Alzheimer's Society",
  'forum.diabetes.org.uk': 'a forum run by Diabetes UK',
  'community.macmillan.org.uk': 'the Macmillan online community',
  'blogspot.com': 'Blogger',
  'wordpress.com': 'WordPress.com',
  'medium.com': 'Medium',
  'substack.com': 'Substack',
  'tumblr.com': 'Tumblr',
  'dreamwidth.org': 'Dreamwidth',
  'livejournal.com': 'LiveJournal',
  'bpdfamily.com': 'a family support forum',
};

/** News organisations. */
export const NEWS_DOMAINS = [
  'bbc.co.uk', 'bbc.com', 'theguardian.com', 'nytimes.com', 'washingtonpost.com', 'reuters.com',
  'apnews.com', 'independent.co.uk', 'telegraph.co.uk', 'thetimes.co.uk', 'dailymail.co.uk',
  'cnn.com', 'npr.org', 'statnews.com', 'pulsetoday.co.uk', 'gponline.com', 'hsj.co.uk',
  'nursingtimes.net', 'sky.com', 'itv.com', 'channel4.com', 'latimes.com', 'wsj.com', 'ft.com',
  'economist.com', 'lemonde.fr', 'spiegel.de', 'cbc.ca', 'abc.net.au',
];

/** Ad-funded health media and sellers. */
export const COMMERCIAL_DOMAINS = [
  'webmd.com', 'healthline.com', 'medicalnewstoday.com', 'patient.info', 'verywellhealth.com',
  'everydayhealth.com', 'drugs.com', 'boots.com', 'lloydspharmacy.com', 'amazon.com', 'amazon.co.uk',
  'hollandandbarrett.com', 'superdrug.com', 'mayoclinic.org', 'clevelandclinic.org',
];
