import { useId, useState } from 'preact/hooks';
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
export function TagInput({ tags, suggestions, onChange, label = 'Tags' }: TagInputProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const typed = text.trim().toLowerCase();
  const matches = typed
    ? suggestions.filter((s) => s.includes(typed) && !tags.includes(s)).slice(0, MAX_SUGGESTIONS)
    : [];

  const add = (value: string) => {
    const next = normaliseTags([...tags, ...value.split(',')]);
    setText('');
    setActive(-1);
    if (next.length !== tags.length) onChange(next);
  };
  const remove = (tag: string) => onChange(tags.filter((t) => t !== tag));

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
        <ul class="hc-tags__list" aria-label={`${label} added`}>
          {tags.map((tag) => (
            <li key={tag} class="hc-tag">
              {tag}
              <button type="button" class="hc-tag__remove" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
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
      <p id={`${id}-hint`} class="hc-hint">Type a tag and press Enter. Separate several with commas.</p>
      <ul id={`${id}-list`} role="listbox" class="hc-tags__suggestions" hidden={!matches.length} aria-label="Suggested tags">
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
