import { Fragment, type ComponentChildren } from 'preact';
import { entryFacts, typePhrase, type EntryFacts } from '../../lib/consult/entry-facts';
import { cleanText, formatCalendarDate, formatDay, isWebAddress, shorten } from '../../lib/consult/format';
import { qrSvgDataUrl } from '../../lib/consult/qr';
import type { ResolvedCollection } from '../../lib/consult/types';
import { shareableCollection, type ShareOptions } from '../../lib/exchange/export-filter';
import type { Prescription, ReadingList } from '../../lib/model/collection';
import { HIGHLIGHT_MEANING_LABELS } from '../../lib/model/highlight-meanings';
import type { SiteRule } from '../../lib/model/source-type';
import { t } from '../../lib/i18n';

export interface CollectionDocumentProps {
  resolved: ResolvedCollection;
  siteRules: readonly SiteRule[];
  now: Date;
  /** A QR code beside each link. Default: on for prescriptions, off for reading lists (they must fit two pages). */
  qrCodes?: boolean;
  /** What may be shown: private items and quotes from forum posts are left out unless included here. */
  share?: ShareOptions;
}

/** The language the document's words are in (the catalogue the browser chose), as an HTML lang value: "en-GB". */
export function documentLanguage(): string {
  return t('@@ui_locale').replace('_', '-');
}

/** Longest passage printed for a highlight: the page has the rest. */
const MAX_QUOTE = 300;

