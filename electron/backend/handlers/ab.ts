import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure, fieldFailure, type FieldErrors } from '../../contract/errors.ts';
import { QUALIFIED_LEVEL, type AbRole, type WindowAb } from '../../contract/model.ts';
import type { Queryable } from '../../../data/connection.ts';
import { putWindowAb } from '../../../data/repositories/skills.ts';
import { benchStrength } from '../../../solver/skills/bench-strength.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { benchInputOf, isEmployed, loadHall, type HallSnapshot } from '../hall-snapshot.ts';

export function abHandlers(ctx: BackendContext) {
  return {
    'ab/list': (): Promise<WindowAb[]> => ctx.session.use(async (db) => abWithWarnings(await loadHall(db, todayOf(ctx.clock)))),

    'ab/set': (arg: ChannelArgs<'ab/set'>): Promise<WindowAb> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const hall = await loadHall(tx, todayOf(ctx.clock));
          assertSeatsValid(hall, arg);
          await putWindowAb(tx, { ...arg, updatedAt: ctx.clock.now().toISOString() });
          return requireWindow(abWithWarnings(await loadHall(tx, todayOf(ctx.clock))), arg.windowId);
        }),
      ),

    'staff/abRoles': ({ id }: ChannelArgs<'staff/abRoles'>): Promise<AbRole[]> => ctx.session.use((db) => rolesOf(db, id, todayOf(ctx.clock))),
  };
}

/** Every window, with what is wrong with its A or B (missing, departed, unqualified, away). */
function abWithWarnings(hall: HallSnapshot): WindowAb[] {
  const bench = benchStrength(benchInputOf(hall, 2, 2));
  const warnings = new Map(bench.windows.map((window) => [window.windowId, window.warnings]));
  const seats = new Map(hall.ab.map((record) => [record.windowId, record]));
  return hall.windows.map((window) => ({
    windowId: window.id,
    aStaffId: seats.get(window.id)?.aStaffId ?? null,
    bStaffId: seats.get(window.id)?.bStaffId ?? null,
    warnings: warnings.get(window.id) ?? [],
  }));
}

function requireWindow(all: WindowAb[], windowId: number): WindowAb {
  const found = all.find((window) => window.windowId === windowId);
  if (!found) throw new AppFailure('not_found', `No window with id ${windowId}`);
  return found;
}

/** Both seats: an employed person qualified for the window's post; A and B differ; A sits at one window only. */
function assertSeatsValid(hall: HallSnapshot, arg: ChannelArgs<'ab/set'>): void {
  const window = hall.windows.find((candidate) => candidate.id === arg.windowId);
  if (!window) throw new AppFailure('not_found', `No window with id ${arg.windowId}`);
  const errors: FieldErrors = {};
  for (const [field, staffId] of [['aStaffId', arg.aStaffId], ['bStaffId', arg.bStaffId]] as const) {
    const problem = seatProblem(hall, staffId, window.postId);
    if (problem) errors[field] = problem;
  }
  if (arg.aStaffId !== null && arg.aStaffId === arg.bStaffId) errors.bStaffId = 'same_person';
  const otherA = hall.ab.find((seats) => seats.aStaffId === arg.aStaffId && seats.windowId !== arg.windowId);
  if (arg.aStaffId !== null && otherA) errors.aStaffId ??= 'already_a';
  if (Object.keys(errors).length > 0) throw fieldFailure(errors);
}

function seatProblem(hall: HallSnapshot, staffId: number | null, postId: number): 'invalid_value' | 'departed' | 'unqualified' | null {
  if (staffId === null) return null;
  const person = hall.staff.find((candidate) => candidate.id === staffId);
  if (!person) return 'invalid_value';
  if (!isEmployed(person)) return 'departed';
  const level = hall.cells.find((cell) => cell.staffId === staffId && cell.postId === postId)?.level ?? 0;
  return level >= QUALIFIED_LEVEL ? null : 'unqualified';
}

async function rolesOf(db: Queryable, staffId: number, today: string): Promise<AbRole[]> {
  const hall = await loadHall(db, today);
  return hall.ab.flatMap((seats) => [
    ...(seats.aStaffId === staffId ? [{ windowId: seats.windowId, role: 'A' as const }] : []),
    ...(seats.bStaffId === staffId ? [{ windowId: seats.windowId, role: 'B' as const }] : []),
  ]);
}
