import type { Question } from '../../../lib/model/collection';
import { ReorderButtons } from './ReorderButtons';
import { t } from '../../../lib/i18n';

export interface QuestionRowProps {
  question: Question;
  index: number;
  total: number;
  readOnly: boolean;
  onChange: (patch: Partial<Question>, immediate: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** Where a question came from, in words; '' for the user's own. */
function originNote(origin: Question['origin']): string {
  if (origin === 'starter') return t('lists.questions.fromStarter');
  if (origin === 'highlight') return t('lists.questions.fromHighlight');
  return '';
}

/** One question: its wording, where it came from, and after the appointment whether it was answered and what was said. */
export function QuestionRow({ question, index, total, readOnly, onChange, onMove, onRemove }: QuestionRowProps) {
  const id = `hc-question-${question.id}`;
  const origin = originNote(question.origin);
  if (readOnly) {
    return (
      <li class="hc-question" data-question-id={question.id} data-answered={question.answered}>
        <p class="hc-question__text">{question.text}</p>
        <p class="hc-muted">{question.answered ? t('lists.questions.answered') : t('lists.questions.notAnswered')}{origin ? ` · ${origin}` : ''}</p>
        {question.answer ? <p><strong>{t('lists.questions.told')}</strong> {question.answer}</p> : null}
      </li>
    );
  }
  return (
    <li class="hc-question" data-question-id={question.id} data-answered={question.answered}>
      <label for={id}>{t('lists.questions.number', { number: index + 1 })}</label>
      <textarea id={id} rows={2} maxLength={1000} value={question.text} aria-describedby={origin ? `${id}-origin` : undefined} onInput={(e) => onChange({ text: e.currentTarget.value }, false)} />
      {origin ? <p id={`${id}-origin`} class="hc-hint">{origin}</p> : null}
      <div class="hc-check">
        <input id={`${id}-answered`} type="checkbox" checked={question.answered} onChange={(e) => onChange({ answered: e.currentTarget.checked }, true)} />
        <label for={`${id}-answered`}>{t('lists.questions.answeredTick')}</label>
      </div>
      {question.answered ? (
        <>
          <label for={`${id}-answer`}>{t('lists.questions.toldField')}</label>
          <textarea id={`${id}-answer`} rows={2} maxLength={4000} value={question.answer} onInput={(e) => onChange({ answer: e.currentTarget.value }, false)} />
        </>
      ) : null}
      <ReorderButtons idPrefix={id} label={question.text || t('lists.questions.numberLower', { number: index + 1 })} index={index} total={total} onMove={onMove} onRemove={onRemove} />
    </li>
  );
}
