import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { FilePayload, ImportReport, ImportResult } from '../../contract/model.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { exportFile, readUpload, planImport, templateFile, writePlan } from '../transfer/exchange.ts';
import { reportOf } from '../transfer/plan.ts';

/** Import and export of staff records and skills as xlsx or CSV files people edit in Excel. */
export function transferHandlers(ctx: BackendContext) {
  return {
    'transfer/template': ({ kind, format }: ChannelArgs<'transfer/template'>): Promise<FilePayload> =>
      ctx.session.use((db) => templateFile(db, { kind, format, today: todayOf(ctx.clock) })),

    'transfer/export': ({ kind, format, idNumbers }: ChannelArgs<'transfer/export'>): Promise<FilePayload> =>
      ctx.session.use((db) => exportFile(db, { kind, format, today: todayOf(ctx.clock) }, idNumbers)),

    'transfer/check': async ({ fileName, base64 }: ChannelArgs<'transfer/check'>): Promise<ImportReport> => {
      const upload = await readUpload(fileName, base64);
      return ctx.session.use(async (db) => reportOf(await planImport(db, upload, todayOf(ctx.clock))));
    },

    'transfer/apply': async ({ fileName, base64, goodRowsOnly }: ChannelArgs<'transfer/apply'>): Promise<ImportResult> => {
      const upload = await readUpload(fileName, base64);
      const stamp = { at: ctx.clock.now().toISOString(), actor: ctx.actor, fileName };
      return ctx.session.use((db) =>
        db.transaction(async (tx) => {
          // Planned again inside the transaction: what is written is judged against what is there.
          const plan = await planImport(tx, upload, todayOf(ctx.clock));
          const report = reportOf(plan);
          if (plan.fileErrors.length > 0 || (report.errors.length > 0 && !goodRowsOnly)) {
            throw new AppFailure('invalid_argument', refusal(fileName, report));
          }
          return writePlan(tx, plan, stamp);
        }),
      );
    },
  };
}

function refusal(fileName: string, report: ImportReport): string {
  const lines = [...new Set(report.errors.map((error) => error.line))];
  return `${fileName} 未导入：第 ${lines.join('、')} 行共有 ${report.errors.length} 处问题。请修正后再导入，或只导入无误的行。 / ${fileName} was not imported: ${report.errors.length} problem(s) on line(s) ${lines.join(', ')}. Fix them, or import the good rows only.`;
}
