import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { CAMPAIGN_MODELS } from './crowdfunding.domain.js';
import type { CampaignAbilities } from './crowdfunding.policy.js';
import type { CampaignView, SnapshotView } from './crowdfunding.presenter.js';
import { CampaignCard } from './crowdfunding.views.js';

type Project = { id: string; title: string; url: string };
type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function SnapshotHistory({ ctx, items, next, decide, projectId, errorsFor }: { ctx: RequestContext; items: SnapshotView[]; next: string | null; decide: boolean; projectId: string; errorsFor?: { id: string; errors: FormErrors } | undefined }) {
  const { t, fmt } = ctx;
  return (
    <section class="stack" aria-labelledby="historique">
      <h2 id="historique">{t('crowdfunding.snapshot.history')}</h2>
      {items.length === 0 ? <p class="muted">{t('crowdfunding.snapshot.empty')}</p> : (
        <ul class="snapshot-list">
          {items.map((s) => (
            <li class="card stack" id={`montant-${s.id}`}>
              <p>
                <strong>{fmt.money(s.raisedCents)}</strong>
                {s.backers !== null ? <> · {t('crowdfunding.backers', { count: s.backers })}</> : null}{' '}
                <span class={`badge badge-snapshot-${s.status}`}>{t(`crowdfunding.snapshot.status.${s.status}`)}</span>
              </p>
              <p class="muted">
                {t('crowdfunding.snapshot.when')} {fmt.dateTime(new Date(s.takenAt))} · {t('crowdfunding.snapshot.who')}{' '}
                {s.submittedBy ? <a href={`/membres/${s.submittedBy.handle}`}>{s.submittedBy.name}</a> : t('crowdfunding.snapshot.someone')}
              </p>
              {s.note ? <p>{s.note}</p> : null}
              {s.decidedAt ? <p class="muted">{t('crowdfunding.snapshot.decidedBy', { status: t(`crowdfunding.snapshot.status.${s.status}`), name: s.decidedBy?.name ?? t('crowdfunding.snapshot.someone'), date: fmt.dateTime(new Date(s.decidedAt)) })}</p> : null}
              {s.rejectReason ? <p>{t('crowdfunding.snapshot.reason', { reason: s.rejectReason })}</p> : null}
              {decide && s.status === 'pending' ? <DecisionForms ctx={ctx} projectId={projectId} snapshot={s} errors={errorsFor?.id === s.id ? errorsFor.errors : undefined} /> : null}
            </li>
          ))}
        </ul>
      )}
      {next ? <p><a class="button button-secondary" href={`?apres=${encodeURIComponent(next)}`}>{t('crowdfunding.snapshot.more')}</a></p> : null}
    </section>
  );
}

/** Confirm (one click, confirmed first) or reject with a reason. */
function DecisionForms({ ctx, projectId, snapshot, errors }: { ctx: RequestContext; projectId: string; snapshot: SnapshotView; errors?: FormErrors | undefined }) {
  const { t, fmt } = ctx;
  const action = `/projets/${projectId}/campagne/montants/${snapshot.id}`;
  const id = `refus-${snapshot.id}`;
  const issue = errors?.reason;
  return (
    <div class="snapshot-decision">
      <form method="post" action={action} data-confirm={t('crowdfunding.confirm.confirmPrompt')} noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="decision" value="confirm" />
        <button type="submit" class="button" aria-label={`${t('crowdfunding.confirm.confirm')} (${fmt.money(snapshot.raisedCents)})`}>{t('crowdfunding.confirm.confirm')}</button>
      </form>
      <form method="post" action={action} class="stack" data-confirm={t('crowdfunding.confirm.rejectPrompt')} noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="decision" value="reject" />
        <div class={`field${issue ? ' field-invalid' : ''}`}>
          <label for={id}>{t('crowdfunding.confirm.rejectReason')}</label>
          <input id={id} name="reason" type="text" maxLength={500} aria-invalid={issue ? 'true' : undefined} aria-describedby={issue ? `${id}-error` : undefined} />
          {issue ? <p class="field-error" id={`${id}-error`}>{t(issue.key, issue.params)}</p> : null}
        </div>
        <button type="submit" class="button button-secondary">{t('crowdfunding.confirm.reject')}</button>
      </form>
    </div>
  );
}

