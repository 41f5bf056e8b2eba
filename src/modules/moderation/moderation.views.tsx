import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Notice, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { REPORT_REASONS, REPORT_STATUSES, type ReportStatus, type ReportTarget } from './moderation.domain.js';
import type { TargetSummary } from './moderation.presenter.js';
import type { QueueGroup } from './moderation.service.js';
import { DETAILS_MAX, REASON_MAX } from './moderation.schemas.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale' | 'csrfToken'>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Where the "Report" link leads for a target. */
const reportHref = (type: ReportTarget, id: string) => `/signaler?type=${type}&id=${encodeURIComponent(id)}`;

/**
 * The small "Report" link other modules put next to content (projects, updates, comments,
 * messages, people, boards). Its accessible name says what is reported.
 */
export function ReportLink({ ctx, type, id }: { ctx: Pick<RequestContext, 't'>; type: ReportTarget; id: string }) {
  return (
    <a class="report-link" href={reportHref(type, id)} rel="nofollow" aria-label={ctx.t(`moderation.reportLinkLabel.${type}`)}>
      <span aria-hidden="true">⚑ </span>{ctx.t('moderation.reportLink')}
    </a>
  );
}

/** Shown to the author (and moderators) on their content hidden by moderation, with the reason. */
export function HiddenBanner({ ctx, reason }: { ctx: Pick<RequestContext, 't'>; reason: string | null }) {
  return (
    <div class="notice notice-warning moderation-banner" role="note">
      <p><strong>{ctx.t('moderation.hidden.banner')}</strong></p>
      {reason ? <p>{ctx.t('moderation.hidden.reason', { reason })}</p> : null}
    </div>
  );
}

function TargetCard({ ctx, target }: { ctx: Ctx; target: TargetSummary }) {
  const { t } = ctx;
  return (
    <div class="card moderation-target">
      <p class="muted">{t(`moderation.targets.${target.type}`)}{target.author ? <> · {t('moderation.queue.by', { name: target.author.displayName })}</> : null}</p>
      {target.title ? <p><strong>{target.title}</strong></p> : null}
      {target.excerpt && target.excerpt !== target.title ? <blockquote class="moderation-excerpt">{target.excerpt}</blockquote> : null}
    </div>
  );
}

export type ReportFormData = { target: TargetSummary; values: Record<string, unknown>; errors?: FormErrors | undefined };

