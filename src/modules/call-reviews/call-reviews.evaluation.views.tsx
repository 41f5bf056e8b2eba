import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, TextArea, type FormErrors } from '../../platform/views/forms.js';
import type { ReviewFormView } from './call-reviews.presenter.js';
import { CallHeader, Messages, projectLang, type PageMessages } from './call-reviews.views.js';
import { SCORE_MAX, SCORE_MIN } from './call-reviews.domain.js';
import { FileLink, fileHref } from '../calls/calls.files.views.js';

type Ctx = RequestContext;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function Answers({ ctx, form }: { ctx: Ctx; form: ReviewFormView }) {
  const { t, fmt } = ctx;
  const lang = projectLang(ctx, form.application.project.language);
  return (
    <section class="card stack" aria-labelledby="answers-title">
      <h2 id="answers-title">{t('callReviews.evaluation.answers')}</h2>
      <p lang={lang}>{form.application.summary}</p>
      <dl class="caisse-details">
        {form.application.requestedCents !== null ? <><dt>{t('callReviews.evaluation.requested')}</dt><dd>{fmt.money(form.application.requestedCents)}</dd></> : null}
        {form.application.answers.map((a) => (
          <>
            <dt>{a.label}</dt>
            <dd lang={lang} class="answer">{a.file ? <FileLink ctx={ctx} file={a.file} href={fileHref(form.call.slug, form.application.id, a.questionId)} /> : a.value === null || a.value === '' ? <span class="muted">{t('callReviews.evaluation.noAnswer')}</span> : a.kind === 'number' && typeof a.value === 'number' ? fmt.number(a.value) : String(a.value)}</dd>
          </>
        ))}
      </dl>
      <p><a href={form.application.project.url}>{t('callReviews.evaluation.projectPage')}</a></p>
    </section>
  );
}

/** The scoring form: one 0..10 field per criterion (with its weight), then the private note. */
export function EvaluationPage({ ctx, form, messages, values, errors }: { ctx: Ctx; form: ReviewFormView; messages: PageMessages; values?: Record<string, unknown> | undefined; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const scoreOf = (id: string) => (values ? str(values[`score-${id}`]) : String(form.scores.find((s) => s.criterionId === id)?.score ?? ''));
  const labels: Record<string, string> = Object.fromEntries(form.criteria.map((c) => [`score-${c.id}`, c.label]));
  labels.note = t('callReviews.evaluation.note');
  const totalWeight = form.criteria.reduce((s, c) => s + c.weight, 0);
  return (
    <article class="stack narrow">
      <CallHeader ctx={ctx} call={form.call} title={t('callReviews.evaluation.title', { project: form.application.project.title })} />
      <Messages messages={messages} />
      <p>{t('callReviews.queue.progress', { reviewed: form.progress.reviewed, total: form.progress.total })} · <a href={`/appels/${form.call.slug}/jury`}>{t('callReviews.back.queue')}</a></p>
      <Answers ctx={ctx} form={form} />
      <section class="card stack" aria-labelledby="scores-title">
        <h2 id="scores-title">{t('callReviews.evaluation.scores')}</h2>
        <p class="muted">{t('callReviews.evaluation.scale', { min: SCORE_MIN, max: SCORE_MAX })}</p>
        {!form.editable ? <p class="notice notice-warning">{t('callReviews.evaluation.closed')}</p> : null}
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <form method="post" action={`/candidatures/${form.application.id}/evaluation`} class="stack" noValidate>
          <CsrfField token={ctx.csrfToken} />
          {form.criteria.map((c) => {
            const name = `score-${c.id}`;
            const issue = errors?.[name];
            const hintId = `${name}-hint`;
            return (
              <div class={`field${issue ? ' field-invalid' : ''}`}>
                <label for={name}>{c.label} <span class="muted">{t('callReviews.evaluation.weight', { weight: c.weight, percent: Math.round((c.weight / Math.max(totalWeight, 1)) * 100) })}</span></label>
                {c.description ? <p class="hint" id={hintId}>{c.description}</p> : null}
                <input id={name} name={name} type="number" inputMode="numeric" min={SCORE_MIN} max={SCORE_MAX} step={1} value={scoreOf(c.id)} disabled={!form.editable} class="score-input"
                  aria-describedby={[c.description ? hintId : null, issue ? `${name}-error` : null].filter(Boolean).join(' ') || undefined} aria-invalid={issue ? 'true' : undefined} />
                {issue ? <p class="field-error" id={`${name}-error`}>{t(issue.key, issue.params)}</p> : null}
              </div>
            );
          })}
          <TextArea t={t} name="note" label={labels.note} hint={t('callReviews.evaluation.noteHint')} maxLength={4000} rows={4} value={values ? str(values.note) : form.note} errors={errors} />
          {form.editable ? <div class="form-actions"><button type="submit" class="button">{t('callReviews.evaluation.save')}</button></div> : null}
        </form>
      </section>
    </article>
  );
}
