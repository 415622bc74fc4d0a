import { useState } from 'react';
import type { FieldErrors } from '../../../electron/contract/errors.ts';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A form's refusal from the backend: the message for the banner and each field's problem, worded
 * through `problem.<prefix>.<field>.<kind>` where the area has its own words (prefix '' for none).
 */
export function useFormFailure(prefix: string) {
  const { problem } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  /** Runs a save; returns null when it went through, else the refusal's message (also kept). */
  const run = async (work: () => Promise<void>): Promise<string | null> => {
    setErrors({});
    setFailure(null);
    try {
      await work();
      return null;
    } catch (caught) {
      if (caught instanceof ApiError && caught.error.fields) setErrors(caught.error.fields);
      const message = caught instanceof ApiError ? caught.error.message : String(caught);
      setFailure(message);
      return message;
    }
  };
  /** The problem of a field by its path in the argument ('set.city', 'rule.baseCap', 'password'). */
  const fieldError = (path: string) => {
    const kind = errors[path];
    if (!kind) return undefined;
    const field = path.split('.').pop() ?? path;
    return problem(prefix === '' ? field : `${prefix}.${field}`, kind);
  };
  return { failure, run, fieldError };
}
