import { describe, expect, it } from 'vitest';
import { isPageFeatureOn, turnOffPageFeature, turnOnPageFeatures, type FeatureSetting, type PagePermissions } from '../../../../lib/settings/page-features';
import { ANNOTATE_ORIGINS } from '../../../../lib/settings/annotate-origins';

function fakePermissions(answer: boolean) {
  const calls: string[] = [];
  let granted = false;
  const permissions: PagePermissions = {
    request: async ({ origins }) => {
      calls.push(`request ${origins.join(' ')}`);
      granted = granted || answer;
      return answer;
    },
    contains: async () => granted,
    remove: async () => {
      calls.push('remove');
      granted = false;
      return true;
    },
  };
  return { permissions, calls, isGranted: () => granted };
}

function fakeSetting(value = false): FeatureSetting & { value: boolean } {
  const setting = {
    value,
    getValue: async () => setting.value,
    setValue: async (next: boolean) => {
      setting.value = next;
    },
  };
  return setting;
}

describe('page features and their optional access', () => {
  it('asks for the access to every site and turns on all the features given (the welcome page’s “Yes”)', async () => {
    const { permissions, calls } = fakePermissions(true);
    const [annotate, auto] = [fakeSetting(), fakeSetting()];
    expect(await turnOnPageFeatures(permissions, [annotate, auto])).toBe('on');
    expect(calls).toEqual([`request ${ANNOTATE_ORIGINS.join(' ')}`]);
    expect([annotate.value, auto.value]).toEqual([true, true]);
    expect(await isPageFeatureOn(permissions, annotate)).toBe(true);
  });

  it('changes nothing when the browser refuses', async () => {
    const { permissions } = fakePermissions(false);
    const annotate = fakeSetting();
    expect(await turnOnPageFeatures(permissions, [annotate])).toBe('refused');
    expect(annotate.value).toBe(false);
    expect(await isPageFeatureOn(permissions, annotate)).toBe(false);
  });

  it('keeps the access while another feature needs it, and gives it back with the last one', async () => {
    const { permissions, calls, isGranted } = fakePermissions(true);
    const [annotate, auto] = [fakeSetting(), fakeSetting()];
    await turnOnPageFeatures(permissions, [annotate, auto]);
    expect(await turnOffPageFeature(permissions, annotate, [auto])).toBe('off-access-kept');
    expect(isGranted()).toBe(true);
    expect(await turnOffPageFeature(permissions, auto, [annotate])).toBe('off-access-returned');
    expect(isGranted()).toBe(false);
    expect(calls.at(-1)).toBe('remove');
  });

  it('counts a feature as off when its access was taken away in the browser’s own settings', async () => {
    const { permissions } = fakePermissions(true);
    const annotate = fakeSetting(true);
    expect(await isPageFeatureOn(permissions, annotate)).toBe(false);
  });
});
