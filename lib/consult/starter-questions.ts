import type { Highlight } from '../model/highlight';
import { t } from '../i18n';
import { cleanText, oneLine, shorten } from './format';

/** A ready-made set of questions the user can add to a reading list, then edit. */
export interface StarterQuestionSet {
  id: string;
  name: string;
  /** One line on where the idea comes from and when it helps. */
  about: string;
  questions: string[];
}

/**
 * Question prompts for an appointment. The wording is ours: the sets follow
 * the ideas of well-known UK and US schemes (see /work/shared/CONSULTATION.md
 * §2) without copying their text. The first set is the default. A function,
 * not a constant, because the words come from the user's locale at call time.
 */
export function starterQuestionSets(): StarterQuestionSet[] {
  return [
    {
      id: 'five-questions',
      name: t('consult.starter.five.name'),
      about: t('consult.starter.five.about'),
      questions: [
        t('consult.starter.five.q1'),
        t('consult.starter.five.q2'),
        t('consult.starter.five.q3'),
        t('consult.starter.five.q4'),
        t('consult.starter.five.q5'),
      ],
    },
    {
      id: 'ask-3',
      name: t('consult.starter.ask3.name'),
      about: t('consult.starter.ask3.about'),
      questions: [t('consult.starter.ask3.q1'), t('consult.starter.ask3.q2'), t('consult.starter.ask3.q3')],
    },
    {
      id: 'bran',
      name: t('consult.starter.bran.name'),
      about: t('consult.starter.bran.about'),
      questions: [t('consult.starter.bran.q1'), t('consult.starter.bran.q2'), t('consult.starter.bran.q3'), t('consult.starter.bran.q4')],
    },
    {
      id: 'ask-me-3',
      name: t('consult.starter.askMe3.name'),
      about: t('consult.starter.askMe3.about'),
      questions: [t('consult.starter.askMe3.q1'), t('consult.starter.askMe3.q2'), t('consult.starter.askMe3.q3')],
    },
    {
      id: 'tests-and-medicines',
      name: t('consult.starter.tests.name'),
      about: t('consult.starter.tests.about'),
      questions: [
        t('consult.starter.tests.q1'),
        t('consult.starter.tests.q2'),
        t('consult.starter.tests.q3'),
        t('consult.starter.tests.q4'),
        t('consult.starter.tests.q5'),
      ],
    },
  ];
}

/** Longest passage quoted in an "Ask about" question. */
const MAX_QUOTE = 120;
/** A question's longest text (questionSchema in lib/model/collection.ts). */
const MAX_QUESTION = 1_000;

const QUESTION_START = /^(what|what's|whats|how|why|when|where|who|whom|whose|which|should|shall|can|could|is|are|am|was|were|do|does|did|will|would|may|might|must|have|has)\b/i;

/** True when a note reads as a question: it ends with "?" or starts the way a question does. */
export function readsAsQuestion(text: string): boolean {
  const line = oneLine(text);
  return line.length > 0 && (/\?["'”’)\]]*$/.test(line) || QUESTION_START.test(line));
}

/**
 * Questions from the user's "question to ask" highlights: the highlight's
 * note when it reads as a question (with a "?" added if it lacks one), else
 * "Ask about: “<the passage, shortened>”". Duplicates are left out.
 */
export function questionsFromHighlights(highlights: readonly Highlight[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const highlight of highlights) {
    if (highlight.meaning !== 'question') continue;
    const note = oneLine(cleanText(highlight.note));
    const quote = oneLine(cleanText(highlight.quote.exact));
    let text: string;
    if (readsAsQuestion(note)) text = /\?["'”’)\]]*$/.test(note) ? note : `${note.replace(/[.!,;:]+$/, '')}?`;
    else if (quote) text = t('consult.starter.askAbout', { quote: shorten(quote, MAX_QUOTE) });
    else continue;
    text = shorten(text, MAX_QUESTION);
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
