import { performance } from 'node:perf_hooks';
import type { ChannelArgs } from '../../contract/channels.ts';
import { AppFailure } from '../../contract/errors.ts';
import type { BoardChange, BoardResults } from '../../contract/areas/board.ts';
import { appendAudit } from '../../../data/repositories/audit.ts';
import { listChanges, setCellsPinned } from '../../../data/repositories/board.ts';
import type { BackendContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { BoardStateCache, cellKey, loadBoardState } from '../board/board-state.ts';
import { boardBreaches, boardView, loadBoardHall } from '../board/board-view.ts';
import { candidatesFor } from '../board/candidates.ts';
import { appliedOrStaleNamed, applyBoardOps, refuseUneditable } from '../board/edits.ts';
import { newBreaches } from '../board/live-check.ts';
import { boardWorkbook } from '../board/workbook.ts';
import { requireRoster } from '../roster/service.ts';

/** The board channels (electron/contract/areas/board.ts): view, live checks, edits, pins, change log, workbook. */
export function boardHandlers(ctx: BackendContext) {
  // Parsed rosters between calls: the live check must not re-read a 300-person week per keystroke.
  const cache = new BoardStateCache();
  const view = (rosterId: number) => ctx.session.use((db) => boardView(db, ctx, rosterId, cache));

  return {
    'board/get': ({ rosterId }: ChannelArgs<'board/get'>) => view(rosterId),

    'board/check': ({ rosterId, ops }: ChannelArgs<'board/check'>): Promise<BoardResults['board/check']> =>
      ctx.session.use(async (db) => {
        const started = performance.now();
        const state = await loadBoardState(db, rosterId, cache);
        refuseUneditable(state, { ops }, todayOf(ctx.clock));
        const applied = await appliedOrStaleNamed(db, state, ops);
        const breaches = boardBreaches(state, newBreaches(state, applied));
        return { breaches, millis: Math.round((performance.now() - started) * 10) / 10 };
      }),

    'board/edit': async ({ rosterId, ops, kind, reason, overrideReason }: ChannelArgs<'board/edit'>): Promise<BoardResults['board/edit']> => {
      const changeId = await ctx.session.use((db) =>
        db.transaction((tx) => applyBoardOps(tx, ctx, { rosterId, ops, kind, ...(reason === undefined ? {} : { reason }), ...(overrideReason === undefined ? {} : { overrideReason }) })),
      );
      return { changeId, board: await view(rosterId) };
    },

    'board/candidates': ({ rosterId, date, shiftCode, postId, windowId }: ChannelArgs<'board/candidates'>): Promise<BoardResults['board/candidates']> =>
      ctx.session.use(async (db) => {
        const state = await loadBoardState(db, rosterId, cache);
        const hall = await loadBoardHall(db, state.record.from, state.record.from);
        const windows = hall.windows.filter((w) => w.postId === postId && state.record.zoneIds.includes(w.zoneId) && (windowId === null || w.id === windowId));
        if (windowId !== null && windows.length === 0) {
          throw new AppFailure('invalid_argument', `窗口 #${windowId} 不属于岗位 #${postId}。 / Window #${windowId} does not seat post #${postId}.`, { windowId: 'invalid_value' });
        }
        const seats = windows.map((w) => hall.ab.get(w.id));
        return candidatesFor(state, { date, shiftCode, postId, windowId }, {
          aStaffIds: new Set(seats.flatMap((s) => (s?.aStaffId ? [s.aStaffId] : []))),
          bStaffIds: new Set(seats.flatMap((s) => (s?.bStaffId ? [s.bStaffId] : []))),
        });
      }),

    'board/setPinned': async ({ rosterId, cells, pinned }: ChannelArgs<'board/setPinned'>): Promise<BoardResults['board/setPinned']> => {
      await ctx.session.use((db) =>
        db.transaction(async (tx) => {
          const state = await loadBoardState(tx, rosterId);
          if (state.record.status === 'superseded') {
            throw new AppFailure('invalid_argument', `排班 #${rosterId} 已被替换，只能查看。 / Roster #${rosterId} has been superseded: it is history and read only.`, { rosterId: 'invalid_value' });
          }
          const duties = new Set(state.assignments.map((a) => cellKey(a.staff, a.date, a.shift)));
          const empty = cells.findIndex((cell) => !duties.has(cellKey(String(cell.staffId), cell.date, cell.shiftCode)));
          if (empty >= 0) {
            const cell = cells[empty]!;
            throw new AppFailure('invalid_argument', `${cell.date} ${cell.shiftCode} 该人员没有排班，无法锁定。 / Nobody's duty is in that cell (${cell.date} ${cell.shiftCode}): only a duty can be pinned.`, { [`cells.${empty}`]: 'invalid_value' });
          }
          await setCellsPinned(tx, rosterId, cells, pinned);
          await appendAudit(tx, { at: ctx.clock.now().toISOString(), actor: ctx.actor, entity: 'roster', entityId: rosterId, action: pinned ? 'pin' : 'unpin', detail: { cells } });
        }),
      );
      return view(rosterId);
    },

    'board/changes': ({ rosterId, sincePublication }: ChannelArgs<'board/changes'>): Promise<BoardChange[]> =>
      ctx.session.use(async (db) => {
        await requireRoster(db, rosterId);
        return (await listChanges(db, rosterId, sincePublication)).map((change) => ({ ...change, moves: change.moves.map((move) => ({ ...move })) }));
      }),

    'board/exportXlsx': async ({ rosterId }: ChannelArgs<'board/exportXlsx'>) => boardWorkbook(await view(rosterId)),
  };
}
