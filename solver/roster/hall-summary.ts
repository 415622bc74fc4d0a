/**
 * What the draft shows the client before publishing (issue 15, item 4), computed from a roster and
 * its scenario: the projected on-duty rate per zone and for the centre, time off in lieu owed,
 * every cross-zone move with its reason in plain words, and the windows open per shift.
 *
 * The on-duty rate follows solver/attendance/on-duty.ts's 'attendance' definition, projected: on
 * each working day a zone's staffed posts are min(contracted posts, people of the zone with any duty
 * that day); the rate is staffed post-days ÷ contracted post-days.
 */
import { lieuLedger } from './check.ts';
import { openSeats, prepareScenario, windowsOpening, type PreparedScenario } from './prepare.ts';
import type { Assignment, ClosedWindows, DemandLine, HallSummary, OnDutyProjection, Scenario, ZoneMove } from './types.ts';

const WEEKDAYS_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAYS_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DEFAULT_TARGET = 98;

export function hallSummary(scenario: Scenario, assignments: Assignment[]): HallSummary {
  const prepared = prepareScenario(scenario);
  return {
    onDuty: onDutyProjection(prepared, assignments),
    targetPercent: scenario.presence?.targetPercent ?? DEFAULT_TARGET,
    ...lieuOf(prepared, assignments),
    moves: zoneMoves(prepared, assignments),
    windowsOpen: windowsOpen(prepared, assignments),
    windowsClosed: windowsClosed(prepared, assignments),
  };
}

/**
 * The demand windows each working day's shift leaves closed, per post, with why in the client's
 * words: 「预计 10:00–11:30 办件 12 件，开 3 个窗口即可」 from the forecast line's peak.
 */
export function windowsClosed(prepared: PreparedScenario, assignments: Assignment[]): ClosedWindows[] {
  const hall = prepared.hall;
  if (!hall) return [];
  const given = new Map(prepared.scenario.demand.map((line) => [`${line.date}|${line.shift}|${line.post}`, line]));
  const seated = new Set(assignments.flatMap((a) => (a.window === undefined ? [] : [`${a.date}|${a.shift}|${a.window}`])));
  const closed: ClosedWindows[] = [];
  for (const day of prepared.days) {
    for (const shift of prepared.shifts) {
      for (const post of hall.windowsByPost.keys()) {
        const line = given.get(`${day.date}|${shift.id}|${post}`);
        const opening = windowsOpening(hall, day, shift.id, post);
        const open = openSeats(opening, line?.required ?? 0);
        const shut = opening.demand.length - (open - opening.fixed.length);
        if (shut <= 0) continue;
        // The model picks which demand windows open; those nobody sits at are the closed ones.
        const windows = opening.demand.filter((window) => !seated.has(`${day.date}|${shift.id}|${window.id}`)).slice(-shut).map((window) => window.id);
        closed.push({ date: day.date, shift: shift.id, post, windows, open, ...closedReason(line, open) });
      }
    }
  }
  return closed;
}

function closedReason(line: DemandLine | undefined, open: number): { reason: string; reasonEn: string } {
  const enough = { zh: open === 0 ? '本班不开' : `开 ${open} 个窗口即可`, en: open === 0 ? 'no window opens this shift' : `${open} window${open === 1 ? ' is' : 's are'} enough` };
  if (line?.peak) {
    const { from, to, tickets } = line.peak;
    return { reason: `预计 ${from}–${to} 办件 ${tickets} 件，${enough.zh}`, reasonEn: `Expected ${tickets} applications ${from}–${to}: ${enough.en}` };
  }
  if (line && line.required > 0) return { reason: `预计需 ${line.required} 人，${enough.zh}`, reasonEn: `${line.required} needed by the forecast: ${enough.en}` };
  return { reason: `预计无办件，${enough.zh}`, reasonEn: `No applications expected: ${enough.en}` };
}

function workingDates(prepared: PreparedScenario): string[] {
  const presence = prepared.scenario.presence;
  return presence ? prepared.days.filter((day) => presence.workingDays.includes(day.date)).map((day) => day.date) : prepared.days.filter((day) => day.kind === 'workday').map((day) => day.date);
}

function onDutyProjection(prepared: PreparedScenario, assignments: Assignment[]): OnDutyProjection[] {
  const contracted = prepared.scenario.presence?.contractedPosts ?? {};
  const target = prepared.scenario.presence?.targetPercent ?? DEFAULT_TARGET;
  const zoneOf = new Map(prepared.scenario.staff.map((person) => [person.id, person.zone]));
  const onDuty = new Set(assignments.map((a) => `${a.staff}|${a.date}`));
  const zones = [...new Set([...Object.keys(contracted), ...prepared.scenario.staff.flatMap((person) => (person.zone === undefined ? [] : [person.zone]))])];
  const dates = workingDates(prepared);
  const line = (zone: string, contractedPostDays: number, staffedPostDays: number): OnDutyProjection => {
    const ratePercent = contractedPostDays === 0 ? null : Math.round((1000 * staffedPostDays) / contractedPostDays) / 10;
    return { zone, contractedPostDays, staffedPostDays, ratePercent, met: ratePercent === null || ratePercent >= target };
  };
  const lines = zones.map((zone) => {
    const posts = Math.max(0, contracted[zone] ?? 0);
    let staffed = 0;
    for (const date of dates) {
      const present = prepared.scenario.staff.filter((person) => zoneOf.get(person.id) === zone && onDuty.has(`${person.id}|${date}`)).length;
      staffed += Math.min(posts, present);
    }
    return line(zone, posts * dates.length, staffed);
  });
  const centre = line('*', lines.reduce((sum, l) => sum + l.contractedPostDays, 0), lines.reduce((sum, l) => sum + l.staffedPostDays, 0));
  return [...lines, centre];
}

