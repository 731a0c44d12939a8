import { describe, expect, it } from 'vitest';
import { questionsFromHighlights, readsAsQuestion, starterQuestionSets } from '../../../../lib/consult/starter-questions';
import { highlight } from './fixtures';

describe('starterQuestionSets', () => {
  it('starts with the five default prompts', () => {
    const [first] = starterQuestionSets();
    expect(first?.questions).toHaveLength(5);
    expect(first?.questions.join(' ')).toMatch(/options.*benefits and risks.*do nothing.*daily life.*find out more.*support/s);
  });

  it('offers Ask 3 Questions, BRAN and Ask Me 3 style sets, each a short list of real questions', () => {
    const sets = starterQuestionSets();
    const byId = new Map(sets.map((s) => [s.id, s]));
    expect(byId.get('ask-3')?.questions).toHaveLength(3);
    expect(byId.get('bran')?.questions.map((q) => q.split(':')[0])).toEqual(['Benefits', 'Risks', 'Alternatives', 'Nothing']);
    expect(byId.get('ask-me-3')?.questions).toHaveLength(3);
    expect(new Set(sets.map((s) => s.id)).size).toBe(sets.length);
    for (const set of sets) {
      expect(set.name && set.about).toBeTruthy();
      for (const q of set.questions) expect(q).toMatch(/\?$/);
    }
  });
});

describe('questionsFromHighlights', () => {
  it('uses a note that reads as a question, else asks about the passage; only "question" highlights', () => {
    const highlights = [
      highlight('h1', 'c', 'Metformin can cause stomach upset', { meaning: 'question', note: 'Should I take it with food?' }),
      highlight('h2', 'c', 'HbA1c of 48 mmol/mol or over', { meaning: 'question', note: 'what is my latest result' }),
      highlight('h3', 'c', 'You may be offered a structured education course such as DESMOND', { meaning: 'question', note: 'remember this' }),
      highlight('h4', 'c', 'Exercise helps', { meaning: 'important', note: 'Why?' }),
      highlight('h5', 'c', 'Exercise   helps\nmost people', { meaning: 'question' }),
    ];
    expect(questionsFromHighlights(highlights)).toEqual([
      'Should I take it with food?',
      'what is my latest result?',
      'Ask about: “You may be offered a structured education course such as DESMOND”',
      'Ask about: “Exercise helps most people”',
    ]);
  });

  it('shortens long passages at a word and leaves out repeats', () => {
    const long = 'word '.repeat(60).trim();
    const [q, ...rest] = questionsFromHighlights([
      highlight('h1', 'c', long, { meaning: 'question' }),
      highlight('h2', 'c', long, { meaning: 'question' }),
    ]);
    expect(rest).toEqual([]);
    expect(q).toMatch(/^Ask about: “(word ){10,}word…”$/);
    expect(q!.length).toBeLessThan(140);
  });

  it('recognises questions', () => {
    expect(readsAsQuestion('Is this safe in pregnancy')).toBe(true);
    expect(readsAsQuestion('ask about dose?')).toBe(true);
    expect(readsAsQuestion('“Really?”')).toBe(true);
    expect(readsAsQuestion('Whatever happens, keep going')).toBe(false);
    expect(readsAsQuestion('important')).toBe(false);
    expect(readsAsQuestion('   ')).toBe(false);
  });
});
