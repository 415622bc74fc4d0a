import type { ChannelArgs } from '../../contract/channels.ts';
import type { AppInfo, Language, Settings } from '../../contract/model.ts';
import { getSetting, putSetting } from '../../../data/repositories/settings.ts';
import { readSchemaVersion } from '../../../data/migrations/index.ts';
import type { Database } from '../../../data/connection.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';

/** Simplified Chinese first: a new install speaks the hall's language. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function settingsHandlers(ctx: BackendContext) {
  return {
    'app/info': (): Promise<AppInfo> =>
      ctx.session.use(async (db) => ({
        appVersion: ctx.appVersion,
        host: ctx.host,
        dataFile: ctx.paths.dataFile,
        backupDir: ctx.paths.backupDir,
        schemaVersion: await readSchemaVersion(db),
        today: todayOf(ctx.clock),
      })),

    'settings/get': (): Promise<Settings> => ctx.session.use(readSettings),

    'settings/setLanguage': ({ language }: ChannelArgs<'settings/setLanguage'>): Promise<Settings> =>
      ctx.session.use(async (db) => {
        await putSetting(db, 'language', language);
        return readSettings(db);
      }),
  };
}

async function readSettings(db: Database): Promise<Settings> {
  const stored = await getSetting(db, 'language');
  return { language: stored === 'en' || stored === 'zh-CN' ? stored : DEFAULT_LANGUAGE };
}
