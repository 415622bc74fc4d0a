import type { Centre } from '../../contract/model.ts';
import { AppFailure } from '../../contract/errors.ts';
import { getCentre, listPosts, listWindows, listZones } from '../../../data/repositories/centre.ts';
import type { BackendContext } from '../context.ts';

export function centreHandlers(ctx: BackendContext) {
  return {
    'centre/get': (): Promise<Centre> =>
      ctx.session.use(async (db) => {
        const centre = await getCentre(db);
        if (!centre) throw new AppFailure('not_found', 'No service centre has been set up');
        return { ...centre, zones: await listZones(db), posts: await listPosts(db), windows: await listWindows(db) };
      }),
  };
}
