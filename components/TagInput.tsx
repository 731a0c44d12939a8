import { useId, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { normaliseTags } from '../lib/model/clip';

export interface TagInputProps {
  tags: readonly string[];
  /** Tags already used in the library, for suggestions. */
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
  label?: string;
}

const MAX_SUGGESTIONS = 8;

/**
 * Tags as removable chips plus a text box. Enter or comma adds what was
 * typed; matching tags from the library are offered as the user types and
 * can be picked with the arrow keys or a click.
 */
export function TagInput({ tags, suggestions, onChange, label = t('tags.label') }: TagInputProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [news, setNews] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const typed = text.trim().toLowerCase();
  const matches = typed
    ? suggestions.filter((s) => s.includes(typed) && !tags.includes(s)).slice(0, MAX_SUGGESTIONS)
    : [];

  const add = (value: string) => {
    const next = normaliseTags([...tags, ...value.split(',')]);
    setText('');
    setActive(-1);
    if (next.length !== tags.length) {
      setNews(t('tags.addedNews', { tags: next.filter((tag) => !tags.includes(tag)).join(', ') }));
      onChange(next);
    }
  };
  const remove = (tag: string) => {
    setNews(t('tags.removedNews', { tag }));
    onChange(tags.filter((other) => other !== tag));
    // The pressed × goes with its tag: give keyboard focus to the text box rather than to nothing.
    input.current?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && matches.length) {
      event.preventDefault();
      setActive((i) => (i + 1) % matches.length);
    } else if (event.key === 'ArrowUp' && matches.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? matches.length - 1 : i - 1));
    } else if (event.key === 'Enter' || event.key === ',') {
      const choice = active >= 0 ? matches[active] : text;
      if (choice?.trim()) {
        event.preventDefault();
        add(choice);
      }
    } else if (event.key === 'Escape') {
      setActive(-1);
    } else if (event.key === 'Backspace' && !text && tags.length) {
      remove(tags[tags.length - 1]!);
    }
  };

  return (
    <div class="hc-tags">
      <label for={`${id}-input`}>{label}</label>
      {tags.length ? (
        <ul class="hc-tags__list" aria-label={t('tags.added', { label })}>
          {tags.map((tag) => (
            <li key={tag} class="hc-tag">
              {tag}
              <button type="button" class="hc-tag__remove" aria-label={t('tags.remove', { tag })} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setActive(-1);
        }}
        onKeyDown={handleKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
      <p class="hc-visually-hidden" role="status">
        {news}
      </p>
      <p id={`${id}-hint`} class="hc-hint">{t('tags.hint')}</p>
      <ul id={`${id}-list`} role="listbox" class="hc-tags__suggestions" hidden={!matches.length} aria-label={t('tags.suggested')}>
        {matches.map((m, i) => (
          <li
            key={m}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              add(m);
            }}
          >
            {m}
          </li>
        ))}
      </ul>
    </div>
  );
}
