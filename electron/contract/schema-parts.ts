/** Schema pieces every area of the contract uses, so each rule is written once. */
import { z } from 'zod';
import { isRealIsoDate } from './rules.ts';

export const recordId = z.number().int().positive().max(2_147_483_647);
export const version = z.number().int().positive().max(2_147_483_647);
export const isoDate = z.string().max(10).refine(isRealIsoDate, { message: 'format' });
export const noArgument = z.strictObject({});
/** Minutes from midnight, as every time of day is stored. */
export const minuteOfDay = z.number().int().min(0).max(1440);
/** Files cross the contract as base64; 8 MB of text is far beyond any hall's files. */
export const base64File = z.string().min(1).max(8_000_000).regex(/^[A-Za-z0-9+/=\s]*$/);
export const uploadName = z.string().trim().min(1).max(200);
export const year = z.number().int().min(2000).max(2100);
export const month = z.number().int().min(1).max(12);
