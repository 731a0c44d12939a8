import { useState } from 'preact/hooks';
import { describeMove, moveById, removeById, updateById, type QuestionSuggestion } from '../../../lib/consult/list-edits';
import type { Question } from '../../../lib/model/collection';
import { QuestionRow } from './QuestionRow';
import { focusSoon, useFocusAfterMove } from './ReorderButtons';
import { StarterQuestions } from './StarterQuestions';
import { t } from '../../../lib/i18n';

export interface QuestionsEditorProps {
  questions: Question[];
  readOnly: boolean;
  /** "Question to ask" highlights on the list's pages, not yet used. */
  suggestions: readonly QuestionSuggestion[];
  /** `immediate` for a click (saved at once), not for typing. */
  onChange: (questions: Question[], immediate: boolean) => void;
  onAnnounce: (text: string) => void;
  newId: () => string;
}

const HEADING = 'hc-questions-heading';
const blank = (text: string, origin: Question['origin'], id: string): Question => ({ id, text, origin, answered: false, answer: '' });

/** Questions to ask: the user's own, starter prompts, and ones from their highlights; reorder, reword, remove, mark answered. */
export function QuestionsEditor({ questions, readOnly, suggestions, onChange, onAnnounce, newId }: QuestionsEditorProps) {
  const [own, setOwn] = useState('');
  const focusAfterMove = useFocusAfterMove();
  const add = (added: Question[], said: string) => {
    onChange([...questions, ...added], true);
    onAnnounce(said);
  };
  const plural = (n: number) => t('lists.questions.count', n);

  return (
    <section class="hc-panel hc-section" aria-labelledby={HEADING}>
      <h2 id={HEADING} tabIndex={-1}>{t('lists.questions.heading')}</h2>
      {readOnly ? null : <p class="hc-hint">{t('lists.questions.hint')}</p>}
      {questions.length ? (
        <ol class="hc-questions">
          {questions.map((q, index) => (
            <QuestionRow
              key={q.id}
              question={q}
              index={index}
              total={questions.length}
              readOnly={readOnly}
              onChange={(patch, immediate) => onChange(updateById(questions, q.id, patch), immediate)}
              onMove={(delta) => {
                const moved = moveById(questions, q.id, delta);
                if (!moved) return;
                focusAfterMove(`hc-question-${q.id}`, delta);
                onChange(moved.list, true);
                onAnnounce(describeMove(q.text, moved.to, questions.length));
              }}
              onRemove={() => {
                onChange(removeById(questions, q.id), true);
                onAnnounce(t('lists.questions.removed', { text: q.text }));
                focusSoon(HEADING);
              }}
            />
          ))}
        </ol>
      ) : (
        <p class="hc-muted">{t('lists.questions.none')}</p>
      )}
      {readOnly ? null : (
        <>
          <form
            class="hc-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!own.trim()) return;
              add([blank(own.trim(), 'own', newId())], t('lists.questions.addedOwn', { count: plural(questions.length + 1) }));
              setOwn('');
            }}
          >
            <label for="hc-own-question">{t('lists.questions.ownLabel')}</label>
            <div class="hc-inline-form__row">
              <input id="hc-own-question" type="text" maxLength={1000} value={own} onInput={(e) => setOwn(e.currentTarget.value)} />
              <button type="submit">{t('lists.questions.add')}</button>
            </div>
          </form>
          {suggestions.length ? (
            <div class="hc-suggestions">
              <h3>{t('lists.questions.fromHighlightsHeading')}</h3>
              <p class="hc-hint">{t('lists.questions.fromHighlightsHint')}</p>
              <ul>
                {suggestions.map((s) => (
                  <li key={s.highlightId} data-highlight-id={s.highlightId}>
                    <p class="hc-suggestions__text">{s.text}</p>
                    <button
                      type="button"
                      aria-label={t('lists.questions.addSuggestionLabel', { text: s.text })}
                      onClick={() => {
                        add([{ ...blank(s.text, 'highlight', newId()), highlightId: s.highlightId }], t('lists.questions.addedSuggestion'));
                        focusSoon(HEADING);
                      }}
                    >
                      {t('lists.questions.addSuggestion')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <StarterQuestions
            present={questions.map((q) => q.text)}
            onAdd={(texts) => add(texts.map((text) => blank(text, 'starter', newId())), t('lists.questions.addedStarters', { count: plural(texts.length) }))}
          />
        </>
      )}
    </section>
  );
}
