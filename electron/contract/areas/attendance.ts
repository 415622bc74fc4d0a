/**
 * The attendance channels of the contract: argument schemas here, result types in AttendanceResults.
 * Merged into the one channel map by ../channels.ts.
 */
import type { z } from 'zod';

export const attendanceChannels = {} satisfies Record<string, z.ZodType>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AttendanceResults {}
