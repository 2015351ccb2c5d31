/** Hands a file made in the page (an export, an error report) to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob when it handles the click; let go of it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
