import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * The tab the side panel is about: `?tabId=N` when given (end-to-end tests
 * open the panel page in a tab of its own), else the active tab of this
 * window, following the user as they switch tabs. `version` changes when
 * that tab finishes loading a page, so the panel reads it again.
 */
export function useTargetTab(): { tabId: number | undefined; version: number } {
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const [tabId, setTabId] = useState<number | undefined>(Number.isInteger(fixed) && fixed > 0 ? fixed : undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (Number.isInteger(fixed) && fixed > 0) return undefined;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id));
    const onActivated = (info: { tabId: number }) => setTabId(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  useEffect(() => {
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') setVersion((v) => v + 1);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);
  return { tabId, version };
}
