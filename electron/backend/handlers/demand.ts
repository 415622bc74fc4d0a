import { AppFailure } from '../../contract/errors.ts';
import type { BackendContext } from '../context.ts';

/** Placeholder until the demand area lands (see electron/contract/areas/demand.ts). */
export function demandHandlers(ctx: BackendContext) {
  void ctx;
  const notYet = async (): Promise<never> => {
    throw new AppFailure('internal', 'the demand area is not built yet');
  };
  return {
    'demand/businessTypes': notYet,
    'demand/history': notYet,
    'demand/forecast': notYet,
    'demand/override': notYet,
    'demand/staffing': notYet,
    'demand/targets': notYet,
    'demand/setTarget': notYet,
    'demand/importCheck': notYet,
    'demand/importApply': notYet,
  };
}
