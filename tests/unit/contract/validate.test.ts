import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/contract/errors.ts';
import { channelNames } from '../../../electron/contract/channels.ts';
import { parseCall } from '../../../electron/contract/validate.ts';
import { draftStaff } from '../../support/people.ts';

function failureOf(channel: unknown, arg: unknown) {
  try {
    parseCall(channel, arg);
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('parseCall', () => {
  it('refuses an unknown channel by name', () => {
    expect(failureOf('staff/drop', {})).toMatchObject({ code: 'unknown_channel', message: 'Unknown channel: staff/drop' });
    expect(failureOf(42, {})).toMatchObject({ code: 'unknown_channel' });
    expect(failureOf('__proto__', {})).toMatchObject({ code: 'unknown_channel' });
  });

  it('accepts a well-formed call and normalises the text', () => {
    const call = parseCall('staff/create', { staff: draftStaff({ name: '  李雷 ', idNumber: draftStaff().idNumber.toLowerCase() }) });
    expect(call.channel).toBe('staff/create');
    expect(call.arg).toMatchObject({ staff: { name: '李雷' } });
  });

  it('names a missing field as required', () => {
    const { employeeNo: _omitted, ...rest } = draftStaff();
    expect(failureOf('staff/create', { staff: rest }).fields).toEqual({ 'staff.employeeNo': 'required' });
  });

  it('names a wrong type', () => {
    expect(failureOf('staff/get', { id: '7' }).fields).toEqual({ id: 'invalid_type' });
    expect(failureOf('staff/create', { staff: draftStaff({ weeklyHourCap: 40.5 }) }).fields).toEqual({ 'staff.weeklyHourCap': 'invalid_type' });
  });

  it('refuses an over-long string', () => {
    expect(failureOf('staff/create', { staff: draftStaff({ name: '长'.repeat(41) }) }).fields).toEqual({ 'staff.name': 'too_long' });
    expect(failureOf('staff/deactivate', { id: 1, version: 1, leftOn: '2026-01-01', reason: 'x'.repeat(201) }).fields).toEqual({ reason: 'too_long' });
  });

  it('refuses fields the channel does not know', () => {
    expect(failureOf('staff/list', { sql: 'DROP TABLE staff' }).fields).toEqual({ sql: 'unknown_field' });
  });

  it('refuses an argument that is not an object', () => {
    expect(failureOf('staff/get', 'id=1')).toMatchObject({ code: 'invalid_argument' });
    expect(failureOf('staff/get', [1])).toMatchObject({ code: 'invalid_argument' });
  });

  it('checks formats and the resident ID checksum', () => {
    const badChecksum = `${draftStaff().idNumber.slice(0, 17)}${draftStaff().idNumber.endsWith('0') ? '1' : '0'}`;
    expect(failureOf('staff/create', { staff: draftStaff({ idNumber: badChecksum }) }).fields).toEqual({ 'staff.idNumber': 'checksum' });
    expect(failureOf('staff/create', { staff: draftStaff({ idNumber: '123' }) }).fields).toEqual({ 'staff.idNumber': 'format' });
    expect(failureOf('staff/create', { staff: draftStaff({ phone: '1234' }) }).fields).toEqual({ 'staff.phone': 'format' });
    expect(failureOf('staff/create', { staff: draftStaff({ hireDate: '2026-02-30' }) }).fields).toEqual({ 'staff.hireDate': 'format' });
    expect(failureOf('staff/create', { staff: draftStaff({ employeeNo: 'ZW 01' }) }).fields).toEqual({ 'staff.employeeNo': 'format' });
  });

  it('treats an empty required string as required', () => {
    expect(failureOf('staff/create', { staff: draftStaff({ name: '   ' }) }).fields).toEqual({ 'staff.name': 'required' });
  });

  it('refuses a value outside an enumeration', () => {
    expect(failureOf('settings/setLanguage', { language: 'fr' }).fields).toEqual({ language: 'invalid_value' });
    expect(failureOf('staff/create', { staff: draftStaff({ status: 'departed' as 'active' }) }).fields).toEqual({ 'staff.status': 'invalid_value' });
  });

  it('keeps backup names from naming paths', () => {
    expect(failureOf('backup/restore', { fileName: '../centre.sqlite3' }).fields).toEqual({ fileName: 'format' });
    expect(failureOf('backup/restore', { fileName: '/etc/passwd' }).fields).toEqual({ fileName: 'format' });
  });

  it('validates an argument for every channel it declares', () => {
    for (const channel of channelNames) expect(() => parseCall(channel, { unexpected: true })).toThrow(AppFailure);
  });
});
