import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { BackupFile } from '../../contract/model.ts';
import { BackupCheckError, describeBackupProblem, listBackups } from '../../../data/backup.ts';
import type { BackendContext } from '../context.ts';

export function backupHandlers(ctx: BackendContext) {
  return {
    'backup/list': (): Promise<BackupFile[]> => listBackups(ctx.paths.backupDir),

    'backup/create': (): Promise<BackupFile> =>
      ctx.session.backupNow('manual').catch((error: unknown) => {
        if (!(error instanceof BackupCheckError)) throw error;
        const { zh, en } = describeBackupProblem(error.kind);
        throw new AppFailure('database', `备份未完成：新写的副本未通过检查（${zh}），已删除，现有数据未受影响。 / The backup was not made: the new copy failed its check (${en}) and was deleted; the data is unaffected.`);
      }),

    'backup/restore': async ({ fileName }: ChannelArgs<'backup/restore'>) => {
      // Only a name from the list is accepted: the contract's pattern already rules out paths.
      const known = await listBackups(ctx.paths.backupDir);
      if (!known.some((backup) => backup.fileName === fileName)) {
        throw new AppFailure('not_found', `没有名为 ${fileName} 的备份。 / No backup named ${fileName}.`);
      }
      try {
        const safetyCopy = await ctx.session.restore(fileName);
        return { restoredFrom: fileName, safetyCopy };
      } catch (error) {
        if (!(error instanceof BackupCheckError)) throw error;
        const { zh, en } = describeBackupProblem(error.kind);
        throw new AppFailure('invalid_argument', `${zh}，未做任何更改。 / ${capitalise(en)}; nothing was changed.`);
      }
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
