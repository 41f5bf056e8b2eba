import type { RequestContext } from '../../platform/http/context.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { ORGANISATION_KINDS } from '../organisations/organisations.domain.js';
import { QUESTION_KINDS } from './calls.domain.js';
import { rowsOf } from './calls.forms.js';
import type { ManagedCaisse } from './calls.service.js';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

export type CallFormData = { mode: 'create' | 'edit'; locked: boolean; action: string; cancelHref: string; values: Record<string, unknown>; errors?: FormErrors | undefined; caisses: ManagedCaisse[] };

function Checkboxes({ ctx, name, legend, hint, options, selected, errors, disabled }: { ctx: RequestContext; name: string; legend: string; hint?: string; options: { value: string; label: string }[]; selected: string[]; errors?: FormErrors | undefined; disabled?: boolean }) {
  const issue = errors?.[name];
  return (
    <fieldset class={`field${issue ? ' field-invalid' : ''}`} id={name} aria-describedby={[hint ? `${name}-hint` : '', issue ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
      <ul class="checkbox-list">
        {options.map((o) => (
          <li class="field-check">
            <input type="checkbox" id={`${name}-${o.value}`} name={name} value={o.value} checked={selected.includes(o.value)} disabled={disabled} />
            <label for={`${name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
      {issue ? <p class="field-error" id={`${name}-error`}>{ctx.t(issue.key, issue.params)}</p> : null}
    </fieldset>
  );
}

/** The dynamic rows: questions, then criteria. "Add"/"remove" are submit buttons (no JS needed); htmx swaps only the fieldset. */
function Rows({ ctx, kind, values, errors, action }: { ctx: RequestContext; kind: 'questions' | 'criteria'; values: Record<string, unknown>; errors?: FormErrors | undefined; action: string }) {
  const { t } = ctx;
  const indexes = [...new Set(Object.keys(values).map((k) => new RegExp(`^${kind}\\.(\\d+)\\.`).exec(k)).filter(Boolean).map((m) => Number(m![1])))].sort((a, b) => a - b);
  const issue = errors?.[kind];
  const hx = { 'hx-post': action, 'hx-target': `#${kind}-rows`, 'hx-select': `#${kind}-rows`, 'hx-swap': 'outerHTML' };
  return (
    <fieldset class="stack" id={`${kind}-rows`}>
      <legend><h2 id={kind}>{t(kind === 'questions' ? 'calls.form.questions' : 'calls.form.criteria')}</h2></legend>
      {issue ? <p class="field-error" id={`${kind}-error`}>{t(issue.key, issue.params)}</p> : null}
      {indexes.map((i, n) => {
        const name = (f: string) => `${kind}.${i}.${f}`;
        const v = (f: string) => str(values[name(f)]);
        return (
          <div class="card stack">
            <h3>{t(kind === 'questions' ? 'calls.form.questionN' : 'calls.form.criterionN', { n: n + 1 })}</h3>
            {kind === 'questions' ? (
              <>
                <Select t={t} name={name('kind')} label={t('calls.form.kind')} value={v('kind') || 'short_text'} errors={errors} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`calls.questionKind.${k}`) }))} />
                <Field t={t} name={name('label')} label={t('calls.form.label')} value={v('label')} errors={errors} required maxLength={300} />
                <Field t={t} name={name('help')} label={t('calls.form.help')} value={v('help')} errors={errors} maxLength={1000} />
                <Checkbox t={t} name={name('required')} label={t('calls.form.requiredQ')} checked={values[name('required')] === 'on' || values[name('required')] === true} errors={errors} />
                <TextArea t={t} name={name('choices')} label={t('calls.form.choices')} value={Array.isArray(values[name('choices')]) ? (values[name('choices')] as string[]).join('\n') : v('choices')} errors={errors} rows={3} />
                <Field t={t} name={name('maxLength')} label={t('calls.form.maxLength')} value={v('maxLength')} errors={errors} inputMode="numeric" maxLength={5} />
              </>
            ) : (
              <>
                <Field t={t} name={name('label')} label={t('calls.form.label')} value={v('label')} errors={errors} required maxLength={200} />
                <Field t={t} name={name('description')} label={t('calls.form.description')} value={v('description')} errors={errors} maxLength={1000} />
                <Field t={t} name={name('weight')} label={t('calls.form.weight')} value={v('weight') || '1'} errors={errors} inputMode="numeric" maxLength={3} required />
              </>
            )}
            <p><button type="submit" class="button button-secondary button-small" name="_remove" value={`${kind}:${i}`} formnovalidate {...hx}>{t(kind === 'questions' ? 'calls.form.removeQuestion' : 'calls.form.removeCriterion', { n: n + 1 })}</button></p>
          </div>
        );
      })}
      <p><button type="submit" class="button button-secondary" name="_add" value={kind} formnovalidate {...hx}>{t(kind === 'questions' ? 'calls.form.addQuestion' : 'calls.form.addCriterion')}</button></p>
    </fieldset>
  );
}

export function CallFormPage({ ctx, data }: { ctx: RequestContext; data: CallFormData }) {
  const { t } = ctx;
  const { values, errors, locked } = data;
  const v = (name: string) => str(values[name]);
  const caisse = data.mode === 'create' ? (data.caisses.find((c) => c.slug === v('caisse')) ?? (data.caisses.length === 1 ? data.caisses[0] : undefined)) : data.caisses[0];
  const places = data.caisses.length === 1 || data.mode === 'edit' ? (caisse?.territories ?? []) : data.caisses.flatMap((c) => c.territories.map((x) => ({ ...x, name: `${x.name} (${c.name})` })));
  const labels: Record<string, string> = {
    caisse: t('calls.form.caisse'), title: t('calls.form.title'), theme: t('calls.form.theme'), description: t('calls.form.description'), language: t('calls.form.language'), territories: t('calls.form.territories'),
    allowedOrganisationKinds: t('calls.form.kinds'), budgetCents: t('calls.form.budget'), maxPerProjectCents: t('calls.form.maxPerProject'), opensAt: t('calls.form.opensAt'), submissionsCloseAt: t('calls.form.submissionsCloseAt'),
    reviewEndsAt: t('calls.form.reviewEndsAt'), voteOpensAt: t('calls.form.voteOpensAt'), voteClosesAt: t('calls.form.voteClosesAt'), resultsAt: t('calls.form.resultsAt'), votesPerMember: t('calls.form.votesPerMember'),
    juryWeightPercent: t('calls.form.juryWeightPercent'), questions: t('calls.form.questions'), criteria: t('calls.form.criteria'),
  };
  for (const key of Object.keys(errors ?? {})) {
    const m = /^(questions|criteria)\.(\d+)\.(\w+)$/.exec(key);
    if (m) labels[key] = `${t(m[1] === 'questions' ? 'calls.form.questionN' : 'calls.form.criterionN', { n: rowsOf(values, m[1]!).length ? Number(m[2]) + 1 : 1 })} — ${t(`calls.form.${m[3] === 'required' ? 'requiredQ' : m[3]}`)}`;
  }
  const dateField = (name: string, required = true) => <Field t={t} name={name} type="datetime-local" label={labels[name]!} value={v(name)} errors={errors} required={required} />;
  return (
    <section class="narrow stack">
      <h1>{t(data.mode === 'create' ? 'calls.form.createTitle' : 'calls.form.editTitle')}</h1>
      {locked ? <Notice kind="info">{t('calls.form.lockedNotice')}</Notice> : null}
      <form method="post" action={data.action} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        {data.mode === 'create' && data.caisses.length > 1 ? (
          <Select t={t} name="caisse" label={labels.caisse!} value={v('caisse')} errors={errors} required emptyLabel="—" options={data.caisses.map((c) => ({ value: c.slug, label: c.name }))} />
        ) : null}
        {locked ? null : (
          <>
            <Field t={t} name="title" label={labels.title!} value={v('title')} errors={errors} required maxLength={140} />
            <Field t={t} name="theme" label={labels.theme!} value={v('theme')} errors={errors} required maxLength={80} />
          </>
        )}
        <TextArea t={t} name="description" label={labels.description!} hint={t('calls.form.descriptionHint')} value={v('description')} errors={errors} maxLength={10000} rows={8} />
        {locked ? null : (
          <>
            <Select t={t} name="language" label={labels.language!} value={v('language') || ctx.locale} errors={errors} options={[{ value: 'fr', label: t('calls.form.languages.fr') }, { value: 'en', label: t('calls.form.languages.en') }]} />
            <Checkboxes ctx={ctx} name="territories" legend={labels.territories!} hint={t('calls.form.territoriesHint')} options={places.map((p) => ({ value: p.slug, label: p.name }))} selected={asList(values.territories)} errors={errors} />
            <Checkbox t={t} name="membersOnly" label={t('calls.form.membersOnly')} checked={values.membersOnly === 'on' || values.membersOnly === true} errors={errors} />
            <Checkboxes ctx={ctx} name="allowedOrganisationKinds" legend={labels.allowedOrganisationKinds!} hint={t('calls.form.kindsHint')} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kind.${k}`) }))} selected={asList(values.allowedOrganisationKinds)} errors={errors} />
            <Field t={t} name="budgetCents" label={labels.budgetCents!} value={v('budgetCents')} errors={errors} required inputMode="numeric" maxLength={14} />
            <Field t={t} name="maxPerProjectCents" label={labels.maxPerProjectCents!} value={v('maxPerProjectCents')} errors={errors} required inputMode="numeric" maxLength={14} />
          </>
        )}
        <fieldset class="stack">
          <legend><h2>{t('calls.form.dates')}</h2></legend>
          {dateField('opensAt')}
          {dateField('submissionsCloseAt')}
          {dateField('reviewEndsAt')}
          {dateField('voteOpensAt', false)}
          {dateField('voteClosesAt', false)}
          {dateField('resultsAt')}
          {locked ? null : (
            <>
              <Field t={t} name="votesPerMember" label={labels.votesPerMember!} value={v('votesPerMember')} errors={errors} inputMode="numeric" maxLength={2} />
              <Field t={t} name="juryWeightPercent" label={labels.juryWeightPercent!} value={v('juryWeightPercent')} errors={errors} inputMode="numeric" maxLength={3} />
            </>
          )}
        </fieldset>
        {locked ? null : <Rows ctx={ctx} kind="questions" values={values} errors={errors} action={data.action} />}
        {locked ? null : <Rows ctx={ctx} kind="criteria" values={values} errors={errors} action={data.action} />}
        <div class="form-actions">
          <button type="submit" class="button">{t(data.mode === 'create' ? 'calls.form.save' : 'calls.form.saveChanges')}</button>
          <a href={data.cancelHref}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
