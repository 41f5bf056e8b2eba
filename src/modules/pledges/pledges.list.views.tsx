import type { RequestContext } from '../../platform/http/context.js';
import { Notice } from '../../platform/views/forms.js';
import type { PledgeWithAbilities } from './pledges.queries.service.js';
import type { PledgeStatus } from './pledges.domain.js';
import type { ImpactSums } from '../impact/impact.types.js';
import { hasImpact, ImpactFigures } from '../impact/impact.views.js';
import { commitmentOf, HonourBadge, PledgeActions, StatusBadge, SupporterName, waitingNote, type ActionErrors } from './pledges.parts.views.js';

export type PledgeGroup = { key: string; title: string; items: PledgeWithAbilities[] };

/** Splits pledges into the page's sections, in order, by status. */
function groupPledges(items: PledgeWithAbilities[], sections: { key: string; title: string; statuses: PledgeStatus[] }[]): PledgeGroup[] {
  return sections.map((s) => ({ key: s.key, title: s.title, items: items.filter((i) => s.statuses.includes(i.pledge.status)) }));
}

function PledgeCard({ ctx, item, side, returnTo, error }: { ctx: RequestContext; item: PledgeWithAbilities; side: 'supporter' | 'team'; returnTo: string; error: ActionErrors }) {
  const { t, fmt } = ctx;
  const p = item.pledge;
  const note = waitingNote(ctx, item.can, side);
  return (
    <article class="card pledge-card" aria-labelledby={`pledge-${p.id}`}>
      <h3 id={`pledge-${p.id}`}>
        <a href={`/engagements/${p.id}`} aria-label={t('pledges.list.detailsOf', { need: p.need.title })}>{p.need.title}</a>
      </h3>
      <p class="pledge-meta">
        <StatusBadge ctx={ctx} status={p.status} /> {p.onHonour ? <HonourBadge ctx={ctx} /> : null}
      </p>
      <p class="pledge-sentence">{commitmentOf(ctx, p)}</p>
      <dl class="pledge-facts">
        <dt>{t('pledges.list.project')}</dt>
        <dd><a href={`/projets/${p.project.id}`}>{p.project.title}</a></dd>
        {side === 'team' ? (
          <>
            <dt>{t('pledges.list.supporter')}</dt>
            <dd><SupporterName ctx={ctx} p={p} /></dd>
          </>
        ) : null}
      </dl>
      {p.message && side === 'team' ? <p class="pledge-message">{p.message}</p> : null}
      {p.reason ? <p class="pledge-message">{t('pledges.list.reason', { reason: p.reason })}</p> : null}
      {note ? <p class="pledge-waiting">{note}</p> : null}
      <p class="muted pledge-date">{fmt.dateTime(p.createdAt)}</p>
      <PledgeActions ctx={ctx} p={p} can={item.can} returnTo={returnTo} error={error} />
    </article>
  );
}

function Groups({ ctx, groups, side, returnTo, empty, error }: { ctx: RequestContext; groups: PledgeGroup[]; side: 'supporter' | 'team'; returnTo: string; empty: string; error: ActionErrors }) {
  return (
    <>
      {groups.map((g) => (
        <section class="pledge-group" aria-labelledby={`groupe-${g.key}`}>
          <h2 id={`groupe-${g.key}`}>
            {g.title} <span class="muted">({ctx.fmt.number(g.items.length)})</span>
          </h2>
          {g.items.length === 0 ? (
            <p class="muted">{empty}</p>
          ) : (
            <ul class="card-grid pledge-list">
              {g.items.map((item) => (
                <li>
                  <PledgeCard ctx={ctx} item={item} side={side} returnTo={returnTo} error={error} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

/** "My contributions": what I pledged, pending / accepted / fulfilled / closed, with my actions. */
export function ContributionsPage({ ctx, items, notice, error = null, impact }: { ctx: RequestContext; items: PledgeWithAbilities[]; notice: string | null; error?: ActionErrors; impact?: ImpactSums | undefined }) {
  const { t } = ctx;
  const groups = groupPledges(items, [
    { key: 'attente', title: t('pledges.mine.pending'), statuses: ['proposed'] },
    { key: 'acceptes', title: t('pledges.mine.accepted'), statuses: ['accepted'] },
    { key: 'realises', title: t('pledges.mine.fulfilled'), statuses: ['fulfilled'] },
    { key: 'fermes', title: t('pledges.mine.closed'), statuses: ['declined', 'withdrawn', 'lapsed'] },
  ]);
  return (
    <section class="pledges-page">
      <h1>{t('pledges.mine.title')}</h1>
      <p class="lead">{t('pledges.mine.intro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p><a href="/moi/engagements-recus">{t('pledges.mine.received')}</a></p>
      {impact && hasImpact(impact) ? <ImpactFigures ctx={ctx} figures={impact} showProjects title={t('impact.mine')} /> : null}
      {items.length === 0 ? <p>{t('pledges.mine.none')}</p> : <Groups ctx={ctx} groups={groups} side="supporter" returnTo="/moi/contributions" empty={t('pledges.mine.empty')} error={error} />}
    </section>
  );
}

/** The promoter's inbox: pledges to my projects, to answer, to confirm, done. */
export function InboxPage({ ctx, items, notice, error = null }: { ctx: RequestContext; items: PledgeWithAbilities[]; notice: string | null; error?: ActionErrors }) {
  const { t } = ctx;
  const groups = groupPledges(items, [
    { key: 'a-repondre', title: t('pledges.inbox.toAnswer'), statuses: ['proposed'] },
    { key: 'a-confirmer', title: t('pledges.inbox.toConfirm'), statuses: ['accepted'] },
    { key: 'realises', title: t('pledges.inbox.fulfilled'), statuses: ['fulfilled'] },
    { key: 'fermes', title: t('pledges.inbox.closed'), statuses: ['declined', 'withdrawn', 'lapsed'] },
  ]);
  return (
    <section class="pledges-page">
      <h1>{t('pledges.inbox.title')}</h1>
      <p class="lead">{t('pledges.inbox.intro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p><a href="/moi/contributions">{t('pledges.inbox.mine')}</a></p>
      {items.length === 0 ? <p>{t('pledges.inbox.none')}</p> : <Groups ctx={ctx} groups={groups} side="team" returnTo="/moi/engagements-recus" empty={t('pledges.inbox.empty')} error={error} />}
    </section>
  );
}
