import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { BackupFile } from '../../contract/model.ts';
import { listBackups } from '../../../data/backup.ts';
import type { BackendContext } from '../context.ts';

export function backupHandlers(ctx: BackendContext) {
  return {
    'backup/list': (): Promise<BackupFile[]> => listBackups(ctx.paths.backupDir),

    'backup/create': (): Promise<BackupFile> => ctx.session.backupNow('manual'),

    'backup/restore': async ({ fileName }: ChannelArgs<'backup/restore'>) => {
      // Only a name from the list is accepted: the contract's pattern already rules out paths.
      const known = await listBackups(ctx.paths.backupDir);
      if (!known.some((backup) => backup.fileName === fileName)) {
        throw new AppFailure('not_found', `No backup named ${fileName}`);
      }
      const safetyCopy = await ctx.session.restore(fileName);
      return { restoredFrom: fileName, safetyCopy };
    },
  };
}
