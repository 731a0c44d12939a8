import { describe, expect, it } from 'vitest';
import { downloadFileName } from '../../../../lib/consult/download-name';

describe('downloadFileName', () => {
  it.each([
    ['Type 2 diabetes: first weeks', 'md', 'type-2-diabetes-first-weeks.md'],
    ['My next appointment', '.html', 'my-next-appointment.html'],
    ['Crème brûlée & café / ../../etc', 'md', 'creme-brulee-cafe-etc.md'],
    ['  ***  ', 'md', 'health-list.md'],
    ['患者', 'txt', 'health-list.txt'],
    ['a'.repeat(300), 'md', `${'a'.repeat(80)}.md`],
  ])('%j → %s', (title, ext, expected) => {
    expect(downloadFileName(title, ext)).toBe(expected);
  });

  it('never leaves a trailing hyphen after shortening', () => {
    expect(downloadFileName(`${'a'.repeat(79)} b`, 'md')).toBe(`${'a'.repeat(79)}.md`);
  });
});
