import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { maxLengthOf } from './calls.answers.js';
import type { CallApplicationView, CallView } from './calls.presenter.js';
import type { Candidate } from './calls.applications.service.js';
import { FileAnswerField, fileHref } from './calls.files.views.js';

const removeFormId = (questionId: string) => `retirer-fichier-${questionId}`;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export type ApplyFormData = {
  call: CallView;
  /** Null when creating; the application being edited otherwise. */
  application: CallApplicationView | null;
  candidates: Candidate[];
  values: Record<string, unknown>;
  errors?: FormErrors | undefined;
  /** The size cap of a file answer, in bytes. */
  maxFileBytes: number;
  /** The questions whose current file the promoter may remove (`canRemoveFileAnswer`). */
  removableFiles: ReadonlySet<string>;
  /** A confirmation after an action (a file removed). */
  notice?: string | undefined;
};

export function ApplyFormPage({ ctx, data }: { ctx: RequestContext; data: ApplyFormData }) {
  const { t, fmt } = ctx;
  const { call, application, values, errors } = data;
  const v = (name: string) => str(values[name]);
  const eligible = data.candidates.filter((c) => c.problem === null);
  const ineligible = data.candidates.filter((c) => c.problem !== null);
  const withFiles = call.questions.some((q) => q.kind === 'file');
  // With file questions the form is multipart, read after the CSRF check: the token rides in the URL (as the photo forms do).
  const params = new URLSearchParams();
  if (application) params.set('id', application.id);
  if (withFiles) params.set('_csrf', ctx.csrfToken);
  const action = `/appels/${call.slug}/candidature${params.size ? `?${params.toString()}` : ''}`;
  const lang = call.language !== ctx.locale ? call.language : undefined;
  const labels: Record<string, string> = { project: t('calls.apply.project'), requestedCents: t('calls.apply.requested') };
  for (const q of call.questions) labels[`answers.${q.id}`] = q.label;
  return (
    <section class="narrow stack">
      <p><a href={`/appels/${call.slug}`}>← {call.title}</a></p>
      <h1>{t(application ? 'calls.apply.editTitle' : 'calls.apply.title', { call: call.title })}</h1>
      <p class="lead">{t('calls.apply.intro', { date: fmt.dateTime(new Date(call.submissionsCloseAt)) })}</p>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      {application ? <p><span class="badge badge-call-phase">{t(`calls.appStatus.${application.status}`)}</span></p> : null}
      {!application && eligible.length === 0 ? <p class="notice notice-warning">{t('calls.apply.noProject')}</p> : null}
      {ineligible.length ? <ul class="muted">{ineligible.map((c) => <li>{t('calls.apply.ineligible', { project: c.title, reason: c.problem })}</li>)}</ul> : null}
      {application || eligible.length ? (
        <form method="post" action={action} class="stack" noValidate enctype={withFiles ? 'multipart/form-data' : undefined}>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary t={t} errors={errors} labels={labels} />
          {withFiles && errors && Object.keys(errors).length ? <p class="notice notice-warning">{t('calls.files.reselect')}</p> : null}
          {application ? <p><strong>{t('calls.files.answer', { question: t('calls.apply.project') })}</strong> {application.project.title}</p> : (
            <Select t={t} name="project" label={labels.project!} value={v('project')} errors={errors} required emptyLabel={t('calls.apply.chooseProject')} options={eligible.map((c) => ({ value: c.id, label: c.title }))} />
          )}
          <Field t={t} name="requestedCents" label={labels.requestedCents!} hint={t('calls.apply.requestedHint', { max: fmt.money(call.maxPerProjectCents) })} value={v('requestedCents')} errors={errors} required inputMode="numeric" maxLength={14} />
          <div class="stack" lang={lang}>
            {call.questions.map((q) => {
              const name = `answers.${q.id}`;
              const common = { t, name, label: q.label, value: v(name), errors, required: q.required };
              if (q.kind === 'file') {
                const current = application?.files.find((f) => f.questionId === q.id);
                const remove = current && application ? { form: removeFormId(q.id), allowed: data.removableFiles.has(q.id) } : undefined;
                return <FileAnswerField ctx={ctx} name={name} label={q.label} help={q.help} required={q.required} errors={errors} maxBytes={data.maxFileBytes} current={current} href={current && application ? fileHref(call.slug, application.id, q.id) : undefined} remove={remove} />;
              }
              const hint = q.help || undefined;
              if (q.kind === 'long_text') return <TextArea {...common} hint={hint} maxLength={maxLengthOf(q)} rows={6} />;
              if (q.kind === 'choice') return <Select {...common} hint={hint} emptyLabel="—" options={q.choices.map((c) => ({ value: c, label: c }))} />;
              if (q.kind === 'number') return <Field {...common} hint={hint} inputMode="numeric" maxLength={20} />;
              return <Field {...common} hint={hint} maxLength={maxLengthOf(q)} />;
            })}
          </div>
          <div class="form-actions">
            <button type="submit" class="button" name="_action" value="submit">{t('calls.apply.submit')}</button>
            <button type="submit" class="button button-secondary" name="_action" value="save" formnovalidate>{t('calls.apply.saveDraft')}</button>
            <a href={`/appels/${call.slug}`}>{t('form.cancel')}</a>
          </div>
        </form>
      ) : null}
      {application ? application.files.filter((f) => data.removableFiles.has(f.questionId)).map((f) => (
        // Forms cannot nest: each "Remove" button inside the application form submits one of these through `form=`.
        <form id={removeFormId(f.questionId)} method="post" action={`${fileHref(call.slug, application.id, f.questionId)}/retirer`} data-confirm={t('calls.files.removeConfirm', { name: f.name })} hidden>
          <CsrfField token={ctx.csrfToken} />
        </form>
      )) : null}
      {application && application.status !== 'withdrawn' ? (
        <form method="post" action={`/appels/${call.slug}/candidature/retrait?id=${application.id}`} data-confirm={t('calls.apply.withdrawConfirm')}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button button-danger">{t('calls.apply.withdraw')}</button>
        </form>
      ) : null}
    </section>
  );
}
