import type { FilePayload } from '../../../electron/contract/model.ts';

/** Hands a file from the backend to the user as a download, in either host. */
export function downloadPayload(payload: FilePayload): void {
  const bytes = Uint8Array.from(atob(payload.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: payload.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = payload.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64, the form in which files cross the contract. */
export async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
