/**
 * Runtime validation at the boundary: both hosts call `parseCall` before any handler runs, so a
 * handler only ever sees a known channel and a well-formed argument.
 */
import type { z } from 'zod';
import { AppFailure, fieldFailure, type FieldErrors, type FieldProblem } from './errors.ts';
import { channels, isChannel, type Channel, type ChannelArgs } from './channels.ts';

/** Largest JSON body either host accepts for one call. */
export const MAX_CALL_BYTES = 10_000_000;

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
  const result = channels[channel].safeParse(rawArg ?? {});
  if (!result.success) throw fieldFailure(describeIssues(result.error.issues, rawArg ?? {}));
  return { channel, arg: result.data } as ParsedCall;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[joinPath([...issue.path, key])] = 'unknown_field';
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
