import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Notice, Select, type FormErrors } from '../../platform/views/forms.js';
import type { JuryView, ReviewCallRef, ReviewQueueView } from './call-reviews.presenter.js';

type Ctx = RequestContext;
export type PageMessages = { notice?: string | undefined; problem?: string | undefined };

/** The call's title, its caisse, and where we are; every review page starts with it. */
export function CallHeader({ ctx, call, title }: { ctx: Ctx; call: ReviewCallRef; title: string }) {
  const { t } = ctx;
  return (
    <header class="stack">
      <p><a href={`/appels/${call.slug}`}>{call.title}</a> · {call.caisse.name} · <span class="badge badge-call-phase">{call.resultsPublished ? t('callReviews.phase.published') : t(`callReviews.phase.${call.phase}`)}</span></p>
      <h1>{title}</h1>
    </header>
  );
}

export function Messages({ messages }: { messages: PageMessages }) {
  return (
    <>
      {messages.notice ? <Notice kind="success">{messages.notice}</Notice> : null}
      {messages.problem ? <div class="notice notice-warning" role="alert">{messages.problem}</div> : null}
    </>
  );
}

export const projectLang = (ctx: Ctx, language: 'fr' | 'en') => (language !== ctx.locale ? LOCALE_TAGS[language] : undefined);

