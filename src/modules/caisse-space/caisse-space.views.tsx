import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, Notice, type FormErrors } from '../../platform/views/forms.js';
import { ImpactFigures } from '../impact/impact.views.js';
import { PendingAmountsCard } from '../crowdfunding/crowdfunding.views.js';
import type { CaisseSpace } from './caisse-space.service.js';
import type { ProjectLineView } from './caisse-space.presenter.js';

type Section = { ctx: RequestContext; data: CaisseSpace };

/** Approve, or send back with a message; confirmed before sending. */
function ApprovalForm({ ctx, slug, p, errors }: { ctx: RequestContext; slug: string; p: ProjectLineView; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const id = `approval-${p.id}`;
  const noteIssue = errors?.note;
  const decisionIssue = errors?.decision;
  return (
    <form method="post" action={`/caisses/${slug}/espace/projets/${p.id}/decision`} class="stack" data-confirm={t('caisseSpace.approvals.confirm')} noValidate>
      <CsrfField token={ctx.csrfToken} />
      <fieldset>
        <legend>{t('caisseSpace.approvals.decision')} <span class="required">{t('form.requiredMark')}</span></legend>
        {decisionIssue ? <p class="field-error">{t(decisionIssue.key, decisionIssue.params)}</p> : null}
        <div class="field-check"><input type="radio" id={`${id}-approve`} name="decision" value="approve" required /><label for={`${id}-approve`}>{t('caisseSpace.approvals.approve')}</label></div>
        <div class="field-check"><input type="radio" id={`${id}-return`} name="decision" value="return" /><label for={`${id}-return`}>{t('caisseSpace.approvals.return')}</label></div>
      </fieldset>
      <div class={`field${noteIssue ? ' field-invalid' : ''}`}>
        <label for={`${id}-note`}>{t('caisseSpace.approvals.note')}</label>
        <p class="hint" id={`${id}-hint`}>{t('caisseSpace.approvals.noteHint')}</p>
        <textarea id={`${id}-note`} name="note" rows={3} maxLength={1000} aria-describedby={noteIssue ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={noteIssue ? 'true' : undefined}></textarea>
        {noteIssue ? <p class="field-error" id={`${id}-error`}>{t(noteIssue.key, noteIssue.params)}</p> : null}
      </div>
      <div class="form-actions"><button type="submit" class="button">{t('caisseSpace.approvals.submit')}</button></div>
    </form>
  );
}

function Approvals({ ctx, data, errorsFor }: Section & { errorsFor?: { id: string; errors: FormErrors } | undefined }) {
  const { t, fmt } = ctx;
  return (
    <section class="stack" aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t('caisseSpace.approvals.title')}</h2>
      {data.approvals.length ? (
        <ul class="need-list">
          {data.approvals.map((p) => (
            <li class="card stack">
              <h3><a href={`/projets/${p.id}`}>{p.title}</a></h3>
              <p class="muted">{t('caisseSpace.approvals.by', { name: p.promoter, territory: p.territory.name, date: fmt.date(new Date(p.since)) })}</p>
              <ApprovalForm ctx={ctx} slug={data.caisse.slug} p={p} errors={errorsFor?.id === p.id ? errorsFor.errors : undefined} />
            </li>
          ))}
        </ul>
      ) : <p class="muted">{t('caisseSpace.approvals.empty')}</p>}
    </section>
  );
}

function Pledges({ ctx, data, days }: Section & { days: number }) {
  const { t, fmt } = ctx;
  return (
    <section class="stack" aria-labelledby="pledges-title">
      <h2 id="pledges-title">{t('caisseSpace.pledges.title', { days })}</h2>
      {data.unansweredPledges.length ? (
        <ul>
          {data.unansweredPledges.map((p) => (
            <li><a href={`/projets/${p.project.id}`}>{p.project.title}</a> — {t('caisseSpace.pledges.line', { supporter: p.supporter ?? t('caisseSpace.pledges.someone'), need: p.need, territory: p.territory.name, date: fmt.date(new Date(p.proposedAt)) })}</li>
          ))}
        </ul>
      ) : <p class="muted">{t('caisseSpace.pledges.empty', { days })}</p>}
    </section>
  );
}

function Needs({ ctx, data }: Section) {
  const { t, fmt } = ctx;
  return (
    <section class="stack" aria-labelledby="needs-title">
      <h2 id="needs-title">{t('caisseSpace.needs.title')}</h2>
      {data.unmatchedNeeds.length ? (
        <ul>
          {data.unmatchedNeeds.map((n) => (
            <li><a href={`/projets/${n.project.id}`}>{n.title}</a> ({t(`needs.kind.${n.kind}`)}) — {t('caisseSpace.needs.line', { project: n.project.title, territory: n.territory.name, date: fmt.date(new Date(n.since)) })}</li>
          ))}
        </ul>
      ) : <p class="muted">{t('caisseSpace.needs.empty')}</p>}
    </section>
  );
}

function Delegates({ ctx, data }: Section) {
  const { t } = ctx;
  const d = data.delegates;
  return (
    <section class="stack" aria-labelledby="delegates-title">
      <h2 id="delegates-title">{t('caisseSpace.delegates.title')}</h2>
      <p>{d.pending ? t('caisseSpace.delegates.pending', { count: d.pending }) : t('caisseSpace.delegates.none')} <a href={`/caisses/${data.caisse.slug}/espace/delegues`}>{t('caisseSpace.delegates.manage')}</a></p>
      {d.current.length ? (
        <ul class="inline-list">{d.current.map((x) => <li><a href={`/membres/${x.handle}`}>{x.displayName}</a>{x.territory ? ` (${x.territory.name})` : ''}</li>)}</ul>
      ) : <p class="muted">{t('caisseSpace.delegates.empty')}</p>}
    </section>
  );
}

function Partners({ ctx, data }: Section) {
  const { t, fmt } = ctx;
  return (
    <section class="stack" aria-labelledby="partners-title">
      <h2 id="partners-title">{t('caisseSpace.partners.title')}</h2>
      {data.partners.length ? (
        <ul>{data.partners.map((p) => <li><a href={`/organisations/${p.slug}`}>{p.name}</a> — {t(`organisations.kind.${p.kind}`)}, {t('caisseSpace.partners.since', { date: fmt.date(new Date(p.since)) })}</li>)}</ul>
      ) : <p class="muted">{t('caisseSpace.partners.empty')}</p>}
    </section>
  );
}

function Reports({ ctx, data }: Section) {
  const { t } = ctx;
  return (
    <section class="stack" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('caisseSpace.reports.title')}</h2>
      <ul>{data.reports.map((r) => <li>{t('caisseSpace.reports.line', { territory: r.territory.name, count: r.open })}</li>)}</ul>
      <p><a href="/moderation">{t('caisseSpace.reports.open')}</a></p>
    </section>
  );
}

