import { describe, expect, it } from 'vitest';
import { AppFailure, fieldFailure } from '../../../electron/contract/errors.ts';
import { parseCall } from '../../../electron/contract/validate.ts';

function refusalOf(channel: string, arg: unknown): AppFailure {
  try {
    parseCall(channel, arg);
  } catch (caught) {
    if (caught instanceof AppFailure) return caught;
    throw caught;
  }
  throw new Error(`${channel} was accepted`);
}

describe('a refused argument in the user’s words', () => {
  it('says a missing file is a file not chosen, in Chinese first and English second', () => {
    const refusal = refusalOf('transfer/check', { fileName: '人员.xlsx' });
    expect(refusal.error).toEqual({ code: 'invalid_argument', message: '未选择文件。 / No file chosen.', fields: { base64: 'required' } });
  });

  it('names fields by what they hold, never by their path or the problem key', () => {
    const message = fieldFailure({ 'ops.0.postId': 'invalid_type', hireDate: 'future_date' }).message;
    expect(message).toBe('岗位类型不正确；入职日期不能晚于今天。 / The post is of the wrong kind; The hire date cannot be later than today.');
    for (const internal of ['ops', 'postId', 'hireDate', 'invalid_type', 'future_date', 'Invalid input', '(']) expect(message).not.toContain(internal);
  });

  it('words a field it has no name for without showing its path', () => {
    const message = fieldFailure({ 'scenario.staff.3.skills': 'format' }).message;
    expect(message).toBe('有一项内容格式不正确。 / A value is not in the right format.');
  });

  it('keeps a flood of problems to one short line: three named, the rest counted', () => {
    const fields = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'unknown_field' as const]));
    const message = fieldFailure(fields).message;
    expect(message).toContain('另有 4997 项');
    expect(message).toContain('and 4997 more');
    expect(message.length).toBeLessThan(200);
    expect(message).not.toContain('k1');
  });
});