/** The report form: a reason (radio group in a fieldset), optional details, then a confirmation page. */
export function ReportPage({ ctx, data }: { ctx: RequestContext; data: ReportFormData }) {
  const { t } = ctx;
  const { target, errors } = data;
  const reasonIssue = errors?.reason;
  const labels = { reason: t('moderation.report.reason'), details: t('moderation.report.details') };
  return (
    <div class="stack narrow report-page">
      <h1>{t('moderation.report.title')}</h1>
      <p>{t('moderation.report.intro')}</p>
      <section aria-labelledby="report-about">
        <h2 id="report-about">{t('moderation.report.about')}</h2>
        <TargetCard ctx={ctx} target={target} />
      </section>
      <form method="post" action="/signaler" class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <input type="hidden" name="targetType" value={target.type} />
        <input type="hidden" name="targetId" value={target.id} />
        <fieldset id="reason" class={`radio-group${reasonIssue ? ' field-invalid' : ''}`} aria-describedby={reasonIssue ? 'reason-error' : undefined}>
          <legend>{labels.reason} <span class="required">{t('form.requiredMark')}</span></legend>
          {reasonIssue ? <p class="field-error" id="reason-error">{t(reasonIssue.key, reasonIssue.params)}</p> : null}
          {REPORT_REASONS.map((r) => (
            <div class="field-check">
              <input type="radio" id={`reason-${r}`} name="reason" value={r} checked={str(data.values.reason) === r} required />
              <label for={`reason-${r}`}>{t(`moderation.reasons.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextArea t={t} name="details" label={labels.details} hint={t('moderation.report.detailsHint')} value={str(data.values.details)} errors={errors} maxLength={DETAILS_MAX} rows={4} />
        <div class="form-actions">
          <button type="submit" class="button">{t('moderation.report.submit')}</button>
          <a href={target.url}>{t('form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}

export function ReportSentPage({ ctx, already, back }: { ctx: RequestContext; already: boolean; back: string | null }) {
  const { t } = ctx;
  return (
    <div class="stack narrow report-page">
      <h1>{t('moderation.report.sentTitle')}</h1>
      <Notice kind="success"><p>{t(already ? 'moderation.report.already' : 'moderation.report.sent')}</p></Notice>
      <p>{back ? <a href={back}>{t('moderation.report.back')}</a> : <a href="/">{t('moderation.report.home')}</a>}</p>
    </div>
  );
}

/** The decisions offered for a group, given its target's type and state. */
function choices(group: QueueGroup): string[] {
  const target = group.target;
  if (!target) return ['dismiss'];
  if (target.type === 'user') return [target.hidden ? 'unsuspend' : 'suspend', 'dismiss'];
  const out = [target.hidden ? 'restore' : 'hide', 'dismiss'];
  if (target.author && target.type !== 'project') out.push('suspendAuthor');
  return out;
}

export type QueueFormState = { key: string; values: Record<string, unknown>; errors?: FormErrors | undefined };
export const groupKey = (type: string, id: string) => `${type}:${id}`;

function DecisionForm({ ctx, group, index, form }: { ctx: Ctx; group: QueueGroup; index: number; form?: QueueFormState | undefined }) {
  const { t } = ctx;
  const options = choices(group);
  const own = form && form.key === groupKey(group.targetType, group.targetId) ? form : undefined;
  const chosen = str(own?.values.decision) || options[0];
  const reasonIssue = own?.errors?.reason;
  const decisionIssue = own?.errors?.decision ?? own?.errors?.action;
  const reasonId = `reason-${index}`;
  return (
    <form method="post" action="/moderation/decisions" class="stack moderation-decision" data-confirm={t('moderation.queue.confirm')} noValidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="targetType" value={group.targetType} />
      <input type="hidden" name="targetId" value={group.targetId} />
      {group.target?.author ? <input type="hidden" name="authorHandle" value={group.target.author.handle} /> : null}
      <fieldset class={`radio-group${decisionIssue ? ' field-invalid' : ''}`}>
        <legend>{t('moderation.queue.decision')}</legend>
        {decisionIssue ? <p class="field-error">{t(decisionIssue.key, decisionIssue.params)}</p> : null}
        {options.map((o) => (
          <div class="field-check">
            <input type="radio" id={`decision-${index}-${o}`} name="decision" value={o} checked={chosen === o} />
            <label for={`decision-${index}-${o}`}>{t(`moderation.actions.${o}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class={`field${reasonIssue ? ' field-invalid' : ''}`}>
        <label for={reasonId}>{t('moderation.queue.reasonLabel')} <span class="required">{t('form.requiredMark')}</span></label>
        <p class="hint" id={`${reasonId}-hint`}>{t('moderation.queue.reasonHint')}</p>
        <textarea id={reasonId} name="reason" rows={3} required maxLength={REASON_MAX} aria-invalid={reasonIssue ? 'true' : undefined} aria-describedby={`${reasonId}-hint${reasonIssue ? ` ${reasonId}-error` : ''}`}>{str(own?.values.reason)}</textarea>
        {reasonIssue ? <p class="field-error" id={`${reasonId}-error`}>{t(reasonIssue.key, reasonIssue.params)}</p> : null}
      </div>
      <div class="form-actions">
        <button type="submit" class="button">{t('moderation.queue.submit')}</button>
      </div>
    </form>
  );
}

function Group({ ctx, group, index, form }: { ctx: Ctx; group: QueueGroup; index: number; form?: QueueFormState | undefined }) {
  const { t, fmt } = ctx;
  const target = group.target;
  const headingId = `group-${index}`;
  return (
    <li class="card stack moderation-group" aria-labelledby={headingId}>
      <h2 id={headingId} class="moderation-group-title">
        {t(`moderation.targets.${group.targetType}`)} · <span class="badge">{t('moderation.queue.reports', { count: group.reports })}</span>
      </h2>
      {target ? (
        <>
          {target.title ? <p><strong>{target.title}</strong></p> : null}
          <p class="muted">{target.author ? t('moderation.queue.by', { name: target.author.displayName }) : t('moderation.queue.unknownAuthor')}
            {group.targetType !== 'message' ? <> · <a href={target.url}>{t('moderation.queue.open')}<span class="visually-hidden"> — {target.title}</span></a></> : null}</p>
          {target.excerpt && target.excerpt !== target.title ? <blockquote class="moderation-excerpt">{target.excerpt}</blockquote> : null}
          {target.hidden ? (
            <p class="notice notice-warning">{t(target.type === 'user' ? 'moderation.queue.suspendedSince' : 'moderation.queue.hiddenSince', { date: fmt.date(new Date(target.hidden.at)), reason: target.hidden.reason || '—' })}</p>
          ) : null}
        </>
      ) : <p class="muted">{t('moderation.queue.gone')}</p>}
      <p class="muted">{t('moderation.queue.latest', { date: fmt.dateTime(new Date(group.latestAt)) })}</p>
      <p>{t('moderation.queue.reasons', { list: group.reasons.map((r) => t(`moderation.reasons.${r}`)).join(' · ') })}</p>
      {group.details.length ? (
        <details>
          <summary>{t('moderation.queue.details')}</summary>
          <ul>{group.details.map((d) => <li>{d}</li>)}</ul>
        </details>
      ) : null}
      <details open={group.history.length > 0}>
        <summary>{t('moderation.queue.history')}</summary>
        {group.history.length === 0 ? <p class="muted">{t('moderation.queue.noHistory')}</p> : (
          <ul class="moderation-history">
            {group.history.map((h) => (
              <li>{t('moderation.queue.historyItem', { date: fmt.dateTime(new Date(h.createdAt)), moderator: h.moderator ?? t('moderation.queue.someone'), action: t(`moderation.past.${h.action}`), reason: h.reason })}</li>
            ))}
          </ul>
        )}
      </details>
      <DecisionForm ctx={ctx} group={group} index={index} form={form} />
    </li>
  );
}

export type QueueData = { status: ReportStatus; items: QueueGroup[]; nextHref: string | null; notice?: string | undefined; form?: QueueFormState | undefined };

/** The moderation queue: filter by status, one card per reported target with its decision form. */
export function QueuePage({ ctx, data }: { ctx: RequestContext; data: QueueData }) {
  const { t } = ctx;
  return (
    <div class="stack moderation-page">
      <h1>{t('moderation.queue.title')}</h1>
      <p>{t('moderation.queue.intro')}</p>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      {data.form?.errors ? <ErrorSummary t={t} errors={data.form.errors} labels={{ reason: t('moderation.queue.reasonLabel'), decision: t('moderation.queue.decision') }} /> : null}
      <form method="get" action="/moderation" class="inline-form moderation-filter">
        <label for="statut">{t('moderation.queue.filter')}</label>
        <select id="statut" name="statut">
          {REPORT_STATUSES.map((s) => <option value={s} selected={s === data.status}>{t(`moderation.queue.statuses.${s}`)}</option>)}
        </select>
        <button type="submit" class="button button-secondary button-small">{t('moderation.queue.apply')}</button>
      </form>
      {data.items.length === 0 ? (
        <div class="notice" role="status">
          <p><strong>{t('moderation.queue.empty')}</strong></p>
          <p>{t('moderation.queue.emptyHelp')}</p>
        </div>
      ) : (
        <ol class="moderation-queue">
          {data.items.map((g, i) => <Group ctx={ctx} group={g} index={i} form={data.form} />)}
        </ol>
      )}
      {data.nextHref ? <p><a class="button button-secondary" href={data.nextHref}>{t('moderation.queue.more')}</a></p> : null}
    </div>
  );
}
