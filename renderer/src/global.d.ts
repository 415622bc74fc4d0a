import type { ApiBridge } from '../../electron/contract/bridge.ts';

declare global {
  interface Window {
    api: ApiBridge;
  }
}
