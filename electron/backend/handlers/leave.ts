import type { BackendContext } from '../context.ts';

/** The leave channels (see electron/contract/areas/leave.ts). */
export function leaveHandlers(ctx: BackendContext) {
  void ctx;
  return {};
}
