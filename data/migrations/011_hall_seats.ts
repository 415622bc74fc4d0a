import type { Migration } from './migration.ts';

/**
 * The hall's seats (issue 15). A window is staffed 'fixed' (open all day whatever the tickets say:
 * 出件, the consultation and guidance desk, any window the dispatcher marks so) or 'demand' (opened by
 * the forecast); windows that serve the Saturday appointment service are marked. A roster's duty at
 * a post with windows names its window. Rosters made before this name none (NULL): which window a
 * person sat at was never decided, and guessing it now would put words in the printed schedule.
 */
export const migration011HallSeats: Migration = {
  version: 11,
  name: 'windows as seats: fixed staffing, Saturday service, the window of each duty',
  async up(tx) {
    await tx.exec(`
      ALTER TABLE windows ADD COLUMN staffing TEXT NOT NULL DEFAULT 'demand' CHECK (staffing IN ('fixed', 'demand'));
      ALTER TABLE windows ADD COLUMN saturday_service INTEGER NOT NULL DEFAULT 0 CHECK (saturday_service IN (0, 1));
      -- Hand-out windows and the desks are staffed whatever the demand, as the hall runs them.
      UPDATE windows SET staffing = 'fixed'
        WHERE kind = 'desk' OR post_id IN (SELECT id FROM posts WHERE function = 'handout');

      ALTER TABLE roster_assignments ADD COLUMN window_id INTEGER REFERENCES windows(id);
      CREATE INDEX roster_assignments_by_window ON roster_assignments (roster_id, date, shift_code, window_id);
    `);
  },
};
