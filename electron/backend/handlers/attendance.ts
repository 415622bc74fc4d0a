import type { BackendContext } from '../context.ts';

/** The attendance channels (see electron/contract/areas/attendance.ts). */
export function attendanceHandlers(ctx: BackendContext) {
  void ctx;
  return {};
}
