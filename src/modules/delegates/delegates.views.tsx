import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { ProjectCards } from '../projects/projects.views.js';
import type { ApplicationView, CampaignView } from './delegates.presenter.js';
import type { AccompanyGroup, RegistrationPage } from './delegates.service.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function CampaignFacts({ ctx, campaign }: { ctx: RequestContext; campaign: CampaignView }) {
  const { t, fmt } = ctx;
  return (
    <dl class="caisse-details">
      <dt>{t('delegates.deadline')}</dt>
      <dd>{fmt.date(new Date(campaign.deadline))}</dd>
      <dt>{t('delegates.term')}</dt>
      <dd>{t('delegates.termRange', { start: fmt.date(new Date(campaign.termStart)), end: fmt.date(new Date(campaign.termEnd)) })}</dd>
    </dl>
  );
}

function MyApplication({ ctx, mine }: { ctx: RequestContext; mine: ApplicationView }) {
  const { t } = ctx;
  return (
    <section class="card stack" aria-labelledby="my-application">
      <h2 id="my-application">{t('delegates.mine.title')} <span class={`badge badge-${mine.status}`}>{t(`delegates.status.${mine.status}`)}</span></h2>
      <p>{t(`delegates.mine.${mine.status}`, { territory: mine.territory.name })}</p>
      {mine.decisionMessage ? <><p class="muted">{t('delegates.mine.message')}</p><blockquote>{mine.decisionMessage}</blockquote></> : null}
    </section>
  );
}

function ApplyForm({ ctx, data, values, errors }: { ctx: RequestContext; data: RegistrationPage; values: Values; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const labels = { territory: t('delegates.form.territory'), motivation: t('delegates.form.motivation'), availability: t('delegates.form.availability') };
  return (
    <section class="card stack" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('delegates.form.title')}</h2>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/caisses/${data.caisse.slug}/delegues`} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <Select t={t} name="territory" label={labels.territory} hint={t('delegates.form.territoryHint')} required value={str(values.territory)} errors={errors} emptyLabel={t('delegates.form.chooseTerritory')} options={data.territories.map((x) => ({ value: x.slug, label: x.name }))} />
        <TextArea t={t} name="motivation" label={labels.motivation} hint={t('delegates.form.motivationHint')} required maxLength={2000} value={str(values.motivation)} errors={errors} />
        <TextArea t={t} name="availability" label={labels.availability} hint={t('delegates.form.availabilityHint')} required maxLength={500} rows={3} value={str(values.availability)} errors={errors} />
        <div class="form-actions"><button type="submit" class="button">{t('delegates.form.submit')}</button></div>
      </form>
    </section>
  );
}

/** What the person may do now: apply, sign in, confirm their e-mail, or read why it is closed. */
function RegistrationState({ ctx, data, values, errors }: { ctx: RequestContext; data: RegistrationPage; values: Values; errors?: FormErrors | undefined }) {
  const { t, fmt } = ctx;
  const campaign = data.campaign;
  if (!campaign) return <p>{t('delegates.noCampaign')}</p>;
  if (!campaign.open) return <Notice kind="warning">{t('delegates.closed', { date: fmt.date(new Date(campaign.deadline)) })}</Notice>;
  if (data.mine) return null;
  if (!data.territories.length) return <p>{t('delegates.noTerritory')}</p>;
  if (!ctx.actor) return <p><a class="button" href={`/connexion?retour=${encodeURIComponent(`/caisses/${data.caisse.slug}/delegues`)}`}>{t('delegates.signInToApply')}</a></p>;
  if (!data.can.apply) return <p>{t('delegates.verifyToApply')}</p>;
  return <ApplyForm ctx={ctx} data={data} values={values} errors={errors} />;
}

export function RegistrationPageView({ ctx, data, values = {}, errors, notice, links }: { ctx: RequestContext; data: RegistrationPage; values?: Values; errors?: FormErrors | undefined; notice?: string | undefined; links: { projects: boolean } }) {
  const { t, fmt } = ctx;
  const campaign = data.campaign;
  return (
    <article class="stack narrow">
      <p><a href={`/caisses/${data.caisse.slug}`}>{data.caisse.name}</a></p>
      <h1>{t('delegates.title', { caisse: data.caisse.name })}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p class="lead">{campaign?.intro || t('delegates.intro')}</p>
      {campaign ? <CampaignFacts ctx={ctx} campaign={campaign} /> : null}
      {campaign?.open ? <p>{t('delegates.openUntil', { date: fmt.date(new Date(campaign.deadline)) })}</p> : null}
      {data.mine ? <MyApplication ctx={ctx} mine={data.mine} /> : null}
      <RegistrationState ctx={ctx} data={data} values={values} errors={errors} />
      {links.projects ? <p><a href={`/caisses/${data.caisse.slug}/delegues/projets`}>{t('delegates.projects.link')}</a></p> : null}
      {data.can.manage ? <p><a href={`/caisses/${data.caisse.slug}/espace/delegues`}>{t('delegates.staff.title', { caisse: data.caisse.name })}</a></p> : null}
    </article>
  );
}

export function AccompanyPage({ ctx, caisse, groups }: { ctx: RequestContext; caisse: { slug: string; name: string }; groups: AccompanyGroup[] }) {
  const { t } = ctx;
  return (
    <article class="stack">
      <p><a href={`/caisses/${caisse.slug}`}>{caisse.name}</a></p>
      <h1>{t('delegates.projects.title', { caisse: caisse.name })}</h1>
      <p class="lead">{t('delegates.projects.intro')}</p>
      {groups.map((g, i) => (
        <section aria-labelledby={`accompany-${i}`} class="stack">
          <h2 id={`accompany-${i}`}>{g.territory.name}</h2>
          {g.projects.length ? <ul class="masonry project-grid"><ProjectCards ctx={ctx} cards={g.projects} showTerritory={false} /></ul> : <p class="muted">{t('delegates.projects.empty')}</p>}
        </section>
      ))}
    </article>
  );
}
