/** Bounded calls: a body limit per channel, and a refusal of a key flood that stays short and cheap. */
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { AppFailure } from '../../../electron/contract/errors.ts';
import { channelNames, channels } from '../../../electron/contract/channels.ts';
import { CALL_BYTE_LIMITS, callByteLimit, DEFAULT_CALL_BYTES, FILE_CALL_BYTES, LIST_CALL_BYTES, MAX_CALL_BYTES, MAX_REPORTED_FIELDS, parseCall } from '../../../electron/contract/validate.ts';
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

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[]; maximum?: number; checks?: { _zod: { def: { check: string; maximum?: number } } }[] };

/** What an argument schema can hold that makes a body big: lists, maps, a file's base64. */
function holds(schema: z.ZodType, found = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  // A short list (a lead's zones, at most 50) is no bigger than a few fields.
  if (def.type === 'array' && !(def.checks ?? []).some((check) => check._zod.def.check === 'max_length' && (check._zod.def.maximum ?? Infinity) <= 100)) found.add('list');
  if (def.type === 'record') found.add('list');
  if (def.type === 'string' && (def.checks ?? []).some((check) => check._zod.def.check === 'max_length' && (check._zod.def.maximum ?? 0) > 10_000)) found.add('file');
  for (const inner of [def.innerType, def.in, def.element, def.valueType, ...(def.options ?? []), ...Object.values(def.shape ?? {})]) if (inner) holds(inner, found);
  return found;
}

describe('a body limit per channel', () => {
  it('gives every channel that carries a file the file limit, every one that carries lists at least the list limit, the rest the small default', () => {
    const wrong: string[] = [];
    for (const channel of channelNames) {
      const kinds = holds(channels[channel]);
      const expected = kinds.has('file') ? FILE_CALL_BYTES : kinds.has('list') ? LIST_CALL_BYTES : DEFAULT_CALL_BYTES;
      if (callByteLimit(channel) !== expected) wrong.push(`${channel}: ${callByteLimit(channel)} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
    expect(DEFAULT_CALL_BYTES).toBe(64 * 1024);
    expect(MAX_CALL_BYTES).toBe(FILE_CALL_BYTES);
    expect(Object.keys(CALL_BYTE_LIMITS).length).toBeGreaterThan(7);
  });

  it('leaves room for the largest file the contract takes, with its name', () => {
    const body = JSON.stringify({ fileName: `${'名'.repeat(200)}.xlsx`, base64: 'A'.repeat(8_000_000), goodRowsOnly: true });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(callByteLimit('transfer/apply'));
  });

  it('gives an unknown channel the default', () => {
    expect(callByteLimit('staff/drop')).toBe(DEFAULT_CALL_BYTES);
    expect(callByteLimit('__proto__')).toBe(DEFAULT_CALL_BYTES);
  });
});

describe('a flood of unknown keys', () => {
  const flood = (count: number, extra: Record<string, unknown> = {}) => {
    const argument: Record<string, unknown> = { ...extra };
    for (let index = 0; index < count; index += 1) argument[`k${index}`] = 1;
    return argument;
  };

  it('is refused with a short message naming the first five and how many there were, without zod reading them', () => {
    const parse = vi.spyOn(channels['auth/signIn'], 'safeParse');
    const argument = flood(600_000, { username: 'hr', password: 'x' });
    const error = failureOf('auth/signIn', argument);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain('600000');
    expect(error.message.length).toBeLessThan(300);
    expect(Object.keys(error.fields ?? {})).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('is found inside a nested object and in the rows of a list', () => {
    const nested = failureOf('staff/create', { staff: { ...draftStaff(), ...flood(1000) } });
    expect(Object.keys(nested.fields ?? {})).toEqual(['staff.k0', 'staff.k1', 'staff.k2', 'staff.k3', 'staff.k4']);
    const rows = failureOf('training/accept', { targetDate: '2026-12-01', lines: [{ staffId: 1, postId: 1, mentorId: null }, { staffId: 1, postId: 1, mentorId: null, ...flood(50) }] });
    expect(Object.keys(rows.fields ?? {})[0]).toBe('lines.1.k0');
    expect(rows.message.length).toBeLessThan(300);
  });

  it('cuts a long key in the answer, and still names a few unknown keys one by one as before', () => {
    const long = failureOf('staff/list', { ['x'.repeat(60_000)]: 1, a: 1, b: 1, c: 1, d: 1, e: 1 });
    expect(long.message.length).toBeLessThan(300);
    expect(failureOf('staff/list', { sql: 'DROP TABLE staff', x: 1 }).fields).toEqual({ sql: 'unknown_field', x: 'unknown_field' });
  });

  it('names at most a few fields however many rows are wrong', () => {
    const ops = Array.from({ length: 500 }, () => ({ kind: 'nonsense', extra: 'y'.repeat(10) }));
    const error = failureOf('board/check', { rosterId: 1, ops });
    expect(Object.keys(error.fields ?? {}).length).toBeLessThanOrEqual(MAX_REPORTED_FIELDS);
    expect(error.message.length).toBeLessThan(2000);
  });
});
