import { useId, type ReactElement, cloneElement } from 'react';

/**
 * A labelled form control with its error beneath. The control gets its id, aria-invalid and
 * aria-describedby, so screen readers announce the error with the field.
 */
export function Field(props: { label: string; error?: string; required?: boolean; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const errorId = `${id}-error`;
  const control = cloneElement(props.children, {
    id,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
    'aria-required': props.required ? true : undefined,
  });
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required-mark" aria-hidden="true"> *</span> : null}
      </label>
      {control}
      {props.error ? (
        <div id={errorId} className="field-error" role="alert">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}