function JurorList({ ctx, data }: { ctx: Ctx; data: JuryView }) {
  const { t, fmt } = ctx;
  if (!data.jurors.length) return <p class="muted">{t('callReviews.jury.empty')}</p>;
  return (
    <ul class="need-list">
      {data.jurors.map((j, i) => (
        <li class="card jury-member">
          <p>
            {j.handle ? <a href={`/membres/${j.handle}`}>{j.displayName}</a> : <span>{t('callReviews.jury.anonymous')}</span>}
            <span class="muted"> · {t('callReviews.jury.addedOn', { date: fmt.date(new Date(j.addedAt)) })}</span>
          </p>
          {data.can.manage && j.handle ? (
            <form method="post" action={`/appels/${data.call.slug}/jury/${encodeURIComponent(j.handle)}/retirer`} class="inline-form" data-confirm={t('callReviews.jury.removeConfirm', { name: j.displayName })}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="button button-secondary button-small" id={`remove-juror-${i}`} aria-label={t('callReviews.jury.removeLabel', { name: j.displayName })}>{t('callReviews.jury.remove')}</button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function AddJurorForm({ ctx, data, values, errors }: { ctx: Ctx; data: JuryView; values: Record<string, unknown>; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  if (!data.candidates.length) return <p class="muted">{t('callReviews.jury.noCandidates')}</p>;
  const label = t('callReviews.jury.person');
  return (
    <form method="post" action={`/appels/${data.call.slug}/jury`} class="stack" noValidate>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary t={t} errors={errors} labels={{ handle: label }} />
      <Select t={t} name="handle" label={label} hint={t('callReviews.jury.personHint')} required value={typeof values.handle === 'string' ? values.handle : ''} errors={errors}
        emptyLabel={t('callReviews.jury.choose')} options={data.candidates.map((c) => ({ value: c.handle, label: `${c.displayName} — ${t(`callReviews.jury.role.${c.role}`)}` }))} />
      <div class="form-actions"><button type="submit" class="button">{t('callReviews.jury.add')}</button></div>
    </form>
  );
}

function Progress({ ctx, progress }: { ctx: Ctx; progress: { reviewed: number; total: number } }) {
  const { t } = ctx;
  return (
    <div class="need-progress">
      <progress max={Math.max(progress.total, 1)} value={progress.reviewed} aria-labelledby="review-progress-text"></progress>
      <p class="need-progress-text" id="review-progress-text">{t('callReviews.queue.progress', { reviewed: progress.reviewed, total: progress.total })}</p>
    </div>
  );
}

function Queue({ ctx, queue }: { ctx: Ctx; queue: ReviewQueueView }) {
  const { t } = ctx;
  return (
    <section class="stack" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('callReviews.queue.title')}</h2>
      <Progress ctx={ctx} progress={queue.progress} />
      {queue.can.declare ? <p><a href={`/appels/${queue.call.slug}/jury/conflits`}>{t('callReviews.queue.conflictsLink')}</a></p> : null}
      {!queue.can.score ? <p class="muted">{t(queue.call.phase === 'draft' || queue.call.phase === 'open' ? 'callReviews.queue.notYet' : 'callReviews.queue.over')}</p> : null}
      {queue.items.length ? (
        <ul class="need-list">
          {queue.items.map((i) => (
            <li class="card review-item">
              <h3 lang={projectLang(ctx, i.project.language)}>{i.project.title}</h3>
              <p>
                {i.conflicted ? <span class="badge badge-review-conflict">{t('callReviews.queue.conflict')}</span>
                  : i.reviewed ? <span class="badge badge-review-done">{t('callReviews.queue.reviewed')}</span>
                  : <span class="badge badge-review-todo">{t('callReviews.queue.todo', { scored: i.scoredCriteria, total: queue.criteriaCount })}</span>}
              </p>
              {!i.conflicted ? <p><a class="button button-secondary button-small" href={`/candidatures/${i.applicationId}/evaluation`} aria-label={t('callReviews.queue.openLabel', { project: i.project.title })}>{t(queue.can.score ? 'callReviews.queue.open' : 'callReviews.queue.read')}</a></p> : null}
            </li>
          ))}
        </ul>
      ) : <p class="muted">{t('callReviews.queue.empty')}</p>}
    </section>
  );
}

export function JuryPage({ ctx, jury, queue, messages, values = {}, errors }: { ctx: Ctx; jury: JuryView; queue: ReviewQueueView | null; messages: PageMessages; values?: Record<string, unknown>; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const runs = jury.candidates.length > 0 || jury.can.manage;
  return (
    <article class="stack">
      <CallHeader ctx={ctx} call={jury.call} title={t('callReviews.jury.title')} />
      <Messages messages={messages} />
      {queue ? <Queue ctx={ctx} queue={queue} /> : null}
      <section class="stack" aria-labelledby="jurors-title">
        <h2 id="jurors-title">{t('callReviews.jury.members', { count: jury.jurors.length })}</h2>
        <p class="muted">{t('callReviews.jury.who')}</p>
        <JurorList ctx={ctx} data={jury} />
      </section>
      {jury.can.manage ? (
        <section class="card stack" aria-labelledby="add-juror-title">
          <h2 id="add-juror-title">{t('callReviews.jury.addTitle')}</h2>
          <AddJurorForm ctx={ctx} data={jury} values={values} errors={errors} />
        </section>
      ) : null}
      {runs || jury.can.manage ? <p><a href={`/appels/${jury.call.slug}/classement`}>{t('callReviews.links.ranking')}</a></p> : null}
    </article>
  );
}

export function ConflictsPage({ ctx, queue, values, errors }: { ctx: Ctx; queue: ReviewQueueView; values?: Record<string, unknown> | undefined; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const checked = (id: string) => (values ? values[`conflict-${id}`] !== undefined : queue.items.some((i) => i.applicationId === id && i.conflicted));
  const reason = (id: string) => (values ? (typeof values[`reason-${id}`] === 'string' ? String(values[`reason-${id}`]) : '') : queue.items.find((i) => i.applicationId === id)?.conflictReason ?? '');
  return (
    <article class="stack narrow">
      <CallHeader ctx={ctx} call={queue.call} title={t('callReviews.conflicts.title')} />
      <p class="lead">{t('callReviews.conflicts.intro')}</p>
      <ErrorSummary t={t} errors={errors} labels={Object.fromEntries(queue.items.map((i) => [`reason-${i.applicationId}`, t('callReviews.conflicts.reasonFor', { project: i.project.title })]))} />
      {queue.items.length ? (
        <form method="post" action={`/appels/${queue.call.slug}/jury/conflits`} class="stack" data-confirm={t('callReviews.conflicts.confirm')} noValidate>
          <CsrfField token={ctx.csrfToken} />
          {queue.items.map((i) => {
            const id = i.applicationId;
            const issue = errors?.[`reason-${id}`];
            return (
              <fieldset class="card stack">
                <legend lang={projectLang(ctx, i.project.language)}>{i.project.title}</legend>
                <div class="field-check"><input type="checkbox" id={`conflict-${id}`} name={`conflict-${id}`} value="on" checked={checked(id)} /><label for={`conflict-${id}`}>{t('callReviews.conflicts.checkbox')}</label></div>
                <div class={`field${issue ? ' field-invalid' : ''}`}>
                  <label for={`reason-${id}`}>{t('callReviews.conflicts.reason')}</label>
                  <p class="hint" id={`reason-${id}-hint`}>{t('callReviews.conflicts.reasonHint')}</p>
                  <textarea id={`reason-${id}`} name={`reason-${id}`} rows={2} maxLength={500} aria-describedby={issue ? `reason-${id}-hint reason-${id}-error` : `reason-${id}-hint`} aria-invalid={issue ? 'true' : undefined}>{reason(id)}</textarea>
                  {issue ? <p class="field-error" id={`reason-${id}-error`}>{t(issue.key, issue.params)}</p> : null}
                </div>
              </fieldset>
            );
          })}
          <div class="form-actions"><button type="submit" class="button">{t('callReviews.conflicts.submit')}</button></div>
        </form>
      ) : <p class="muted">{t('callReviews.queue.empty')}</p>}
      <p><a href={`/appels/${queue.call.slug}/jury`}>{t('callReviews.back.jury')}</a></p>
    </article>
  );
}
