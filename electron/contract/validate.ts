/**
 * Runtime validation at the boundary: both hosts call `parseCall` before any handler runs, so a
 * handler only ever sees a known channel and a well-formed argument.
 */
import type { z } from 'zod';
import { AppFailure, fieldFailure, type FieldErrors, type FieldProblem } from './errors.ts';
import { channels, isChannel, type Channel, type ChannelArgs } from './channels.ts';

type SchemaDef = { type: string; shape?: Record<string, z.ZodType>; catchall?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType };

/** Most calls carry a handful of fields: 64 KiB is far beyond any of them. */
export const DEFAULT_CALL_BYTES = 64 * 1024;
/** A file as base64 (at most 8,000,000 characters, schema-parts.ts), its name and the field names. */
export const FILE_CALL_BYTES = 8_200_000;
/** Calls that carry lists: up to 500 board operations with their reasons, 2,000 cells or training lines, a shift's windows. */
export const LIST_CALL_BYTES = 2 * 1024 * 1024;

/**
 * The largest JSON body each channel accepts, checked by the HTTP host before it reads further (a
 * body past it is refused with 413 and never parsed). Channels not named here take the default.
 */
export const CALL_BYTE_LIMITS: Partial<Record<Channel, number>> = {
  'transfer/check': FILE_CALL_BYTES,
  'transfer/apply': FILE_CALL_BYTES,
  'punches/check': FILE_CALL_BYTES,
  'punches/apply': FILE_CALL_BYTES,
  'demand/importCheck': FILE_CALL_BYTES,
  'demand/importApply': FILE_CALL_BYTES,
  'roster/importRoster': FILE_CALL_BYTES,
  'training/accept': LIST_CALL_BYTES,
  'shifts/save': LIST_CALL_BYTES,
  'duty/settings': LIST_CALL_BYTES,
  'board/check': LIST_CALL_BYTES,
  'board/edit': LIST_CALL_BYTES,
  'board/setPinned': LIST_CALL_BYTES,
};

/** The body limit of a channel by its name; an unknown name gets the default (it is refused anyway). */
export function callByteLimit(channel: string): number {
  return (isChannel(channel) ? CALL_BYTE_LIMITS[channel] : undefined) ?? DEFAULT_CALL_BYTES;
}

/** Largest JSON body either host accepts for any call. */
export const MAX_CALL_BYTES = Math.max(DEFAULT_CALL_BYTES, ...Object.values(CALL_BYTE_LIMITS));

/** Unknown keys named in a refusal; past this many in one object the call is refused before zod reads it. */
export const MAX_UNKNOWN_KEYS = 5;
/** Fields named in one refusal at most. */
export const MAX_REPORTED_FIELDS = 20;
/** A key shown in a refusal is cut to this many characters: the caller chose it, not us. */
const SHOWN_KEY_CHARS = 40;

export interface ParsedCall<C extends Channel = Channel> {
  channel: C;
  arg: ChannelArgs<C>;
}

/** The channel, if the contract has it; 'unknown_channel' otherwise. */
export function knownChannel(channel: unknown): Channel {
  if (!isChannel(channel)) {
    const shown = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
    throw new AppFailure('unknown_channel', `Unknown channel: ${shown}`);
  }
  return channel;
}

export function parseCall(unchecked: unknown, rawArg: unknown): ParsedCall {
  const channel = knownChannel(unchecked);
  // An object with many unknown keys is refused here, naming a few: zod would list every one of
  // them (600,000 keys made a 14 MB message and seconds of work).
  const flood = unknownKeyFlood(channels[channel], rawArg ?? {}, []);
  if (flood) throw flood;
  const result = channels[channel].safeParse(rawArg ?? {});
  if (!result.success) throw fieldFailure(describeIssues(result.error.issues, rawArg ?? {}));
  return { channel, arg: result.data } as ParsedCall;
}

/**
 * Walks the argument along its schema (objects, lists, optional and default values) and refuses the
 * first strict object holding more than MAX_UNKNOWN_KEYS keys its schema does not know. Unions and
 * records are left to zod, whose report describeIssues keeps short in any case.
 */
