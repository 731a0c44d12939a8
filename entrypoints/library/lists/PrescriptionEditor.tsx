import { useMemo, useState } from 'preact/hooks';
import { useObservable } from '../../../components/hooks/use-observable';
import { formatDay } from '../../../lib/consult/format';
import type { ResolvedItem } from '../../../lib/consult/types';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { Prescription } from '../../../lib/model/collection';
import { prescriberSetting } from '../../../lib/settings/settings';
import { listHref } from '../use-hash-route';
import { EditorFrame } from './EditorFrame';
import { IssuedCopies } from './IssuedCopies';
import { IssuePanel } from './IssuePanel';
import { ItemsSection } from './ItemsSection';
import { OutputsBar } from './OutputsBar';
import { PrescriberFields } from './PrescriberFields';
import { SupportEditor } from './SupportEditor';
import { useListDraft } from './use-list-draft';
import { t } from '../../../lib/i18n';

export interface PrescriptionEditorProps {
  repo: LibraryRepository;
  stored: Prescription;
  entries: readonly ResolvedItem[];
}

/** An information prescription: a template per condition, or a copy issued to one patient that can be personalised. */
export function PrescriptionEditor({ repo, stored, entries }: PrescriptionEditorProps) {
  const { draft, edit, flush, problem, error } = useListDraft(repo, stored);
  const [said, say] = useState('');
  const siteRules = useObservable(() => repo.observeSiteRules(), []).value ?? [];
  const prescriptions = useObservable(() => repo.collections.observeList('prescription'), []).value;
  const byItem = useMemo(() => new Map(entries.map((e) => [e.item.id, e])), [entries]);
  const template = prescriptions?.find((p) => p.id === draft.templateId);
  const copies = (prescriptions ?? []).filter((p): p is Prescription => p.kind === 'prescription' && p.templateId === stored.id);
  const prepare = async () => ((await flush()) ? repo.collections.resolve(stored.id) : undefined);

  const issue = async (patientName: string) => {
    if (!(await flush())) return t('lists.prescription.notSavedNotIssued');
    const result = await repo.collections.issue(stored.id, patientName);
    if (!result.ok) return result.error.message;
    location.hash = listHref(result.value.id);
    return undefined;
  };

  return (
    <EditorFrame
      title={draft.title}
      problem={problem}
      error={error}
      announcement={said}
      intro={
        draft.isTemplate ? (
          <p class="hc-muted">{t('lists.prescription.templateIntro')}</p>
        ) : (
          <p class="hc-issued-banner" data-testid="issued-banner">
            {draft.patientName?.trim()
              ? t('lists.prescription.issuedTo', { date: formatDay(draft.issuedAt), name: draft.patientName })
              : t('lists.prescription.issuedOn', { date: formatDay(draft.issuedAt) })}{' '}
            {template ? <a href={listHref(template.id)}>{template.title}</a> : prescriptions ? t('lists.prescription.deletedTemplate') : t('lists.prescription.itsTemplate')}.{' '}
            {t('lists.prescription.notChanged')}
          </p>
        )
      }
    >
      <PrescriberFields
        prescription={draft}
        onChange={(patch) => edit((c) => ({ ...c, ...patch }))}
        onPrescriber={(prescriber) => {
          edit((c) => ({ ...c, prescriber }));
          void prescriberSetting.setValue(prescriber);
        }}
      />
      <ItemsSection
        repo={repo}
        heading={t('lists.prescription.itemsHeading')}
        hint={t('lists.prescription.itemsHint')}
        items={draft.items}
        entries={byItem}
        siteRules={siteRules}
        now={new Date()}
        noteLabel={t('lists.prescription.noteLabel')}
        notePlaceholder={t('lists.prescription.notePlaceholder')}
        readOnly={false}
        onChange={(items, immediate) => edit((c) => ({ ...c, items }), immediate)}
        onAnnounce={say}
      />
      <SupportEditor support={draft.support} onChange={(support, immediate) => edit((c) => ({ ...c, support }), immediate)} onAnnounce={say} />
      <OutputsBar id={stored.id} title={draft.title} siteRules={siteRules} prepare={prepare} />
      {draft.isTemplate ? (
        <section class="hc-panel hc-section" aria-labelledby="hc-issue-section">
          <h2 id="hc-issue-section">{t('lists.prescription.issueHeading')}</h2>
          <IssuePanel siteRules={siteRules} prepare={prepare} onIssue={issue} />
          <h3>{t('lists.prescription.issuedCopies')}</h3>
          <IssuedCopies copies={copies} />
        </section>
      ) : null}
    </EditorFrame>
  );
}
