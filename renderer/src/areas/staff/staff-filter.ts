import type { StaffRow, StaffStatus } from '../../../../electron/contract/model.ts';

export type StatusFilter = 'current' | 'all' | StaffStatus;

export interface StaffFilter {
  search: string;
  zoneId: number | null;
  status: StatusFilter;
}

export const DEFAULT_FILTER: StaffFilter = { search: '', zoneId: null, status: 'current' };

/** The list a dispatcher sees: by default only people still employed. */
export function filterStaff(rows: readonly StaffRow[], filter: StaffFilter): StaffRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter(
    (row) =>
      matchesStatus(row.status, filter.status) &&
      (filter.zoneId === null || row.homeZoneId === filter.zoneId) &&
      (needle === '' ||
        row.name.toLowerCase().includes(needle) ||
        row.employeeNo.toLowerCase().includes(needle) ||
        (row.phone ?? '').includes(needle)),
  );
}

function matchesStatus(status: StaffStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'current') return status !== 'departed';
  return status === filter;
}
