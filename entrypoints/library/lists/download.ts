/**
 * Saves text as a file through the browser's normal download (a Blob and a
 * temporary <a download>), so the extension needs no "downloads" permission.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
