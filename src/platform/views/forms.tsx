import type { ComponentChildren } from 'preact';
import type { FieldIssue } from '../errors.js';
import type { T } from '../i18n/i18n.js';

export type FormErrors = Record<string, FieldIssue>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function errorId(name: string) {
  return `${name}-error`;
}

type FieldProps = {
  t: T;
  name: string;
  label: string;
  type?: string;
  value?: string | number | null | undefined;
  errors?: FormErrors | undefined;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'email' | 'text' | 'url';
};

/** A labelled input whose error is announced and linked with aria-describedby. */
export function Field({ t, name, label, type = 'text', value, errors, hint, required, autocomplete, maxLength, inputMode }: FieldProps) {
  const issue = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : null, issue ? errorId(name) : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${issue ? ' field-invalid' : ''}`}>
      <label for={name}>
        {label}
        {required ? <span class="required"> {t('form.requiredMark')}</span> : null}
      </label>
      {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
      <input
        id={name}
        name={name}
        type={type}
        value={value ?? ''}
        required={required}
        aria-invalid={issue ? 'true' : undefined}
        aria-describedby={describedBy}
        autocomplete={autocomplete}
        maxLength={maxLength}
        inputMode={inputMode}
      />
      {issue ? <p class="field-error" id={errorId(name)}>{t(issue.key, issue.params)}</p> : null}
    </div>
  );
}

type TextAreaProps = Omit<FieldProps, 'type' | 'autocomplete' | 'inputMode'> & { rows?: number };

export function TextArea({ t, name, label, value, errors, hint, required, maxLength, rows = 5 }: TextAreaProps) {
  const issue = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : null, issue ? errorId(name) : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${issue ? ' field-invalid' : ''}`}>
      <label for={name}>
        {label}
        {required ? <span class="required"> {t('form.requiredMark')}</span> : null}
      </label>
      {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
      <textarea id={name} name={name} rows={rows} required={required} maxLength={maxLength} aria-invalid={issue ? 'true' : undefined} aria-describedby={describedBy}>
        {value ?? ''}
      </textarea>
      {issue ? <p class="field-error" id={errorId(name)}>{t(issue.key, issue.params)}</p> : null}
    </div>
  );
}

type SelectProps = Omit<FieldProps, 'type' | 'autocomplete' | 'maxLength' | 'inputMode'> & {
  options: { value: string; label: string }[];
  emptyLabel?: string;
};

export function Select({ t, name, label, value, errors, hint, required, options, emptyLabel }: SelectProps) {
  const issue = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : null, issue ? errorId(name) : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${issue ? ' field-invalid' : ''}`}>
      <label for={name}>
        {label}
        {required ? <span class="required"> {t('form.requiredMark')}</span> : null}
      </label>
      {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
      <select id={name} name={name} required={required} aria-invalid={issue ? 'true' : undefined} aria-describedby={describedBy}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={String(value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {issue ? <p class="field-error" id={errorId(name)}>{t(issue.key, issue.params)}</p> : null}
    </div>
  );
}

type CheckboxProps = { t: T; name: string; label: ComponentChildren; checked?: boolean; errors?: FormErrors | undefined; value?: string };

export function Checkbox({ t, name, label, checked, errors, value = 'on' }: CheckboxProps) {
  const issue = errors?.[name];
  return (
    <div class={`field field-check${issue ? ' field-invalid' : ''}`}>
      <input id={name} name={name} type="checkbox" value={value} checked={checked} aria-invalid={issue ? 'true' : undefined} aria-describedby={issue ? errorId(name) : undefined} />
      <label for={name}>{label}</label>
      {issue ? <p class="field-error" id={errorId(name)}>{t(issue.key, issue.params)}</p> : null}
    </div>
  );
}

/** Summary at the top of a form that failed: announced, focusable, each entry links to its field. */
export function ErrorSummary({ t, errors, labels }: { t: T; errors?: FormErrors | undefined; labels: Record<string, string> }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <h2>{t('form.errorSummary', { count: Object.keys(errors).length })}</h2>
      <ul>
        {Object.entries(errors).map(([name, issue]) => (
          <li>
            {labels[name] ? <a href={`#${name}`}>{labels[name]}</a> : null}
            {labels[name] ? ' — ' : null}
            {t(issue.key, issue.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role="status" aria-live="polite">
      {children}
    </div>
  );
}
