import type { RequestContext } from '../../platform/http/context.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { AdminFrame } from '../admin/admin.views.js';
import { REQUEST_KINDS, REQUEST_STATUSES } from './privacy-register.domain.js';
import type { PrivacyDeadlineSummaryView, PrivacyIncidentView, PrivacyRequestView } from './privacy-register.presenter.js';

type Values = Record<string, unknown>;
type Form = { values: Values; errors?: FormErrors | undefined };
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const INCIDENTS = '/admin/confidentialite';
const REQUESTS = '/admin/confidentialite/demandes';

/** A Montréal calendar day (`YYYY-MM-DD`) in words, at noon UTC so no time zone moves it. */
function day(ctx: RequestContext, value: string | null): string {
  return value ? ctx.fmt.date(new Date(`${value}T12:00:00Z`)) : '—';
}

/** Filters as links (the current one marked), then the list. */
function Filters({ label, base, current, options }: { label: string; base: string; current: string; options: { value: string; label: string }[] }) {
  return (
    <nav aria-label={label} class="privacy-filters">
      <ul>
        {options.map((o) => (
          <li><a href={`${base}?etat=${o.value}`} aria-current={o.value === current ? 'page' : undefined}>{o.label}</a></li>
        ))}
      </ul>
    </nav>
  );
}

function Pager({ ctx, base, filter, first, next }: { ctx: RequestContext; base: string; filter: string; first: boolean; next: string | null }) {
  if (first && !next) return null;
  const { t } = ctx;
  return (
    <nav aria-label={t('privacyRegister.pager.label')} class="pagination">
      {!first ? <a href={`${base}?etat=${filter}`}>{t('privacyRegister.pager.first')}</a> : null}
      {next ? <a href={`${base}?etat=${filter}&apres=${encodeURIComponent(next)}`} rel="next">{t('privacyRegister.pager.next')}</a> : null}
    </nav>
  );
}

/**
 * The whole register at a glance, at the top of both lists: counts in words (a `<dl>`), and when
 * requests are overdue a warning that says how many and links to the list where they come first.
 */
