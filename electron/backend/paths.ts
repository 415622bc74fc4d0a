import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'hall-roster';
export const DATA_DIR_VARIABLE = 'HALL_ROSTER_DATA_DIR';

/**
 * The user's data folder, the same one Electron's `app.getPath('userData')` would give for this
 * app's name, so the desktop and the browser host open the same file.
 */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
  home: string = homedir(),
): string {
  const override = env[DATA_DIR_VARIABLE];
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

export interface DataPaths {
  dataDir: string;
  dataFile: string;
  backupDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return { dataDir, dataFile: join(dataDir, 'centre.sqlite3'), backupDir: join(dataDir, 'backups') };
}
