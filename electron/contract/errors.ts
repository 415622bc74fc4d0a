/**
 * Errors that cross the boundary between backend and UI. They are plain data so that IPC and HTTP
 * can carry them unchanged; the UI translates `code` and each field's key, never parses `message`.
 */
import { fieldFailureMessage } from './field-words.ts';

export type ErrorCode =
  | 'invalid_argument'
  | 'unknown_channel'
  | 'forbidden_sender'
  | 'not_found'
  | 'conflict'
  /** No session, or one that has expired: sign in (again). */
  | 'unauthenticated'
  /** Signed in, but the account's role (or a lead's zones) does not allow this call. */
  | 'forbidden'
  /** Too many sign-in attempts from one address, or an account locked after repeated failures. */
  | 'locked'
  | 'database'
  | 'internal';

/** Per-field reasons, keyed by the field's dotted path; values are keys of `FieldProblem`. */
export type FieldErrors = Record<string, FieldProblem>;

export type FieldProblem =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'format'
  | 'invalid_type'
  | 'invalid_value'
  | 'out_of_range'
  | 'unknown_field'
  | 'checksum'
  | 'taken'
  | 'future_date'
  | 'before_hire'
  | 'too_young'
  | 'gender_mismatch'
  | 'wrong_zone'
  | 'same_person'
  | 'unqualified'
  | 'departed'
  | 'already_a'
  | 'not_mentor'
  | 'already_qualified';

export interface AppError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown inside the backend; turned into an envelope at the dispatch boundary. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'AppFailure';
    this.error = fields ? { code, message, fields } : { code, message };
  }
}

/** The fields carry the program's keys for the screens to place; the message is for a person. */
export function fieldFailure(fields: FieldErrors): AppFailure {
  return new AppFailure('invalid_argument', fieldFailureMessage(fields), fields);
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}
