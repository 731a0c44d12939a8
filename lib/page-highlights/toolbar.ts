import { HIGHLIGHT_MEANINGS, HIGHLIGHT_MEANING_ICONS, HIGHLIGHT_MEANING_LABELS, HIGHLIGHT_MEANING_PAINT, type HighlightMeaning } from '../model/highlight-meanings';
import { bodyOf } from '../anchor/index';
import { t } from '../i18n';
import { describePassage } from './passage';
import type { PagePassage } from './types';

/** What the toolbar asks of its owner when the user picks a meaning. */
export interface ToolbarRequest {
  meaning: HighlightMeaning;
  note: string;
  passage: PagePassage;
  range: Range;
}

/** The owner's answer: a message for the user, and whether it worked. */
export type ToolbarAnswer = { ok: boolean; message: string };

export interface SelectionToolbar {
  dispose(): void;
}

const STYLE = `
  :host { all: initial; }
  .bar { position: absolute; z-index: 2147483646; display: flex; flex-wrap: wrap; align-items: center; gap: 4px; max-width: min(560px, 92vw);
    font: 14px/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #0b0c0c; background: #fff;
    border: 2px solid #0b0c0c; border-radius: 8px; padding: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
  .bar[hidden] { display: none; }
  button { font: inherit; color: #0b0c0c; background: #f3f2f1; border: 1px solid #505a5f; border-radius: 6px; padding: 4px 8px; cursor: pointer; }
  button .icon { display: inline-block; min-width: 1.2em; font-weight: 700; text-align: center; margin-right: 4px; border-bottom: 3px solid var(--u); background: var(--c); border-radius: 3px; }
  button:focus-visible, textarea:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 5px #0b0c0c; }
  .note { flex-basis: 100%; display: flex; flex-direction: column; gap: 2px; }
  .note[hidden] { display: none; }
  textarea { font: inherit; min-height: 3em; border: 2px solid #0b0c0c; border-radius: 4px; padding: 4px; }
  .status { flex-basis: 100%; margin: 2px 4px; }
  .status:empty { margin: 0; }
  .hint { flex-basis: 100%; margin: 2px 4px; font-size: 12px; color: #383f43; }
  .hint[hidden] { display: none; }
`;

const TOOLBAR_TAG = 'hc-selection-toolbar';
const HIDE_AFTER_MS = 2_500;

/**
 * A small toolbar next to the selected text: one button per meaning (icon
 * and words, never colour alone) and "Add a note". It lives in a closed
 * shadow root so the page can neither restyle nor read it, ignores clicks
 * the page synthesised, and keeps a copy of the selection because typing a
 * note moves the focus away from it.
 *
 * Keyboard: after selecting text with the keyboard (Shift and the arrow
 * keys, with caret browsing), Tab moves into the toolbar, the arrow keys move
 * between its buttons, and Escape closes it; focus then goes back where it
 * was, with the selection as it was, so the reader keeps their place.
 */
