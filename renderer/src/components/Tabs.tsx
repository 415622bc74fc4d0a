import type { KeyboardEvent } from 'react';

/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab in the Tab order, arrows move between them.
 * The caller renders the panel with id `${idPrefix}-panel-${current}`.
 */
export function Tabs<T extends string>(props: {
  label: string;
  idPrefix: string;
  tabs: readonly { id: T; label: string }[];
  current: T;
  onChange: (tab: T) => void;
}) {
  const ids = props.tabs.map((tab) => tab.id);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = ids[(ids.indexOf(props.current) + step + ids.length) % ids.length] as T;
    props.onChange(next);
    document.getElementById(`${props.idPrefix}-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} className="tabs" onKeyDown={onKeyDown}>
      {props.tabs.map((tab) => (
        <button
          key={tab.id}
          id={`${props.idPrefix}-tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={props.current === tab.id}
          aria-controls={`${props.idPrefix}-panel-${tab.id}`}
          tabIndex={props.current === tab.id ? 0 : -1}
          onClick={() => props.onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
