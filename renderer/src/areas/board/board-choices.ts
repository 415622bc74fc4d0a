/**
 * What the cell editor offers, as pure data: in the by-window view the people who could sit at that
 * window (ranked by the backend, clean choices before those that would break a rule, each with the
 * exact ops the backend checked: a swap when someone sits there) and the people to take off; in the
 * by-person view the seats the person could take — a window of each post with windows ("T01 · 收件",
 * with who sits there now), a post without windows, a post as a learner — and 休.
 */
import type { BoardCandidate, BoardDuty, BoardOp, BoardPerson, BoardWindow, RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { abMark, offOp, storedWindow, type SeatRow } from './board-model.ts';

export interface EditorChoice {
  id: string;
  /** The ops choosing it sends (after the live check). */
  ops: BoardOp[];
  label: string;
  /** Why it is offered or ranked here, in plain words. */
  detail: string;
  /** Rules it would break, in plain words; empty for a clean choice. */
  breaches: string[];
  kind: 'candidate' | 'off' | 'post' | 'window';
  /** The seat a 'post' or 'window' choice puts the person on: what the backend ranks them for. */
  seat?: { postId: number; windowId: number | null };
}

/** A seat of one window holds one person (and learners); a post without a window holds many. */
function replacedBy(row: SeatRow, seated: readonly BoardDuty[]): BoardDuty[] {
  return row.windowId === null ? [] : seated.filter((duty) => !duty.learner);
}

export function seatChoices(
  row: SeatRow,
  date: string,
  shiftCode: string,
  seated: readonly BoardDuty[],
  candidates: readonly BoardCandidate[],
  words: { takeOff: (name: string) => string; person: (staffId: number) => string; current: (postId: number) => string; breach: (candidate: BoardCandidate) => string[]; reason: (candidate: BoardCandidate) => string },
): EditorChoice[] {
  const here = new Set(seated.map((duty) => duty.staffId));
  const offered = candidates
    .filter((candidate) => !here.has(candidate.staffId))
    .map((candidate): EditorChoice => {
      const mark = abMark(row, candidate.staffId) ?? candidate.abRole;
      // The backend's ops are the ones it checked (a swap with whoever sits there); without them the
      // person at the window comes off and the candidate sits down.
      const ops: BoardOp[] =
        candidate.ops.length > 0
          ? candidate.ops.map((op) => ({ ...op }))
          : [
              ...replacedBy(row, seated).map(offOp),
              { staffId: candidate.staffId, date, shiftCode, postId: row.postId, windowId: row.windowId, learner: candidate.level < 2, expectedPostId: candidate.currentPostId, expectedWindowId: candidate.currentWindowId },
            ];
      return {
        id: `staff-${candidate.staffId}`,
        kind: 'candidate',
        label: `${candidate.name}${mark ? ` (${mark})` : ''}`,
        detail: [words.reason(candidate), candidate.currentPostId !== null ? words.current(candidate.currentPostId) : ''].filter(Boolean).join(' · '),
        breaches: words.breach(candidate),
        ops,
      };
    });
  // The backend ranks; clean choices still go first whatever order arrives.
  const ranked = [...offered.filter((choice) => choice.breaches.length === 0), ...offered.filter((choice) => choice.breaches.length > 0)];
  const takeOffs = seated.map((duty): EditorChoice => ({ id: `off-${duty.staffId}`, kind: 'off', label: words.takeOff(words.person(duty.staffId)), detail: '', breaches: [], ops: [{ ...offOp(duty), date, shiftCode }] }));
  return [...ranked, ...takeOffs];
}

/**
 * The ops seating a person at a window, as the backend's candidates build them: whoever sits there
 * now takes the seat the person leaves (a swap), or comes off when the person held none.
 */
export function windowSeatOps(staffId: number, window: Pick<BoardWindow, 'id' | 'postId'>, date: string, shiftCode: string, current: BoardDuty | undefined, holder: BoardDuty | undefined): BoardOp[] {
  const ops: BoardOp[] = [{ staffId, date, shiftCode, postId: window.postId, windowId: window.id, learner: false, expectedPostId: current?.postId ?? null, expectedWindowId: storedWindow(current) }];
  if (holder && holder.staffId !== staffId) {
    const back = current && !current.learner ? current : undefined;
    ops.push({ staffId: holder.staffId, date, shiftCode, postId: back?.postId ?? null, windowId: back?.windowId ?? null, learner: false, expectedPostId: holder.postId, expectedWindowId: storedWindow(holder) });
  }
  return ops;
}

/**
 * The seats a person may take on a shift: qualified ones (level 2–3) first — at a post with windows
 * each window (their A window, then those they back up, then the rest, with who sits there now) —
 * then posts as a learner (level 1, beside a mentor, no window of their own).
 */
export function personChoices(
  person: BoardPerson,
  board: Pick<RosterBoard, 'posts' | 'zones' | 'duties'>,
  date: string,
  shiftCode: string,
  current: BoardDuty | undefined,
  words: {
    off: string;
    post: (postId: number) => string;
    level: (level: number) => string;
    ab: (role: 'A' | 'B') => string;
    /** "T01 · 收件". */
    window: (window: BoardWindow) => string;
    /** "现在：李四" / "空窗口". */
    sitting: (staffId: number | null) => string;
  },
): EditorChoice[] {
  const windows = board.zones.flatMap((zone) => zone.windows);
  const roleAtWindow = (window: BoardWindow): 'A' | 'B' | null => (person.aWindowId === window.id ? 'A' : person.bWindowIds.includes(window.id) ? 'B' : null);
  const roleAt = (postId: number): 'A' | 'B' | null => {
    const atPost = windows.filter((window) => window.postId === postId);
    if (atPost.some((window) => window.id === person.aWindowId)) return 'A';
    return atPost.some((window) => person.bWindowIds.includes(window.id)) ? 'B' : null;
  };
  const posts = board.posts
    .map((post) => ({ post, level: person.levels[String(post.id)] ?? 0, role: roleAt(post.id) }))
    .filter((entry) => entry.level >= 1)
    .sort((a, b) => Number(b.level >= 2) - Number(a.level >= 2) || Number(b.role !== null) - Number(a.role !== null) || b.level - a.level || a.post.id - b.post.id);
  const expectedPostId = current?.postId ?? null;
  const expectedWindowId = storedWindow(current);
  const holderAt = (windowId: number) =>
    board.duties.find((duty) => duty.date === date && duty.shiftCode === shiftCode && duty.windowId === windowId && !duty.learner && duty.staffId !== person.staffId);
  const roleRank = { A: 0, B: 1 } as const;
  const choices: EditorChoice[] = [];
  for (const entry of posts) {
    const atPost = windows.filter((window) => window.postId === entry.post.id);
    if (entry.level >= 2 && atPost.length > 0) {
      const ordered = atPost
        .map((window, order) => ({ window, order, role: roleAtWindow(window) }))
        .sort((a, b) => (a.role ? roleRank[a.role] : 2) - (b.role ? roleRank[b.role] : 2) || a.order - b.order);
      for (const { window, role } of ordered) {
        if (current && !current.learner && current.windowId === window.id) continue;
        const holder = holderAt(window.id);
        choices.push({
          id: `window-${window.id}`,
          kind: 'window',
          label: words.window(window),
          detail: [words.sitting(holder?.staffId ?? null), role ? words.ab(role) : '', words.level(entry.level)].filter(Boolean).join(' · '),
          breaches: [],
          ops: windowSeatOps(person.staffId, window, date, shiftCode, current, holder),
          seat: { postId: entry.post.id, windowId: window.id },
        });
      }
      continue;
    }
    if (current && current.postId === entry.post.id && (atPost.length === 0 || current.learner)) continue;
    const learner = entry.level < 2;
    choices.push({
      id: `post-${entry.post.id}`,
      kind: 'post',
      label: words.post(entry.post.id),
      detail: [entry.role ? words.ab(entry.role) : '', words.level(entry.level)].filter(Boolean).join(' · '),
      breaches: [],
      ops: [{ staffId: person.staffId, date, shiftCode, postId: entry.post.id, windowId: null, learner, expectedPostId, expectedWindowId }],
      seat: { postId: entry.post.id, windowId: null },
    });
  }
  if (current) choices.push({ id: 'off', kind: 'off', label: words.off, detail: '', breaches: [], ops: [{ staffId: person.staffId, date, shiftCode, postId: null, windowId: null, learner: false, expectedPostId, expectedWindowId }] });
  return choices;
}
