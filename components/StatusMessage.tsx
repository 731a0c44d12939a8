import type { ComponentChildren } from 'preact';

export interface StatusMessageProps {
  tone: 'info' | 'success' | 'error';
  children: ComponentChildren;
}

/** A message that screen readers announce: errors at once, others politely. */
export function StatusMessage({ tone, children }: StatusMessageProps) {
  return (
    <div class={`hc-status hc-status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
