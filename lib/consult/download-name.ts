/** Longest file name stem we make, well under every file system's limit. */
const MAX_STEM = 80;

/**
 * A file name made from a list's title with only safe characters
 * (a–z, 0–9 and hyphens), so it works on every system and in every
 * browser's download bar: “Type 2 diabetes: first weeks” → “type-2-diabetes-first-weeks.md”.
 */
export function downloadFileName(title: string, extension: string, fallback = 'health-list'): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_STEM)
    .replace(/^-+|-+$/g, '');
  const ext = extension.replace(/^\.+/, '').replace(/[^a-z0-9]/gi, '').toLowerCase();
  return `${stem || fallback}${ext ? `.${ext}` : ''}`;
}
