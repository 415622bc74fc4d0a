import type { AttendanceTabProps } from './tab-props.ts';

/** Placeholder until this tab is built. */
export function LeaveTab(props: AttendanceTabProps) {
  void props;
  return null;
}
