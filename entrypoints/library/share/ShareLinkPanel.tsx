import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusMessage } from '../../../components/StatusMessage';
import { qrSvgDataUrl } from '../../../lib/consult/qr';
import type { CollectionFile } from '../../../lib/exchange/collection-file';
import { encodeShareLink, tooLargeMessage } from '../../../lib/exchange/share-link';
import './share.css';
import { t } from '../../../lib/i18n';

export interface ShareLinkPanelProps {
  /** The list as a collection file, with the editor's share options; undefined when it could not be saved (the editor says why). */
  makeFile: () => Promise<CollectionFile | undefined>;
}

/** Longest link drawn as a QR code: longer ones make codes too dense to scan from a screen or paper. */
const QR_MAX_CHARS = 1_500;

type State =
  | { step: 'idle' }
  | { step: 'made'; link: string; copied: boolean; qr?: string }
  | { step: 'problem'; message: string };

/**
 * "Share as a link": the whole list packed into a link (compressed, in the
 * part after #, which browsers never send to a server). Copied to the
 * clipboard, shown to select by hand, and as one QR code for the whole
 * list when it is short enough. Only people with Health Clipper can open it.
 */
export function ShareLinkPanel({ makeFile }: ShareLinkPanelProps) {
  const [state, setState] = useState<State>({ step: 'idle' });

  const share = async () => {
    const file = await makeFile();
    if (!file) {
      setState({ step: 'problem', message: t('share.notSaved') });
      return;
    }
    const link = await encodeShareLink(file, browser.runtime.getURL('/library.html'));
    if (typeof link !== 'string') {
      setState({ step: 'problem', message: tooLargeMessage() });
      return;
    }
    let qr: string | undefined;
    if (link.length <= QR_MAX_CHARS) {
      try {
        qr = qrSvgDataUrl(link);
      } catch {
        qr = undefined;
      }
    }
    const copied = await navigator.clipboard.writeText(link).then(
      () => true,
      () => false,
    );
    setState({ step: 'made', link, copied, ...(qr ? { qr } : {}) });
  };

  return (
    <div class="hc-share-link" data-testid="share-link">
      <h3>{t('share.heading')}</h3>
      <p class="hc-hint">
        {t('share.hint')}
      </p>
      <div class="hc-actions">
        <button type="button" onClick={() => void share()}>{t('share.button')}</button>
      </div>
      {state.step === 'problem' ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      {state.step === 'made' ? (
        <>
          <StatusMessage tone={state.copied ? 'success' : 'info'}>
            {state.copied ? t('share.copied') : t('share.selectIt')}
          </StatusMessage>
          <label for="hc-share-link-field">{t('share.linkLabel', { count: state.link.length.toLocaleString() })}</label>
          <input id="hc-share-link-field" type="text" readOnly value={state.link} onFocus={(e) => e.currentTarget.select()} />
          {state.qr ? (
            <figure class="hc-share-link__qr">
              <img src={state.qr} width={220} height={220} alt={t('share.qrAlt')} />
              <figcaption class="hc-hint">{t('share.qrCaption')}</figcaption>
            </figure>
          ) : (
            <p class="hc-hint">{t('share.qrTooLong')}</p>
          )}
        </>
      ) : null}
    </div>
  );
}
