import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** Firefox 137+ opens its own shortcut page; Chromium has no such call, but lets an extension open chrome://extensions/shortcuts. */
interface FirefoxCommands {
  openShortcutSettings?: () => Promise<void>;
}

/** Chromium reports the shortcut of the toolbar button under this name. */
const OPEN_POPUP = '_execute_action';

/**
 * Every keyboard shortcut as the user has set it (not the defaults, which
 * the user may have changed or the browser may have refused because another
 * extension holds them), and a button to the browser's own page for changing
 * them: the browsers do not let an extension set its shortcuts itself.
 */
export function ShortcutList() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    void browser.commands.getAll().then((all) =>
      setShortcuts(
        all.map((c) => ({
          name: c.name ?? '',
          description: c.name === OPEN_POPUP || c.name === '_execute_browser_action' ? t('ext.commands.openPopup') : (c.description ?? c.name ?? ''),
          shortcut: c.shortcut ?? '',
        })),
      ),
    );
  }, []);
  const openSettings = async () => {
    setProblem(undefined);
    const commands = browser.commands as unknown as FirefoxCommands;
    try {
      if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
      else if (import.meta.env.FIREFOX) setProblem(t('keyboard.firefoxHelp'));
      else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' }); // i18n-ignore: a browser address
    } catch {
      setProblem(import.meta.env.FIREFOX ? t('keyboard.firefoxHelp') : t('keyboard.couldNotOpen'));
    }
  };
  return (
    <details class="hc-shortcuts">
      <summary>{t('keyboard.heading')}</summary>
      <dl class="hc-shortcuts__list">
        {shortcuts.map((s) => (
          <div key={s.name} class="hc-shortcuts__row" data-command={s.name}>
            <dt>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="hc-muted">{t('keyboard.notSet')}</span>}</dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => void openSettings()}>
        {t('keyboard.change')}
      </button>
      <div role="status" class="hc-live">
        {problem ? <p class="hc-hint">{problem}</p> : null}
      </div>
    </details>
  );
}
