import type { AttendanceTabProps } from './tab-props.ts';

/** Placeholder until this tab is built. */
export function ShiftsTab(props: AttendanceTabProps) {
  void props;
  return null;
}
