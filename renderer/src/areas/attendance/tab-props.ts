import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';
import type { AreaFocus } from '../areas.ts';

/** What every tab of 请假考勤 is given. */
export interface AttendanceTabProps {
  centre: Centre;
  info: AppInfo;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
  /** Opened from a link elsewhere: the leave to show first. */
  leaveFocus?: AreaFocus['leave'];
}
