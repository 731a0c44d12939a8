import { useMemo, useState } from 'preact/hooks';
import { starterQuestionSets } from '../../../lib/consult/starter-questions';
import { t } from '../../../lib/i18n';

export interface StarterQuestionsProps {
  /** Questions already on the list (not offered twice). */
  present: readonly string[];
  onAdd: (questions: string[]) => void;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Ready-made questions to pick from, set by set; picked ones join the list, where they can be reworded. */
export function StarterQuestions({ present, onAdd }: StarterQuestionsProps) {
  const sets = useMemo(starterQuestionSets, []);
  const [setId, setSetId] = useState(sets[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const set = sets.find((s) => s.id === setId) ?? sets[0];
  if (!set) return null;
  const add = () => {
    onAdd(chosen);
    setChosen([]);
  };
  return (
    <details class="hc-starters">
      <summary>{t('lists.starters.summary')}</summary>
      <label for="hc-starter-set">{t('lists.starters.set')}</label>
      <select
        id="hc-starter-set"
        value={set.id}
        aria-describedby="hc-starter-about"
        onChange={(e) => {
          setSetId(e.currentTarget.value);
          setChosen([]);
        }}
      >
        {sets.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
      </select>
      <p id="hc-starter-about" class="hc-hint">{set.about}</p>
      <fieldset class="hc-checks">
        <legend>{t('lists.starters.inSet', { name: set.name })}</legend>
        {set.questions.map((q, i) => {
          const id = `hc-starter-${set.id}-${i}`;
          const already = present.some((p) => same(p, q));
          return (
            <div key={id} class="hc-check">
              <input
                id={id}
                type="checkbox"
                checked={already || chosen.includes(q)}
                disabled={already}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChosen((now) => (on ? [...now, q] : now.filter((c) => c !== q)));
                }}
              />
              <label for={id}>
                {q}
                {already ? <span class="hc-muted"> {t('lists.starters.alreadyOnList')}</span> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
      <button type="button" disabled={!chosen.length} onClick={add}>
        {chosen.length ? t('lists.starters.addCount', chosen.length) : t('lists.starters.add')}
      </button>
    </details>
  );
}
