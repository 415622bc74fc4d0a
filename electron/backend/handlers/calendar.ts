import type { BackendContext } from '../context.ts';

/** The calendar channels (see electron/contract/areas/calendar.ts). */
export function calendarHandlers(ctx: BackendContext) {
  void ctx;
  return {};
}
