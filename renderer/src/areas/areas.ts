import type { Channel } from '../../../electron/contract/channels.ts';

/** The working areas, in the order of the navigation (Alt+1 … Alt+8); the overview opens first. */
export const AREAS = ['dashboard', 'staff', 'skills', 'attendance', 'demand', 'roster', 'reports', 'settings'] as const;
export type Area = (typeof AREAS)[number];

/** Where a link from another area lands inside the area it opens (the overview's 去审批 opens pending leave). */
export interface AreaFocus {
  leave?: { month: string; status: 'pending' };
}

/** The channel an area cannot open without: an account that may not call it does not see the area. */
const AREA_NEEDS: Readonly<Record<Area, Channel>> = {
  dashboard: 'dashboard/today',
  staff: 'staff/list',
  skills: 'skills/matrix',
  attendance: 'attendance/month',
  demand: 'demand/forecast',
  roster: 'roster/list',
  reports: 'reports/client',
  settings: 'settings/get',
};

export function visibleAreas(can: (channel: Channel) => boolean): Area[] {
  return AREAS.filter((area) => can(AREA_NEEDS[area]));
}