function Calls({ ctx, data }: Section) {
  const { t } = ctx;
  return (
    <section class="card stack" aria-labelledby="calls-title">
      <h2 id="calls-title">{t('calls.space.title')}</h2>
      <p>{t('calls.space.counts', data.calls)}</p>
      <p><a href={`/appels?caisse=${data.caisse.slug}`}>{t('calls.space.link')}</a> · <a href="/appels/nouveau">{t('calls.space.create')}</a></p>
    </section>
  );
}

function Contests({ ctx, data }: Section) {
  const { t } = ctx;
  return (
    <section class="card stack" aria-labelledby="contests-title">
      <h2 id="contests-title">{t('contests.space.title')}</h2>
      <p>{t('contests.space.text')}</p>
      <p><a href={`/concours/nouveau?caisse=${data.caisse.slug}`}>{t('contests.space.create')}</a> · <a href="/concours">{t('contests.space.list')}</a></p>
    </section>
  );
}

export function CaisseSpacePage({ ctx, data, days, notice, errorsFor }: Section & { days: number; notice?: string | undefined; errorsFor?: { id: string; errors: FormErrors } | undefined }) {
  const { t } = ctx;
  return (
    <article class="stack caisse-space">
      <p><a href={`/caisses/${data.caisse.slug}`}>{t('caisseSpace.publicPage')}</a></p>
      <h1>{t('caisseSpace.title', { caisse: data.caisse.name })}</h1>
      <p class="lead">{t('caisseSpace.intro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <Approvals ctx={ctx} data={data} errorsFor={errorsFor} />
      <Reports ctx={ctx} data={data} />
      <PendingAmountsCard ctx={ctx} items={data.pendingAmounts} />
      <Pledges ctx={ctx} data={data} days={days} />
      <Needs ctx={ctx} data={data} />
      <Delegates ctx={ctx} data={data} />
      <Partners ctx={ctx} data={data} />
      <Calls ctx={ctx} data={data} />
      <Contests ctx={ctx} data={data} />
      <ImpactFigures ctx={ctx} figures={data.impact} />
    </article>
  );
}
