import { format } from 'date-fns';
import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { AttendanceDay, CorrectionStatus, PunchApplyResult, PunchReport } from '../../contract/areas/attendance.ts';
import type { Queryable } from '../../../data/connection.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { insertCorrection, insertPunches, listCorrectionsOf, listPunchesOf, punchSummary } from '../../../data/repositories/attendance.ts';
import { getStaff } from '../../../data/repositories/staff.ts';
import type { BackendContext } from '../context.ts';
import { todayOf, type Clock } from '../clock.ts';
import { planPunches, reportOfPunches } from '../attendance/punch-import.ts';
import { readTimedUpload } from '../transfer/timed-upload.ts';
import { readDutySettings, readRules, reconcileRange, writeDutySettings, writeRules } from '../attendance/service.ts';
import { attendanceMonth, exportAttendanceMonth } from '../attendance/sheet.ts';
import { dutyMonth } from '../attendance/duty.ts';
import { currentCall } from '../auth/call-context.ts';
import { shapeRows } from '../auth/rows.ts';

/** The hall's local time to the minute, as punches are stored. */
function localMinute(clock: Clock): string {
  return format(clock.now(), "yyyy-MM-dd'T'HH:mm");
}

/** The attendance channels (see electron/contract/areas/attendance.ts). */
export function attendanceHandlers(ctx: BackendContext) {
  const audit = (db: Queryable, entity: string, entityId: number | null, action: string, detail: Record<string, unknown>) =>
    appendAudit(db, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity, entityId, action, detail });

  async function dayOf(db: Queryable, staffId: number, date: string): Promise<AttendanceDay> {
    const range = await reconcileRange(db, { from: date, to: date, today: todayOf(ctx.clock), staffId });
    const day = range.results[0]?.days[0];
    const kind = range.calendar[0]?.kind;
    if (!day || !kind) throw new AppFailure('not_found', `Staff ${staffId} was not employed on ${date}`);
    const punches = await listPunchesOf(db, staffId, date, date);
    const corrections = await listCorrectionsOf(db, staffId, date);
    return {
      staffId, date, kind,
      punches: punches.map(({ at, device, sourceFile }) => ({ at, device, sourceFile })),
      segments: day.segments,
      status: day.status,
      code: day.code,
      overtimeMinutes: day.overtimeMinutes,
      corrected: day.corrected,
      rostered: day.rostered,
      corrections: corrections.map(({ id, date: on, status, reason, actor, at }) => ({ id, date: on, status: status as CorrectionStatus, reason, actor, at })),
    };
  }

  return {
    'punches/check': async ({ fileName, base64 }: ChannelArgs<'punches/check'>): Promise<PunchReport> => {
      const upload = await readTimedUpload(fileName, base64);
      return ctx.session.use(async (db) => reportOfPunches(await planPunches(db, upload, localMinute(ctx.clock))));
    },

    'punches/apply': async ({ fileName, base64, goodRowsOnly }: ChannelArgs<'punches/apply'>): Promise<PunchApplyResult> => {
      const upload = await readTimedUpload(fileName, base64);
      return ctx.session.use((db) =>
        db.transaction(async (tx) => {
          // Planned again inside the transaction: what is written is judged against what is there.
          const plan = await planPunches(tx, upload, localMinute(ctx.clock));
          const report = reportOfPunches(plan);
          const fileLevel = report.errors.some((error) => error.line === 0 || error.problem === 'missing_column');
          if (fileLevel || (report.errors.length > 0 && !goodRowsOnly)) {
            const lines = [...new Set(report.errors.map((error) => error.line))].slice(0, 20);
            throw new AppFailure('invalid_argument', `${fileName} was not imported: ${report.errors.length} problem(s) on line(s) ${lines.join(', ')}`);
          }
          const written = await insertPunches(tx, plan.punches, fileName, ctx.clock.now().toISOString());
          await audit(tx, 'punches', null, 'import', { fileName, written, skippedRows: plan.badLines, totalRows: plan.totalRows });
          return { ...report, written };
        }),
      );
    },

    'punches/list': ({ staffId, from, to }: ChannelArgs<'punches/list'>) =>
      ctx.session.use((db) => listPunchesOf(db, staffId, from, to)),

    'punches/summary': () => ctx.session.use((db) => punchSummary(db)),

    'attendance/settings': ({ set }: ChannelArgs<'attendance/settings'>) =>
      ctx.session.use(async (db) => {
        if (!set) return readRules(db);
        return db.transaction(async (tx) => {
          const before = await readRules(tx);
          await writeRules(tx, set);
          await audit(tx, 'attendance_settings', null, 'update', { before, after: set });
          return readRules(tx);
        });
      }),

    'attendance/correct': ({ staffId, date, status, reason }: ChannelArgs<'attendance/correct'>): Promise<AttendanceDay> =>
      ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const person = await getStaff(tx, staffId);
          if (!person) throw new AppFailure('not_found', `No staff member with id ${staffId}`);
          if (date >= todayOf(ctx.clock)) throw new AppFailure('invalid_argument', 'Only a day that is over can be corrected', { date: 'future_date' });
          const before = await dayOf(tx, staffId, date);
          if (before.status === 'not_employed') throw new AppFailure('invalid_argument', `${person.name} was not employed on ${date}`, { date: 'invalid_value' });
          const at = ctx.clock.now().toISOString();
          const id = await insertCorrection(tx, { staffId, date, status, reason, actor: ctx.actor, at });
          await audit(tx, 'attendance_correction', id, 'create', { staffId, date, from: before.status, to: status, reason });
          return dayOf(tx, staffId, date);
        }),
      ),

    'attendance/day': ({ staffId, date }: ChannelArgs<'attendance/day'>) => ctx.session.use((db) => dayOf(db, staffId, date)),

    'attendance/month': ({ year, month }: ChannelArgs<'attendance/month'>) =>
      ctx.session.use((db) => attendanceMonth(db, year, month, todayOf(ctx.clock))),

    'attendance/export': ({ year, month }: ChannelArgs<'attendance/export'>) =>
      // A file cannot be trimmed once written: the role table's rows rule is applied to the sheet first.
      ctx.session.use((db) => exportAttendanceMonth(db, year, month, todayOf(ctx.clock), (sheet) => shapeRows(db, 'attendance/export', currentCall().account, sheet))),

    'duty/settings': ({ set }: ChannelArgs<'duty/settings'>) =>
      ctx.session.use(async (db) => {
        if (!set) return readDutySettings(db);
        return db.transaction(async (tx) => {
          const before = await readDutySettings(tx);
          await writeDutySettings(tx, set);
          await audit(tx, 'duty_settings', null, 'update', { before, after: set });
          return readDutySettings(tx);
        });
      }),

    'duty/month': ({ year, month }: ChannelArgs<'duty/month'>) => ctx.session.use((db) => dutyMonth(db, year, month, todayOf(ctx.clock))),
  };
}
