/** The working areas, in the order of the navigation (Alt+1 … Alt+8); the overview opens first. */
export const AREAS = ['dashboard', 'staff', 'skills', 'attendance', 'demand', 'roster', 'reports', 'settings'] as const;
export type Area = (typeof AREAS)[number];

/** Where a link from another area lands inside the area it opens (the overview's 去审批 opens pending leave). */
export interface AreaFocus {
  leave?: { month: string; status: 'pending' };
}
