import { useEffect, useState } from 'preact/hooks';
import { LiveStatus } from '../../components/LiveStatus';
import { MAX_RULE_PACK_CHARS, readRulePackFile, type RulePack } from '../../lib/classify/rule-pack';
import { rulePacksSetting } from '../../lib/settings/settings';
import { t } from '../../lib/i18n';

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
      setStatus({ tone: 'error', text: t('rules.tooLarge') });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ tone: 'error', text: t('rules.unreadable') });
      return;
    }
    const parsed = readRulePackFile(text);
    if (!parsed.ok) {
      setStatus({ tone: 'error', text: t('rules.refused', { reason: parsed.error.message }) });
      return;
    }
    setStatus(undefined);
    setPreview(parsed.value);
  };
  const add = async () => {
    if (!preview) return;
    await rulePacksSetting.setValue([...packs.filter((p) => p.name !== preview.name), preview]);
    setStatus({ tone: 'success', text: t('rules.added', preview.rules.length, { name: preview.name }) });
    setPreview(undefined);
  };
  const remove = async (name: string) => {
    await rulePacksSetting.setValue(packs.filter((p) => p.name !== name));
    setStatus({ tone: 'success', text: t('rules.removed', { name }) });
  };

  return (
    <section class="hc-panel" aria-labelledby="hc-packs-heading">
      <h2 id="hc-packs-heading">{t('rules.heading')}</h2>
      <p>{t('rules.intro')}</p>
      <label for="hc-pack-file">{t('rules.choose')}</label>
      <input id="hc-pack-file" type="file" accept=".json,application/json" onChange={(e) => void read(e.currentTarget.files?.[0])} />
      {preview ? (
        <div>
          <p>
            {t('rules.preview', preview.rules.length, { name: preview.name, version: preview.version, examples: preview.rules.slice(0, 3).map((r) => r.host).join(', ') })}
          </p>
          <button type="button" class="hc-primary" onClick={() => void add()}>{t('rules.add')}</button>
        </div>
      ) : null}
      <LiveStatus status={status} />
      {packs.length ? (
        <ul aria-label={t('rules.listLabel')}>
          {packs.map((p) => (
            <li key={p.name}>
              {t('rules.item', p.rules.length, { name: p.name, version: p.version })}{' '}
              <button type="button" class="hc-link-button" aria-label={t('rules.removeNamed', { name: p.name })} onClick={() => void remove(p.name)}>
                {t('sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
