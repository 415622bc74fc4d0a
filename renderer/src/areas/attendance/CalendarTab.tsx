import type { AttendanceTabProps } from './tab-props.ts';

/** Placeholder until this tab is built. */
export function CalendarTab(props: AttendanceTabProps) {
  void props;
  return null;
}
