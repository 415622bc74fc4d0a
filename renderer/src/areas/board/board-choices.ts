/**
 * What the cell editor offers, as pure data: in the by-window view the people who could sit there
 * (ranked by the backend, clean choices before those that would break a rule) and the people to
 * take off; in the by-person view the posts the person is qualified for, and 休.
 */
import type { BoardCandidate, BoardDuty, BoardOp, BoardPerson, RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { abMark, type SeatRow } from './board-model.ts';

export interface EditorChoice {
  id: string;
  /** The ops choosing it sends (after the live check). */
  ops: BoardOp[];
  label: string;
  /** Why it is offered or ranked here, in plain words. */
  detail: string;
  /** Rules it would break, in plain words; empty for a clean choice. */
  breaches: string[];
  kind: 'candidate' | 'off' | 'post';
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
  const offOps = (duty: BoardDuty): BoardOp => ({ staffId: duty.staffId, date, shiftCode, postId: null, learner: false, expectedPostId: duty.postId });
  const here = new Set(seated.map((duty) => duty.staffId));
  const offered = candidates
    .filter((candidate) => !here.has(candidate.staffId))
    .map((candidate): EditorChoice => {
      const mark = abMark(row, candidate.staffId) ?? candidate.abRole;
      return {
        id: `staff-${candidate.staffId}`,
        kind: 'candidate',
        label: `${candidate.name}${mark ? ` (${mark})` : ''}`,
        detail: [words.reason(candidate), candidate.currentPostId !== null ? words.current(candidate.currentPostId) : ''].filter(Boolean).join(' · '),
        breaches: words.breach(candidate),
        ops: [
          ...replacedBy(row, seated).map(offOps),
          { staffId: candidate.staffId, date, shiftCode, postId: row.postId, learner: candidate.level < 2, expectedPostId: candidate.currentPostId },
        ],
      };
    });
  // The backend ranks; clean choices still go first whatever order arrives.
  const ranked = [...offered.filter((choice) => choice.breaches.length === 0), ...offered.filter((choice) => choice.breaches.length > 0)];
  const takeOffs = seated.map((duty): EditorChoice => ({ id: `off-${duty.staffId}`, kind: 'off', label: words.takeOff(words.person(duty.staffId)), detail: '', breaches: [], ops: [offOps(duty)] }));
  return [...ranked, ...takeOffs];
}

/** The posts a person may take on a shift: qualified ones (level 2–3) first, then as a learner (1). */
export function personChoices(
  person: BoardPerson,
  board: Pick<RosterBoard, 'posts' | 'zones'>,
  date: string,
  shiftCode: string,
  current: BoardDuty | undefined,
  words: { off: string; post: (postId: number) => string; level: (level: number) => string; ab: (role: 'A' | 'B') => string },
): EditorChoice[] {
  const windows = board.zones.flatMap((zone) => zone.windows);
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
  const choices: EditorChoice[] = posts
    .filter((entry) => !(current && current.postId === entry.post.id))
    .map((entry) => ({
      id: `post-${entry.post.id}`,
      kind: 'post',
      label: words.post(entry.post.id),
      detail: [entry.role ? words.ab(entry.role) : '', words.level(entry.level)].filter(Boolean).join(' · '),
      breaches: [],
      ops: [{ staffId: person.staffId, date, shiftCode, postId: entry.post.id, learner: entry.level < 2, expectedPostId }],
    }));
  if (current) choices.push({ id: 'off', kind: 'off', label: words.off, detail: '', breaches: [], ops: [{ staffId: person.staffId, date, shiftCode, postId: null, learner: false, expectedPostId }] });
  return choices;
}
