import type { Migration } from './migration.ts';

/**
 * The skill matrix (a person's level in each post), its history, and each window's A and B people.
 * A post is the skill a window requires (税务收件, 商事登记初审, 咨询引导 …), so levels hang off posts.
 */
export const migration004Skills: Migration = {
  version: 4,
  name: 'skill matrix, skill history, A/B posts',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE staff_skills (
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        post_id INTEGER NOT NULL REFERENCES posts(id),
        -- 0 none, 1 learning (学习中), 2 independent (独立上岗), 3 can mentor (可带教)
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
        certified_on TEXT,
        -- A learner's mentor and the date they should be certified by.
        mentor_id INTEGER REFERENCES staff(id),
        target_date TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (staff_id, post_id),
        CHECK (level < 2 OR certified_on IS NOT NULL),
        CHECK (mentor_id IS NULL OR mentor_id <> staff_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX staff_skills_by_post ON staff_skills(post_id, level);

      CREATE TABLE skill_history (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        post_id INTEGER NOT NULL REFERENCES posts(id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        from_level INTEGER NOT NULL,
        to_level INTEGER NOT NULL,
        certified_on TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX skill_history_by_cell ON skill_history(staff_id, post_id);

      CREATE TABLE window_ab (
        window_id INTEGER PRIMARY KEY REFERENCES windows(id),
        a_staff_id INTEGER REFERENCES staff(id),
        b_staff_id INTEGER REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        CHECK (a_staff_id IS NULL OR b_staff_id IS NULL OR a_staff_id <> b_staff_id)
      ) STRICT;
      -- A person sits at one window as its A; they may back up (B) several others.
      CREATE UNIQUE INDEX window_ab_one_a_each ON window_ab(a_staff_id) WHERE a_staff_id IS NOT NULL;
    `);
  },
};
