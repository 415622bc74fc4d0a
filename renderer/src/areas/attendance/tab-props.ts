import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';

/** What every tab of 请假考勤 is given. */
export interface AttendanceTabProps {
  centre: Centre;
  info: AppInfo;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}
