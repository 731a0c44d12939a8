import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LiveStatus } from '../LiveStatus';
import { t } from '../../lib/i18n';
import { isPageFeatureOn, turnOffPageFeature, turnOnPageFeatures, type FeatureSetting, type PagePermissions } from '../../lib/settings/page-features';

/** A permissions event as the browser offers it. */
interface PermissionEvent {
  addListener(callback: () => void): void;
  removeListener(callback: () => void): void;
}

/** The browser's permissions API, with the events that say the access changed. */
export interface WatchedPermissions extends PagePermissions {
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
}

/** A boolean setting that says when it changes (a WXT storage item). */
export interface WatchedSetting extends FeatureSetting {
  watch(callback: () => void): () => void;
}

export interface PageFeatureSectionProps {
  /** The heading's id; also the section's data-setting, which tests use. */
  id: string;
  title: string;
  feature: WatchedSetting;
  /** The other features that share the access: it is given back only when none is on. */
  others: readonly WatchedSetting[];
  permissions: WatchedPermissions;
  /** Said after turning it on. */
  turnedOn: string;
  children: ComponentChildren;
}

type Status = { tone: 'success' | 'info'; text: string } | undefined;

/** Whether the feature is on, kept up to date as the setting or the access changes (also from another page). */
function useFeatureOn(permissions: WatchedPermissions, feature: WatchedSetting): boolean | undefined {
  const [on, setOn] = useState<boolean | undefined>();
  useEffect(() => {
    const load = () => void isPageFeatureOn(permissions, feature).then(setOn);
    load();
    permissions.onAdded.addListener(load);
    permissions.onRemoved.addListener(load);
    const unwatch = feature.watch(load);
    return () => {
      unwatch();
      permissions.onAdded.removeListener(load);
      permissions.onRemoved.removeListener(load);
    };
  }, [permissions, feature]);
  return on;
}

/**
 * One optional page feature (badges, automatic highlights): what it does,
 * what access it needs and why, and on/off. The library's Settings and the
 * options page show the same section.
 */
export function PageFeatureSection(props: PageFeatureSectionProps) {
  const enabled = useFeatureOn(props.permissions, props.feature);
  const [status, setStatus] = useState<Status>();
  const turnOn = async () => {
    const outcome = await turnOnPageFeatures(props.permissions, [props.feature]);
    setStatus(outcome === 'on' ? { tone: 'success', text: props.turnedOn } : { tone: 'info', text: t('settings.access.refused') });
  };
  const turnOff = async () => {
    const outcome = await turnOffPageFeature(props.permissions, props.feature, props.others);
    setStatus({ tone: 'success', text: outcome === 'off-access-kept' ? t('settings.access.offKept') : t('settings.access.offReturned') });
  };
  return (
    <section class="hc-panel" aria-labelledby={props.id} data-setting={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
      <p>
        {t('settings.access.status')} <strong>{enabled === undefined ? '…' : enabled ? t('settings.access.on') : t('settings.access.off')}</strong>
      </p>
      {enabled ? (
        <button type="button" onClick={() => void turnOff()}>{t('settings.access.turnOff')}</button>
      ) : (
        <button type="button" class="hc-primary" onClick={() => void turnOn()}>{t('settings.access.turnOn')}</button>
      )}
      <LiveStatus status={status} />
    </section>
  );
}
