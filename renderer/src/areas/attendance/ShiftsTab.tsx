import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpeningDayKind, OpeningHours, ShiftTemplate } from '../../../../electron/contract/areas/calendar.ts';
import type { FieldErrors } from '../../../../electron/contract/errors.ts';
import type { Centre, Zone } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Field } from '../../components/Field.tsx';
import { plainMessage } from '../roster/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { AttendanceTabProps } from './tab-props.ts';
import './calendar.css';

/** Minutes from midnight as the clock face shows them. */
export function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** HH:MM back to minutes; NaN for anything else, which the backend then refuses. */
export function fromClock(text: string): number {
  const found = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  return found ? Number(found[1]) * 60 + Number(found[2]) : Number.NaN;
}

/** Times are typed as HH:MM whatever the browser's locale would make of <input type="time">. */
function ClockInput({ value, onChange, label, ...rest }: { value: string; onChange: (value: string) => void; label?: string } & Record<string, unknown>) {
  // `rest` carries the id and aria attributes a surrounding <Field> gives its control.
  return (
    <input
      {...rest}
      type="text"
      className="clock-input"
      inputMode="numeric"
      placeholder="HH:MM"
      maxLength={5}
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

const dayKindLabel = (kind: OpeningDayKind) => `shifts.dayKind.${kind}` as MessageKey;

/** 营业时间与班次: the hall's hours per kind of day and the shift templates rosters are built from. */
export function ShiftsTab(props: AttendanceTabProps) {
  const { t, language } = useI18n();
  const [hours, setHours] = useState<OpeningHours[] | null>(null);
  const [templates, setTemplates] = useState<ShiftTemplate[] | null>(null);
  const [editing, setEditing] = useState<ShiftTemplate | 'new' | null>(null);
  const { onNotice } = props;

  const reload = useCallback(() => {
    const failed = (caught: unknown) => onNotice(t('app.error', { message: plainMessage(caught, language) }), 'error');
    call('hours/list', {}).then(setHours, failed);
    call('shifts/list', {}).then(setTemplates, failed);
  }, [onNotice, t, language]);
  useEffect(reload, [reload]);

  return (
    <div className="shifts-tab">
      <section className="shifts-section" aria-labelledby="hours-title">
        <h2 id="hours-title">{t('shifts.hours')}</h2>
        <p className="hint muted">{t('shifts.hours.hint')}</p>
        <table className="plain-table hours-table" aria-labelledby="hours-title">
          <thead>
            <tr>
              <th scope="col">{t('shifts.dayKind')}</th>
              <th scope="col">{t('shifts.isOpen')}</th>
              <th scope="col">{t('shifts.opensAt')}</th>
              <th scope="col">{t('shifts.closesAt')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(hours ?? []).map((row) => (
              <HoursRow key={row.dayKind} row={row} onNotice={onNotice} onSaved={(saved) => setHours((all) => (all ?? []).map((h) => (h.dayKind === saved.dayKind ? saved : h)))} />
            ))}
          </tbody>
        </table>
      </section>
      <section className="shifts-section" aria-labelledby="templates-title">
        <div className="toolbar">
          <h2 id="templates-title">{t('shifts.templates')}</h2>
          <span className="toolbar-spacer" />
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            + {t('shifts.new')}
          </button>
        </div>
        <p className="hint muted">{t('shifts.templates.hint')}</p>
        <table className="plain-table shifts-table" aria-labelledby="templates-title">
          <thead>
            <tr>
              <th scope="col">{t('shifts.code')}</th>
              <th scope="col">{t('shifts.nameZh')}</th>
              <th scope="col">{t('shifts.nameEn')}</th>
              <th scope="col">{t('shifts.startsAt')}</th>
              <th scope="col">{t('shifts.endsAt')}</th>
              <th scope="col">{t('shifts.defaultDay')}</th>
              <th scope="col">{t('shifts.active')}</th>
              <th scope="col">{t('shifts.windows')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(templates ?? []).map((template) => (
              <tr key={template.id} data-shift={template.code} className={template.active ? undefined : 'shift-inactive'}>
                <th scope="row">{template.code}</th>
                <td>{template.nameZh}</td>
                <td>{template.nameEn}</td>
                <td className="num" data-col="startsAt">{toClock(template.startsAt)}</td>
                <td className="num" data-col="endsAt">{toClock(template.endsAt)}</td>
                <td>{template.defaultDay ? t('shifts.yes') : t('shifts.no')}</td>
                <td>{template.active ? t('shifts.yes') : t('shifts.inactive')}</td>
                <td className="shift-windows">{windowSummary(t, props.centre, template.windowIds)}</td>
                <td>
                  <button type="button" aria-label={t('shifts.editNamed', { code: template.code })} onClick={() => setEditing(template)}>
                    {t('shifts.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing ? (
        <ShiftDialog
          centre={props.centre}
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            onNotice(t('shifts.saved', { code: saved.code }), 'ok');
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

function windowSummary(t: ReturnType<typeof useI18n>['t'], centre: Centre, windowIds: number[]): string {
  if (windowIds.length === 0) return t('shifts.windowsNone');
  if (windowIds.length === centre.windows.length) return t('shifts.windowsAll');
  const chosen = new Set(windowIds);
  const zones = centre.zones.filter((zone) => centre.windows.some((w) => w.zoneId === zone.id && chosen.has(w.id)));
  return t('shifts.windowsCount', { zones: zones.length, windows: windowIds.length });
}

function HoursRow(props: { row: OpeningHours; onSaved: (row: OpeningHours) => void; onNotice: AttendanceTabProps['onNotice'] }) {
  const { t, problem } = useI18n();
  const [isOpen, setIsOpen] = useState(props.row.isOpen);
  const [opensAt, setOpensAt] = useState(toClock(props.row.opensAt));
  const [closesAt, setClosesAt] = useState(toClock(props.row.closesAt));
  const label = t(dayKindLabel(props.row.dayKind));

  async function save() {
    try {
      const saved = await call('hours/set', { dayKind: props.row.dayKind, isOpen, opensAt: fromClock(opensAt), closesAt: fromClock(closesAt) });
      props.onSaved(saved);
      props.onNotice(t('shifts.hoursSaved', { kind: label }), 'ok');
    } catch (caught) {
      const [field, kind] = Object.entries(caught instanceof ApiError ? (caught.error.fields ?? {}) : {})[0] ?? [];
      props.onNotice(`${label}: ${field && kind ? problem(field, kind) : caught instanceof ApiError ? caught.error.message : String(caught)}`, 'error');
    }
  }

  return (
    <tr data-day-kind={props.row.dayKind}>
      <th scope="row">{label}</th>
      <td>
        <input type="checkbox" aria-label={`${label} ${t('shifts.isOpen')}`} checked={isOpen} onChange={(event) => setIsOpen(event.target.checked)} />
      </td>
      <td>
        <ClockInput label={`${label} ${t('shifts.opensAt')}`} value={opensAt} onChange={setOpensAt} />
      </td>
      <td>
        <ClockInput label={`${label} ${t('shifts.closesAt')}`} value={closesAt} onChange={setClosesAt} />
      </td>
      <td>
        <button type="button" aria-label={`${t('shifts.save')} ${label}`} onClick={() => void save()}>
          {t('shifts.save')}
        </button>
      </td>
    </tr>
  );
}

function ShiftDialog(props: { centre: Centre; template: ShiftTemplate | null; onClose: () => void; onSaved: (saved: ShiftTemplate) => void }) {
  const { t, problem, language } = useI18n();
  const start = props.template;
  const [code, setCode] = useState(start?.code ?? '');
  const [nameZh, setNameZh] = useState(start?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(start?.nameEn ?? '');
  const [startsAt, setStartsAt] = useState(start ? toClock(start.startsAt) : '08:30');
  const [endsAt, setEndsAt] = useState(start ? toClock(start.endsAt) : '12:00');
  const [defaultDay, setDefaultDay] = useState(start?.defaultDay ?? false);
  const [active, setActive] = useState(start?.active ?? true);
  const [windowIds, setWindowIds] = useState<Set<number>>(() => new Set(start?.windowIds ?? []));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const errorOf = (field: string) => (errors[field] ? problem(field, errors[field]) : undefined);

  async function save() {
    try {
      props.onSaved(
        await call('shifts/save', {
          id: start?.id ?? null,
          code,
          nameZh,
          nameEn,
          startsAt: fromClock(startsAt),
          endsAt: fromClock(endsAt),
          defaultDay,
          active,
          windowIds: [...windowIds],
        }),
      );
    } catch (caught) {
      if (caught instanceof ApiError && caught.error.fields) {
        setErrors(caught.error.fields);
        setFailure(null);
      } else setFailure(caught instanceof ApiError ? caught.error.message : String(caught));
    }
  }

  return (
    <Dialog title={start ? t('shifts.dialogEdit', { code: start.code }) : t('shifts.dialogNew')} onClose={props.onClose} wide>
      <form
        className="form-grid shift-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {failure ? <div className="form-banner">{failure}</div> : null}
        <Field label={t('shifts.code')} required error={errorOf('code')}>
          <input value={code} maxLength={12} onChange={(event) => setCode(event.target.value)} />
        </Field>
        <Field label={t('shifts.nameZh')} required error={errorOf('nameZh')}>
          <input value={nameZh} maxLength={20} onChange={(event) => setNameZh(event.target.value)} />
        </Field>
        <Field label={t('shifts.nameEn')} required error={errorOf('nameEn')}>
          <input value={nameEn} maxLength={40} onChange={(event) => setNameEn(event.target.value)} />
        </Field>
        <div />
        <Field label={t('shifts.startsAt')} required error={errorOf('startsAt')}>
          <ClockInput value={startsAt} onChange={setStartsAt} />
        </Field>
        <Field label={t('shifts.endsAt')} required error={errorOf('endsAt')}>
          <ClockInput value={endsAt} onChange={setEndsAt} />
        </Field>
        <label className="check" title={t('shifts.defaultDayHint')}>
          <input type="checkbox" checked={defaultDay} onChange={(event) => setDefaultDay(event.target.checked)} />
          {t('shifts.defaultDay')}
        </label>
        <label className="check">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          {t('shifts.active')}
        </label>
        <fieldset className="shift-windows-choice form-wide">
          <legend>{t('shifts.windows')}</legend>
          {errorOf('windowIds') ? <div className="field-error">{errorOf('windowIds')}</div> : null}
          <ul className="zone-tree">
            {props.centre.zones.map((zone) => (
              <ZoneChoice key={zone.id} zone={zone} centre={props.centre} language={language} chosen={windowIds} onChange={setWindowIds} />
            ))}
          </ul>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A zone's box selects all its windows; expanded, each window can be chosen on its own. */
function ZoneChoice(props: { zone: Zone; centre: Centre; language: string; chosen: Set<number>; onChange: (next: Set<number>) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const windows = props.centre.windows.filter((window) => window.zoneId === props.zone.id);
  const count = windows.filter((window) => props.chosen.has(window.id)).length;
  const all = windows.length > 0 && count === windows.length;
  const nameOf = (item: { nameZh: string; nameEn: string }) => (props.language === 'zh-CN' ? item.nameZh : item.nameEn);
  const zoneName = nameOf(props.zone);
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  const set = (ids: number[], on: boolean) => {
    const next = new Set(props.chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    props.onChange(next);
  };
  return (
    <li>
      <div className="zone-head">
        <label className="check">
          <input ref={box} type="checkbox" checked={all} onChange={(event) => set(windows.map((w) => w.id), event.target.checked)} />
          {t('shifts.zoneAll', { zone: zoneName, n: windows.length })}
        </label>
        <span className="muted">
          {count}/{windows.length}
        </span>
        <button type="button" className="zone-toggle" aria-expanded={open} onClick={() => setOpen((was) => !was)} aria-label={t(open ? 'shifts.collapse' : 'shifts.expand', { zone: zoneName })}>
          {open ? '▴' : '▾'}
        </button>
      </div>
      {open ? (
        <ul className="zone-windows">
          {windows.map((window) => (
            <li key={window.id}>
              <label className="check">
                <input type="checkbox" checked={props.chosen.has(window.id)} onChange={(event) => set([window.id], event.target.checked)} />
                {nameOf(window).includes(window.code) ? nameOf(window) : `${window.code} ${nameOf(window)}`}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
