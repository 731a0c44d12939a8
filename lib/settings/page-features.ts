import { ANNOTATE_ORIGINS } from './annotate-origins';

/**
 * "Annotate pages as I browse" and "Show my highlights automatically" both
 * need the optional access to the pages the user opens. Shared by the
 * library's Settings, the options page and the welcome page, so turning a
 * feature on or off means the same everywhere. The browser's permissions
 * API comes in as an argument (tests pass a fake one).
 */

/** The part of the browser's permissions API the page features use. */
export interface PagePermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** A boolean setting as WXT's storage items offer it. */
export interface FeatureSetting {
  getValue(): Promise<boolean>;
  setValue(value: boolean): Promise<void>;
}

/** What turning features on did: 'on', or 'refused' when the browser (or the user in its prompt) said no. */
export type TurnOnOutcome = 'on' | 'refused';

/** What turning a feature off did to the access: kept for another feature still on, or given back. */
export type TurnOffOutcome = 'off-access-kept' | 'off-access-returned';

/**
 * Asks for the access, then turns the features on. The request must be the
 * first thing awaited in the click handler: browsers only show their prompt
 * inside a user gesture.
 */
export async function turnOnPageFeatures(permissions: PagePermissions, features: readonly FeatureSetting[]): Promise<TurnOnOutcome> {
  const granted = await permissions.request({ origins: ANNOTATE_ORIGINS });
  if (!granted) return 'refused';
  await Promise.all(features.map((f) => f.setValue(true)));
  return 'on';
}

/** Turns one feature off, and gives the access back unless another feature still needs it. */
export async function turnOffPageFeature(permissions: PagePermissions, feature: FeatureSetting, others: readonly FeatureSetting[]): Promise<TurnOffOutcome> {
  await feature.setValue(false);
  const othersOn = await Promise.all(others.map((s) => s.getValue()));
  if (othersOn.some(Boolean)) return 'off-access-kept';
  await permissions.remove({ origins: ANNOTATE_ORIGINS }).catch(() => false);
  return 'off-access-returned';
}

/** Whether a feature is on: its setting, and the access it needs still granted. */
export async function isPageFeatureOn(permissions: PagePermissions, feature: FeatureSetting): Promise<boolean> {
  const [value, granted] = await Promise.all([feature.getValue(), permissions.contains({ origins: ANNOTATE_ORIGINS })]);
  return value && granted;
}
