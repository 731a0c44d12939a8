import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusMessage } from '../../../components/StatusMessage';
import type { LibraryRepository } from '../../../lib/db/repository';
import { originPattern, parseSubscriptionUrl } from '../../../lib/exchange/fetch-collection';
import type { Collection } from '../../../lib/model/collection';
import { ImportPreview } from '../import/ImportPreview';
import { listHref } from '../use-hash-route';
import { previewFollow, type FollowPreview } from './subscription-actions';
import { t } from '../../../lib/i18n';

export interface FollowFormProps {
  repo: LibraryRepository;
  /** The collections already followed, to say so instead of importing one twice. */
  followed: readonly Collection[];
  /** Called with the new collection once it is in the library and followed. */
  onFollowed: (collection: Collection) => void;
}

type State =
  | { step: 'idle' }
  | { step: 'fetching'; host: string }
  | { step: 'problem'; message: string; already?: Collection }
  | { step: 'preview'; preview: FollowPreview; busy: boolean; error?: string };

/**
 * "Follow a collection at an address": an https address, access to that one
 * site asked for in the click, one request for the file, the import
 * preview, then "Add to my library" imports it and remembers the address.
 */
export function FollowForm({ repo, followed, onFollowed }: FollowFormProps) {
  const [address, setAddress] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });

  const follow = async (event: Event) => {
    event.preventDefault();
    const url = parseSubscriptionUrl(address);
    if (!url.ok) {
      setState({ step: 'problem', message: url.error.message });
      return;
    }
    const already = followed.find((c) => c.subscription?.url === url.value.href);
    if (already) {
      setState({ step: 'problem', message: t('follow.already', { title: already.title }), already });
      return;
    }
    // Must come first in the click: browsers only ask during a user gesture. Only this one site.
    const granted = await browser.permissions.request({ origins: [originPattern(url.value)] }).catch(() => false);
    if (!granted) {
      setState({ step: 'problem', message: t('follow.noAccessFetch', { host: url.value.host }) });
      return;
    }
    setState({ step: 'fetching', host: url.value.host });
    const preview = await previewFollow(repo, url.value.href);
    setState(preview.ok ? { step: 'preview', preview: preview.value, busy: false } : { step: 'problem', message: preview.error.message });
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, busy: true, error: undefined });
    const { plan, url, download } = state.preview;
    const result = await repo.subscriptions.importAndFollow(plan, url, download);
    if (!result.ok) {
      setState({ ...state, busy: false, error: result.error.message });
      return;
    }
    setAddress('');
    setState({ step: 'idle' });
    onFollowed(result.value);
  };

  // Screen-reader and keyboard users land on the preview when it appears (its heading takes focus).
  useEffect(() => {
    if (state.step === 'preview' && !state.busy) document.getElementById('hc-import-preview-heading')?.focus();
  }, [state.step]);

  const fetching = state.step === 'fetching' || (state.step === 'preview' && state.busy);
  return (
    <section class="hc-panel hc-section" aria-labelledby="hc-follow-heading">
      <h2 id="hc-follow-heading">{t('follow.formHeading')}</h2>
      <p>{t('follow.formIntro')}</p>
      <form onSubmit={(e) => void follow(e)}>
        <label for="hc-follow-address">{t('follow.addressLabel')}</label>
        <input
          id="hc-follow-address"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="https://www.example.org/collections/first-steps.json" // i18n-ignore: an example address, the same in every language
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <p class="hc-hint">{t('follow.formHint')}</p>
        <div class="hc-actions">
          <button type="submit" class="hc-primary" disabled={fetching}>{t('follow.follow')}</button>
        </div>
      </form>
      {state.step === 'fetching' ? <p role="status">{t('follow.fetching', { host: state.host })}</p> : null}
      {state.step === 'problem' ? (
        <StatusMessage tone="error">
          {state.message}
          {state.already ? <> <a href={listHref(state.already.id)}>{t('follow.openIt')}</a></> : ` ${t('follow.nothingAdded')}`}
        </StatusMessage>
      ) : null}
      {state.step === 'preview' ? (
        <>
          {state.error ? <StatusMessage tone="error">{state.error}</StatusMessage> : null}
          <ImportPreview
            plan={state.preview.plan}
            from={t('follow.previewFrom', { host: new URL(state.preview.url).host })}
            busy={state.busy}
            onConfirm={() => void confirm()}
            onCancel={() => setState({ step: 'idle' })}
          />
        </>
      ) : null}
    </section>
  );
}
