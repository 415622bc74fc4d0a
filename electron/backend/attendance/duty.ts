/** The month's on-duty rate from the reconciled month and the duty settings. */
import type { DutyMonth, DutySettings } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { onDutyRate } from '../../../solver/attendance/on-duty.ts';
import { isWorkingKind } from '../../../solver/calendar/china-calendar.ts';
import { monthBounds, readDutySettings, reconcileRange, type ReconciledRange } from './service.ts';

export async function dutyMonth(db: Queryable, year: number, month: number, today: string): Promise<DutyMonth> {
  const { from, to } = monthBounds(year, month);
  const range = await reconcileRange(db, { from, to, today });
  return dutyOfRange(range, await readDutySettings(db), { year, month, today });
}

/** The rate over a month already reconciled (the client's report reconciles once for everything). */
export function dutyOfRange(range: ReconciledRange, settings: DutySettings, at: { year: number; month: number; today: string }): DutyMonth {
  // Days not over yet are left out: a rate is reported on what has happened.
  const workingDays = range.calendar.filter((day) => isWorkingKind(day.kind) && day.date < at.today).map((day) => day.date);
  const contractedPosts: Record<number, number> = {};
  for (const [zoneId, posts] of Object.entries(settings.contractedPosts)) contractedPosts[Number(zoneId)] = posts;
  const result = onDutyRate({
    zoneIds: range.zones.map((zone) => zone.id),
    workingDays,
    people: range.people.map((person, index) => ({
      staffId: person.id,
      hireDate: person.hireDate,
      leftOn: person.status === 'departed' ? person.leftOn : null,
      zoneId: person.homeZoneId,
      days: new Map(range.results[index]!.days.map((day) => [day.date, day])),
    })),
    rules: { definition: settings.definition, targetPercent: settings.targetPercent, contractedPosts },
  });
  return { year: at.year, month: at.month, ...result };
}
