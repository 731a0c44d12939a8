import type { Highlight } from '../model/highlight';
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
 * §2) without copying their text. The first set is the default.
 */
export const STARTER_QUESTION_SETS: StarterQuestionSet[] = [
  {
    id: 'five-questions',
    name: 'Five questions to start with',
    about: 'A short set that works for most appointments about a choice of treatment or care.',
    questions: [
      'What are my options?',
      'What are the benefits and risks of each option for me?',
      'What happens if I do nothing for now?',
      'How would each option fit into my daily life?',
      'Where can I find out more, or get support?',
    ],
  },
  {
    id: 'ask-3',
    name: 'Ask 3 Questions',
    about: 'Three questions in the spirit of the UK “Ask 3 Questions” idea from shared decision-making programmes, for when there is a decision to make.',
    questions: [
      'What choices do I have?',
      'What could be good and bad about each choice for me?',
      'How can I get help to make the choice that is right for me?',
    ],
  },
  {
    id: 'bran',
    name: 'BRAN',
    about: 'Benefits, Risks, Alternatives and doing Nothing: four prompts used by Choosing Wisely UK and some NHS trusts, handy before a test or treatment.',
    questions: [
      'Benefits: what good could this do for me?',
      'Risks: what could go wrong, and how likely is that?',
      'Alternatives: is there anything else I could try?',
      'Nothing: what would happen if I waited, or did nothing?',
    ],
  },
  {
    id: 'ask-me-3',
    name: 'Ask Me 3',
    about: 'Three questions in the style of “Ask Me 3”, to be sure you leave knowing the main points.',
    questions: [
      'What is the main problem with my health?',
      'What do I need to do about it?',
      'Why does doing that matter for me?',
    ],
  },
  {
    id: 'tests-and-medicines',
    name: 'Tests and medicines',
    about: 'For an appointment about a test result, a new medicine or a change of dose.',
    questions: [
      'Why do I need this test, and when and how will I get the results?',
      'How and when should I take this medicine, and for how long?',
      'What side effects should I look out for, and what should I do if I get them?',
      'Is it safe with my other medicines, supplements or remedies?',
      'What should I do, and whom should I contact, if things get worse?',
    ],
  },
];

/** Longest passage quoted in an "Ask about" question. */
const MAX_QUOTE = 120;
/** A question's longest text (questionSchema in lib/model/collection.ts). */
const MAX_QUESTION = 1_000;

const QUESTION_START = /^(what|what's|whats|how|why|when|where|who|whom|whose|which|should|shall|can|could|is|are|am|was|were|do|does|did|will|would|may|might|must|have|has)\b/i;

/** True when a note reads as a question: it ends with "?" or starts the way a question does. */
export function readsAsQuestion(text: string): boolean {
  const t = oneLine(text);
  return t.length > 0 && (/\?["'”’)\]]*$/.test(t) || QUESTION_START.test(t));
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
    else if (quote) text = `Ask about: “${shorten(quote, MAX_QUOTE)}”`;
    else continue;
    text = shorten(text, MAX_QUESTION);
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
