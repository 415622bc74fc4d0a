import { describe, expect, it } from 'vitest';
import { dataPaths, defaultDataDir } from '../../../electron/backend/paths.ts';

describe('data folder', () => {
  it('follows each platform\'s convention, as Electron\'s userData does', () => {
    expect(defaultDataDir({}, 'linux', '/home/li')).toBe('/home/li/.config/hall-roster');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/li')).toBe('/cfg/hall-roster');
    expect(defaultDataDir({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Application Support/hall-roster');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toMatch(/Roaming[\\/]hall-roster$/);
  });

  it('can be moved with HALL_ROSTER_DATA_DIR', () => {
    expect(defaultDataDir({ HALL_ROSTER_DATA_DIR: '/srv/hall' }, 'linux', '/home/li')).toBe('/srv/hall');
  });

  it('keeps the data file and the backups side by side', () => {
    expect(dataPaths('/d')).toEqual({ dataDir: '/d', dataFile: '/d/centre.sqlite3', backupDir: '/d/backups' });
  });
});
