import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import { LiveStatus } from '../../../components/LiveStatus';
import { t } from '../../../lib/i18n';

export interface EditorFrameProps {
  title: string;
  /** Under the title: what kind of list this is, when it was kept or issued. */
  intro: ComponentChildren;
  problem?: string;
  error?: string;
  /** The last change, said to screen readers (moves, additions, removals). */
  announcement: string;
  /** Where "Back" goes; default the appointments and prescriptions page. */
  back?: { href: string; label: string };
  children: ComponentChildren;
}

/** What every list editor has: the way back, the title, save problems, and a polite live region. */
export function EditorFrame({ title, intro, problem, error, announcement, back, children }: EditorFrameProps) {
  useEffect(() => document.getElementById('hc-editor-title')?.focus(), []);
  return (
    <main class="hc-editor">
      <p><a href={back?.href ?? '#lists'}>{back?.label ?? t('lists.back.toLists')}</a></p>
      <h1 id="hc-editor-title" tabIndex={-1}>{title.trim() || t('lists.editor.untitled')}</h1>
      {intro}
      {problem ? <StatusMessage tone="error">{t('lists.editor.notSaved', { problem })}</StatusMessage> : null}
      <LiveStatus status={error ? { tone: 'error', text: error } : undefined} />
      <p class="hc-visually-hidden" role="status" aria-live="polite" data-testid="announcer">{announcement}</p>
      {children}
    </main>
  );
}
