/** The working areas, in the order of the navigation; later issues replace the unbuilt ones. */
export const AREAS = ['staff', 'skills', 'attendance', 'demand', 'roster', 'reports', 'settings'] as const;
export type Area = (typeof AREAS)[number];
export const BUILT_AREAS: ReadonlySet<Area> = new Set<Area>(['staff', 'skills', 'attendance', 'demand', 'roster', 'settings']);