/** Text with its line breaks and paragraphs kept, as paragraphs. */
function Paragraphs({ text, class: className }: { text: string; class?: string }) {
  const paras = cleanText(text).split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <>
      {paras.map((para, i) => (
        <p key={i} class={className}>
          {para.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="hc-doc__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function QrCode({ url, label }: { url: string; label: string }) {
  let src: string;
  try {
    src = qrSvgDataUrl(url);
  } catch {
    return <p class="hc-doc__qr hc-doc__qr--none">{t('consult.doc.qrTooLong', { address: label })}</p>;
  }
  return (
    <figure class="hc-doc__qr">
      <img src={src} alt={t('consult.doc.qrAlt', { address: label })} width={112} height={112} />
      <figcaption>
        <span class="hc-doc__qr-hint">{t('consult.doc.qrHint')} </span>
        {label}
      </figcaption>
    </figure>
  );
}

/**
 * The short address, its site in bold, so one line names the site and says
 * what to type on paper (when there is no QR code to scan).
 */
function Address({ facts }: { facts: EntryFacts }) {
  const path = facts.shortUrl.startsWith(facts.site) ? facts.shortUrl.slice(facts.site.length) : undefined;
  return (
    <span class="hc-doc__address">
      {path === undefined ? (
        facts.shortUrl
      ) : (
        <>
          <strong>{facts.site}</strong>
          {path}
        </>
      )}
    </span>
  );
}

function Item({ facts, noteLabel, qr }: { facts: EntryFacts; noteLabel?: string; qr: boolean }) {
  const showQr = qr && isWebAddress(facts.url);
  return (
    <li class="hc-doc__item" data-source-type={facts.type}>
      <div class={`hc-doc__item-body${showQr ? ' hc-doc__item-body--qr' : ''}`}>
        <div class="hc-doc__item-text">
          <h3 class="hc-doc__item-title">
            {isWebAddress(facts.url) ? (
              <a href={facts.url} rel="noopener noreferrer">
                {facts.title}
              </a>
            ) : (
              facts.title
            )}
          </h3>
          <p class="hc-doc__meta">
            <span class="hc-doc__type">{typePhrase(facts)}</span> {showQr ? facts.site : <Address facts={facts} />} ·{' '}
            <span class="hc-doc__date">{facts.dateLabel}</span>
            {facts.reviewOverdue ? <strong class="hc-doc__overdue"> · {t('consult.doc.reviewOverdue')}</strong> : null}
          </p>
          {facts.quote ? (
            <blockquote class="hc-doc__quote">
              <p>
                {facts.meaning ? <span class="hc-doc__meaning">{HIGHLIGHT_MEANING_LABELS[facts.meaning]}: </span> : null}“{shorten(facts.quote, MAX_QUOTE)}”
              </p>
            </blockquote>
          ) : null}
          {facts.note ? (
            <p class="hc-doc__note">
              {noteLabel ? <strong>{noteLabel}: </strong> : null}
              {facts.note}
            </p>
          ) : null}
        </div>
        {showQr ? <QrCode url={facts.url} label={facts.shortUrl} /> : null}
      </div>
    </li>
  );
}

function Items({ facts, noteLabel, qr }: { facts: EntryFacts[]; noteLabel?: string; qr: boolean }) {
  return (
    <ol class="hc-doc__items">
      {facts.map((f) => (
        <Item key={f.itemId} facts={f} qr={qr} {...(noteLabel ? { noteLabel } : {})} />
      ))}
    </ol>
  );
}


interface ReadingListDocumentProps {
  list: ReadingList;
  facts: (EntryFacts | undefined)[];
  now: Date;
  qr: boolean;
  /** A plain collection: no appointment, so plainer words. */
  plain: boolean;
}

function ReadingListDocument({ list, facts, now, qr, plain }: ReadingListDocumentProps) {
  const present = facts.filter((f): f is EntryFacts => Boolean(f));
  const gone = facts.length - present.length;
  const { date, with: withWhom, medicines } = list.appointment;
  return (
    <article class="hc-doc hc-doc--reading-list" lang={documentLanguage()}>
      <header class="hc-doc__header">
        <p class="hc-doc__kind">{plain ? t('consult.doc.kindCollection') : t('consult.doc.kindReadingList')}</p>
        <h1>{list.title}</h1>
        {date || withWhom || medicines?.trim() ? (
          <dl class="hc-doc__facts">
            {date ? <Fact label={t('consult.doc.appointment')}>{formatCalendarDate(date)}</Fact> : null}
            {withWhom ? <Fact label={t('consult.doc.with')}>{withWhom}</Fact> : null}
            {medicines?.trim() ? <Fact label={t('consult.doc.medicines')}>{cleanText(medicines)}</Fact> : null}
          </dl>
        ) : null}
      </header>
      {list.description.trim() ? <Paragraphs text={list.description} class="hc-doc__intro" /> : null}
      {list.whatMatters.trim() ? (
        <section class="hc-doc__section">
          <h2>{t('consult.doc.whatMatters')}</h2>
          <Paragraphs text={list.whatMatters} />
        </section>
      ) : null}
      {list.questions.length ? (
        <section class="hc-doc__section">
          <h2>{t('consult.doc.questions')}</h2>
          <ol class="hc-doc__questions">
            {list.questions.map((q) => (
              <li key={q.id} class={q.answered ? 'is-answered' : undefined}>
                <span class="hc-doc__tick" aria-hidden="true">
                  {q.answered ? '✓' : ''}
                </span>
                <span class="hc-doc__question">{q.text}</span>
                {q.answered ? (
                  <p class="hc-doc__answer">
                    <strong>{q.answer.trim() ? `${t('consult.doc.answered')}:` : t('consult.doc.answered')}</strong> {cleanText(q.answer)}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {present.length || gone ? (
        <section class="hc-doc__section">
          <h2>{plain ? t('consult.doc.pages') : t('consult.doc.read')}</h2>
          {present.length ? <Items facts={present} noteLabel={plain ? t('consult.doc.note') : t('consult.doc.whyItMatters')} qr={qr} /> : null}
          {gone ? <p class="hc-doc__notice">{t('consult.doc.goneMineHidden', gone)}</p> : null}
        </section>
      ) : null}
      <footer class="hc-doc__footer">
        <p>
          {[
            list.recordedAt ? t('consult.doc.recordedOn', { date: formatDay(list.recordedAt) }) : '',
            t('consult.doc.printedOn', { date: formatDay(now.toISOString()) }),
            t('consult.doc.datesMine'),
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
      </footer>
    </article>
  );
}

function PrescriptionDocument({ prescription: p, facts, qr }: { prescription: Prescription; facts: (EntryFacts | undefined)[]; qr: boolean }) {
  const present = facts.filter((f): f is EntryFacts => Boolean(f));
  const gone = facts.length - present.length;
  const { service, clinician, contact } = p.prescriber;
  return (
    <article class="hc-doc hc-doc--prescription" lang={documentLanguage()}>
      <header class="hc-doc__header">
        <p class="hc-doc__kind">{t('consult.doc.kindPrescription')}</p>
        <h1>{p.title}</h1>
        <dl class="hc-doc__facts">
          {service ? <Fact label={t('consult.doc.from')}>{service}</Fact> : null}
          {clinician ? <Fact label={t('consult.doc.clinician')}>{clinician}</Fact> : null}
          {contact ? <Fact label={t('consult.doc.contact')}>{contact}</Fact> : null}
          {p.issuedAt ? <Fact label={t('consult.doc.issued')}>{formatDay(p.issuedAt)}</Fact> : null}
          {p.patientName ? <Fact label={t('consult.doc.for')}>{p.patientName}</Fact> : null}
          {p.condition ? <Fact label={t('consult.doc.about')}>{p.condition}</Fact> : null}
        </dl>
      </header>
      {p.isTemplate ? <p class="hc-doc__notice hc-screen-only">{t('consult.doc.template')}</p> : null}
      {gone ? <p class="hc-doc__notice hc-screen-only">{t('consult.doc.goneLibraryHidden', gone)}</p> : null}
      {p.description.trim() ? <Paragraphs text={p.description} class="hc-doc__intro" /> : null}
      {present.length ? (
        <section class="hc-doc__section">
          <h2>{t('consult.doc.forYou')}</h2>
          <Items facts={present} qr={qr} />
        </section>
      ) : null}
      {p.support.length ? (
        <section class="hc-doc__section">
          <h2>{t('consult.doc.support')}</h2>
          <ul class="hc-doc__support">
            {p.support.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>
                {s.contact ? `: ${s.contact}` : null}
                {s.note.trim() ? <p class="hc-doc__note">{cleanText(s.note)}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer class="hc-doc__footer">
        <p>
          {qr ? `${t('consult.doc.qrHelp')} ${t('consult.doc.datesSaved')}` : t('consult.doc.datesSaved')}
        </p>
      </footer>
    </article>
  );
}

/**
 * A reading list or an information prescription as a printable document:
 * the print page shows it and the standalone HTML file is rendered from it,
 * so both are the same. Styles are in document-css.ts (A4, ≥ 14 pt
 * in print). Items whose page was deleted from the library are left out:
 * a reading list says how many; a prescription says so on screen only,
 * because the patient's copy does not need it. Items marked private and
 * quotes from forum posts and personal stories are left out unless `share`
 * includes them (lib/exchange/export-filter.ts).
 */
export function CollectionDocument({ resolved: all, siteRules, now, qrCodes, share }: CollectionDocumentProps) {
  const resolved = shareableCollection(all, siteRules, share);
  const { collection } = resolved;
  const facts = resolved.entries.map((e) => entryFacts(e, siteRules, now));
  if (collection.kind === 'prescription') return <PrescriptionDocument prescription={collection} facts={facts} qr={qrCodes ?? true} />;
  const list: ReadingList =
    collection.kind === 'reading-list' ? collection : { ...collection, kind: 'reading-list', questions: [], whatMatters: '', appointment: {} };
  return <ReadingListDocument list={list} facts={facts} now={now} qr={qrCodes ?? false} plain={collection.kind === 'collection'} />;
}