function unknownKeyFlood(schema: z.ZodType, value: unknown, path: PropertyKey[]): AppFailure | null {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault' || def.type === 'readonly') {
    return def.innerType ? unknownKeyFlood(def.innerType, value, path) : null;
  }
  if (def.type === 'pipe') return def.in ? unknownKeyFlood(def.in, value, path) : null;
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = unknownKeyFlood(def.element, value[index], [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (def.type !== 'object' || !def.shape || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const shape = def.shape;
  if (def.catchall && (def.catchall as unknown as { _zod: { def: SchemaDef } })._zod.def.type === 'never') {
    // Counted without a look at each key: all the keys less the known ones present.
    const keys = Object.keys(value);
    const count = keys.length - Object.keys(shape).filter((key) => Object.hasOwn(value, key)).length;
    const unknown: string[] = [];
    for (let index = 0; index < keys.length && count > MAX_UNKNOWN_KEYS && unknown.length < MAX_UNKNOWN_KEYS; index += 1) {
      if (!Object.hasOwn(shape, keys[index]!)) unknown.push(keys[index]!);
    }
    if (count > MAX_UNKNOWN_KEYS) return unknownFieldsFailure(path, unknown, count);
  }
  for (const key of Object.keys(shape)) {
    const found = unknownKeyFlood(shape[key]!, (value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return null;
}

function unknownFieldsFailure(path: readonly PropertyKey[], shown: readonly string[], count: number): AppFailure {
  const fields: FieldErrors = {};
  for (const key of shown) fields[joinPath([...path, shortKey(key)])] = 'unknown_field';
  const names = shown.map(shortKey).join(', ');
  return new AppFailure(
    'invalid_argument',
    `请求中有 ${count} 个无法识别的字段（${names} 等），已拒绝。 / The request has ${count} unknown fields (${names} …) and was refused.`,
    fields,
  );
}

function shortKey(key: string): string {
  return key.length > SHOWN_KEY_CHARS ? `${key.slice(0, SHOWN_KEY_CHARS)}…` : key;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    // Five hundred wrong rows are told by their first few; the answer stays short.
    if (Object.keys(fields).length >= MAX_REPORTED_FIELDS) break;
    if (issue.code === 'unrecognized_keys') {
      // A few are worth naming; the rest say nothing more and would only make the answer huge.
      for (const key of issue.keys.slice(0, Math.min(MAX_UNKNOWN_KEYS, MAX_REPORTED_FIELDS - Object.keys(fields).length))) fields[joinPath([...issue.path, shortKey(key)])] = 'unknown_field';
      continue;
    }
    const path = joinPath(issue.path);
    // The first problem of a field is the one worth telling; later ones follow from it.
    fields[path] ??= valueAt(input, issue.path) === undefined ? 'required' : problemOf(issue);
  }
  return fields;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '_' : path.map(String).join('.');
}

/** zod does not report the input by default, so absence is read from the argument itself. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return 'invalid_type';
    case 'too_small':
      // An empty text is missing; one shorter than its minimum (a password) is too short.
      if (issue.origin === 'string') return Number(issue.minimum) > 1 ? 'too_short' : 'required';
      return 'out_of_range';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'out_of_range';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'invalid_value';
    case 'custom':
      return isFieldProblem(issue.message) ? issue.message : 'format';
    default:
      return 'format';
  }
}

const knownProblems: ReadonlySet<string> = new Set<FieldProblem>([
  'required', 'too_short', 'too_long', 'format', 'invalid_type', 'invalid_value', 'out_of_range',
  'unknown_field', 'checksum', 'taken', 'future_date', 'before_hire', 'too_young',
  'gender_mismatch', 'wrong_zone', 'same_person', 'unqualified', 'departed', 'already_a', 'not_mentor',
  'already_qualified',
]);

function isFieldProblem(text: string): text is FieldProblem {
  return knownProblems.has(text);
}
