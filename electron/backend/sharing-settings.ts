/** Where sharing's setting lives: off by default, on the address and port a dispatcher chose. */
import { isIP } from 'node:net';
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

/**
 * Why an address cannot be shared on, in the user's words, or null when it is one specific address.
 * A wildcard (0.0.0.0, ::) would listen on every interface — the office network, a VPN, a guest
 * Wi-Fi — when the dispatcher chose one; a broadcast or multicast address is no machine's.
 */
export function sharingAddressProblem(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return `${address} 不是网络地址，请从列表中选择这台电脑的地址。 / ${address} is not a network address: choose one of this computer's addresses from the list.`;
  const wildcard = `${address} 表示“所有网络接口”，会把数据开放给这台电脑连着的每个网络。请选择一个具体的地址。 / ${address} means every network interface, which would open the data to every network this computer is on: choose one specific address.`;
  const other = `${address} 不是这台电脑自己的地址，请从列表中选择。 / ${address} is not an address of this computer: choose one from the list.`;
  if (family === 4) {
    const octets = address.split('.').map(Number);
    if (octets.every((octet) => octet === 0)) return wildcard;
    if (octets[0]! >= 224) return other; // multicast, reserved, broadcast
    return null;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return sharingAddressProblem(mapped[1]!);
  if (expandIpv6(address).every((group) => group === 0)) return wildcard;
  if (/^ff/i.test(address)) return other; // multicast
  return null;
}

/** The eight 16-bit groups of an IPv6 address that isIP accepted. */
function expandIpv6(address: string): number[] {
  const [head = '', tail = ''] = address.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const before = parse(head);
  const after = address.includes('::') ? parse(tail) : [];
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}
