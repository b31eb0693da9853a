/** Saves a file the browser's way: a Blob behind an <a download> click (blob: URLs pass the CSP). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after the click returns; keep it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
