import { describe, expect, it } from 'vitest';
import {
  PHONE_PATTERN,
  hasValidResidentIdChecksum,
  isRealIsoDate,
  isResidentIdShape,
  maskResidentId,
  residentIdBirthDate,
  residentIdCheckChar,
  residentIdGender,
} from '../../../electron/contract/rules.ts';

describe('resident ID rules', () => {
  it('computes the check character of the standard\'s own example', () => {
    // GB 11643-1999's worked example: 11010519491231002X.
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(hasValidResidentIdChecksum('11010519491231002X')).toBe(true);
  });

  it('rejects a number with one digit changed', () => {
    expect(hasValidResidentIdChecksum('11010519491231003X')).toBe(false);
  });

  it('requires 17 digits, a digit or X, and a real birth date', () => {
    expect(isResidentIdShape('11010519491231002X')).toBe(true);
    expect(isResidentIdShape('1101051949123100')).toBe(false);
    expect(isResidentIdShape('11010519490231002X')).toBe(false);
    expect(isResidentIdShape('11010519491231002x')).toBe(false);
  });

  it('reads the birth date and gender', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(residentIdGender('11010519491231002X')).toBe('F');
    expect(residentIdGender('110105194912310031')).toBe('M');
  });

  it('masks all but the province and the last four', () => {
    expect(maskResidentId('11010519491231002X')).toBe('11************002X');
  });
});

describe('formats', () => {
  it('accepts mainland mobiles and landlines with area code', () => {
    for (const phone of ['13800138000', '19912345678', '0571-88886666', '01088886666']) expect(PHONE_PATTERN.test(phone)).toBe(true);
    for (const phone of ['12800138000', '1380013800', '88886666', '+8613800138000']) expect(PHONE_PATTERN.test(phone)).toBe(false);
  });

  it('accepts only dates that exist', () => {
    expect(isRealIsoDate('2026-02-28')).toBe(true);
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
    expect(isRealIsoDate('26-1-1')).toBe(false);
  });
});
