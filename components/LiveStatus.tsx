export interface LiveStatusProps {
  /** The message to say now; undefined leaves both regions empty. */
  status: { tone: 'info' | 'success' | 'error'; text: string } | undefined;
  class?: string;
}

/**
 * A polite region for news and an assertive one for errors, both in the page
 * from the first render: screen readers often say nothing when a live region
 * is inserted together with its text, so the text changes inside regions that
 * are already there. Only the region for the current tone holds the message,
 * so each message is announced once.
 */
export function LiveStatus({ status, class: className }: LiveStatusProps) {
  const tone = status?.tone;
  const text = status?.text;
  const extra = className ? ` ${className}` : '';
  return (
    <div class={`hc-live${extra}`}>
      <div class={tone && tone !== 'error' ? `hc-status hc-status--${tone}` : 'hc-status-empty'} role="status">
        {tone && tone !== 'error' ? text : null}
      </div>
      <div class={tone === 'error' ? 'hc-status hc-status--error' : 'hc-status-empty'} role="alert">
        {tone === 'error' ? text : null}
      </div>
    </div>
  );
}
