import { useEffect, useMemo } from 'preact/hooks';
import { CollectionDocument } from '../../components/consult/CollectionDocument';
import { useObservable } from '../../components/hooks/use-observable';
import { prescriptionWarnings } from '../../lib/consult/warnings';
import { getRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import { parseHashShare, useHashId } from './use-hash-id';

const libraryLink = (id?: string) => (id ? `library.html#list=${encodeURIComponent(id)}` : 'library.html');

function Toolbar({ id }: { id?: string }) {
  return (
    <nav class="hc-print-toolbar hc-screen-only" aria-label={t('print.toolbar')}>
      {id ? (
        <button type="button" class="hc-primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      ) : null}
      <a class="hc-button" href={libraryLink(id)}>
        {t('print.back')}
      </a>
    </nav>
  );
}

function Problem({ id, message }: { id?: string; message: string }) {
  return (
    <main class="hc-print-page">
      <Toolbar {...(id ? { id } : {})} />
      <p class="hc-status hc-status--error" role="alert">
        {message}
      </p>
    </main>
  );
}

/**
 * `print.html#id=<collectionId>`: a reading list or prescription as a
 * printable document, kept current while open, with a toolbar (and, for a
 * prescription, things to check) that only the screen shows.
 */
export function PrintApp() {
  const id = useHashId();
  const repository = getRepository();
  const list = useObservable(() => repository.collections.observe(id ?? ''), [id]);
  const rules = useObservable(() => repository.observeSiteRules(), []);
  // One "now" per list shown, so dates and warnings agree within the page.
  const now = useMemo(() => new Date(), [id, list.value]);
  const resolved = list.value;
  useEffect(() => {
    document.title = resolved ? resolved.collection.title : t('print.title');
  }, [resolved?.collection.title]);

  if (!id) return <Problem message={t('print.noList')} />;
  if (list.error || rules.error) return <Problem id={id} message={t('print.readError')} />;
  if (!('value' in list) || !rules.value) return <p class="hc-print-page hc-muted" role="status">{t('print.loading')}</p>;
  if (!resolved) return <Problem message={t('print.gone')} />;

  const warnings = resolved.collection.kind === 'prescription' ? prescriptionWarnings(resolved, rules.value, now) : [];
  return (
    <main class="hc-print-page">
      <Toolbar id={id} />
      {warnings.length ? (
        <section class="hc-print-checks hc-screen-only" aria-labelledby="hc-print-checks-heading">
          <h2 id="hc-print-checks-heading">{t('print.checksHeading')}</h2>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.itemId} ${w.reason}`} data-reason={w.reason}>
                <strong>{w.title}:</strong> {w.message}
              </li>
            ))}
          </ul>
          <p class="hc-hint">{t('print.checksNotPrinted')}</p>
        </section>
      ) : null}
      <CollectionDocument resolved={resolved} siteRules={rules.value} now={now} share={parseHashShare(location.hash)} />
    </main>
  );
}
