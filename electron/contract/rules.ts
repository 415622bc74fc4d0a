/**
 * Format rules shared by the contract's schemas. Pure functions so both the argument validation
 * and the tests use exactly one definition.
 */

/** Mainland mobile numbers, or a landline with area code (0xx-xxxxxxxx, the dash optional). */
export const PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const EMPLOYEE_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no 2026-02-30). */
export function isRealIsoDate(text: string): boolean {
  if (!ISO_DATE_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The check character of an 18-character resident ID (GB 11643-1999, ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

export function isResidentIdShape(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && isRealIsoDate(residentIdBirthDate(id));
}

export function hasValidResidentIdChecksum(id: string): boolean {
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The 17th character is odd for men and even for women. */
export function residentIdGender(id: string): 'F' | 'M' {
  return Number(id[16]) % 2 === 1 ? 'M' : 'F';
}

/** Keep the region (first 6) hidden too: only the last 4 are needed to tell two people apart. */
export function maskResidentId(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 6)}${id.slice(-4)}`;
}
