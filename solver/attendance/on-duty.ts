/**
 * The on-duty rate (在岗率) the client holds the vendor to: staffed post-days ÷ contracted post-days,
 * per zone and for the centre, with the days that fell short and why. Pure.
 *
 * Two definitions are in use in contracts. 'attendance' counts the people of a zone who were
 * actually there each working day; 'headcount' counts the people on the books (a post is staffed
 * when someone holds it, whether or not they came in).
 */
import type { DayResult, PersonInput } from './reconcile.ts';
import { isEmployedOn } from './reconcile.ts';

export type DutyDefinition = 'attendance' | 'headcount';

export interface DutyRules {
  definition: DutyDefinition;
  targetPercent: number;
  /** Contracted posts per zone id. */
  contractedPosts: Record<number, number>;
}

export interface DutyPerson extends PersonInput {
  zoneId: number;
  /** The person's reconciled days, by date (only the working days are read). */
  days: ReadonlyMap<string, DayResult>;
}

export interface ShortDay {
  date: string;
  contracted: number;
  staffed: number;
  /** People of the zone on leave that day, absent that day, and posts nobody holds. */
  onLeave: number;
  absent: number;
  vacancy: number;
  /** People of the zone with a rest day on a working day (rostered off): not there, but not absent. */
  rest: number;
}

export interface DutyLine {
  contractedPostDays: number;
  staffedPostDays: number;
  /** Percent with one decimal; null when nothing was contracted. */
  ratePercent: number | null;
  met: boolean;
}

export interface ZoneDuty extends DutyLine {
  zoneId: number;
  contractedPosts: number;
  shortDays: ShortDay[];
}

export interface DutyMonth {
  definition: DutyDefinition;
  targetPercent: number;
  /** The working days counted (up to yesterday in the current month). */
  workingDays: string[];
  zones: ZoneDuty[];
  centre: DutyLine;
}

export function onDutyRate(input: { zoneIds: number[]; workingDays: string[]; people: DutyPerson[]; rules: DutyRules }): DutyMonth {
  const { rules, workingDays } = input;
  const zones = input.zoneIds.map((zoneId): ZoneDuty => {
    const contractedPosts = Math.max(0, rules.contractedPosts[zoneId] ?? 0);
    const people = input.people.filter((person) => person.zoneId === zoneId);
    const shortDays: ShortDay[] = [];
    let staffedPostDays = 0;
    for (const date of workingDays) {
      const employed = people.filter((person) => isEmployedOn(person, date));
      const present = employed.filter((person) => person.days.get(date)?.present === true).length;
      const onLeave = employed.filter((person) => (person.days.get(date)?.onLeave ?? 0) > 0 && person.days.get(date)?.present !== true).length;
      const rest = employed.filter((person) => person.days.get(date)?.status === 'rest').length;
      const absent = employed.length - present - onLeave - rest;
      const available = rules.definition === 'attendance' ? present : employed.length;
      const staffed = Math.min(contractedPosts, available);
      staffedPostDays += staffed;
      if (staffed < contractedPosts) {
        shortDays.push({ date, contracted: contractedPosts, staffed, onLeave, absent, vacancy: Math.max(0, contractedPosts - employed.length), rest });
      }
    }
    return { zoneId, contractedPosts, shortDays, ...line(contractedPosts * workingDays.length, staffedPostDays, rules.targetPercent) };
  });
  const contracted = zones.reduce((sum, zone) => sum + zone.contractedPostDays, 0);
  const staffed = zones.reduce((sum, zone) => sum + zone.staffedPostDays, 0);
  return { definition: rules.definition, targetPercent: rules.targetPercent, workingDays, zones, centre: line(contracted, staffed, rules.targetPercent) };
}

function line(contractedPostDays: number, staffedPostDays: number, targetPercent: number): DutyLine {
  const ratePercent = contractedPostDays === 0 ? null : Math.round((staffedPostDays / contractedPostDays) * 1000) / 10;
  // The target is compared on the exact ratio, not the rounded figure shown.
  const met = contractedPostDays === 0 || staffedPostDays * 100 >= targetPercent * contractedPostDays;
  return { contractedPostDays, staffedPostDays, ratePercent, met };
}
