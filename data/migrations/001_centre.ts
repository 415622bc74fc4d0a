import type { Migration } from './migration.ts';

/** The hall: the centre itself, its zones, the posts people hold and the windows they sit at. */
export const migration001Centre: Migration = {
  version: 1,
  name: 'centre, zones, posts, windows',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE centre (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL
      ) STRICT;

      CREATE TABLE zones (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('windows', 'desk')),
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        zone_id INTEGER REFERENCES zones(id),
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        function TEXT NOT NULL CHECK (function IN
          ('consult', 'guide', 'assist', 'intake', 'prereview', 'entry', 'handout', 'order', 'lead'))
      ) STRICT;

      CREATE TABLE windows (
        id INTEGER PRIMARY KEY,
        zone_id INTEGER NOT NULL REFERENCES zones(id),
        code TEXT NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('window', 'desk')),
        post_id INTEGER NOT NULL REFERENCES posts(id)
      ) STRICT;
      CREATE INDEX windows_by_zone ON windows(zone_id);
    `);
  },
};
