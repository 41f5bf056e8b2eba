import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Select, type FormErrors } from '../../platform/views/forms.js';
import { ROLLOUT_STATES, type RolloutState } from './territories.domain.js';
import type { RolloutAdminView } from './territories.rollout.service.js';
import type { RolloutHistoryRow } from './territories.rollout.service.js';
import { RolloutBadge } from './territories.views.js';

type Props = { ctx: RequestContext; slug: string; name: string; state: RolloutState; rollout: RolloutAdminView; values?: Record<string, unknown> | undefined; errors?: FormErrors | undefined };

function statusOf(c: RolloutHistoryRow): 'applied' | 'scheduled' | 'cancelled' {
  if (c.appliedAt) return 'applied';
  return c.cancelledAt ? 'cancelled' : 'scheduled';
}

function History({ ctx, history }: { ctx: RequestContext; history: RolloutHistoryRow[] }) {
  const { t, fmt } = ctx;
  const c = (k: string) => t(`territories.rollout.columns.${k}`);
  if (!history.length) return <p class="muted">{t('territories.rollout.historyEmpty')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('territories.rollout.historyCaption')}</caption>
        <thead><tr><th scope="col">{c('change')}</th><th scope="col">{c('at')}</th><th scope="col">{c('by')}</th><th scope="col">{c('status')}</th></tr></thead>
        <tbody>
          {history.map((h) => (
            <tr>
              <td>{h.fromState ? `${t(`rollout.${h.fromState}`)} → ` : ''}{t(`rollout.${h.toState}`)}</td>
              <td><time datetime={h.effectiveAt.toISOString()}>{fmt.dateTime(h.effectiveAt)}</time></td>
              <td>{h.createdByName ?? '—'}</td>
              <td>{t(`territories.rollout.status.${statusOf(h)}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The admin's rollout panel of one territory: state + effective date, waitlist, history. */
export function RolloutAdminPanel({ ctx, slug, name, state, rollout, values = {}, errors }: Props) {
  const { t, fmt } = ctx;
  const pending = rollout.history.find((h) => !h.appliedAt && !h.cancelledAt);
  const labels = { rolloutState: t('admin.territories.fields.rolloutState'), effectiveDate: t('territories.rollout.effectiveDate') };
  return (
    <section aria-labelledby="rollout-title">
      <h2 id="rollout-title">{t('territories.rollout.title')}</h2>
      <p><RolloutBadge t={t} state={state} /></p>
      {pending ? <p>{t('territories.rollout.scheduled', { state: t(`rollout.${pending.toState}`), date: fmt.date(pending.effectiveAt) })}</p> : null}
      <p>{t('territories.rollout.waitlist', rollout.waitlist)} {t('territories.rollout.waitlistNote')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/admin/territoires/${slug}/etat`} novalidate class="stack narrow" data-confirm={t('admin.territories.confirmState', { name })}>
        <CsrfField token={ctx.csrfToken} />
        <Select t={t} name="rolloutState" label={labels.rolloutState} value={typeof values.rolloutState === 'string' ? values.rolloutState : state} errors={errors} options={ROLLOUT_STATES.map((s) => ({ value: s, label: t(`rollout.${s}`) }))} />
        <Field t={t} name="effectiveDate" type="date" label={labels.effectiveDate} value={typeof values.effectiveDate === 'string' ? values.effectiveDate : ''} errors={errors} hint={t('territories.rollout.effectiveDateHint')} />
        <button type="submit" class="button">{t('admin.territories.changeState')}</button>
      </form>
      <h3>{t('territories.rollout.historyTitle')}</h3>
      <History ctx={ctx} history={rollout.history} />
    </section>
  );
}
