import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusMessage } from '../../components/StatusMessage';
import { ANNOTATE_ORIGINS, annotateHiddenHostsSetting, annotatePagesSetting } from '../../lib/settings/settings';

/** Settings: "annotate pages as I browse", with the access it needs explained, and the sites hidden from it. */
export function SettingsView() {
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const [hidden, setHidden] = useState<string[]>([]);
  const [status, setStatus] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | undefined>();

  useEffect(() => {
    const load = async () => {
      const [on, granted, hosts] = await Promise.all([
        annotatePagesSetting.getValue(),
        browser.permissions.contains({ origins: ANNOTATE_ORIGINS }),
        annotateHiddenHostsSetting.getValue(),
      ]);
      setEnabled(on && granted);
      setHidden(hosts);
    };
    void load();
    const unwatch = [annotatePagesSetting.watch(() => void load()), annotateHiddenHostsSetting.watch(() => void load())];
    return () => unwatch.forEach((u) => u());
  }, []);

  const turnOn = async () => {
    // Must be the first thing the click does: browsers only ask inside a user gesture.
    const granted = await browser.permissions.request({ origins: ANNOTATE_ORIGINS });
    if (!granted) {
      setStatus({ tone: 'info', text: 'Nothing changed: the browser did not give access, so pages will not be annotated.' });
      return;
    }
    await annotatePagesSetting.setValue(true);
    setStatus({ tone: 'success', text: 'Turned on. Pages you open from now on show a small badge in the corner.' });
  };
  const turnOff = async () => {
    await annotatePagesSetting.setValue(false);
    await browser.permissions.remove({ origins: ANNOTATE_ORIGINS }).catch(() => false);
    setStatus({ tone: 'success', text: 'Turned off, and the access to your pages was given back.' });
  };
  const showAgain = async (host: string) => {
    await annotateHiddenHostsSetting.setValue(hidden.filter((h) => h !== host));
    setStatus({ tone: 'success', text: `The badge will show on ${host} again.` });
  };

  return (
    <main>
      <p><a href="#">Back to your library</a></p>
      <h1>Settings</h1>
      <section class="hc-panel" aria-labelledby="hc-annotate-heading">
        <h2 id="hc-annotate-heading">Annotate pages as I browse</h2>
        <p>
          When this is on, a small badge in the corner of web pages shows what kind of source the page is, and when you
          saved it if it is in your library. It appears on pages you have saved and on sites we recognise.
        </p>
        <p>
          To do this the browser must let Health Clipper see the address of every page you open. The address is checked
          on this computer only; nothing about the pages you visit is stored or sent anywhere. You can turn it off at
          any time, and the access is given back.
        </p>
        <p>
          Status: <strong>{enabled === undefined ? '…' : enabled ? 'On' : 'Off'}</strong>
        </p>
        {enabled ? (
          <button type="button" onClick={() => void turnOff()}>Turn off</button>
        ) : (
          <button type="button" class="hc-primary" onClick={() => void turnOn()}>Turn on</button>
        )}
        {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
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
      </section>
    </main>
  );
}