export type CampaignFormData = {
  project: Project;
  campaign: CampaignView | null;
  can: CampaignAbilities;
  history: { items: SnapshotView[]; next: string | null };
  link: { values: Values; errors?: FormErrors | undefined };
  snapshot: { values: Values; errors?: FormErrors | undefined };
};

/** The team's page: link (or change) the campaign, report amounts, see their history. */
export function CampaignFormPage({ ctx, data, notice }: { ctx: RequestContext; data: CampaignFormData; notice?: string | undefined }) {
  const { t } = ctx;
  const { project, campaign, link, snapshot } = data;
  const base = `/projets/${project.id}/campagne`;
  const linkLabels = { url: t('crowdfunding.form.url'), platform: t('crowdfunding.form.platform'), goalCents: t('crowdfunding.form.goal'), endsOn: t('crowdfunding.form.endsOn'), model: t('crowdfunding.form.model') };
  const snapLabels = { raisedCents: t('crowdfunding.snapshot.raised'), backers: t('crowdfunding.snapshot.backers'), note: t('crowdfunding.snapshot.note') };
  const editable = !campaign || campaign.status === 'running';
  return (
    <article class="stack campaign-page">
      <p><a href={project.url}>{t('crowdfunding.form.back')}</a></p>
      <h1>{t('crowdfunding.form.title')} — {project.title}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {campaign ? <CampaignCard ctx={ctx} campaign={campaign} can={{ ...data.can, manage: false }} projectId={project.id} /> : <p>{t('crowdfunding.form.intro')}</p>}
      {editable ? (
        <section class="stack narrow" aria-labelledby="lier">
          <h2 id="lier">{campaign ? t('crowdfunding.manage') : t('crowdfunding.linkCta')}</h2>
          <ErrorSummary t={t} errors={link.errors} labels={linkLabels} />
          <form method="post" action={base} class="stack" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <Field t={t} name="url" type="url" inputMode="url" label={linkLabels.url} hint={t('crowdfunding.form.urlHint')} value={str(link.values.url)} errors={link.errors} required maxLength={500} />
            <Field t={t} name="platform" label={linkLabels.platform} value={str(link.values.platform ?? 'La Ruche')} errors={link.errors} required maxLength={80} />
            <Field t={t} name="goalCents" inputMode="text" label={linkLabels.goalCents} value={str(link.values.goalCents)} errors={link.errors} required />
            <Field t={t} name="endsOn" type="date" label={linkLabels.endsOn} hint={t('crowdfunding.form.endsOnHint')} value={str(link.values.endsOn)} errors={link.errors} required />
            <Select t={t} name="model" label={linkLabels.model} hint={CAMPAIGN_MODELS.map((m) => t(`crowdfunding.modelHelp.${m}`)).join(' ')} value={str(link.values.model ?? 'all_or_nothing')} errors={link.errors} required options={CAMPAIGN_MODELS.map((m) => ({ value: m, label: t(`crowdfunding.model.${m}`) }))} />
            <div class="form-actions"><button type="submit" class="button">{t('crowdfunding.form.save')}</button></div>
          </form>
          {campaign && campaign.preview.status !== 'ready' ? <p class="muted">{t(campaign.preview.status === 'pending' ? 'crowdfunding.previewPending' : 'crowdfunding.previewFailed')}</p> : null}
          {campaign ? (
            <form method="post" action={`${base}/apercu`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="button button-secondary">{t('crowdfunding.form.refresh')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {campaign && campaign.status !== 'succeeded' && campaign.status !== 'ended' ? (
        <section class="stack narrow" aria-labelledby="declarer">
          <h2 id="declarer">{t('crowdfunding.snapshot.title')}</h2>
          <p>{t('crowdfunding.snapshot.intro')}</p>
          <ErrorSummary t={t} errors={snapshot.errors} labels={snapLabels} />
          <form method="post" action={`${base}/montants`} class="stack" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <Field t={t} name="raisedCents" label={snapLabels.raisedCents} value={str(snapshot.values.raisedCents)} errors={snapshot.errors} required />
            <Field t={t} name="backers" inputMode="numeric" label={snapLabels.backers} value={str(snapshot.values.backers)} errors={snapshot.errors} />
            <TextArea t={t} name="note" label={snapLabels.note} value={str(snapshot.values.note)} errors={snapshot.errors} maxLength={500} rows={2} />
            <div class="form-actions"><button type="submit" class="button">{t('crowdfunding.snapshot.submit')}</button></div>
          </form>
        </section>
      ) : null}
      {campaign ? <SnapshotHistory ctx={ctx} items={data.history.items} next={data.history.next} decide={false} projectId={project.id} /> : null}
    </article>
  );
}

export type ConfirmData = { project: Project; campaign: CampaignView; history: { items: SnapshotView[]; next: string | null }; errorsFor?: { id: string; errors: FormErrors } | undefined };

/** The staff's page: check on the platform, confirm or reject each pending amount. */
export function ConfirmPage({ ctx, data, notice }: { ctx: RequestContext; data: ConfirmData; notice?: string | undefined }) {
  const { t } = ctx;
  const { project, campaign } = data;
  const pending = data.history.items.some((s) => s.status === 'pending');
  return (
    <article class="stack campaign-page">
      <p><a href={project.url}>{t('crowdfunding.form.back')}</a></p>
      <h1>{t('crowdfunding.confirm.title', { project: project.title })}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p>{t('crowdfunding.confirm.intro')}</p>
      <p><a href={campaign.url} target="_blank" rel="noopener noreferrer external" aria-label={`${t('crowdfunding.confirm.check', { platform: campaign.platform })} (${t('crowdfunding.external')})`}>{t('crowdfunding.confirm.check', { platform: campaign.platform })} <span aria-hidden="true">↗</span></a></p>
      {!pending ? <p class="muted">{t('crowdfunding.confirm.none')}</p> : null}
      <SnapshotHistory ctx={ctx} items={data.history.items} next={data.history.next} decide projectId={project.id} errorsFor={data.errorsFor} />
    </article>
  );
}

export type MatchData = { project: Project; campaign: CampaignView; caisses: { slug: string; name: string }[]; values: Values; errors?: FormErrors | undefined };

/** The staff's matchfunding form: ratio and cap, on behalf of one of their serving caisses. */
export function MatchPage({ ctx, data, notice }: { ctx: RequestContext; data: MatchData; notice?: string | undefined }) {
  const { t } = ctx;
  const { project, campaign, values, errors } = data;
  const labels = { ratioPercent: t('crowdfunding.matchForm.ratio'), capCents: t('crowdfunding.matchForm.cap'), caisse: t('crowdfunding.matchForm.caisse') };
  return (
    <article class="stack campaign-page">
      <p><a href={project.url}>{t('crowdfunding.form.back')}</a></p>
      <h1>{t('crowdfunding.matchForm.title')} — {project.title}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <CampaignCard ctx={ctx} campaign={campaign} can={{ manage: false, confirm: false, match: false }} projectId={project.id} />
      {campaign.status === 'running' ? (
        <section class="stack narrow" aria-labelledby="engager">
          <h2 id="engager">{t('crowdfunding.matchForm.title')}</h2>
          <p>{t('crowdfunding.matchForm.intro')}</p>
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <form method="post" action={`/projets/${project.id}/campagne/financement`} class="stack" data-confirm={t('crowdfunding.matchForm.savePrompt')} noValidate>
            <CsrfField token={ctx.csrfToken} />
            {data.caisses.length > 1 ? <Select t={t} name="caisse" label={labels.caisse} value={str(values.caisse)} errors={errors} required options={data.caisses.map((c) => ({ value: c.slug, label: c.name }))} /> : null}
            <Field t={t} name="ratioPercent" label={labels.ratioPercent} hint={t('crowdfunding.matchForm.ratioHint')} value={str(values.ratioPercent ?? '1')} errors={errors} required />
            <Field t={t} name="capCents" label={labels.capCents} value={str(values.capCents)} errors={errors} required />
            <div class="form-actions"><button type="submit" class="button">{t('crowdfunding.matchForm.save')}</button></div>
          </form>
        </section>
      ) : null}
    </article>
  );
}
