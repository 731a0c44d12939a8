import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import { collectionHtml } from '../../../components/consult/standalone-html';
import { downloadFileName } from '../../../lib/consult/download-name';
import { collectionMarkdown } from '../../../lib/consult/markdown';
import { collectionPlainText } from '../../../lib/consult/plain-text';
import type { ResolvedCollection } from '../../../lib/consult/types';
import type { SiteRule } from '../../../lib/model/source-type';
import { downloadText } from './download';

export interface OutputsBarProps {
  id: string;
  title: string;
  siteRules: readonly SiteRule[];
  /** Saves what is being typed and looks the list up; undefined when that failed (the editor says why). */
  prepare: () => Promise<ResolvedCollection | undefined>;
}

type Status = { tone: 'success' | 'error' | 'info'; text: string } | undefined;

/** Print or save as PDF, copy as text, download Markdown or a web page. */
export function OutputsBar({ id, title, siteRules, prepare }: OutputsBarProps) {
  const [status, setStatus] = useState<Status>();
  const [fallback, setFallback] = useState<string | undefined>();

  const withList = async (run: (resolved: ResolvedCollection) => Promise<void> | void) => {
    setFallback(undefined);
    const resolved = await prepare();
    if (!resolved) {
      setStatus({ tone: 'error', text: 'The list could not be saved, so it was not printed or copied. See the message above.' });
      return;
    }
    await run(resolved);
  };

  const print = () =>
    withList(() => {
      const opened = window.open(`print.html#id=${encodeURIComponent(id)}`, '_blank');
      setStatus(opened ? { tone: 'info', text: 'The printable list opened in a new tab. Use Print there, or choose “Save as PDF” as the printer.' } : { tone: 'error', text: 'The browser did not open a new tab. Allow pop-ups for Health Clipper, or try again.' });
    });
  const copy = () =>
    withList(async (resolved) => {
      const text = collectionPlainText(resolved, siteRules, new Date());
      try {
        await navigator.clipboard.writeText(text);
        setStatus({ tone: 'success', text: 'Copied. You can paste it into a message to your surgery or a patient portal.' });
      } catch {
        setFallback(text);
        setStatus({ tone: 'error', text: 'The browser did not let us copy. The text is shown below: select it all and copy it yourself (Ctrl+C, or Cmd+C on a Mac).' });
      }
    });
  const download = (kind: 'markdown' | 'html') =>
    withList((resolved) => {
      const now = new Date();
      if (kind === 'markdown') downloadText(collectionMarkdown(resolved, siteRules, now), downloadFileName(title, 'md'), 'text/markdown;charset=utf-8');
      else downloadText(collectionHtml(resolved, siteRules, now), downloadFileName(title, 'html'), 'text/html;charset=utf-8');
      setStatus({ tone: 'success', text: `Downloaded “${downloadFileName(title, kind === 'markdown' ? 'md' : 'html')}”. It is in your Downloads folder.` });
    });

  return (
    <section class="hc-panel hc-section" aria-labelledby="hc-outputs-heading">
      <h2 id="hc-outputs-heading">Print or share</h2>
      <p class="hc-hint">Only what is on this list is included. Nothing is sent anywhere: you choose where it goes.</p>
      <div class="hc-actions">
        <button type="button" class="hc-primary" onClick={() => void print()}>Print or save as PDF</button>
        <button type="button" onClick={() => void copy()}>Copy as text</button>
        <button type="button" onClick={() => void download('markdown')}>Download Markdown</button>
        <button type="button" onClick={() => void download('html')}>Download web page</button>
      </div>
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
      {fallback !== undefined ? (
        <>
          <label for="hc-copy-fallback">The list as text</label>
          <textarea id="hc-copy-fallback" readOnly rows={10} value={fallback} onFocus={(e) => e.currentTarget.select()} />
        </>
      ) : null}
    </section>
  );
}
