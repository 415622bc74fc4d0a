import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useChanges } from '../../components/changes.ts';
import { useAccess } from '../../components/access.tsx';
import type { BoardBreach, BoardEditResult, BoardOp, RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { ApiError, call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { useLatest } from '../../components/use-latest.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainMessage } from '../roster/errors.ts';
import { PrintPreview } from '../print/PrintPreview.tsx';
import { exportBoardXlsx } from '../print/export.ts';
import { AbsenceRepairDialog } from './repair/AbsenceRepairDialog.tsx';
import { ReoptimiseDialog } from './repair/ReoptimiseDialog.tsx';
import { cellEditable, dutiesBySlot, dutyAt, dutyIndex, moveText, offOp, personRows, seatDuties, windowRows, zoneCoverageIndex } from './board-model.ts';
import { boardNames } from './board-names.ts';
import type { FocusRequest, GridKey } from './board-keys.ts';
import { BoardPersonGrid, type PersonCellRef } from './BoardPersonGrid.tsx';
import { BoardWindowGrid, type WindowCellRef } from './BoardWindowGrid.tsx';
import { CellEditor, type EditTarget } from './CellEditor.tsx';
import { afterRedo, afterUndo, canRedo, canUndo, changesOf, emptyHistory, recordEdit, redoOps, undoOps, type CellChange, type HistoryEntry } from './history.ts';
import { OverrideDialog } from './OverrideDialog.tsx';
import './board.css';

type BoardView = 'person' | 'window';
type EditKind = 'edit' | 'undo' | 'redo';
type OpenDialog = 'absence' | 'reoptimise' | 'print' | null;

interface PendingOverride {
  ops: BoardOp[];
  kind: EditKind;
  entry: HistoryEntry;
  breaches: BoardBreach[];
}

/**
 * The shift lead's board for one roster: by person or by window, edited from the keyboard, every
 * edit checked against the hard rules before it is saved, with undo/redo, pins, and the repair,
 * re-optimise, print and export tools.
 */
export function RosterBoardPanel(props: {
  rosterId: number;
  /** Every board read, the first included: the change log names posts and people from it. */
  onLoaded: (board: RosterBoard) => void;
  /** The roster changed (an edit, a repair, a pin): the summary, coverage and gaps are stale. */
  onChanged: (board: RosterBoard) => void;
  onShowChanges: () => void;
}) {
  const { t, language } = useI18n();
  const [board, setBoard] = useState<RosterBoard | null>(null);
  const [view, setView] = useState<BoardView>('person');
  const [history, setHistory] = useState(emptyHistory);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [pending, setPending] = useState<PendingOverride | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const focused = useRef<EditTarget | null>(null);
  const say = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => setNotice({ text, tone }), []);
  const { account } = useAccess();
  const listeners = useRef({ loaded: props.onLoaded, changed: props.onChanged });
  listeners.current = { loaded: props.onLoaded, changed: props.onChanged };

  const show = useCallback((next: RosterBoard, changed = true) => {
    setBoard(next);
    if (changed) listeners.current.changed(next);
    else listeners.current.loaded(next);
  }, []);

  const reload = useCallback(async () => {
    try {
      show(await call('board/get', { rosterId: props.rosterId }));
    } catch (caught) {
      say(plainMessage(caught, language), 'error');
    }
  }, [props.rosterId, show, say, language]);

  // Loaded once per roster: later edits bring the board back with them. A language switch must not
  // reload it, so the failure is worded in the language of the moment it fails.
  const languageNow = useLatest(language);
  useEffect(() => {
    let live = true;
    call('board/get', { rosterId: props.rosterId }).then(
      (found) => live && show(found, false),
      (caught: unknown) => live && say(plainMessage(caught, languageNow.current), 'error'),
    );
    return () => {
      live = false;
    };
  }, [props.rosterId, show, say, languageNow]);

  // Someone else changed this roster (another window, a hall desktop): show it as it now stands.
  useChanges(
    (change) => change.rosterId === props.rosterId && change.actor !== account.username,
    (change) => {
      void reload().then(() => say(t('changes.board', { actor: change.actor })));
    },
  );

  // A breach being decided shows on its cell while the lead reads the override dialog.
  const shown = useMemo(() => (board && pending ? { ...board, breaches: [...board.breaches, ...pending.breaches] } : board), [board, pending]);
  const names = useMemo(() => (board ? boardNames(board, language, t) : null), [board, language, t]);
  const duties = useMemo(() => (board ? dutyIndex(board) : new Map()), [board]);
  const people = useMemo(() => (shown ? personRows(shown) : []), [shown]);
  const windows = useMemo(() => (board ? windowRows(board, language, t('board.coverage')) : []), [board, language, t]);
  const slots = useMemo(() => dutiesBySlot(board?.duties ?? []), [board]);
  const coverage = useMemo(() => zoneCoverageIndex(board?.zoneCoverage ?? []), [board]);

  const describe = useCallback(
    (changes: CellChange[]) =>
      names
        ? changes
            .map((change) =>
              moveText(
                { staffId: change.staffId, staffName: names.person(change.staffId), date: change.date, shiftCode: change.shiftCode, fromPostId: change.before?.postId ?? null, toPostId: change.after?.postId ?? null, fromWindowId: change.before?.windowId ?? null, toWindowId: change.after?.windowId ?? null, learner: change.after?.learner ?? false },
                { day: names.day, shift: names.shift, post: names.post, window: names.windowCode, off: t('board.off'), learner: t('roster.learner') },
              ),
            )
            .join('；')
        : '',
    [names, t],
  );

  const finish = useCallback(
    (kind: EditKind, entry: HistoryEntry, result: BoardEditResult) => {
      show(result.board);
      setHistory((current) => (kind === 'undo' ? afterUndo(current) : kind === 'redo' ? afterRedo(current) : recordEdit(current, entry)));
      const what = describe(entry.changes);
      say(kind === 'undo' ? t('board.undone', { what }) : kind === 'redo' ? t('board.redone', { what }) : t('board.saved', { what }));
    },
    [show, describe, say, t],
  );

  /** A refusal because someone else changed the cell: say who and when, then show the roster as it is. */
  const refused = useCallback(
    async (caught: unknown) => {
      if (caught instanceof ApiError && caught.error.code === 'conflict') {
        say(t('board.conflictReloaded', { message: plainMessage(caught, language) }), 'error');
        setHistory(emptyHistory);
        await reload();
      } else {
        say(plainMessage(caught, language), 'error');
      }
    },
    [say, t, language, reload],
  );

  /** The live check first; a clean edit is saved at once, a breach asks for the lead's reason. */
  const submit = useCallback(
    async (ops: BoardOp[], kind: EditKind, entry: HistoryEntry) => {
      if (!board || busy) return;
      setBusy(true);
      try {
        const { breaches } = await call('board/check', { rosterId: board.summary.id, ops });
        const reason = kind === 'redo' ? entry.overrideReason : undefined;
        // A published roster's changes are shown to the client: each says why (undo/redo repeat an edit that did).
        const asksWhy = board.summary.status === 'published' && kind === 'edit';
        if ((breaches.length > 0 && reason === undefined) || asksWhy) {
          setPending({ ops, kind, entry, breaches });
          return;
        }
        const result = await call('board/edit', { rosterId: board.summary.id, ops, kind, ...(reason ? { overrideReason: reason } : {}) });
        finish(kind, entry, result);
      } catch (caught) {
        await refused(caught);
      } finally {
        setBusy(false);
      }
    },
    [board, busy, finish, refused],
  );

  const confirmOverride = async (reason: string) => {
    if (!board || !pending) return;
    setBusy(true);
    try {
      const breaking = pending.breaches.length > 0;
      const result = await call('board/edit', {
        rosterId: board.summary.id,
        ops: pending.ops,
        kind: pending.kind,
        ...(board.summary.status === 'published' ? { reason } : {}),
        ...(breaking ? { overrideReason: reason } : {}),
      });
      finish(pending.kind, breaking ? { ...pending.entry, overrideReason: reason } : pending.entry, result);
      setPending(null);
    } catch (caught) {
      setPending(null);
      await refused(caught);
    } finally {
      setBusy(false);
      refocus();
    }
  };

  const edit = (ops: BoardOp[]) => {
    const entry: HistoryEntry = { changes: changesOf(ops, (staffId, date, shiftCode) => dutyAt(duties, staffId, date, shiftCode)) };
    void submit(ops, 'edit', entry);
  };
  const undo = () => {
    const entry = history.done.at(-1);
    if (entry) void submit(undoOps(entry), 'undo', entry);
  };
  const redo = () => {
    const entry = history.undone.at(-1);
    if (entry) void submit(redoOps(entry), 'redo', entry);
  };

  const refocus = () => {
    const cell = focused.current;
    if (!cell) return;
    const colId = cell.view === 'person' ? cell.date : `${cell.date}|${cell.shiftCode}`;
    setFocus((current) => ({ rowIndex: cell.rowIndex, colId, seq: (current?.seq ?? 0) + 1 }));
  };

  const cellDuties = (cell: EditTarget) =>
    cell.view === 'person' ? board?.duties.filter((duty) => duty.staffId === cell.staffId && duty.date === cell.date) ?? [] : seatDuties(slots, cell.row, cell.date, cell.shiftCode);

  // A lead's board offers only the cells of their zones' people at their zones' posts.
  const mayChange = (cell: EditTarget) =>
    board !== null && board !== undefined && cellEditable(board, cell.view === 'person' ? { date: cell.date, staffId: cell.staffId } : { date: cell.date, postId: cell.row.postId }, cellDuties(cell));

  const togglePin = async (cell: EditTarget) => {
    if (!board) return;
    const held = cellDuties(cell);
    if (held.length === 0) return say(t('board.nothingToPin'), 'error');
    const pinned = !held.every((duty) => duty.pinned);
    try {
      const next = await call('board/setPinned', { rosterId: board.summary.id, cells: held.map((duty) => ({ staffId: duty.staffId, date: duty.date, shiftCode: duty.shiftCode })), pinned });
      show(next);
      say(pinned ? t('board.pinnedNotice', { n: held.length }) : t('board.unpinnedNotice', { n: held.length }));
    } catch (caught) {
      await refused(caught);
    }
  };

  const onKey = (key: GridKey, cell: EditTarget) => {
    if (!board) return;
    if (key === 'undo') return undo();
    if (key === 'redo') return redo();
    if (!mayChange(cell)) return;
    if (key === 'edit') return setEditing(cell);
    if (key === 'pin') return void togglePin(cell);
    const held = cellDuties(cell);
    if (held.length > 0) edit(held.map(offOp));
  };
  const onOpenCell = (cell: EditTarget) => {
    if (mayChange(cell)) setEditing(cell);
  };
  const onFocusCell = (cell: PersonCellRef | WindowCellRef | null) => {
    if (cell) focused.current = cell;
  };

  const applied = (result: BoardEditResult) => {
    show(result.board);
    // The repair moved other cells: what the history expected of them no longer holds.
    setHistory(emptyHistory);
    setDialog(null);
    refocus();
  };

  const absenceInitial = () => {
    const cell = focused.current;
    if (!cell) return undefined;
    if (cell.view === 'person') return { staffId: cell.staffId, date: cell.date, shiftCode: null };
    const seated = cellDuties(cell)[0];
    return { ...(seated ? { staffId: seated.staffId } : {}), date: cell.date, shiftCode: cell.shiftCode };
  };

  const exportXlsx = async () => {
    if (!board) return;
    try {
      await exportBoardXlsx(board.summary.id);
    } catch (caught) {
      say(plainMessage(caught, language), 'error');
    }
  };

  if (!board || !names || !shown) {
    return (
      <div className="board-panel">
        <Notice text={notice?.text ?? null} tone={notice?.tone} />
        <p className="muted">{t('board.loading')}</p>
      </div>
    );
  }

  const editable = board.editable;
  return (
    <div className="board-panel" data-testid="roster-board">
      <div className="toolbar board-toolbar" role="toolbar" aria-label={t('board.title')}>
        <div className="segmented" role="radiogroup" aria-label={t('board.view')}>
          {(['person', 'window'] as const).map((option) => (
            <label key={option} className={view === option ? 'segment segment-on' : 'segment'}>
              <input type="radio" name="board-view" value={option} checked={view === option} onChange={() => setView(option)} />
              {t(option === 'person' ? 'board.view.person' : 'board.view.window')}
            </label>
          ))}
        </div>
        <div className="board-tool-group">
          <button type="button" title={t('board.undoHint')} disabled={!editable || busy || !canUndo(history)} onClick={undo}>
            ↶ {t('board.undo')}
          </button>
          <button type="button" title={t('board.redoHint')} disabled={!editable || busy || !canRedo(history)} onClick={redo}>
            ↷ {t('board.redo')}
          </button>
        </div>
        <div className="board-tool-group">
          <button type="button" disabled={!editable} onClick={() => setDialog('absence')}>
            {t('board.markAbsent')}
          </button>
          <button type="button" disabled={!editable} onClick={() => setDialog('reoptimise')}>
            {t('board.reoptimise')}
          </button>
        </div>
        <div className="board-tool-group">
          <button type="button" onClick={() => setDialog('print')}>
            {t('board.print')}
          </button>
          <button type="button" onClick={() => void exportXlsx()}>
            {t('board.exportXlsx')}
          </button>
        </div>
        {board.summary.status === 'published' ? (
          <button type="button" className="link-button changes-since" data-testid="changes-since-publication" onClick={props.onShowChanges}>
            {t('board.changesSincePublication', { n: board.changesSincePublication })}
          </button>
        ) : null}
        <span className="board-status muted" aria-live="polite">
          {busy ? t('board.checking') : editable ? t('board.keys') : t('board.readOnly')}
        </span>
      </div>
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      {view === 'person' ? (
        <BoardPersonGrid board={shown} rows={people} names={names} focus={focus} onFocusCell={onFocusCell} onKey={onKey} onOpenCell={onOpenCell} />
      ) : (
        <BoardWindowGrid board={shown} rows={windows} slots={slots} coverage={coverage} names={names} focus={focus} onFocusCell={onFocusCell} onKey={onKey} onOpenCell={onOpenCell} />
      )}
      {editing ? (
        <CellEditor
          board={board}
          names={names}
          target={editing}
          onClose={() => {
            setEditing(null);
            refocus();
          }}
          onChoose={(ops) => {
            setEditing(null);
            refocus();
            edit(ops);
          }}
        />
      ) : null}
      {pending ? (
        <OverrideDialog
          what={describe(pending.entry.changes)}
          breaches={pending.breaches}
          busy={busy}
          onConfirm={(reason) => void confirmOverride(reason)}
          onClose={() => {
            setPending(null);
            refocus();
          }}
        />
      ) : null}
      {dialog === 'absence' ? <AbsenceRepairDialog board={board} {...withInitial(absenceInitial())} onApplied={applied} onClose={() => setDialog(null)} /> : null}
      {dialog === 'reoptimise' ? <ReoptimiseDialog board={board} onApplied={applied} onClose={() => setDialog(null)} /> : null}
      {dialog === 'print' ? <PrintPreview board={board} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

/** exactOptionalPropertyTypes: leave `initial` out rather than pass undefined. */
function withInitial(initial: { staffId?: number; date?: string; shiftCode?: string | null } | undefined) {
  return initial ? { initial } : {};
}
