/** Where sharing's setting lives: off by default, on the address and port a dispatcher chose. */
import type { Queryable } from '../../data/connection.ts';
import { getSetting, putSetting } from '../../data/repositories/settings.ts';

export interface SharingSetting {
  enabled: boolean;
  address: string | null;
  port: number;
}

export const DEFAULT_SHARING_PORT = 5443;
const KEY = 'sharing';

export async function readSharingSetting(db: Queryable): Promise<SharingSetting> {
  const stored = await getSetting(db, KEY);
  try {
    const parsed = stored === undefined ? {} : (JSON.parse(stored) as Partial<SharingSetting>);
    return {
      enabled: parsed.enabled === true,
      address: typeof parsed.address === 'string' ? parsed.address : null,
      port: typeof parsed.port === 'number' ? parsed.port : DEFAULT_SHARING_PORT,
    };
  } catch {
    return { enabled: false, address: null, port: DEFAULT_SHARING_PORT };
  }
}

export async function writeSharingSetting(db: Queryable, setting: { enabled: boolean; address: string; port: number }): Promise<void> {
  await putSetting(db, KEY, JSON.stringify(setting));
}
