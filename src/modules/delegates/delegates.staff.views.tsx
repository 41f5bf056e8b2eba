import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Notice, TextArea, type FormErrors } from '../../platform/views/forms.js';
import type { ApplicationView, DashboardView } from './delegates.presenter.js';

type Caisse = { slug: string; name: string };
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function CountsTable({ ctx, data }: { ctx: RequestContext; data: DashboardView }) {
  const { t, fmt } = ctx;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('delegates.staff.countsTitle')}</caption>
        <thead>
          <tr><th scope="col">{t('delegates.staff.territory')}</th><th scope="col">{t('delegates.status.pending')}</th><th scope="col">{t('delegates.status.approved')}</th><th scope="col">{t('delegates.status.declined')}</th></tr>
        </thead>
        <tbody>
          {data.counts.map((c) => <tr><th scope="row">{c.territory.name}</th><td>{fmt.number(c.pending)}</td><td>{fmt.number(c.approved)}</td><td>{fmt.number(c.declined)}</td></tr>)}
        </tbody>
        <tfoot>
          <tr><th scope="row">{t('delegates.staff.totals')}</th><td>{fmt.number(data.totals.pending)}</td><td>{fmt.number(data.totals.approved)}</td><td>{fmt.number(data.totals.declined)}</td></tr>
        </tfoot>
      </table>
    </div>
  );
}

