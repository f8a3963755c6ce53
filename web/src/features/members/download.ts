/** The file name of the export of my data. */
export const EXPORT_FILE_NAME = 'my-alumni-data.json';

/**
 * Offers data as a JSON file download: a Blob behind a temporary object URL, clicked through a
 * hidden link with the `download` attribute, then let go. False where the browser cannot (no object URLs).
 */
export function saveJsonFile(data: unknown, fileName: string, doc: Document = document): boolean {
  return saveFile(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }), fileName, doc);
}

/** Offers a Blob as a file download, as {@link saveJsonFile} does; false where the browser cannot. */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): boolean {
  const url = typeof URL.createObjectURL === 'function' ? URL : null;
  if (!url) return false;
  const href = url.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked a moment later: the browser starts the download from the URL asynchronously.
    setTimeout(() => url.revokeObjectURL(href), 10_000);
  }
  return true;
}

/** Copies text to the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
