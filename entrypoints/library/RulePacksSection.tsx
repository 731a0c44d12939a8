import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '../../components/StatusMessage';
import { MAX_RULE_PACK_CHARS, readRulePackFile, type RulePack } from '../../lib/classify/rule-pack';
import { rulePacksSetting } from '../../lib/settings/settings';

/** Largest rule-pack file we read (a file of this many bytes has at most this many characters). */
const MAX_FILE_BYTES = MAX_RULE_PACK_CHARS;

/** Import, preview and remove rule packs that a moderator shared (JSON files). */
export function RulePacksSection() {
  const [packs, setPacks] = useState<RulePack[]>([]);
  const [preview, setPreview] = useState<RulePack | undefined>();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  useEffect(() => {
    void rulePacksSetting.getValue().then(setPacks);
    return rulePacksSetting.watch((value) => setPacks(value ?? []));
  }, []);

  const read = async (file: File | undefined) => {
    setPreview(undefined);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus({ tone: 'error', text: 'That file is too large to be a rule pack. Nothing was added.' });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ tone: 'error', text: 'That file could not be read. Choose it again. Nothing was added.' });
      return;
    }
    const parsed = readRulePackFile(text);
    if (!parsed.ok) {
      setStatus({ tone: 'error', text: `${parsed.error.message} Nothing was added.` });
      return;
    }
    setStatus(undefined);
    setPreview(parsed.value);
  };
  const add = async () => {
    if (!preview) return;
    await rulePacksSetting.setValue([...packs.filter((p) => p.name !== preview.name), preview]);
    setStatus({ tone: 'success', text: `Added “${preview.name}” (${preview.rules.length} sites). Pages you open or save from now on use it.` });
    setPreview(undefined);
  };
  const remove = async (name: string) => {
    await rulePacksSetting.setValue(packs.filter((p) => p.name !== name));
    setStatus({ tone: 'success', text: `Removed “${name}”.` });
  };

  return (
    <section class="hc-panel" aria-labelledby="hc-packs-heading">
      <h2 id="hc-packs-heading">Lists shared by your group</h2>
      <p>
        A support group or practice may share a rule pack: a file that says what kind of source some sites are. Your own
        list above still wins over it.
      </p>
      <label for="hc-pack-file">Choose a rule pack file (.json)</label>
      <input id="hc-pack-file" type="file" accept=".json,application/json" onChange={(e) => void read(e.currentTarget.files?.[0])} />
      {preview ? (
        <div>
          <p>
            “{preview.name}”, version {preview.version}: {preview.rules.length} site{preview.rules.length === 1 ? '' : 's'}, for
            example {preview.rules.slice(0, 3).map((r) => r.host).join(', ')}.
          </p>
          <button type="button" class="hc-primary" onClick={() => void add()}>Add this rule pack</button>
        </div>
      ) : null}
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
      {packs.length ? (
        <ul aria-label="Rule packs">
          {packs.map((p) => (
            <li key={p.name}>
              {p.name} (version {p.version}, {p.rules.length} sites){' '}
              <button type="button" class="hc-link-button" aria-label={`Remove rule pack ${p.name}`} onClick={() => void remove(p.name)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
