import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LiveStatus } from '../../components/LiveStatus';
import { t } from '../../lib/i18n';
import { turnOnPageFeatures } from '../../lib/settings/page-features';
import { annotatePagesSetting, autoHighlightsSetting } from '../../lib/settings/settings';

type Answer = { tone: 'success' | 'info'; text: string } | undefined;

/** "Annotate pages as I browse?": Yes asks the browser for the access and turns badges and automatic highlights on; Not now leaves both off. */
function AnnotateQuestion() {
  const [answer, setAnswer] = useState<Answer>();
  const handleYes = async () => {
    // The request must start in the click itself: browsers show their prompt only inside a user gesture.
    const outcome = await turnOnPageFeatures(browser.permissions, [annotatePagesSetting, autoHighlightsSetting]);
    setAnswer(outcome === 'on' ? { tone: 'success', text: t('welcome.annotate.yesDone') } : { tone: 'info', text: t('welcome.annotate.refused') });
  };
  const handleNotNow = () => setAnswer({ tone: 'info', text: t('welcome.annotate.notNowDone') });
  return (
    <section class="hc-panel" aria-labelledby="hc-welcome-annotate" data-section="annotate">
      <h2 id="hc-welcome-annotate">{t('welcome.annotate.title')}</h2>
      <p>{t('welcome.annotate.badges')}</p>
      <p>{t('welcome.annotate.highlights')}</p>
      <p>{t('welcome.annotate.access')}</p>
      <div class="hc-actions">
        <button type="button" class="hc-primary" onClick={() => void handleYes()}>{t('welcome.annotate.yes')}</button>
        <button type="button" onClick={handleNotNow}>{t('welcome.annotate.notNow')}</button>
      </div>
      <LiveStatus status={answer} />
    </section>
  );
}

/**
 * The page the extension opens once, when it is first installed: where the
 * library is kept, how the source type is decided, the one question (may it
 * annotate pages as you browse?) and how to back up.
 */
export function WelcomeApp() {
  return (
    <main class="hc-settings-page">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <section class="hc-panel" aria-labelledby="hc-welcome-stored">
        <h2 id="hc-welcome-stored">{t('welcome.stored.title')}</h2>
        <p>{t('welcome.stored.library')}</p>
        <p>{t('welcome.stored.settings')}</p>
        <p>{t('welcome.stored.nothingSent')}</p>
      </section>
      <section class="hc-panel" aria-labelledby="hc-welcome-types">
        <h2 id="hc-welcome-types">{t('welcome.types.title')}</h2>
        <p>{t('welcome.types.how')}</p>
        <p>{t('welcome.types.notAdvice')}</p>
        <p>{t('welcome.types.change')}</p>
      </section>
      <AnnotateQuestion />
      <section class="hc-panel" aria-labelledby="hc-welcome-backup">
        <h2 id="hc-welcome-backup">{t('welcome.backup.title')}</h2>
        <p>{t('welcome.backup.why')}</p>
        <p>{t('welcome.backup.reminder')}</p>
        <p>
          <a class="hc-button" href="/library.html#settings">{t('welcome.backup.open')}</a>
        </p>
      </section>
      <p>
        {t('welcome.later')} <a href="/options.html">{t('welcome.openOptions')}</a>
      </p>
      <p>
        <a href="/library.html">{t('welcome.openLibrary')}</a>
      </p>
    </main>
  );
}