/** One pending application with its decision form (approve, or decline with a message), confirmed before sending. */
function DecisionForm({ ctx, caisse, a, errors }: { ctx: RequestContext; caisse: Caisse; a: ApplicationView; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const id = `decision-${a.id}`;
  const issue = errors?.decision;
  const messageIssue = errors?.message;
  return (
    <form method="post" action={`/caisses/${caisse.slug}/espace/delegues/${a.id}/decision`} class="stack" data-confirm={t('delegates.staff.confirm')} noValidate>
      <CsrfField token={ctx.csrfToken} />
      <fieldset aria-invalid={issue ? 'true' : undefined}>
        <legend>{t('delegates.staff.decision')} <span class="required">{t('form.requiredMark')}</span></legend>
        {issue ? <p class="field-error">{t(issue.key, issue.params)}</p> : null}
        <div class="field-check"><input type="radio" id={`${id}-approve`} name="decision" value="approve" required /><label for={`${id}-approve`}>{t('delegates.staff.approve')}</label></div>
        <div class="field-check"><input type="radio" id={`${id}-decline`} name="decision" value="decline" /><label for={`${id}-decline`}>{t('delegates.staff.decline')}</label></div>
      </fieldset>
      <div class={`field${messageIssue ? ' field-invalid' : ''}`}>
        <label for={`${id}-message`}>{t('delegates.staff.message')}</label>
        <p class="hint" id={`${id}-hint`}>{t('delegates.staff.messageHint')}</p>
        <textarea id={`${id}-message`} name="message" rows={3} maxLength={2000} aria-describedby={messageIssue ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={messageIssue ? 'true' : undefined}></textarea>
        {messageIssue ? <p class="field-error" id={`${id}-error`}>{t(messageIssue.key, messageIssue.params)}</p> : null}
      </div>
      <div class="form-actions"><button type="submit" class="button">{t('delegates.staff.submit')}</button></div>
    </form>
  );
}

function ApplicationCard({ ctx, caisse, a, decide, errors }: { ctx: RequestContext; caisse: Caisse; a: ApplicationView; decide: boolean; errors?: FormErrors | undefined }) {
  const { t, fmt } = ctx;
  return (
    <li class="card stack" aria-labelledby={`application-${a.id}`}>
      <h3 id={`application-${a.id}`}>
        <a href={`/membres/${a.person.handle}`} aria-label={t('delegates.staff.profile', { name: a.person.displayName })}>{a.person.displayName}</a> · {a.territory.name}{' '}
        <span class={`badge badge-${a.status}`}>{t(`delegates.status.${a.status}`)}</span>
      </h3>
      <p class="muted">{t('delegates.staff.appliedOn', { date: fmt.date(new Date(a.createdAt)) })}</p>
      <p><strong>{t('delegates.staff.motivationLabel')}</strong> {a.motivation}</p>
      <p><strong>{t('delegates.staff.availabilityLabel')}</strong> {a.availability}</p>
      {a.decisionMessage ? <blockquote>{a.decisionMessage}</blockquote> : null}
      {decide ? <DecisionForm ctx={ctx} caisse={caisse} a={a} errors={errors} /> : null}
    </li>
  );
}

export type StaffDelegatesData = { caisse: Caisse; dashboard: DashboardView; pending: ApplicationView[]; decided: ApplicationView[]; nextPending: string | null; errorsFor?: { id: string; errors: FormErrors } | undefined };

export function StaffDelegatesPage({ ctx, data, notice }: { ctx: RequestContext; data: StaffDelegatesData; notice?: string | undefined }) {
  const { t } = ctx;
  const { caisse, dashboard } = data;
  return (
    <article class="stack">
      <p><a href={`/caisses/${caisse.slug}/espace`}>{t('delegates.staff.back')}</a></p>
      <h1>{t('delegates.staff.title', { caisse: caisse.name })}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {data.errorsFor ? <ErrorSummary t={t} errors={data.errorsFor.errors} labels={{}} /> : null}
      {dashboard.campaign ? (
        <p>{t(dashboard.campaign.open ? 'delegates.openUntil' : 'delegates.closed', { date: ctx.fmt.date(new Date(dashboard.campaign.deadline)) })}</p>
      ) : <p>{t('delegates.staff.noCampaign')}</p>}
      <p><a class="button button-secondary" href={`/caisses/${caisse.slug}/espace/delegues/campagne`}>{t('delegates.staff.openCampaign')}</a></p>
      <CountsTable ctx={ctx} data={dashboard} />
      <section class="stack" aria-labelledby="pending-title">
        <h2 id="pending-title">{t('delegates.staff.pendingTitle')}</h2>
        {data.pending.length ? (
          <ul class="need-list">{data.pending.map((a) => <ApplicationCard ctx={ctx} caisse={caisse} a={a} decide errors={data.errorsFor?.id === a.id ? data.errorsFor.errors : undefined} />)}</ul>
        ) : <p class="muted">{t('delegates.staff.noPending')}</p>}
        {data.nextPending ? <p><a href={`/caisses/${caisse.slug}/espace/delegues?apres=${encodeURIComponent(data.nextPending)}`}>{t('delegates.staff.more')}</a></p> : null}
      </section>
      <section class="stack" aria-labelledby="decided-title">
        <h2 id="decided-title">{t('delegates.staff.decidedTitle')}</h2>
        {data.decided.length ? <ul class="need-list">{data.decided.map((a) => <ApplicationCard ctx={ctx} caisse={caisse} a={a} decide={false} />)}</ul> : <p class="muted">{t('delegates.staff.noDecided')}</p>}
      </section>
    </article>
  );
}

export function CampaignFormPage({ ctx, caisse, values, errors }: { ctx: RequestContext; caisse: Caisse; values: Record<string, unknown>; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const labels = { deadline: t('delegates.campaignForm.deadline'), termStart: t('delegates.campaignForm.termStart'), termEnd: t('delegates.campaignForm.termEnd'), introFr: t('delegates.campaignForm.introFr'), introEn: t('delegates.campaignForm.introEn') };
  return (
    <article class="stack narrow">
      <p><a href={`/caisses/${caisse.slug}/espace/delegues`}>{t('delegates.staff.title', { caisse: caisse.name })}</a></p>
      <h1>{t('delegates.campaignForm.title')}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/caisses/${caisse.slug}/espace/delegues/campagne`} class="stack" data-confirm={t('delegates.campaignForm.confirm')} noValidate>
        <CsrfField token={ctx.csrfToken} />
        <Field t={t} name="deadline" type="date" label={labels.deadline} hint={t('delegates.campaignForm.deadlineHint')} required value={str(values.deadline)} errors={errors} />
        <Field t={t} name="termStart" type="date" label={labels.termStart} required value={str(values.termStart)} errors={errors} />
        <Field t={t} name="termEnd" type="date" label={labels.termEnd} required value={str(values.termEnd)} errors={errors} />
        <TextArea t={t} name="introFr" label={labels.introFr} maxLength={2000} rows={3} value={str(values.introFr)} errors={errors} />
        <TextArea t={t} name="introEn" label={labels.introEn} maxLength={2000} rows={3} value={str(values.introEn)} errors={errors} />
        <div class="form-actions"><button type="submit" class="button">{t('delegates.campaignForm.submit')}</button></div>
      </form>
    </article>
  );
}
