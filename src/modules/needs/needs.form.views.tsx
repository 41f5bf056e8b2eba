import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { Checkbox, CsrfField, ErrorSummary, Field, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { NEED_KINDS, type NeedKind } from './needs.domain.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

type RadioGroupProps = { t: T; name: string; legend: string; value: string; errors?: FormErrors | undefined; required?: boolean; options: { value: string; label: string; hint?: string }[] };

/** Radios in a fieldset; the first carries the name as id, so an error summary link lands on the group. */
function RadioGroup({ t, name, legend, value, errors, required, options }: RadioGroupProps) {
  const issue = errors?.[name];
  return (
    <fieldset class={`radio-group${issue ? ' field-invalid' : ''}`} aria-describedby={issue ? `${name}-error` : undefined}>
      <legend>
        {legend}
        {required ? <span class="required"> {t('form.requiredMark')}</span> : null}
      </legend>
      {issue ? <p class="field-error" id={`${name}-error`}>{t(issue.key, issue.params)}</p> : null}
      {options.map((o, i) => {
        const id = i === 0 ? name : `${name}-${o.value}`;
        return (
          <div class="field-check">
            <input type="radio" id={id} name={name} value={o.value} checked={value === o.value} aria-describedby={o.hint ? `${id}-hint` : undefined} />
            <label for={id}>
              {o.label}
              {o.hint ? <span class="hint" id={`${id}-hint`}>{o.hint}</span> : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export type NeedFormProps = {
  ctx: RequestContext;
  project: { id: string; title: string };
  /** The need's kind when editing (it cannot change), or undefined for a new need. */
  kind: NeedKind | undefined;
  action: string;
  values: Values;
  errors?: FormErrors | undefined;
};

/**
 * The form of a need. Kind-specific fields sit in fieldsets marked with their kind; CSS shows only
 * the checked kind's fieldset (without that support, all are shown, each saying when it applies).
 */
export function NeedFormPage({ ctx, project, kind, action, values, errors }: NeedFormProps) {
  const { t } = ctx;
  const f = (name: string) => t(`needs.fields.${name}`);
  const labels = Object.fromEntries(['kind', 'title', 'description', 'quantity', 'paid', 'rateCents', 'loanTermMonths', 'loanRateBps', 'materialMode', 'returnDate', 'skills', 'deadline'].map((n) => [n, f(n)]));
  const shown = (k: NeedKind) => kind === undefined || kind === k;
  return (
    <section class="narrow stack">
      <p><a href={`/projets/${project.id}/modifier#besoins`}>{t('needs.form.back')}</a></p>
      <h1>{t(kind ? 'needs.form.editTitle' : 'needs.form.newTitle')}</h1>
      <p class="lead">{t('needs.form.intro', { project: project.title })}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate class="stack need-form">
        <CsrfField token={ctx.csrfToken} />
        {kind ? (
          <p class="notice">{t('needs.form.kindFixed', { kind: t(`needs.kind.${kind}`) })}</p>
        ) : (
          <RadioGroup t={t} name="kind" legend={labels.kind!} value={str(values.kind)} errors={errors} required
            options={NEED_KINDS.map((k) => ({ value: k, label: t(`needs.kind.${k}`), hint: t(`needs.kindHint.${k}`) }))} />
        )}
        <Field t={t} name="title" label={labels.title!} value={str(values.title)} errors={errors} required maxLength={120} hint={t('needs.form.titleHint')} />
        <TextArea t={t} name="description" label={labels.description!} value={str(values.description)} errors={errors} maxLength={2000} rows={3} />
        <Field t={t} name="quantity" label={labels.quantity!} value={str(values.quantity)} errors={errors} required hint={t('needs.form.quantityHint')} />
        {shown('expertise') ? (
          <fieldset class="need-kind-fields" data-kind="expertise">
            <legend>{t('needs.form.expertiseLegend')}</legend>
            <Checkbox t={t} name="paid" label={labels.paid} checked={values.paid === 'on' || values.paid === true} errors={errors} />
            <Field t={t} name="rateCents" label={labels.rateCents!} value={str(values.rateCents)} errors={errors} />
          </fieldset>
        ) : null}
        {shown('loan') ? (
          <fieldset class="need-kind-fields" data-kind="loan">
            <legend>{t('needs.form.loanLegend')}</legend>
            <Field t={t} name="loanTermMonths" label={labels.loanTermMonths!} value={str(values.loanTermMonths)} errors={errors} inputMode="numeric" />
            <Field t={t} name="loanRateBps" label={labels.loanRateBps!} value={str(values.loanRateBps)} errors={errors} hint={t('needs.form.loanRateHint')} />
          </fieldset>
        ) : null}
        {shown('material') ? (
          <fieldset class="need-kind-fields" data-kind="material">
            <legend>{t('needs.form.materialLegend')}</legend>
            <RadioGroup t={t} name="materialMode" legend={labels.materialMode!} value={str(values.materialMode)} errors={errors}
              options={[{ value: 'lend', label: t('needs.form.lend') }, { value: 'give', label: t('needs.form.give') }]} />
            <Field t={t} name="returnDate" type="date" label={labels.returnDate!} value={str(values.returnDate)} errors={errors} hint={t('needs.form.returnDateHint')} />
          </fieldset>
        ) : null}
        <Field t={t} name="skills" label={labels.skills!} value={str(values.skills)} errors={errors} hint={t('needs.form.skillsHint')} maxLength={400} />
        <Field t={t} name="deadline" type="date" label={labels.deadline!} value={str(values.deadline)} errors={errors} hint={t('needs.form.deadlineHint')} />
        <button type="submit" class="button">{t(kind ? 'needs.form.submitEdit' : 'needs.form.submitNew')}</button>
      </form>
    </section>
  );
}
