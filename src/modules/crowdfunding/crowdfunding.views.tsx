import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.js';
import { Notice } from '../../platform/views/forms.js';
import type { CampaignAbilities } from './crowdfunding.policy.js';
import type { CampaignView, PendingSnapshotView } from './crowdfunding.presenter.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale'>;

/** "1" for 100 %, "0,5" for 50 %: dollars the caisse adds per dollar raised. */
function ratioText(ctx: Ctx, ratioPercent: number): string {
  return ctx.fmt.number(ratioPercent / 100);
}

/** The link out: a clear external label, a new tab without `window.opener`, no referrer. */
function ContributeLink({ ctx, campaign }: { ctx: Ctx; campaign: CampaignView }) {
  const { t } = ctx;
  return (
    <a class="button campaign-contribute" href={campaign.url} target="_blank" rel="noopener noreferrer external" aria-label={t('crowdfunding.externalLabel', { platform: campaign.platform })}>
      {t('crowdfunding.contribute', { platform: campaign.platform })} <span aria-hidden="true">↗</span>
    </a>
  );
}

function Matchfunding({ ctx, campaign }: { ctx: Ctx; campaign: CampaignView }) {
  const { t, fmt } = ctx;
  const m = campaign.matchfunding;
  if (!m) return null;
  const ratio = ratioText(ctx, m.ratioPercent);
  const cap = fmt.money(m.capCents);
  return (
    <div class="campaign-match">
      <h3>{t('crowdfunding.match.title')}</h3>
      <p>{m.caisse ? t('crowdfunding.match.line', { caisse: m.caisse.name, ratio, cap }) : t('crowdfunding.match.lineNoCaisse', { ratio, cap })}</p>
      {campaign.counts ? (
        <p>
          <strong>{t('crowdfunding.match.matched', { amount: fmt.money(m.matchedCents) })}</strong> · {t('crowdfunding.match.total', { amount: fmt.money(campaign.raisedCents + m.matchedCents) })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The campaign card on the project page: preview, amount confirmed against the goal, days left,
 * matchfunding, the outcome notice, and the way out to the platform.
 */
export function CampaignCard({ ctx, campaign, can, projectId }: { ctx: Ctx; campaign: CampaignView; can: CampaignAbilities; projectId: string }) {
  const { t, fmt } = ctx;
  const ended = campaign.status !== 'running';
  const textId = `campagne-${campaign.id}-progress`;
  return (
    <section class={`card campaign-card campaign-${campaign.status}`} aria-labelledby="campagne-titre" id="campagne">
      <h2 id="campagne-titre">
        {t('crowdfunding.cardTitle')} · {campaign.platform} <span class={`badge badge-campaign-${campaign.status}`}>{t(`crowdfunding.status.${campaign.status}`)}</span>
      </h2>
      {campaign.status === 'failed' ? <Notice kind="warning">{t('crowdfunding.failedNotice')}</Notice> : null}
      {campaign.status === 'succeeded' ? <Notice kind="success">{t('crowdfunding.succeededNotice')}</Notice> : null}
      <div class="campaign-body">
        {campaign.preview.image ? (
          <img class="campaign-preview" src={campaign.preview.image.src} srcset={campaign.preview.image.srcset} sizes="(min-width: 48rem) 16rem, 100vw" width={campaign.preview.image.width} height={campaign.preview.image.height} alt={campaign.preview.title ? `${t('crowdfunding.previewAlt')} : ${campaign.preview.title}` : t('crowdfunding.previewAlt')} loading="lazy" decoding="async" />
        ) : null}
        <div class="campaign-figures">
          {campaign.preview.title ? <p class="campaign-preview-title"><strong>{campaign.preview.title}</strong></p> : null}
          <progress max={100} value={campaign.percent} aria-labelledby={`campagne-titre ${textId}`}>{`${campaign.percent} %`}</progress>
          <p id={textId} class={campaign.counts ? undefined : 'campaign-struck'}>
            {t('crowdfunding.raisedOf', { raised: fmt.money(campaign.raisedCents), goal: fmt.money(campaign.goalCents) })} · {t('crowdfunding.percent', { percent: campaign.percent })}
          </p>
          <p class="muted">
            {ended ? t('crowdfunding.endedOn', { date: fmt.date(new Date(campaign.endsAt)) }) : <>{t('crowdfunding.daysLeft', { count: campaign.daysLeft })} · {t('crowdfunding.endsOn', { date: fmt.date(new Date(campaign.endsAt)) })}</>}
            {campaign.backers !== null ? <> · {t('crowdfunding.backers', { count: campaign.backers })}</> : null}
          </p>
          <p class="muted">{campaign.confirmedAt ? t('crowdfunding.confirmedOn', { date: fmt.date(new Date(campaign.confirmedAt)) }) : t('crowdfunding.notConfirmed')}</p>
          <p class="muted">{t(`crowdfunding.modelHelp.${campaign.model}`)}</p>
          <Matchfunding ctx={ctx} campaign={campaign} />
          {!ended ? <p><ContributeLink ctx={ctx} campaign={campaign} /></p> : null}
        </div>
      </div>
      <CampaignLinks ctx={ctx} can={can} projectId={projectId} />
    </section>
  );
}

/** Links to the campaign's team and staff pages, per ability. */
function CampaignLinks({ ctx, can, projectId }: { ctx: Ctx; can: CampaignAbilities; projectId: string }) {
  const { t } = ctx;
  const links: ComponentChildren[] = [];
  if (can.manage) links.push(<a href={`/projets/${projectId}/campagne`}>{t('crowdfunding.manage')}</a>);
  if (can.confirm) links.push(<a href={`/projets/${projectId}/campagne/montants`}>{t('crowdfunding.confirm.link')}</a>);
  if (can.match) links.push(<a href={`/projets/${projectId}/campagne/financement`}>{t('crowdfunding.matchForm.link')}</a>);
  if (links.length === 0) return null;
  return <p class="campaign-links">{links.map((l, i) => <>{i > 0 ? ' · ' : null}{l}</>)}</p>;
}

/** The line under a funding need's progress: the campaign's money counted on it. */
export function CampaignNeedShare({ ctx, campaign, cents }: { ctx: Ctx; campaign: CampaignView; cents: number }) {
  const { t, fmt } = ctx;
  const amount = fmt.money(cents);
  return (
    <p class="need-campaign-share">
      <a href="#campagne">{campaign.confirmedAt ? t('crowdfunding.needShare', { amount, platform: campaign.platform, date: fmt.date(new Date(campaign.confirmedAt)) }) : t('crowdfunding.needShareNoDate', { amount, platform: campaign.platform })}</a>
    </p>
  );
}

/** The caisse space card: reported amounts waiting for a decision in the caisse's territories. */
export function PendingAmountsCard({ ctx, items }: { ctx: Ctx; items: PendingSnapshotView[] }) {
  const { t, fmt } = ctx;
  return (
    <section class="card stack" aria-labelledby="montants-a-confirmer">
      <h2 id="montants-a-confirmer">{t('crowdfunding.space.title')}</h2>
      <p class="muted">{t('crowdfunding.space.intro')}</p>
      {items.length === 0 ? (
        <p>{t('crowdfunding.space.empty')}</p>
      ) : (
        <ul>
          {items.map((s) => (
            <li>
              <a href={`${s.project.url}/campagne/montants`}>{s.project.title}</a> — {t('crowdfunding.space.line', { amount: fmt.money(s.raisedCents), date: fmt.date(new Date(s.takenAt)) })} ({s.platform})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
