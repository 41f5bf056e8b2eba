import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField } from '../../platform/views/forms.js';
import type { PledgeAbilities } from './pledges.policy.js';
import type { PledgeDetail } from './pledges.types.js';
import { describeCommitment } from './pledges.quantity.js';
import type { PledgeStatus } from './pledges.domain.js';

export type Ctx = Pick<RequestContext, 't' | 'fmt' | 'csrfToken' | 'locale'>;

export function StatusBadge({ ctx, status }: { ctx: Ctx; status: PledgeStatus }) {
  return <span class={`badge badge-pledge-${status}`}>{ctx.t(`pledges.status.${status}`)}</span>;
}

export function HonourBadge({ ctx }: { ctx: Ctx }) {
  return <span class="badge badge-honour">{ctx.t('pledges.onHonour')}</span>;
}

/** "4 hours of volunteering for “Ruelle verte” on May 3, 2026." */
export function commitmentOf(ctx: Ctx, p: PledgeDetail, subject: 'you' | 'they' = 'they'): string {
  return describeCommitment(ctx.t, ctx.fmt, {
    kind: p.need.kind, unit: p.need.unit, materialMode: p.need.materialMode, quantity: p.quantity, needTitle: p.need.title, projectTitle: p.project.title, startDate: p.startDate, endDate: p.endDate,
  }, subject);
}

/** Who pledged, as the two parties see it: the person (linked), the organisation on its honour. */
export function SupporterName({ ctx, p }: { ctx: Ctx; p: PledgeDetail }) {
  const person = p.supporter && !p.supporter.deletedAt ? <a href={`/membres/${p.supporter.handle}`}>{p.supporter.displayName}</a> : <span>{ctx.t('pledges.neighbour')}</span>;
  if (!p.organisation) return person;
  return (
    <>
      {person} — <a href={`/organisations/${p.organisation.slug}`}>{p.organisation.name}</a>
      {p.onHonour ? <> <span class="badge badge-partner">{ctx.t('organisations.partner.badge')}</span></> : null}
    </>
  );
}

export type ActionErrors = { to: string; pledgeId: string; message: string } | null;

function ReasonField({ ctx, id, label, required, error }: { ctx: Ctx; id: string; label: string; required: boolean; error: string | null }) {
  const errorId = `${id}-error`;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>
        {label}
        {required ? <span class="required"> {ctx.t('form.requiredMark')}</span> : null}
      </label>
      <textarea id={id} name="reason" rows={2} maxLength={1000} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? errorId : undefined} />
      {error ? <p class="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}

/**
 * The moves this person may make on a pledge, as no-JS forms: accept, confirm it happened, and
 * (behind a disclosure, with a reason) decline or withdraw.
 */
export function PledgeActions({ ctx, p, can, returnTo, error = null }: { ctx: Ctx; p: PledgeDetail; can: PledgeAbilities; returnTo: string; error?: ActionErrors }) {
  const { t } = ctx;
  if (!can.accept && !can.decline && !can.withdraw && !can.confirmFulfilled) return null;
  const action = `/engagements/${p.id}/transition`;
  const hidden = (to: string) => (
    <>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );
  const errorFor = (to: string) => (error && error.pledgeId === p.id && error.to === to ? error.message : null);
  return (
    <div class="pledge-actions" role="group" aria-label={t('pledges.actions.actionsFor', { need: p.need.title })}>
      {can.accept ? (
        <form method="post" action={action} class="inline-form">
          {hidden('accepted')}
          <button type="submit" class="button button-small">{t('pledges.actions.accept')}</button>
        </form>
      ) : null}
      {can.confirmFulfilled ? (
        <form method="post" action={action} class="inline-form">
          {hidden('fulfilled')}
          <button type="submit" class="button button-small" aria-describedby={errorFor('fulfilled') ? `fulfil-error-${p.id}` : undefined}>{t('pledges.actions.confirmFulfilled')}</button>
          {errorFor('fulfilled') ? <p class="field-error" id={`fulfil-error-${p.id}`} role="alert">{errorFor('fulfilled')}</p> : null}
        </form>
      ) : null}
      {can.decline ? (
        <details class="pledge-action-details" open={errorFor('declined') !== null}>
          <summary>{t('pledges.actions.decline')}</summary>
          <form method="post" action={action} class="stack" data-confirm={t('pledges.actions.declineConfirm')}>
            {hidden('declined')}
            <ReasonField ctx={ctx} id={`decline-reason-${p.id}`} label={t('pledges.actions.declineReason')} required={false} error={errorFor('declined')} />
            <button type="submit" class="button button-small button-danger">{t('pledges.actions.decline')}</button>
          </form>
        </details>
      ) : null}
      {can.withdraw ? (
        <details class="pledge-action-details" open={errorFor('withdrawn') !== null}>
          <summary>{t('pledges.actions.withdraw')}</summary>
          <form method="post" action={action} class="stack" data-confirm={t('pledges.actions.withdrawConfirm')}>
            {hidden('withdrawn')}
            <ReasonField ctx={ctx} id={`withdraw-reason-${p.id}`} label={t('pledges.actions.withdrawReason')} required error={errorFor('withdrawn')} />
            <button type="submit" class="button button-small button-danger">{t('pledges.actions.withdraw')}</button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

/** Where a two-sided confirmation stands, from the reader's side. */
export function waitingNote(ctx: Ctx, can: PledgeAbilities, side: 'supporter' | 'team'): string | null {
  if (!can.waitingFor) return null;
  if (side === 'team') return ctx.t(can.waitingFor === 'supporter' ? 'pledges.list.waitingForSupporter' : 'pledges.list.waitingForTeam');
  return ctx.t(can.waitingFor === 'team' ? 'pledges.list.youConfirmed' : 'pledges.list.teamConfirmed');
}
