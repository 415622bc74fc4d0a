import type { Queryable } from '../connection.ts';

export interface CentreRecord {
  nameZh: string;
  nameEn: string;
}

export interface ZoneRecord {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'windows' | 'desk';
  sortOrder: number;
}

export interface PostRecord {
  id: number;
  code: string;
  zoneId: number | null;
  nameZh: string;
  nameEn: string;
  function: 'consult' | 'guide' | 'assist' | 'intake' | 'prereview' | 'entry' | 'handout' | 'order' | 'lead';
}

export interface WindowRecord {
  id: number;
  zoneId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'window' | 'desk';
  postId: number;
  /** fixed: open all day whatever the demand; demand: opened by the forecast. */
  staffing: 'fixed' | 'demand';
  /** Serves the Saturday appointment service (周六预约服务) when the hall opens on Saturdays. */
  saturdayService: boolean;
}

export type NewWindow = Omit<WindowRecord, 'id' | 'staffing' | 'saturdayService'> & Partial<Pick<WindowRecord, 'staffing' | 'saturdayService'>>;

export function getCentre(db: Queryable): Promise<CentreRecord | undefined> {
  return db.get<CentreRecord>('SELECT name_zh AS nameZh, name_en AS nameEn FROM centre WHERE id = 1');
}

export async function putCentre(db: Queryable, centre: CentreRecord): Promise<void> {
  await db.run(
    `INSERT INTO centre (id, name_zh, name_en) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en`,
    [centre.nameZh, centre.nameEn],
  );
}

export function listZones(db: Queryable): Promise<ZoneRecord[]> {
  return db.all<ZoneRecord>(
    `SELECT id, code, name_zh AS nameZh, name_en AS nameEn, kind, sort_order AS sortOrder
     FROM zones ORDER BY sort_order, id`,
  );
}

export function listPosts(db: Queryable): Promise<PostRecord[]> {
  return db.all<PostRecord>(
    `SELECT id, code, zone_id AS zoneId, name_zh AS nameZh, name_en AS nameEn, function
     FROM posts ORDER BY id`,
  );
}

export async function listWindows(db: Queryable): Promise<WindowRecord[]> {
  const rows = await db.all<Omit<WindowRecord, 'saturdayService'> & { saturdayService: number }>(
    `SELECT id, zone_id AS zoneId, code, name_zh AS nameZh, name_en AS nameEn, kind, post_id AS postId,
       staffing, saturday_service AS saturdayService
     FROM windows ORDER BY zone_id, code`,
  );
  return rows.map((row) => ({ ...row, saturdayService: row.saturdayService === 1 }));
}

export async function insertZone(db: Queryable, zone: Omit<ZoneRecord, 'id'>): Promise<number> {
  const { lastId } = await db.run(
    'INSERT INTO zones (code, name_zh, name_en, kind, sort_order) VALUES (?, ?, ?, ?, ?)',
    [zone.code, zone.nameZh, zone.nameEn, zone.kind, zone.sortOrder],
  );
  return lastId;
}

export async function insertPost(db: Queryable, post: Omit<PostRecord, 'id'>): Promise<number> {
  const { lastId } = await db.run(
    'INSERT INTO posts (code, zone_id, name_zh, name_en, function) VALUES (?, ?, ?, ?, ?)',
    [post.code, post.zoneId, post.nameZh, post.nameEn, post.function],
  );
  return lastId;
}

/** A window's staffing defaults to what the hall does with its post: hand-out and desks fixed. */
export async function insertWindow(db: Queryable, window: NewWindow): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO windows (zone_id, code, name_zh, name_en, kind, post_id, staffing, saturday_service)
     VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, CASE WHEN ? = 'desk' OR (SELECT function FROM posts WHERE id = ?) = 'handout' THEN 'fixed' ELSE 'demand' END), ?)`,
    [window.zoneId, window.code, window.nameZh, window.nameEn, window.kind, window.postId, window.staffing ?? null, window.kind, window.postId, window.saturdayService ? 1 : 0],
  );
  return lastId;
}
