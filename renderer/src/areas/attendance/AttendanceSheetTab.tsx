import type { AttendanceTabProps } from './tab-props.ts';

/** Placeholder until this tab is built. */
export function AttendanceSheetTab(props: AttendanceTabProps) {
  void props;
  return null;
}
