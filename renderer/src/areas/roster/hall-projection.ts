/**
 * What the client will see of a draft, as rows for the panel above the board: the projected on-duty
 * rate per zone and for the centre against the contracted target, windows open per day and shift
 * against the forecast and the windows left closed with why, people moved across zones with why,
 * and time off in lieu owed. Pure.
 */
import type { RosterHallView, RosterView } from '../../../../electron/contract/areas/roster.ts';
import type { Zone } from '../../../../electron/contract/model.ts';

export interface OnDutyLine {
  key: string;
  name: string;
  ratePercent: number | null;
  staffedPostDays: number;
  contractedPostDays: number;
  met: boolean;
}

export interface WindowsLine {
  date: string;
  shift: string;
  open: number;
  seated: number;
}

export interface MoveLine {
  key: string;
  name: string;
  date: string;
  shift: string;
  reason: string;
}

export interface LieuLine {
  staffId: string;
  name: string;
  /** Rest-day minutes still owed (paid as overtime unless a later roster gives them back). */
  minutes: number;
  /** Default-day shifts this roster gives back in lieu. */
  planned: { date: string; shift: string }[];
  /** 综合计算工时: given back as cycle rest (轮休), owed minutes paid at 150%. */
  cycle: boolean;
}

/** Demand windows a shift leaves closed, with why in the reader's language. */
export interface ClosedLine {
  key: string;
  date: string;
  shift: string;
  /** Window ids, as the board knows them. */
  windowIds: number[];
  reason: string;
}

export interface HallProjection {
  targetPercent: number;
  centre: OnDutyLine | null;
  zones: OnDutyLine[];
  /** Only the shifts where a window stands unseated: what the hall would notice. */
  unseated: WindowsLine[];
  windowsOpened: number;
  windowsSeated: number;
  moves: MoveLine[];
  lieu: LieuLine[];
  closed: ClosedLine[];
}

export function hallProjection(view: Pick<RosterView, 'hall' | 'assignments'>, zones: readonly Zone[], language: 'zh-CN' | 'en'): HallProjection | null {
  const hall: RosterHallView | null = view.hall;
  if (!hall) return null;
  const names = new Map(view.assignments.map((duty) => [String(duty.staffId), duty.staffName]));
  const zoneName = (id: string) => {
    const zone = zones.find((candidate) => String(candidate.id) === id);
    return zone ? (language === 'zh-CN' ? zone.nameZh : zone.nameEn) : `#${id}`;
  };
  const line = (entry: RosterHallView['onDuty'][number], name: string): OnDutyLine => ({
    key: entry.zone,
    name,
    ratePercent: entry.ratePercent,
    staffedPostDays: entry.staffedPostDays,
    contractedPostDays: entry.contractedPostDays,
    met: entry.met,
  });
  const centreEntry = hall.onDuty.find((entry) => entry.zone === '*');
  return {
    targetPercent: hall.targetPercent,
    centre: centreEntry ? line(centreEntry, '') : null,
    zones: hall.onDuty.filter((entry) => entry.zone !== '*').map((entry) => line(entry, zoneName(entry.zone))).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    unseated: hall.windowsOpen.filter((slot) => slot.seated < slot.open),
    windowsOpened: hall.windowsOpen.reduce((sum, slot) => sum + slot.open, 0),
    windowsSeated: hall.windowsOpen.reduce((sum, slot) => sum + Math.min(slot.seated, slot.open), 0),
    moves: hall.moves.map((move, index) => ({
      key: `${move.staff}|${move.date}|${move.shift}|${index}`,
      name: names.get(move.staff) ?? `#${move.staff}`,
      date: move.date,
      shift: move.shift,
      reason: language === 'zh-CN' ? move.reason : move.reasonEn,
    })),
    lieu: lieuLines(hall, names),
    closed: hall.windowsClosed.map((entry) => ({
      key: `${entry.date}|${entry.shift}|${entry.post}`,
      date: entry.date,
      shift: entry.shift,
      windowIds: entry.windows.map(Number),
      reason: language === 'zh-CN' ? entry.reason : entry.reasonEn,
    })),
  };
}

/** Everyone with rest-day duty: the shifts given back and what is still owed, most owed first. */
function lieuLines(hall: RosterHallView, names: Map<string, string>): LieuLine[] {
  const planned = new Map<string, { date: string; shift: string }[]>();
  for (const entry of hall.lieuPlanned) planned.set(entry.staff, [...(planned.get(entry.staff) ?? []), { date: entry.date, shift: entry.shift }]);
  const staff = new Set([...Object.keys(hall.lieuOwed).filter((id) => (hall.lieuOwed[id] ?? 0) > 0), ...planned.keys()]);
  return [...staff]
    .map((staffId) => ({ staffId, name: names.get(staffId) ?? `#${staffId}`, minutes: hall.lieuOwed[staffId] ?? 0, planned: planned.get(staffId) ?? [], cycle: hall.cyclePlan?.includes(staffId) ?? false }))
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name, 'zh-CN'));
}
