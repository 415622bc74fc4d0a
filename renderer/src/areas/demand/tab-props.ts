import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';

/** What every tab of 需求预测 is given: the zone and horizon are shared, so switching tabs keeps them. */
export interface DemandTabProps {
  centre: Centre;
  info: AppInfo;
  zoneId: number;
  onZone: (zoneId: number) => void;
  weeks: number;
  onWeeks: (weeks: number) => void;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}
