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
    if (!(await flush())) return 'The template could not be saved, so it was not issued. See the message above.';
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
          <p class="hc-muted">A prescription template. Issue it to a patient to make a dated copy you can personalise. Changes are saved as you type.</p>
        ) : (
          <p class="hc-issued-banner" data-testid="issued-banner">
            Issued on {formatDay(draft.issuedAt)}
            {draft.patientName?.trim() ? ` to ${draft.patientName}` : ''} from{' '}
            {template ? <a href={listHref(template.id)}>{template.title}</a> : prescriptions ? 'a template that has since been deleted' : 'its template'}. Changes here do not change the template.
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
        heading="Reading for your patient"
        hint="Official and charity pages first. Give each a short note in plain English."
        items={draft.items}
        entries={byItem}
        siteRules={siteRules}
        now={new Date()}
        noteLabel="Note for the patient"
        notePlaceholder="In plain English: why to read this, and what to look for"
        readOnly={false}
        onChange={(items, immediate) => edit((c) => ({ ...c, items }), immediate)}
        onAnnounce={say}
      />
      <SupportEditor support={draft.support} onChange={(support, immediate) => edit((c) => ({ ...c, support }), immediate)} onAnnounce={say} />
      <OutputsBar id={stored.id} title={draft.title} siteRules={siteRules} prepare={prepare} />
      {draft.isTemplate ? (
        <section class="hc-panel hc-section" aria-labelledby="hc-issue-section">
          <h2 id="hc-issue-section">Issue to a patient</h2>
          <IssuePanel siteRules={siteRules} prepare={prepare} onIssue={issue} />
          <h3>Issued copies</h3>
          <IssuedCopies copies={copies} />
        </section>
      ) : null}
    </EditorFrame>
  );
}
