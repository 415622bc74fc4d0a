import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BoardCandidate, BoardOp, RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { breachText, cellKey, dutiesBySlot, dutyIndex, seatDuties, shownShifts } from './board-model.ts';
import type { BoardNames } from './board-names.ts';
import { personChoices, seatChoices, type EditorChoice } from './board-choices.ts';
import type { PersonCellRef } from './BoardPersonGrid.tsx';
import type { WindowCellRef } from './BoardWindowGrid.tsx';

export type EditTarget = PersonCellRef | WindowCellRef;

const seatKey = (shiftCode: string, seat: { postId: number; windowId: number | null }) => `${shiftCode}|${seat.postId}|${seat.windowId ?? ''}`;

/**
 * The cell editor: a keyboard-driven list (↑↓, Enter, Esc). By window it lists who could sit there,
 * ranked with the reason; by person the lead picks the shift, then the post (or 休).
 */
export function CellEditor(props: { board: RosterBoard; names: BoardNames; target: EditTarget; onChoose: (ops: BoardOp[]) => void; onClose: () => void }) {
  const { board, names, target } = props;
  const { t } = names;
  const duties = useMemo(() => dutyIndex(board), [board]);
  const shifts = useMemo(() => shownShifts(board), [board]);
  const [shiftCode, setShiftCode] = useState<string>(() => {
    if (target.view === 'window') return target.shiftCode;
    return board.duties.find((duty) => duty.staffId === target.staffId && duty.date === target.date)?.shiftCode ?? shifts[0]?.code ?? '';
  });
  const [candidates, setCandidates] = useState<BoardCandidate[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const candidateWords = useMemo(
    () => ({
      takeOff: (name: string) => t('board.editor.takeOff', { name }),
      person: names.person,
      current: (postId: number) => t('board.editor.current', { post: names.post(postId) }),
      breach: (candidate: BoardCandidate) => candidate.breaches.map((breach) => breachText(breach, names.language, t('board.overridden'))),
      reason: (candidate: BoardCandidate) => (names.language === 'zh-CN' ? candidate.reasonZh : candidate.reasonEn),
    }),
    [names, t],
  );

  useEffect(() => {
    if (target.view !== 'window') return;
    let live = true;
    call('board/candidates', { rosterId: board.summary.id, date: target.date, shiftCode: target.shiftCode, postId: target.row.postId, windowId: target.row.windowId }).then(
      (found) => live && setCandidates(found),
      (caught: unknown) => live && setFailure(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [board.summary.id, target]);

  const choices = useMemo<EditorChoice[] | null>(() => {
    if (target.view === 'window') {
      if (!candidates) return null;
      const seated = seatDuties(dutiesBySlot(board.duties), target.row, target.date, target.shiftCode);
      return seatChoices(target.row, target.date, target.shiftCode, seated, candidates, candidateWords);
    }
    const person = board.people.find((candidate) => candidate.staffId === target.staffId);
    if (!person) return [];
    return personChoices(person, board, target.date, shiftCode, duties.get(cellKey(target.staffId, target.date, shiftCode)), {
      off: t('board.editor.offChoice'),
      post: names.post,
      level: (level) => (level >= 2 ? t('board.editor.level', { level }) : t('board.editor.levelLearner', { level })),
      ab: (role) => t('board.editor.seatAB', { role }),
      window: (window) => t('board.editor.window', { code: window.code, post: names.postShort(window.postId) }),
      sitting: (staffId) => (staffId === null ? t('board.editor.windowFree') : t('board.editor.sitting', { name: names.person(staffId) })),
    });
  }, [target, candidates, board, duties, shiftCode, candidateWords, names, t]);

  useEffect(() => {
    setActive(0);
  }, [choices]);

  // By person: how the backend ranks this person at the highlighted seat (reason, or the rule it would
  // break), with the ops it checked (at a window: the swap with whoever sits there).
  const [standing, setStanding] = useState<Map<string, BoardCandidate | null>>(() => new Map());
  const highlighted = choices?.[active];
  const highlightedSeat = target.view === 'person' ? highlighted?.seat : undefined;
  const seatPost = highlightedSeat?.postId ?? null;
  const seatWindow = highlightedSeat?.windowId ?? null;
  useEffect(() => {
    if (target.view !== 'person' || seatPost === null) return;
    const key = seatKey(shiftCode, { postId: seatPost, windowId: seatWindow });
    if (standing.has(key)) return;
    let live = true;
    call('board/candidates', { rosterId: board.summary.id, date: target.date, shiftCode, postId: seatPost, windowId: seatWindow }).then(
      (found) => live && setStanding((current) => new Map(current).set(key, found.find((candidate) => candidate.staffId === target.staffId) ?? null)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [target, shiftCode, seatPost, seatWindow, board.summary.id, standing]);
  const standingOf = (choice: EditorChoice): BoardCandidate | null | undefined => (choice.seat ? standing.get(seatKey(shiftCode, choice.seat)) : undefined);
  // Focus moves to the list when it opens, not each time its choices are recomputed.
  const listOpen = choices !== null;
  useEffect(() => {
    if (listOpen) listRef.current?.focus();
  }, [listOpen]);

  const choose = (choice: EditorChoice | undefined) => {
    if (!choice) return;
    // A learner's post keeps its own op; a seat the backend ranked takes the ops it checked.
    const ranked = choice.kind === 'window' ? standingOf(choice) : undefined;
    props.onChoose(ranked && ranked.ops.length > 0 ? ranked.ops : choice.ops);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!choices || choices.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + choices.length) % choices.length);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : choices.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(choices[active]);
    }
  };
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const who = target.view === 'window' ? `${target.row.label} ${target.row.postName}` : names.person(target.staffId);
  const title = t('board.editor.title', { who, day: names.day(target.date), shift: target.view === 'window' ? names.shift(target.shiftCode) : '' }).trim();
  const listId = `board-editor-${target.view}`;
  return (
    <Dialog title={title} onClose={props.onClose} wide>
      <div className="board-editor">
        {target.view === 'person' ? (
          <label className="field-inline">
            <span>{t('board.editor.shift')}</span>
            <select value={shiftCode} onChange={(event) => setShiftCode(event.target.value)}>
              {shifts.map((shift) => (
                <option key={shift.code} value={shift.code}>
                  {`${names.shift(shift.code)} ${shift.start}–${shift.end}`}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {failure ? <p role="alert" className="form-error">{failure}</p> : null}
        {choices === null && !failure ? <p className="muted">{t('board.editor.loading')}</p> : null}
        {choices && choices.length === 0 ? <p className="muted">{t('board.editor.none')}</p> : null}
        {choices && choices.length > 0 ? (
          <ul
            ref={listRef}
            id={listId}
            role="listbox"
            tabIndex={0}
            aria-label={target.view === 'window' ? t('board.editor.choices') : t('board.editor.post')}
            aria-activedescendant={`${listId}-${choices[active]?.id ?? ''}`}
            className="editor-choices"
            onKeyDown={onKeyDown}
          >
            {choices.map((choice, index) => (
              <li
                key={choice.id}
                id={`${listId}-${choice.id}`}
                role="option"
                aria-selected={index === active}
                className={`editor-choice choice-${choice.kind}${choice.breaches.length > 0 ? ' choice-breach' : ''}${index === active ? ' choice-active' : ''}`}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(choice)}
              >
                <span className="choice-label">{choice.label}</span>
                {choice.detail ? <span className="choice-detail">{choice.detail}</span> : null}
                {(choice.kind === 'post' || choice.kind === 'window') && standingOf(choice) ? (
                  <span className={standingOf(choice)!.breaches.length > 0 ? 'choice-verdict verdict-breach' : 'choice-verdict verdict-clean'}>
                    {standingOf(choice)!.breaches.length > 0
                      ? `${t('board.editor.wouldBreak')}：${candidateWords.breach(standingOf(choice)!).join('；')}`
                      : `${t('board.editor.clean')} · ${candidateWords.reason(standingOf(choice)!)}`}
                  </span>
                ) : null}
                {choice.kind === 'candidate' ? (
                  <span className={choice.breaches.length > 0 ? 'choice-verdict verdict-breach' : 'choice-verdict verdict-clean'}>
                    {choice.breaches.length === 0
                      ? t('board.editor.clean')
                      : choice.breaches.every((breach) => choice.detail.includes(breach))
                        ? t('board.editor.wouldBreak')
                        : `${t('board.editor.wouldBreak')}：${choice.breaches.join('；')}`}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="muted editor-hint">{t('board.editor.hint')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('board.editor.cancel')}
          </button>
          <button type="button" className="primary" disabled={!choices || choices.length === 0} onClick={() => choose(choices?.[active])}>
            {t('board.editor.choose')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
