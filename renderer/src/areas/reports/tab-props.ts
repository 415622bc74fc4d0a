import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';

/** What every tab of 报表 is given. */
export interface ReportsTabProps {
  centre: Centre;
  info: AppInfo;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}
