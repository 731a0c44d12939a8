import { JSDOM } from 'jsdom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressStatus, type ProgressStatusProps } from '../../../components/ProgressStatus';

// A DOM for Preact in the node environment (a jsdom environment cannot load the shared setup files from a worktree).
const dom = new JSDOM('<!doctype html><body></body>');
Object.assign(globalThis, { document: dom.window.document });
const document = dom.window.document;

let root: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const show = (props: Partial<ProgressStatusProps>) =>
  act(() => {
    render(h(ProgressStatus, { label: 'Restoring your library', text: 'Restoring…', ...props }), root);
  });
const spoken = () => root.querySelector('[role="status"]')?.textContent;

describe('ProgressStatus', () => {
  it('shows nothing for work under half a second, then a named bar, its sentence and Cancel', async () => {
    const onCancel = vi.fn();
    show({ done: 0, total: 5_000, text: 'Restoring 0 of 5,000', onCancel, cancelLabel: 'Cancel' });
    expect(root.innerHTML).toBe('');
    act(() => void vi.advanceTimersByTime(499));
    expect(root.innerHTML).toBe('');
    act(() => void vi.advanceTimersByTime(1));
    const bar = root.querySelector('progress');
    expect(bar?.getAttribute('aria-label')).toBe('Restoring your library');
    expect([bar?.getAttribute('max'), bar?.getAttribute('value')]).toEqual(['5000', '0']);
    expect(root.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(spoken()).toBe('Restoring 0 of 5,000');
    root.querySelector('button')?.click();
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('speaks each tenth of the way, not every batch', () => {
    show({ done: 0, total: 1_000, text: '0 of 1,000', delayMs: 0 });
    const heard = new Set<string | null | undefined>([spoken()]);
    for (let done = 50; done <= 1_000; done += 50) {
      show({ done, total: 1_000, text: `${done} of 1,000`, delayMs: 0 });
      heard.add(spoken());
    }
    expect([...heard]).toEqual(['0 of 1,000', '100 of 1,000', '200 of 1,000', '300 of 1,000', '400 of 1,000', '500 of 1,000', '600 of 1,000', '700 of 1,000', '800 of 1,000', '900 of 1,000', '1000 of 1,000']);
    // The visible sentence follows every batch.
    expect(root.querySelector('.hc-progress__text')?.textContent).toBe('1000 of 1,000');
  });

  it('has no Cancel where stopping is not safe, and a bar without a value while the amount is unknown', () => {
    show({ delayMs: 0 });
    expect(root.querySelector('button')).toBeNull();
    expect(root.querySelector('progress')?.hasAttribute('value')).toBe(false);
  });
});
