import { t } from '../i18n';

/**
 * A verdict's subtype ("forum thread", "GP practice") in the user's words.
 * Verdicts store the English name the lists and rules use, so saved clips
 * and rule matching stay the same in every language; this translates at
 * display time. A subtype we do not know (a rule pack's own) is shown as
 * its author wrote it.
 */
export function describeSubtype(subtype: string): string {
  switch (subtype) {
    case 'news publisher': return t('classify.subtype.newsPublisher');
    case 'condition charity': return t('classify.subtype.conditionCharity');
    case 'professional body': return t('classify.subtype.professionalBody');
    case 'journal': return t('classify.subtype.journal');
    case 'health media': return t('classify.subtype.healthMedia');
    case 'pharma': return t('classify.subtype.drugCompany');
    case 'technology company': return t('classify.subtype.technologyCompany');
    case 'government': return t('classify.subtype.government');
    case 'foreign-government': return t('classify.subtype.governmentOutsideTheUK');
    case 'forum thread': return t('classify.subtype.forumThread');
    case 'private provider': return t('classify.subtype.privateProvider');
    case 'regulator': return t('classify.subtype.regulator');
    case 'pharmacy or retailer': return t('classify.subtype.pharmacyOrRetailer');
    case 'blog post': return t('classify.subtype.blogPost');
    case 'foundation': return t('classify.subtype.foundation');
    case 'umbrella': return t('classify.subtype.umbrellaOrganisation');
    case 'nhs-local': return t('classify.subtype.nhsLocal');
    case 'social post': return t('classify.subtype.socialPost');
    case 'intergovernmental': return t('classify.subtype.intergovernmental');
    case 'reference work': return t('classify.subtype.referenceWork');
    case 'database': return t('classify.subtype.database');
    case 'trial registry': return t('classify.subtype.trialRegistry');
    case 'trade association': return t('classify.subtype.tradeAssociation');
    case 'story collection': return t('classify.subtype.storyCollection');
    case 'standards body': return t('classify.subtype.standardsBody');
    case 'preprint': return t('classify.subtype.preprint');
    case 'nhs-national': return t('classify.subtype.nhsNational');
    case 'membership body': return t('classify.subtype.membershipBody');
    case 'research funder': return t('classify.subtype.researchFunder');
    case 'document sharing': return t('classify.subtype.documentSharing');
    case 'repository': return t('classify.subtype.repository');
    case 'Q&A (community)': return t('classify.subtype.questionsAndAnswers');
    case 'systematic review': return t('classify.subtype.systematicReview');
    case 'project documentation': return t('classify.subtype.projectDocumentation');
    case 'journal archive': return t('classify.subtype.journalArchive');
    case 'feedback platform': return t('classify.subtype.feedbackPlatform');
    case 'research summary': return t('classify.subtype.researchSummary');
    case 'parliament': return t('classify.subtype.parliament');
    case 'guideline body': return t('classify.subtype.guidelineBody');
    case 'GP practice': return t('classify.subtype.gpPractice');
    case 'NHS (integrated care board)': return t('classify.subtype.nhsIntegratedCareBoard');
    case 'NHS (local)': return t('classify.subtype.nhsLocal');
    case 'NHS (national)': return t('classify.subtype.nhsNational');
    case 'local authority': return t('classify.subtype.localAuthority');
    case 'news release': return t('classify.subtype.newsRelease');
    case 'copy of another site': return t('classify.subtype.copyOfAnotherSite');
    case 'journal article': return t('classify.subtype.journalArticle');
    case 'personal story': return t('classify.subtype.personalStory');
    default: return subtype;
  }
}
