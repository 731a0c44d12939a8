import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useObservable } from '../../components/hooks/use-observable';
import { PageFeatures } from '../../components/settings/PageFeatures';
import { LiveStatus } from '../../components/LiveStatus';
import { TagInput } from '../../components/TagInput';
import { getRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import {
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_COLOUR_LABEL_KEYS,
  HIGHLIGHT_MEANINGS,
  HIGHLIGHT_MEANING_ICONS,
  HIGHLIGHT_MEANING_LABELS,
  HIGHLIGHT_MEANING_UNDERLINES,
  HIGHLIGHT_PALETTE,
  resolveMeaningColours,
  type HighlightColour,
  type HighlightMeaning,
} from '../../lib/model/highlight-meanings';
import {
  BACKUP_REMINDER_FREQUENCIES,
  backupReminderFrequencySetting,
  defaultTagsSetting,
  highlightColoursSetting,
  type BackupReminderFrequency,
} from '../../lib/settings/settings';
import { useSetting } from '../../components/hooks/use-setting';

/** Tags every new save starts with. */
function DefaultTagsSection() {
  const tags = useSetting(defaultTagsSetting);
  const known = useObservable(() => getRepository().observeTags(), []).value ?? [];
  const [said, setSaid] = useState<string>();
  const handleChange = async (next: string[]) => {
    await defaultTagsSetting.setValue(next);
    setSaid(next.length ? t('options.tags.saved', { tags: next.join(', ') }) : t('options.tags.cleared'));
  };
  return (
    <section class="hc-panel" aria-labelledby="hc-options-tags" data-setting="default-tags">
      <h2 id="hc-options-tags">{t('options.tags.title')}</h2>
      <p>{t('options.tags.what')}</p>
      {tags === undefined ? null : <TagInput tags={tags} suggestions={known} onChange={(next) => void handleChange(next)} label={t('options.tags.label')} />}
      <LiveStatus status={said ? { tone: 'success', text: said } : undefined} />
    </section>
  );
}

/** One meaning's colour: its fixed name and icon as the legend, the palette as radio buttons. */
function MeaningColour(props: { meaning: HighlightMeaning; colour: HighlightColour; onPick: (colour: HighlightColour) => void }) {
  const { meaning } = props;
  return (
    <fieldset class="hc-choices" data-meaning={meaning}>
      <legend>
        <span class="hc-highlight__icon" aria-hidden="true">{HIGHLIGHT_MEANING_ICONS[meaning]}</span>
        {HIGHLIGHT_MEANING_LABELS[meaning]}
      </legend>
      <div class="hc-colour-grid">
        {HIGHLIGHT_COLOURS.map((colour) => (
          <label key={colour}>
            <input type="radio" name={`hc-colour-${meaning}`} value={colour} checked={props.colour === colour} onChange={() => props.onPick(colour)} />
            <span
              class="hc-swatch"
              aria-hidden="true"
              style={{ background: HIGHLIGHT_PALETTE[colour].highlight, textDecoration: HIGHLIGHT_MEANING_UNDERLINES[meaning], textDecorationColor: HIGHLIGHT_PALETTE[colour].line }}
            >
              {'\u2003\u2003'}
            </span>
            {t(HIGHLIGHT_COLOUR_LABEL_KEYS[colour])}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The colour of each highlight meaning; names, icons and underlines stay as they are. */
function HighlightColoursSection() {
  const stored = useSetting(highlightColoursSetting);
  const [said, setSaid] = useState<string>();
  if (stored === undefined) return null;
  const colours = resolveMeaningColours(stored);
  const pick = async (meaning: HighlightMeaning, colour: HighlightColour) => {
    await highlightColoursSetting.setValue({ ...colours, [meaning]: colour });
    setSaid(t('options.colours.saved', { meaning: HIGHLIGHT_MEANING_LABELS[meaning], colour: t(HIGHLIGHT_COLOUR_LABEL_KEYS[colour]) }));
  };
  return (
    <section class="hc-panel" aria-labelledby="hc-options-colours" data-setting="highlight-colours">
      <h2 id="hc-options-colours">{t('options.colours.title')}</h2>
      <p>{t('options.colours.what')}</p>
      {HIGHLIGHT_MEANINGS.map((meaning) => (
        <MeaningColour key={meaning} meaning={meaning} colour={colours[meaning]} onPick={(colour) => void pick(meaning, colour)} />
      ))}
      <LiveStatus status={said ? { tone: 'success', text: said } : undefined} />
    </section>
  );
}

const FREQUENCY_KEYS = { off: 'options.reminder.off', week: 'options.reminder.week', month: 'options.reminder.month' } as const satisfies Record<BackupReminderFrequency, string>;

/** How often the library may suggest a backup. */
function BackupReminderSection() {
  const frequency = useSetting(backupReminderFrequencySetting);
  const [said, setSaid] = useState<string>();
  const pick = async (next: BackupReminderFrequency) => {
    await backupReminderFrequencySetting.setValue(next);
    setSaid(next === 'off' ? t('options.reminder.savedOff') : t('options.reminder.saved'));
  };
  return (
    <section class="hc-panel" aria-labelledby="hc-options-reminder" data-setting="backup-reminder">
      <h2 id="hc-options-reminder">{t('options.reminder.title')}</h2>
      <p>{t('options.reminder.what')}</p>
      <fieldset class="hc-choices">
        <legend>{t('options.reminder.legend')}</legend>
        {BACKUP_REMINDER_FREQUENCIES.map((option) => (
          <label key={option}>
            <input type="radio" name="hc-backup-reminder" value={option} checked={frequency === option} onChange={() => void pick(option)} />
            {t(FREQUENCY_KEYS[option])}
          </label>
        ))}
      </fieldset>
      <p>
        {t('options.reminder.backupWhere')} <a href="/library.html#settings">{t('options.reminder.openBackup')}</a>
      </p>
      <LiveStatus status={said ? { tone: 'success', text: said } : undefined} />
    </section>
  );
}

/**
 * The options page (the browser's "Extension options", and linked from the
 * library's Settings): default tags, highlight colours, the backup
 * reminder, and the two page features with the access they need.
 */
export function OptionsApp() {
  return (
    <main class="hc-settings-page">
      <p><a href="/library.html">{t('options.openLibrary')}</a></p>
      <h1>{t('options.title')}</h1>
      <p>{t('options.intro')}</p>
      <DefaultTagsSection />
      <HighlightColoursSection />
      <BackupReminderSection />
      <PageFeatures permissions={browser.permissions} />
    </main>
  );
}
