import type { RequestContext } from '../../platform/http/context.js';
import type { Formatters } from '../../platform/i18n/format.js';
import type { T } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, type FormErrors } from '../../platform/views/forms.js';
import { describeQuantity } from '../pledges/pledges.quantity.js';
import type { CapacityView } from './capacities.service.js';
import { CAPACITY_KINDS, CAPACITY_PERIODS } from './partners.domain.js';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** An amount in the capacity's unit: hours, loans, dollars; "other" as a plain number. */
function capacityAmount(t: T, fmt: Formatters, c: Pick<CapacityView, 'unit'>, n: number): string {
  return c.unit ? describeQuantity(t, fmt, c.unit, n) : fmt.number(n);
}

/** Each capacity with a bar of what was used this period (a native <meter>, labelled in words too). */
export function CapacityList({ ctx, items, slug, canArchive }: { ctx: Pick<RequestContext, 't' | 'fmt' | 'csrfToken'>; items: CapacityView[]; slug: string; canArchive: boolean }) {
  const { t, fmt } = ctx;
  if (items.length === 0) return <p class="muted">{t('partners.capacities.none')}</p>;
  return (
    <ul class="capacity-list stack">
      {items.map((c) => {
        const usage = t('partners.capacities.usage', { used: capacityAmount(t, fmt, c, c.used), amount: capacityAmount(t, fmt, c, c.amount), period: t(`partners.capacities.period.${c.period}`), remaining: capacityAmount(t, fmt, c, c.remaining) });
        return (
          <li class="card capacity">
            <p><strong>{c.label}</strong> <span class="muted">· {t(`partners.capacities.kind.${c.kind}`)}</span></p>
            <meter min={0} max={c.amount} value={c.used} aria-label={usage} />
            <p class="capacity-usage">{usage}</p>
            <p class="muted">{t('partners.capacities.periodNow', { period: c.periodKey })}</p>
            {canArchive ? (
              <form method="post" action={`/organisations/${slug}/capacites/${c.id}/retirer`} data-confirm={t('partners.capacities.archiveConfirm')}>
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="button button-secondary button-small">{t('partners.capacities.archive')}</button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export type CapacitiesPageData = { organisation: { slug: string; name: string; partner: boolean }; items: CapacityView[]; canDeclare: boolean; values: Record<string, unknown>; errors?: FormErrors | undefined; notice?: string | undefined };

export function CapacitiesPage({ ctx, data }: { ctx: RequestContext; data: CapacitiesPageData }) {
  const { t } = ctx;
  const o = data.organisation;
  const v = (k: string) => str(data.values[k]);
  const labels = { kind: t('organisations.fields.kind'), amount: t('partners.capacities.amount'), period: t('partners.capacities.periodLabel'), labelFr: t('partners.capacities.labelFr'), labelEn: t('partners.capacities.labelEn') };
  return (
    <section class="narrow stack capacities-page">
      <p><a href={`/organisations/${o.slug}`}>← {o.name}</a></p>
      <h1>{t('partners.capacities.title')}</h1>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <p class="lead">{t('partners.capacities.intro')}</p>
      <CapacityList ctx={ctx} items={data.items} slug={o.slug} canArchive={data.canDeclare} />
      {data.canDeclare && o.partner ? (
        <form method="post" action={`/organisations/${o.slug}/capacites`} class="stack card" noValidate>
          <h2>{t('partners.capacities.declareTitle')}</h2>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary t={t} errors={data.errors} labels={labels} />
          <Select t={t} name="kind" label={labels.kind} value={v('kind')} errors={data.errors} required emptyLabel={t('organisations.form.chooseKind')} options={CAPACITY_KINDS.map((k) => ({ value: k, label: t(`partners.capacities.kind.${k}`) }))} />
          <Field t={t} name="amount" label={labels.amount} hint={t('partners.capacities.amountHint')} value={v('amount')} errors={data.errors} required inputMode="numeric" maxLength={12} />
          <Select t={t} name="period" label={labels.period} value={v('period') || 'month'} errors={data.errors} options={CAPACITY_PERIODS.map((p) => ({ value: p, label: t(`partners.capacities.period.${p}`) }))} />
          <Field t={t} name="labelFr" label={labels.labelFr} hint={t('partners.capacities.labelHint')} value={v('labelFr')} errors={data.errors} required maxLength={160} />
          <Field t={t} name="labelEn" label={labels.labelEn} value={v('labelEn')} errors={data.errors} required maxLength={160} />
          <div><button type="submit" class="button">{t('partners.capacities.declare')}</button></div>
        </form>
      ) : data.canDeclare ? <p class="notice">{t('partners.capacities.partnersOnly')}</p> : null}
    </section>
  );
}