function DeadlineSummary({ ctx, summary }: { ctx: RequestContext; summary: PrivacyDeadlineSummaryView }) {
  const { t, fmt } = ctx;
  const s = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.summary.${k}`, o);
  const { requests, incidents } = summary;
  const facts: [key: string, value: number][] = [
    ['overdue', requests.overdue], ['dueToday', requests.dueToday], ['dueSoon', requests.dueSoon],
    ['openIncidents', incidents.open], ['seriousIncidents', incidents.openSeriousRisk],
  ];
  return (
    <section class="privacy-summary" aria-labelledby="privacy-summary-title">
      <h2 id="privacy-summary-title">{s('title')}</h2>
      {requests.overdue > 0 ? (
        <Notice kind="warning">
          <strong>{s('overdueNotice', { count: requests.overdue })}</strong> <a href={`${REQUESTS}?etat=en-cours`}>{s('overdueLink')}</a>
        </Notice>
      ) : null}
      <dl class="privacy-summary-facts">
        {facts.map(([key, value]) => (
          <div class={value > 0 && key === 'overdue' ? 'privacy-summary-alert' : undefined}>
            <dt>{s(key)}</dt>
            <dd>{fmt.number(value)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{s('asOf', { date: day(ctx, summary.today) })}</p>
    </section>
  );
}

// ——— incidents ———

export type IncidentListData = { items: PrivacyIncidentView[]; filter: string; first: boolean; next: string | null; notice?: string | undefined; summary: PrivacyDeadlineSummaryView };

export function IncidentListPage({ ctx, data }: { ctx: RequestContext; data: IncidentListData }) {
  const { t } = ctx;
  const p = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.incidents.${k}`, o);
  return (
    <AdminFrame ctx={ctx} current="incidents" title={p('title')} intro={p('intro')}>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <DeadlineSummary ctx={ctx} summary={data.summary} />
      <p class="muted">{p('retention')}</p>
      <p><a class="button" href={`${INCIDENTS}/nouveau`}>{p('new')}</a></p>
      <Filters label={p('filterLabel')} base={INCIDENTS} current={data.filter} options={['tous', 'ouverts', 'fermes'].map((v) => ({ value: v, label: p(`filters.${v}`) }))} />
      {data.items.length === 0 ? <p>{p('empty')}</p> : (
        <div class="table-wrap">
          <table class="privacy-table">
            <caption class="visually-hidden">{p('caption')}</caption>
            <thead><tr><th scope="col">{p('columns.discovered')}</th><th scope="col">{p('columns.description')}</th><th scope="col">{p('columns.people')}</th><th scope="col">{p('columns.risk')}</th><th scope="col">{p('columns.cai')}</th><th scope="col">{p('columns.status')}</th></tr></thead>
            <tbody>
              {data.items.map((i) => (
                <tr>
                  <td>{day(ctx, i.discoveredOn)}</td>
                  <td><a href={`${INCIDENTS}/${i.id}`}>{excerpt(i.description)}</a></td>
                  <td>{ctx.fmt.number(i.peopleConcerned)}</td>
                  <td>{i.seriousRisk ? p('riskYes') : p('riskNo')}</td>
                  <td>{i.caiNotifiedOn ? day(ctx, i.caiNotifiedOn) : p('notNotified')}</td>
                  <td><span class={`badge badge-privacy-${i.status}`}>{p(`status.${i.status}`)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} base={INCIDENTS} filter={data.filter} first={data.first} next={data.next} />
    </AdminFrame>
  );
}

function excerpt(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function IncidentFields({ ctx, form }: { ctx: RequestContext; form: Form }) {
  const { t } = ctx;
  const f = (k: string) => t(`privacyRegister.incidents.fields.${k}`);
  const { values: v, errors } = form;
  return (
    <>
      <Field t={t} name="discoveredOn" type="date" label={f('discoveredOn')} value={str(v.discoveredOn)} errors={errors} required />
      <Field t={t} name="occurredOn" type="date" label={f('occurredOn')} hint={f('occurredOnHint')} value={str(v.occurredOn)} errors={errors} />
      <TextArea t={t} name="description" label={f('description')} value={str(v.description)} errors={errors} required maxLength={4000} rows={4} />
      <TextArea t={t} name="personalInfo" label={f('personalInfo')} hint={f('personalInfoHint')} value={str(v.personalInfo)} errors={errors} required maxLength={2000} rows={3} />
      <Field t={t} name="peopleConcerned" inputMode="numeric" label={f('peopleConcerned')} hint={f('peopleConcernedHint')} value={str(v.peopleConcerned)} errors={errors} required />
      <Select t={t} name="seriousRisk" label={f('seriousRisk')} hint={f('seriousRiskHint')} value={str(v.seriousRisk)} errors={errors} required emptyLabel={f('choose')} options={[{ value: 'yes', label: t('privacyRegister.incidents.riskYes') }, { value: 'no', label: t('privacyRegister.incidents.riskNo') }]} />
      <TextArea t={t} name="riskAssessment" label={f('riskAssessment')} hint={f('riskAssessmentHint')} value={str(v.riskAssessment)} errors={errors} required maxLength={4000} rows={3} />
      <TextArea t={t} name="measures" label={f('measures')} hint={f('measuresHint')} value={str(v.measures)} errors={errors} maxLength={4000} rows={3} />
      <Field t={t} name="caiNotifiedOn" type="date" label={f('caiNotifiedOn')} hint={f('notifiedHint')} value={str(v.caiNotifiedOn)} errors={errors} />
      <Field t={t} name="peopleNotifiedOn" type="date" label={f('peopleNotifiedOn')} hint={f('notifiedHint')} value={str(v.peopleNotifiedOn)} errors={errors} />
    </>
  );
}

const incidentLabels = (ctx: RequestContext) =>
  Object.fromEntries(['discoveredOn', 'occurredOn', 'description', 'personalInfo', 'peopleConcerned', 'seriousRisk', 'riskAssessment', 'measures', 'caiNotifiedOn', 'peopleNotifiedOn'].map((k) => [k, ctx.t(`privacyRegister.incidents.fields.${k}`)]));

export function IncidentNewPage({ ctx, form }: { ctx: RequestContext; form: Form }) {
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} current="incidents" title={t('privacyRegister.incidents.newTitle')} intro={t('privacyRegister.incidents.newIntro')}>
      <p><a href={INCIDENTS}>{t('privacyRegister.incidents.back')}</a></p>
      <ErrorSummary t={t} errors={form.errors} labels={incidentLabels(ctx)} />
      <form method="post" action={INCIDENTS} class="stack narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <IncidentFields ctx={ctx} form={form} />
        <div class="form-actions"><button type="submit" class="button">{t('privacyRegister.incidents.create')}</button></div>
      </form>
    </AdminFrame>
  );
}

export function IncidentPage({ ctx, incident, form, notice }: { ctx: RequestContext; incident: PrivacyIncidentView; form: Form; notice?: string | undefined }) {
  const { t, fmt } = ctx;
  const p = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.incidents.${k}`, o);
  const action = `${INCIDENTS}/${incident.id}`;
  return (
    <AdminFrame ctx={ctx} current="incidents" title={p('detailTitle', { date: day(ctx, incident.discoveredOn) })}>
      <p><a href={INCIDENTS}>{p('back')}</a></p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <dl class="admin-facts">
        <dt>{p('columns.status')}</dt><dd><span class={`badge badge-privacy-${incident.status}`}>{p(`status.${incident.status}`)}</span>{incident.closedAt ? ` · ${p('closedAt', { date: fmt.dateTime(new Date(incident.closedAt)) })}` : null}</dd>
        <dt>{p('recordedBy')}</dt><dd>{incident.createdBy?.name ?? p('someone')} · {fmt.dateTime(new Date(incident.createdAt))}</dd>
        <dt>{p('updatedAt')}</dt><dd>{fmt.dateTime(new Date(incident.updatedAt))}</dd>
      </dl>
      <p class="muted">{p('retention')}</p>
      <ErrorSummary t={t} errors={form.errors} labels={incidentLabels(ctx)} />
      <form method="post" action={action} class="stack narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <IncidentFields ctx={ctx} form={form} />
        <div class="form-actions"><button type="submit" class="button">{p('save')}</button></div>
      </form>
      <section class="stack narrow" aria-labelledby="etat-incident">
        <h2 id="etat-incident">{p('statusTitle')}</h2>
        {incident.status === 'open' ? (
          <form method="post" action={`${action}/fermer`} data-confirm={p('closePrompt')}>
            <CsrfField token={ctx.csrfToken} />
            <p>{p('closeHelp')}</p>
            <button type="submit" class="button button-secondary">{p('close')}</button>
          </form>
        ) : (
          <form method="post" action={`${action}/rouvrir`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button button-secondary">{p('reopen')}</button>
          </form>
        )}
      </section>
    </AdminFrame>
  );
}

// ——— requests ———

/** "12 days left", "due today", "3 days overdue": in words, not only in colour. */
function DaysLeft({ ctx, request }: { ctx: RequestContext; request: PrivacyRequestView }) {
  const { t } = ctx;
  const p = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.requests.${k}`, o);
  if (request.daysLeft === null) return <span>{request.answeredOn ? p(request.late ? 'answeredLate' : 'answeredOnTime', { date: day(ctx, request.answeredOn) }) : '—'}</span>;
  if (request.overdue) return <strong class="privacy-overdue">{p('overdue', { count: -request.daysLeft })}</strong>;
  if (request.daysLeft === 0) return <strong class="privacy-due-soon">{p('dueToday')}</strong>;
  return <span class={request.daysLeft <= 7 ? 'privacy-due-soon' : undefined}>{p('daysLeft', { count: request.daysLeft })}</span>;
}

export type RequestListData = { items: PrivacyRequestView[]; filter: string; first: boolean; next: string | null; notice?: string | undefined; summary: PrivacyDeadlineSummaryView };

export function RequestListPage({ ctx, data }: { ctx: RequestContext; data: RequestListData }) {
  const { t } = ctx;
  const p = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.requests.${k}`, o);
  return (
    <AdminFrame ctx={ctx} current="requests" title={p('title')} intro={p('intro')}>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <DeadlineSummary ctx={ctx} summary={data.summary} />
      <p><a class="button" href={`${REQUESTS}/nouvelle`}>{p('new')}</a></p>
      <Filters label={p('filterLabel')} base={REQUESTS} current={data.filter} options={['en-cours', 'traitees', 'toutes'].map((v) => ({ value: v, label: p(`filters.${v}`) }))} />
      {data.items.length === 0 ? <p>{p('empty')}</p> : (
        <div class="table-wrap">
          <table class="privacy-table">
            <caption class="visually-hidden">{p('caption')}</caption>
            <thead><tr><th scope="col">{p('columns.requester')}</th><th scope="col">{p('columns.daysLeft')}</th><th scope="col">{p('columns.due')}</th><th scope="col">{p('columns.kind')}</th><th scope="col">{p('columns.status')}</th><th scope="col">{p('columns.received')}</th></tr></thead>
            <tbody>
              {data.items.map((r) => (
                <tr class={r.overdue ? 'privacy-row-overdue' : undefined}>
                  <td><a href={`${REQUESTS}/${r.id}`}>{r.requester.name}</a></td>
                  <td><DaysLeft ctx={ctx} request={r} /></td>
                  <td>{day(ctx, r.dueOn)}</td>
                  <td>{p(`kinds.${r.kind}`)}</td>
                  <td><span class={`badge badge-privacy-${r.status}`}>{p(`statuses.${r.status}`)}</span></td>
                  <td>{day(ctx, r.receivedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager ctx={ctx} base={REQUESTS} filter={data.filter} first={data.first} next={data.next} />
    </AdminFrame>
  );
}

function RequestFields({ ctx, form }: { ctx: RequestContext; form: Form }) {
  const { t } = ctx;
  const f = (k: string) => t(`privacyRegister.requests.fields.${k}`);
  const { values: v, errors } = form;
  return (
    <>
      <Field t={t} name="receivedOn" type="date" label={f('receivedOn')} hint={f('receivedOnHint')} value={str(v.receivedOn)} errors={errors} required />
      <Field t={t} name="requesterName" label={f('requesterName')} value={str(v.requesterName)} errors={errors} required maxLength={200} autocomplete="off" />
      <Field t={t} name="requesterEmail" type="email" inputMode="email" label={f('requesterEmail')} value={str(v.requesterEmail)} errors={errors} required maxLength={254} autocomplete="off" />
      <Checkbox t={t} name="linkAccount" label={f('linkAccount')} checked={v.linkAccount === 'on'} errors={errors} />
      <Select t={t} name="kind" label={f('kind')} value={str(v.kind)} errors={errors} required emptyLabel={f('choose')} options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`privacyRegister.requests.kinds.${k}`) }))} />
      <Select t={t} name="status" label={f('status')} value={str(v.status ?? 'received')} errors={errors} required options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`privacyRegister.requests.statuses.${s}`) }))} />
      <Field t={t} name="answeredOn" type="date" label={f('answeredOn')} hint={f('answeredOnHint')} value={str(v.answeredOn)} errors={errors} />
      <Field t={t} name="extendedUntil" type="date" label={f('extendedUntil')} hint={f('extendedUntilHint')} value={str(v.extendedUntil)} errors={errors} />
      <TextArea t={t} name="refusalReason" label={f('refusalReason')} hint={f('refusalReasonHint')} value={str(v.refusalReason)} errors={errors} maxLength={2000} rows={2} />
      <TextArea t={t} name="notes" label={f('notes')} value={str(v.notes)} errors={errors} maxLength={4000} rows={3} />
    </>
  );
}

const requestLabels = (ctx: RequestContext) =>
  Object.fromEntries(['receivedOn', 'requesterName', 'requesterEmail', 'linkAccount', 'kind', 'status', 'answeredOn', 'extendedUntil', 'refusalReason', 'notes'].map((k) => [k, ctx.t(`privacyRegister.requests.fields.${k}`)]));

export function RequestNewPage({ ctx, form }: { ctx: RequestContext; form: Form }) {
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} current="requests" title={t('privacyRegister.requests.newTitle')} intro={t('privacyRegister.requests.newIntro')}>
      <p><a href={REQUESTS}>{t('privacyRegister.requests.back')}</a></p>
      <ErrorSummary t={t} errors={form.errors} labels={requestLabels(ctx)} />
      <form method="post" action={REQUESTS} class="stack narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <RequestFields ctx={ctx} form={form} />
        <div class="form-actions"><button type="submit" class="button">{t('privacyRegister.requests.create')}</button></div>
      </form>
    </AdminFrame>
  );
}

export function RequestPage({ ctx, request, form, notice }: { ctx: RequestContext; request: PrivacyRequestView; form: Form; notice?: string | undefined }) {
  const { t, fmt } = ctx;
  const p = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.requests.${k}`, o);
  const action = `${REQUESTS}/${request.id}`;
  return (
    <AdminFrame ctx={ctx} current="requests" title={p('detailTitle', { name: request.requester.name })}>
      <p><a href={REQUESTS}>{p('back')}</a></p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <dl class="admin-facts">
        <dt>{p('columns.kind')}</dt><dd>{p(`kinds.${request.kind}`)}</dd>
        <dt>{p('columns.status')}</dt><dd><span class={`badge badge-privacy-${request.status}`}>{p(`statuses.${request.status}`)}</span></dd>
        <dt>{p('columns.due')}</dt><dd>{day(ctx, request.dueOn)} · <DaysLeft ctx={ctx} request={request} /></dd>
        <dt>{p('account')}</dt><dd>{request.requester.account ? <a href={`/membres/${request.requester.account.handle}`}>{request.requester.account.handle}</a> : p('noAccount')}</dd>
        <dt>{p('recordedBy')}</dt><dd>{request.createdBy?.name ?? p('someone')} · {fmt.dateTime(new Date(request.createdAt))}</dd>
      </dl>
      {request.daysLeft !== null ? (
        <form method="post" action={`${action}/repondue`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button">{p('markAnswered')}</button>
        </form>
      ) : null}
      <ErrorSummary t={t} errors={form.errors} labels={requestLabels(ctx)} />
      <form method="post" action={action} class="stack narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <RequestFields ctx={ctx} form={form} />
        <div class="form-actions"><button type="submit" class="button">{p('save')}</button></div>
      </form>
    </AdminFrame>
  );
}
