/**
 * Starts a browser download of `blob` as the file `name` from an extension page (library,
 * options): an object URL on a temporary `<a download>` link, revoked a minute later.
 * @param blob the file's bytes and type
 * @param name the suggested file name, e.g. "satchel-export.json"
 */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
