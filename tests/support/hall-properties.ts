/**
 * The "done when" properties of a hall roster, measured straight from the scenario and the
 * roster (not through the checker, so the two can be read against each other): presence on every
 * working day, the week's minutes, every open window seated by one person, nobody at a flexible
 * post beside an empty window of their post, the A person at their A window, the projected on-duty rate.
 */
import { hallSummary } from '../../solver/roster/hall-summary.ts';
import { openSeats, prepareScenario, windowsOpening } from '../../solver/roster/prepare.ts';
import type { Assignment, Scenario } from '../../solver/roster/types.ts';

export interface HallProperties {
  /** (person, working day, default shift) not on leave and without a duty. */
  presenceMissing: number;
  /** (person, week) with fewer minutes than the default day × working days, less leave. */
  weeksShort: number;
  /** Open windows (date, shift) without a person, and with more than one. */
  windowsEmpty: number;
  windowsShared: number;
  openWindowShifts: number;
  /** Duties at a window-less post while an open window of a post the person holds ≥ 2 stands empty. */
  idleBesideEmpty: number;
  /** Of the days an A person is present, the share on which they sit at their A window in every default shift it opens. */
  aAtWindowShare: number;
  aPresentDays: number;
  /** The same over the days their window was open (seated by anyone) in every default shift they worked. */
  aAtOpenWindowShare: number;
  /** Zones below the target, and the centre's projected rate. */
  zonesBelowTarget: string[];
  centreRate: number | null;
  target: number;
  crossZoneDuties: number;
  lieuOwedHours: number;
  /** Default-day shifts given back in lieu of rest-day duty. */
  lieuShifts: number;
}

export function hallProperties(scenario: Scenario, assignments: Assignment[]): HallProperties {
  const prepared = prepareScenario(scenario);
  const hall = prepared.hall!;
  const presence = scenario.presence!;
  const defaults = presence.defaultShifts;
  const working = new Set(presence.workingDays);
  const minutesOf = new Map(prepared.shifts.map((shift) => [shift.id, shift.minutes]));
  const byKey = new Map<string, Assignment[]>();
  const put = (key: string, a: Assignment) => byKey.set(key, [...(byKey.get(key) ?? []), a]);
  for (const a of assignments) {
    put(`p|${a.staff}|${a.date}|${a.shift}`, a);
    put(`s|${a.date}|${a.shift}|${a.post}`, a);
  }
  // A default-day shift given back in lieu of rest-day duty is 调休 leave (rule 14, read by the checker's ledger).
  const summary = hallSummary(scenario, assignments);
  const lieu = new Set(summary.lieuPlanned.map((entry) => `${entry.staff}|${entry.date}|${entry.shift}`));
  const away = (person: Scenario['staff'][number], date: string, shift: string) =>
    lieu.has(`${person.id}|${date}|${shift}`) || (person.unavailable ?? []).some((u) => u.date === date && (u.shift === undefined || u.shift === shift));

  let presenceMissing = 0;
  let weeksShort = 0;
  for (const person of scenario.staff) {
    const weekly = new Map<number, { owed: number; worked: number }>();
    for (const day of prepared.days) {
      const week = weekly.get(day.week) ?? { owed: 0, worked: 0 };
      weekly.set(day.week, week);
      for (const a of assignments) if (a.staff === person.id && a.date === day.date) week.worked += minutesOf.get(a.shift) ?? 0;
      if (!working.has(day.date)) continue;
      for (const shift of defaults) {
        if (away(person, day.date, shift)) continue;
        week.owed += minutesOf.get(shift) ?? 0;
        if (!byKey.has(`p|${person.id}|${day.date}|${shift}`)) presenceMissing += 1;
      }
    }
    for (const week of weekly.values()) if (week.worked < week.owed) weeksShort += 1;
  }

  let windowsEmpty = 0;
  let windowsShared = 0;
  let openWindowShifts = 0;
  const emptyAt = new Set<string>();
  const given = new Map(scenario.demand.map((line) => [`${line.date}|${line.shift}|${line.post}`, line.required]));
  for (const day of prepared.days) {
    for (const shift of prepared.shifts) {
      for (const post of hall.windowsByPost.keys()) {
        const opening = windowsOpening(hall, day, shift.id, post);
        const seats = openSeats(opening, given.get(`${day.date}|${shift.id}|${post}`) ?? 0);
        const seated = (byKey.get(`s|${day.date}|${shift.id}|${post}`) ?? []).filter((a) => a.learner !== true);
        const perWindow = new Map<string, number>();
        for (const a of seated) if (a.window !== undefined) perWindow.set(a.window, (perWindow.get(a.window) ?? 0) + 1);
        openWindowShifts += seats;
        const filled = [...perWindow.values()].filter((n) => n >= 1).length;
        windowsShared += [...perWindow.values()].filter((n) => n > 1).length;
        if (filled < seats) {
          windowsEmpty += seats - filled;
          emptyAt.add(`${day.date}|${shift.id}|${post}`);
        }
      }
    }
  }
  let idleBesideEmpty = 0;
  const people = new Map(scenario.staff.map((person) => [person.id, person]));
  for (const a of assignments) {
    if (hall.windowsByPost.has(a.post)) continue;
    const skills = people.get(a.staff)?.skills ?? {};
    if ([...hall.windowsByPost.keys()].some((post) => (skills[post] ?? 0) >= 2 && emptyAt.has(`${a.date}|${a.shift}|${post}`))) idleBesideEmpty += 1;
  }

  let aPresentDays = 0;
  let aAtWindowDays = 0;
  let aOpenDays = 0;
  let aAtOpenDays = 0;
  const seatedWindows = new Set(assignments.filter((a) => a.window !== undefined).map((a) => `${a.date}|${a.shift}|${a.window}`));
  for (const window of hall.windows) {
    if (window.a === undefined || !people.has(window.a)) continue;
    for (const day of prepared.days) {
      const shifts = defaults.filter((shift) => {
        const opening = windowsOpening(hall, day, shift, window.post);
        return (opening.fixed.includes(window) || opening.demand.includes(window)) && byKey.has(`p|${window.a}|${day.date}|${shift}`);
      });
      if (shifts.length === 0) continue;
      aPresentDays += 1;
      const atWindow = shifts.every((shift) => byKey.get(`p|${window.a}|${day.date}|${shift}`)?.some((a) => a.window === window.id));
      if (atWindow) aAtWindowDays += 1;
      if (shifts.every((shift) => seatedWindows.has(`${day.date}|${shift}|${window.id}`))) {
        aOpenDays += 1;
        if (atWindow) aAtOpenDays += 1;
      }
    }
  }

  return {
    presenceMissing,
    weeksShort,
    windowsEmpty,
    windowsShared,
    openWindowShifts,
    idleBesideEmpty,
    aAtWindowShare: aPresentDays === 0 ? 1 : aAtWindowDays / aPresentDays,
    aPresentDays,
    aAtOpenWindowShare: aOpenDays === 0 ? 1 : aAtOpenDays / aOpenDays,
    zonesBelowTarget: summary.onDuty.filter((line) => line.zone !== '*' && !line.met).map((line) => `${line.zone} ${line.ratePercent}%`),
    centreRate: summary.onDuty.find((line) => line.zone === '*')?.ratePercent ?? null,
    target: summary.targetPercent,
    crossZoneDuties: summary.moves.length,
    lieuShifts: summary.lieuPlanned.length,
    lieuOwedHours: Object.values(summary.lieuOwed).reduce((sum, minutes) => sum + minutes, 0) / 60,
  };
}
