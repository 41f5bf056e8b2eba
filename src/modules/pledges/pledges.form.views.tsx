import type { RequestContext } from '../../platform/http/context.js';
import type { ErrorCode } from '../../platform/errors.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import type { Partner } from './pledges.types.js';
import type { PledgeTarget } from './pledges.service.js';
import { describeCommitment, describeQuantity } from './pledges.quantity.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function quantityLabel(ctx: RequestContext, unit: string): string {
  return ctx.t(unit === 'cents' ? 'pledges.form.quantityMoney' : unit === 'hours' ? 'pledges.form.quantityHours' : 'pledges.form.quantityItems');
}

function AsWhom({ ctx, partners, value, errors }: { ctx: RequestContext; partners: Partner[]; value: string; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const issue = errors?.organisationId;
  return (
    <fieldset class={`pledge-as${issue ? ' field-invalid' : ''}`} id="organisationId" aria-describedby={issue ? 'organisationId-error' : undefined}>
      <legend>{t('pledges.form.as')}</legend>
      <div class="field field-check">
        <input type="radio" id="as-myself" name="organisationId" value="" checked={value === ''} />
        <label for="as-myself">{t('pledges.form.asMyself')}</label>
      </div>
      {partners.map((p) => (
        <div class="field field-check">
          <input type="radio" id={`as-${p.id}`} name="organisationId" value={p.id} checked={value === p.id} />
          <label for={`as-${p.id}`}>{t('pledges.form.asOrganisation', { name: p.name })}</label>
        </div>
      ))}
      {issue ? <p class="field-error" id="organisationId-error">{t(issue.key, issue.params)}</p> : null}
    </fieldset>
  );
}

/** A partner's standing capacity to draw on (only when pledging as an organisation that declared some). */
function CapacityChoice({ ctx, target, value, errors }: { ctx: RequestContext; target: PledgeTarget; value: string; errors?: FormErrors | undefined }) {
  const { t, fmt, locale } = ctx;
  const name = (id: string) => target.partners.find((p) => p.id === id)?.name ?? '';
  const options = target.capacities.map((c) => ({ value: c.id, label: t('partners.capacities.pledgeChoice', { organisation: name(c.organisationId), label: locale === 'en' ? c.labelEn : c.labelFr, remaining: describeQuantity(t, fmt, target.need.unit, c.remaining) }) }));
  return <Select t={t} name="capacityId" label={t('partners.capacities.pledgeLabel')} value={value} errors={errors} emptyLabel={t('partners.capacities.pledgeNone')} options={options} />;
}

/** Step 1: what, when, a message, as whom. */
export function PledgeFormPage({ ctx, target, values, errors }: { ctx: RequestContext; target: PledgeTarget; values: Values; errors?: FormErrors | undefined }) {
  const { t, fmt } = ctx;
  const { need, project } = target;
  const labels = {
    quantity: quantityLabel(ctx, need.unit), startDate: t('pledges.form.startDate'), endDate: t('pledges.form.endDate'), message: t('pledges.form.message'),
    organisationId: t('pledges.form.as'), capacityId: t('partners.capacities.pledgeLabel'), showName: t('pledges.form.showName'),
  };
  return (
    <section class="narrow pledge-form">
      <h1>{t('pledges.form.title', { need: need.title })}</h1>
      <p class="lead">{t('pledges.form.intro', { project: project.title })}</p>
      <p>{t('pledges.form.remaining', { remaining: describeQuantity(t, fmt, need.unit, target.remaining) })}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/besoins/${need.id}/engagement`} novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <Field t={t} name="quantity" label={labels.quantity} value={str(values.quantity)} errors={errors} required maxLength={20} inputMode={need.unit === 'cents' ? 'text' : 'numeric'} hint={need.unit === 'cents' ? t('pledges.form.quantityMoneyHint') : undefined} />
        <Field t={t} name="startDate" type="date" label={labels.startDate} value={str(values.startDate)} errors={errors} required hint={t('pledges.form.startDateHint')} />
        <Field t={t} name="endDate" type="date" label={labels.endDate} value={str(values.endDate)} errors={errors} hint={t('pledges.form.endDateHint')} />
        <TextArea t={t} name="message" label={labels.message} value={str(values.message)} errors={errors} maxLength={2000} rows={4} hint={t('pledges.form.messageHint')} />
        {target.partners.length > 0 ? <AsWhom ctx={ctx} partners={target.partners} value={str(values.organisationId)} errors={errors} /> : null}
        {target.capacities.length > 0 ? <CapacityChoice ctx={ctx} target={target} value={str(values.capacityId)} errors={errors} /> : null}
        <div>
          <Checkbox t={t} name="showName" label={labels.showName} checked={values.showName === 'on'} errors={errors} />
          <p class="hint muted">{t('pledges.form.showNameHint')}</p>
        </div>
        <div class="form-actions">
          <button type="submit" class="button">{t('pledges.form.submit')}</button>
          <a href={`/projets/${project.id}`}>{t('pledges.form.cancel')}</a>
        </div>
      </form>
    </section>
  );
}

export type ConfirmFacts = { quantity: number; startDate: string; endDate: string | null; message: string; organisation: Partner | null; showName: boolean };

/** Step 2: restates exactly what is committed; only "Confirm" creates the pledge, "Change" goes back with the values. */
export function PledgeConfirmPage({ ctx, target, facts, values }: { ctx: RequestContext; target: PledgeTarget; facts: ConfirmFacts; values: Values }) {
  const { t, fmt } = ctx;
  const { need, project } = target;
  const sentence = describeCommitment(t, fmt, { kind: need.kind, unit: need.unit, materialMode: need.materialMode, quantity: facts.quantity, needTitle: need.title, projectTitle: project.title, startDate: facts.startDate, endDate: facts.endDate });
  return (
    <section class="narrow pledge-confirm">
      <h1>{t('pledges.confirm.title')}</h1>
      <p class="lead">{t('pledges.confirm.intro')}</p>
      <div class="card stack">
        <h2>{t('pledges.confirm.commitment')}</h2>
        {facts.organisation ? <p><strong>{t('pledges.onBehalf', { organisation: facts.organisation.name })}</strong></p> : null}
        <p class="pledge-sentence">{sentence}</p>
        {facts.message ? (
          <>
            <h3>{t('pledges.confirm.message')}</h3>
            <p class="pledge-message">{facts.message}</p>
          </>
        ) : null}
        <p>{t(facts.showName ? 'pledges.confirm.named' : 'pledges.confirm.anonymous')}</p>
        <p class="muted">{t('pledges.confirm.next')}</p>
      </div>
      <form method="post" action={`/besoins/${need.id}/engagement/confirmer`} class="form-actions pledge-confirm-actions">
        <CsrfField token={ctx.csrfToken} />
        {(['quantity', 'startDate', 'endDate', 'message', 'organisationId', 'capacityId'] as const).map((name) => (
          <input type="hidden" name={name} value={str(values[name])} />
        ))}
        {facts.showName ? <input type="hidden" name="showName" value="on" /> : null}
        <button type="submit" name="step" value="confirm" class="button">{t('pledges.confirm.confirm')}</button>
        <button type="submit" name="step" value="change" class="button button-secondary">{t('pledges.confirm.change')}</button>
      </form>
    </section>
  );
}

/** Shown instead of the form when this person may not pledge to this need, saying why. */
export function PledgeBlockedPage({ ctx, target, refusal }: { ctx: RequestContext; target: PledgeTarget; refusal: ErrorCode }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('pledges.blocked.title')}</h1>
      <p class="lead">{target.need.title} — {target.project.title}</p>
      <Notice kind="warning">{t(`pledges.blocked.${refusal}`, { defaultValue: t(`errors.${refusal}`) })}</Notice>
      <p class="form-actions">
        <a class="button button-secondary" href={`/projets/${target.project.id}`}>{t('pledges.blocked.backToProject')}</a>
        {refusal === 'EMAIL_NOT_VERIFIED' ? <a href="/moi">{t('pledges.blocked.myPage')}</a> : null}
        {refusal === 'PLEDGE_ALREADY_OPEN' ? <a href="/moi/contributions">{t('pledges.blocked.myPledges')}</a> : null}
      </p>
    </section>
  );
}
