import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { FilePayload, ImportReport, ImportResult } from '../../contract/model.ts';
import type { BackendContext } from '../context.ts';

/** Placeholder until import and export land. */
export function transferHandlers(ctx: BackendContext) {
  void ctx;
  const notYet = (): never => {
    throw new AppFailure('internal', 'import and export are not implemented yet');
  };
  return {
    'transfer/template': async (_arg: ChannelArgs<'transfer/template'>): Promise<FilePayload> => notYet(),
    'transfer/export': async (_arg: ChannelArgs<'transfer/export'>): Promise<FilePayload> => notYet(),
    'transfer/check': async (_arg: ChannelArgs<'transfer/check'>): Promise<ImportReport> => notYet(),
    'transfer/apply': async (_arg: ChannelArgs<'transfer/apply'>): Promise<ImportResult> => notYet(),
  };
}
