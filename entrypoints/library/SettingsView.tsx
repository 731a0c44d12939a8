import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusMessage } from '../../components/StatusMessage';
import { getRepository } from '../../lib/db/repository';
import { ANNOTATE_ORIGINS, annotateHiddenHostsSetting, annotatePagesSetting, autoHighlightsSetting } from '../../lib/settings/settings';
import { BackupSection } from './backup/BackupSection';
import { LinkImportSection } from './backup/LinkImportSection';
import { RestoreSection } from './backup/RestoreSection';
import { SearchIndexSection } from './SearchIndexSection';
import { DeleteEverythingSection } from './storage/DeleteEverythingSection';
import { PersistenceSection } from './storage/PersistenceSection';

type Status = { tone: 'success' | 'error' | 'info'; text: string } | undefined;
type PageSetting = typeof annotatePagesSetting;

/** Both features use the same optional access; it is given back only when neither is on. */
const PAGE_SETTINGS: PageSetting[] = [annotatePagesSetting, autoHighlightsSetting];

/** Whether a page feature is on: its setting, and the access it needs still granted. */
function useOnWithAccess(setting: PageSetting): boolean | undefined {
  const [on, setOn] = useState<boolean | undefined>();
  useEffect(() => {
    const load = async () => {
      const [value, granted] = await Promise.all([setting.getValue(), browser.permissions.contains({ origins: ANNOTATE_ORIGINS })]);
      setOn(value && granted);
    };
    void load();
    const onChange = () => void load();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    const unwatch = setting.watch(onChange);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);
  return on;
}

/** One optional page feature: what it does, what access it needs and why, and on/off. */
function PageFeature(props: { id: string; title: string; setting: PageSetting; turnedOn: string; children: ComponentChildren }) {
  const enabled = useOnWithAccess(props.setting);
  const [status, setStatus] = useState<Status>();
  const turnOn = async () => {
    // Must be the first thing the click does: browsers only ask inside a user gesture.
    const granted = await browser.permissions.request({ origins: ANNOTATE_ORIGINS });
    if (!granted) {
      setStatus({ tone: 'info', text: 'Nothing changed: the browser did not give access, so this stays off.' });
      return;
    }
    await props.setting.setValue(true);
    setStatus({ tone: 'success', text: props.turnedOn });
  };
  const turnOff = async () => {
    await props.setting.setValue(false);
    const othersOn = await Promise.all(PAGE_SETTINGS.filter((s) => s !== props.setting).map((s) => s.getValue()));
    if (othersOn.some(Boolean)) {
      setStatus({ tone: 'success', text: 'Turned off. The access to your pages is kept for the other setting that is still on.' });
      return;
    }
    await browser.permissions.remove({ origins: ANNOTATE_ORIGINS }).catch(() => false);
    setStatus({ tone: 'success', text: 'Turned off, and the access to your pages was given back.' });
  };
  return (
    <section class="hc-panel" aria-labelledby={props.id} data-setting={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
      <p>
        Status: <strong>{enabled === undefined ? '…' : enabled ? 'On' : 'Off'}</strong>
      </p>
      {enabled ? (
        <button type="button" onClick={() => void turnOff()}>Turn off</button>
      ) : (
        <button type="button" class="hc-primary" onClick={() => void turnOn()}>Turn on</button>
      )}
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
    </section>
  );
}

/**
 * Settings: badges and automatic highlights, each with the access it needs
 * explained, and the sites hidden from badges; whether the browser keeps
 * the library; backup and restore of the whole library; links brought from
 * other tools; and, set apart at the end, "Delete everything".
 */
export function SettingsView() {
  const repo = getRepository();
  const [hidden, setHidden] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>();
  useEffect(() => {
    void annotateHiddenHostsSetting.getValue().then(setHidden);
    return annotateHiddenHostsSetting.watch((hosts) => setHidden(hosts));
  }, []);
  const showAgain = async (host: string) => {
    await annotateHiddenHostsSetting.setValue(hidden.filter((h) => h !== host));
    setStatus({ tone: 'success', text: `The badge will show on ${host} again.` });
  };

  return (
    <main>
      <p><a href="#">Back to your library</a></p>
      <h1>Settings</h1>
      <PageFeature
        id="hc-annotate-heading"
        title="Annotate pages as I browse"
        setting={annotatePagesSetting}
        turnedOn="Turned on. Pages you open from now on show a small badge in the corner."
      >
        <p>
          When this is on, a small badge in the corner of web pages shows what kind of source the page is, and when you
          saved it if it is in your library. It appears on pages you have saved and on sites we recognise.
        </p>
        <p>
          To do this the browser must let Health Clipper see the address of every page you open. The address is checked
          on this computer only; nothing about the pages you visit is stored or sent anywhere. You can turn it off at
          any time, and the access is given back.
        </p>
        <h3>Sites where the badge is hidden</h3>
        {hidden.length === 0 ? (
          <p class="hc-muted">None. Use “Hide on this site” on a badge to add one.</p>
        ) : (
          <ul>
            {hidden.map((host) => (
              <li key={host}>
                {host}{' '}
                <button type="button" class="hc-link-button" onClick={() => void showAgain(host)}>Show again</button>
              </li>
            ))}
          </ul>
        )}
        {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
      </PageFeature>
      <PageFeature
        id="hc-auto-highlights-heading"
        title="Show my highlights automatically"
        setting={autoHighlightsSetting}
        turnedOn="Turned on. Pages you have highlighted show your highlights when you open them, and selecting text offers the highlight toolbar."
      >
        <p>
          Without this, your highlights come back when you click the Health Clipper button on a page (or open the side
          panel from it). With it on, they are shown as soon as you open a page you have highlighted, including pages
          that load their text late, and selecting text on any page offers a small toolbar to highlight it.
        </p>
        <p>
          This needs the same access as the badges: the browser must let Health Clipper read the pages you open, so it
          can find your saved passages in them. Only the passages go to the page, never your notes; nothing is stored or
          sent anywhere else. You can turn it off at any time.
        </p>
      </PageFeature>
      <SearchIndexSection />
      <PersistenceSection />
      <BackupSection repo={repo} />
      <RestoreSection repo={repo} />
      <LinkImportSection repo={repo} />
      <DeleteEverythingSection repo={repo} />
    </main>
  );
}
