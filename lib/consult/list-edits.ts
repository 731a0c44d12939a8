import type { Collection, Question } from '../model/collection';
import type { Highlight } from '../model/highlight';
import { t } from '../i18n';

/**
 * Pure edits the list editors make to a draft: move, remove and change
 * entries by id, say what moved in words, and find what would stop a draft
 * from being saved. The editors save whole lists (CollectionStore.save).
 */

/** Anything kept in a list by id: items, questions, support entries. */
export interface WithId {
  id: string;
}

/** Where an entry moved: the new list and its old and new positions (0-based). */
export interface Moved<T> {
  list: T[];
  from: number;
  to: number;
}

/** Moves the entry with this id one place up (-1) or down (+1); undefined when it cannot move. */
export function moveById<T extends WithId>(list: readonly T[], id: string, delta: -1 | 1): Moved<T> | undefined {
  const from = list.findIndex((e) => e.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return undefined;
  const next = [...list];
  const [entry] = next.splice(from, 1);
  if (entry === undefined) return undefined;
  next.splice(to, 0, entry);
  return { list: next, from, to };
}

/** The list without the entry with this id. */
export function removeById<T extends WithId>(list: readonly T[], id: string): T[] {
  return list.filter((e) => e.id !== id);
}

/** The list with one entry changed (others untouched, same order). */
export function updateById<T extends WithId>(list: readonly T[], id: string, patch: Partial<T>): T[] {
  return list.map((e) => (e.id === id ? { ...e, ...patch } : e));
}

/** What a screen reader hears after a move: “Moved “Hypos” to position 2 of 3.” */
export function describeMove(label: string, to: number, total: number): string {
  const short = label.length > 80 ? `${label.slice(0, 77)}…` : label;
  return t('consult.edit.moved', { label: short, position: to + 1, total });
}

/**
 * Why a draft cannot be saved yet, in plain words, or undefined when it
 * can. Checks what a person can leave half-done while typing (the schema
 * checks the rest).
 */
export function listProblem(collection: Collection): string | undefined {
  if (!collection.title.trim()) return t('consult.edit.noTitle');
  if (collection.kind === 'reading-list') {
    const empty = collection.questions.findIndex((q) => !q.text.trim());
    if (empty >= 0) return t('consult.edit.emptyQuestion', { number: empty + 1 });
    const date = collection.appointment.date;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return t('consult.edit.badDate');
  }
  if (collection.kind === 'prescription') {
    const unnamed = collection.support.findIndex((s) => !s.name.trim());
    if (unnamed >= 0) return t('consult.edit.unnamedSupport', { number: unnamed + 1 });
  }
  return undefined;
}

/** A "question to ask" highlight offered as a question, once. */
export interface QuestionSuggestion {
  highlightId: string;
  text: string;
  /** The passage it came from, to show beside the suggestion. */
  quote: string;
}

/**
 * The user's "question to ask" highlights that are not yet among the
 * list's questions, each phrased as a question by `phrase` (the words come
 * from lib/consult/starter-questions.ts, passed in to keep this pure).
 */
export function questionSuggestions(
  highlights: readonly Highlight[],
  questions: readonly Pick<Question, 'highlightId'>[],
  phrase: (highlight: Highlight) => string | undefined,
): QuestionSuggestion[] {
  const used = new Set(questions.flatMap((q) => (q.highlightId ? [q.highlightId] : [])));
  const out: QuestionSuggestion[] = [];
  for (const h of highlights) {
    if (h.meaning !== 'question' || used.has(h.id)) continue;
    const text = phrase(h)?.trim();
    if (text) out.push({ highlightId: h.id, text, quote: h.quote.exact });
  }
  return out;
}