export function createSelectionToolbar(doc: Document, onHighlight: (request: ToolbarRequest) => Promise<ToolbarAnswer>): SelectionToolbar {
  const win = doc.defaultView;
  if (!win) return { dispose: () => undefined };
  const host = doc.createElement(TOOLBAR_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.hidden = true;
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('toolbar.label'));

  const noteBox = doc.createElement('div');
  noteBox.className = 'note';
  noteBox.hidden = true;
  const noteLabel = doc.createElement('label');
  noteLabel.textContent = t('toolbar.noteLabel');
  const noteField = doc.createElement('textarea');
  noteField.setAttribute('aria-label', t('toolbar.note'));
  noteField.maxLength = 20_000;
  noteLabel.htmlFor = 'hc-note';
  noteField.id = 'hc-note';
  noteBox.append(noteLabel, noteField);

  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  // Said only when the toolbar came up from the keyboard: a mouse user reaches it without knowing about Tab.
  const hint = doc.createElement('p');
  hint.className = 'hint';
  hint.hidden = true;
  hint.textContent = t('toolbar.tabHint');

  let saved: Range | undefined;
  let busy = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where keyboard focus was before Tab moved it into the toolbar. */
  let returnTo: Element | null = null;

  const hide = () => {
    const hadFocus = shadow.activeElement !== null;
    const range = saved;
    bar.hidden = true;
    noteBox.hidden = true;
    hint.hidden = true;
    noteField.value = '';
    status.textContent = '';
    saved = undefined;
    // Focus must not stay on a hidden button: give it back, with the selection the user made.
    if (hadFocus) {
      if (returnTo instanceof win.HTMLElement && returnTo.isConnected) returnTo.focus({ preventScroll: true });
      else (shadow.activeElement as HTMLElement | null)?.blur();
      if (range) {
        const selection = doc.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    }
    returnTo = null;
  };

  const buttons = HIGHLIGHT_MEANINGS.map((meaning) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.meaning = meaning;
    const icon = doc.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = HIGHLIGHT_MEANING_ICONS[meaning];
    icon.style.setProperty('--c', HIGHLIGHT_MEANING_PAINT[meaning].background);
    icon.style.setProperty('--u', '#0b0c0c');
    button.append(icon, HIGHLIGHT_MEANING_LABELS[meaning]);
    button.addEventListener('click', (event) => {
      if (!event.isTrusted || busy || !saved) return;
      const range = saved;
      const body = bodyOf(doc);
      const passage = body ? describePassage(body, range) : undefined;
      if (!passage) return;
      busy = true;
      status.textContent = t('toolbar.saving');
      void onHighlight({ meaning, note: noteField.value.trim(), passage, range: range.cloneRange() })
        .then((answer) => {
          status.textContent = answer.message;
          if (answer.ok) {
            clearTimeout(hideTimer);
            hideTimer = setTimeout(hide, HIDE_AFTER_MS);
          }
        })
        .finally(() => {
          busy = false;
        });
    });
    return button;
  });

  const noteButton = doc.createElement('button');
  noteButton.type = 'button';
  noteButton.textContent = t('toolbar.addNote');
  noteButton.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    noteBox.hidden = false;
    noteField.focus();
  });

  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×'; // i18n-ignore: a symbol; its name is the aria-label
  close.setAttribute('aria-label', t('toolbar.close'));
  close.addEventListener('click', (event) => {
    if (event.isTrusted) hide();
  });

  bar.append(...buttons, noteButton, close, noteBox, hint, status);
  bar.setAttribute('aria-describedby', 'hc-toolbar-hint');
  hint.id = 'hc-toolbar-hint';
  shadow.append(style, bar);

  // Keep the page selection when a toolbar button is pressed.
  bar.addEventListener('mousedown', (event) => {
    if (event.target !== noteField) event.preventDefault();
  });

  // A toolbar: the arrow keys move between its buttons, Escape closes it (WAI-ARIA toolbar pattern).
  const controls = [...buttons, noteButton, close];
  bar.addEventListener('keydown', (event) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      hide();
      return;
    }
    if (event.target === noteField) return;
    const at = controls.indexOf(shadow.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? controls.length - 1 : step ? (at + step + controls.length) % controls.length : -1;
    if (to < 0) return;
    event.preventDefault();
    controls[to]?.focus();
  });

  const showForSelection = (fromKeyboard = false) => {
    if (busy) return;
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!range.toString().trim()) return;
    if (host.contains(range.commonAncestorContainer)) return;
    // Some DOMs (and very old engines) lack Range geometry: fall back to the selected element's box.
    const element = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : (element ?? doc.documentElement).getBoundingClientRect();
    saved = range.cloneRange();
    clearTimeout(hideTimer);
    status.textContent = '';
    noteBox.hidden = true;
    noteField.value = '';
    if (!host.isConnected) doc.documentElement.append(host);
    bar.hidden = false;
    hint.hidden = !fromKeyboard;
    const top = rect.bottom + win.scrollY + 8;
    const left = Math.max(win.scrollX + 4, Math.min(rect.left + win.scrollX, win.scrollX + win.innerWidth - bar.offsetWidth - 8));
    bar.style.top = `${top}px`;
    bar.style.left = `${left}px`;
  };

  const onPointerUp = (event: Event) => {
    if (event.composedPath().includes(host)) return;
    // After the browser has updated the selection.
    win.setTimeout(showForSelection, 0);
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.composedPath().includes(host)) return;
    if (event.key === 'Escape') hide();
    else if (event.shiftKey && event.key !== 'Tab') showForSelection(true);
  };
  // Tab from the selected text goes into the toolbar first (it sits at the end of the page, far from the text, in tab order).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.shiftKey || bar.hidden || !saved || event.composedPath().includes(host)) return;
    event.preventDefault();
    returnTo = doc.activeElement;
    buttons[0]?.focus();
  };
  const onSelectionChange = () => {
    // Focus in the toolbar may collapse the page selection; the toolbar keeps its own copy.
    if (bar.hidden || busy || !noteBox.hidden || shadow.activeElement) return;
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed) hide();
  };

  doc.addEventListener('mouseup', onPointerUp, true);
  doc.addEventListener('keyup', onKeyUp, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('selectionchange', onSelectionChange);

  return {
    dispose() {
      doc.removeEventListener('mouseup', onPointerUp, true);
      doc.removeEventListener('keyup', onKeyUp, true);
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('selectionchange', onSelectionChange);
      clearTimeout(hideTimer);
      host.remove();
    },
  };
}