/** Minutes on duty on days that are not working days (rest days, holidays): owed back as time off. */
/**
 * Rest-day minutes not given back in lieu within the roster (paid at 200% unless planned later),
 * and the default-day shifts the roster gives back (rule 14). Holiday duty is paid at 300%, never
 * given back, so it owes nothing.
 */
function lieuOf(prepared: PreparedScenario, assignments: Assignment[]): Pick<HallSummary, 'lieuOwed' | 'lieuPlanned' | 'cyclePlan'> {
  const lieuOwed: Record<string, number> = {};
  const cyclePlan: string[] = [];
  const lieuPlanned: HallSummary['lieuPlanned'] = [];
  for (const [staff, entry] of lieuLedger(prepared, assignments)) {
    const given = entry.taken.reduce((total, gap) => total + gap.minutes, 0);
    if (entry.earned - given > 0) lieuOwed[staff] = entry.earned - given;
    if (prepared.people[prepared.personIndex.get(staff) ?? -1]?.comprehensive) cyclePlan.push(staff);
    for (const gap of entry.taken) lieuPlanned.push({ staff, date: gap.date, shift: gap.shift, minutes: gap.minutes, ...(gap.cycle ? { cycle: true as const } : {}) });
  }
  return { lieuOwed, lieuPlanned, ...(cyclePlan.length > 0 ? { cyclePlan } : {}) };
}

function zoneMoves(prepared: PreparedScenario, assignments: Assignment[]): ZoneMove[] {
  const hall = prepared.hall;
  if (!hall) return [];
  const people = new Map(prepared.scenario.staff.map((person) => [person.id, person]));
  const postName = new Map(prepared.posts.map((post) => [post.id, post.name]));
  const shiftName = new Map(prepared.scenario.shifts.map((shift) => [shift.id, shift.name ?? shift.id]));
  const byShift = new Map<string, Assignment[]>();
  for (const a of assignments) byShift.set(`${a.date}|${a.shift}`, [...(byShift.get(`${a.date}|${a.shift}`) ?? []), a]);
  const moves: ZoneMove[] = [];
  for (const a of assignments) {
    const home = people.get(a.staff)?.zone;
    const zone = hall.zoneOfPost.get(a.post);
    if (a.learner === true || home === undefined || zone === undefined || zone === home) continue;
    const day = prepared.days[prepared.dayIndex.get(a.date) ?? -1];
    if (!day) continue;
    const together = byShift.get(`${a.date}|${a.shift}`) ?? [];
    const line = prepared.demand.find((l) => l.date === a.date && l.shift === a.shift && l.post === a.post);
    const seats = hall.windowsByPost.has(a.post) ? openSeats(windowsOpening(hall, day, a.shift, a.post), line?.required ?? 0) : (line?.required ?? 0);
    const own = together.filter((other) => other.post === a.post && people.get(other.staff)?.zone === zone).length;
    const surplus = together.filter((other) => people.get(other.staff)?.zone === home && !hall.windowsByPost.has(other.post) && hall.zoneOfPost.get(other.post) === home).length;
    const when = `${WEEKDAYS_ZH[day.weekday]}${shiftName.get(a.shift) ?? a.shift}`;
    const name = postName.get(a.post) ?? a.post;
    moves.push({
      staff: a.staff,
      date: a.date,
      shift: a.shift,
      fromZone: home,
      toZone: zone,
      post: a.post,
      ...(a.window === undefined ? {} : { window: a.window }),
      reason: `借调至${name}：${when}该岗需 ${seats} 人，本区在岗 ${own} 人；原区域富余 ${surplus} 人`,
      reasonEn: `Lent to ${name}: ${WEEKDAYS_EN[day.weekday]} ${a.shift} it needs ${seats}, its own zone has ${own} on it; ${surplus} spare in the home zone`,
    });
  }
  return moves;
}

function windowsOpen(prepared: PreparedScenario, assignments: Assignment[]): HallSummary['windowsOpen'] {
  const hall = prepared.hall;
  if (!hall) return [];
  const open = new Map<string, number>();
  for (const line of prepared.demand) if (hall.windowsByPost.has(line.post)) open.set(`${line.date}|${line.shift}`, (open.get(`${line.date}|${line.shift}`) ?? 0) + line.required);
  const seated = new Map<string, number>();
  for (const a of assignments) if (a.window !== undefined) seated.set(`${a.date}|${a.shift}`, (seated.get(`${a.date}|${a.shift}`) ?? 0) + 1);
  return [...open].map(([key, count]) => {
    const [date, shift] = key.split('|') as [string, string];
    return { date, shift, open: count, seated: seated.get(key) ?? 0 };
  });
}
