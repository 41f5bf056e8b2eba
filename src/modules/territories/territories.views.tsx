import type { ComponentChildren } from 'preact';
import { FollowButton, followProps } from '../social/follows.views.js';
import type { FollowState } from '../social/follows.presenter.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, type FormErrors } from '../../platform/views/forms.js';
import type { RolloutState } from './territories.domain.js';
import type { TerritoryAbilities } from './territories.policy.js';
import type { TerritoryNode, TerritoryPageView, TerritoryRef, TerritoryView } from './territories.presenter.js';

export function RolloutBadge({ t, state }: { t: T; state: RolloutState }) {
  return <span class={`badge badge-${state}`}>{t(`rollout.${state}`)}</span>;
}

function CaisseLinks({ caisses }: { caisses: { slug: string; name: string }[] }) {
  return (
    <ul class="tag-list">
      {caisses.map((c) => (
        <li><a class="tag" href={`/caisses/${c.slug}`}>{c.name}</a></li>
      ))}
    </ul>
  );
}

/** A territory as a card: name, state, description and the caisses serving it. */
export function TerritoryCard({ t, territory, headingLevel = 3 }: { t: T; territory: TerritoryView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="card territory-card">
      <Heading><a href={`/territoires/${territory.slug}`}>{territory.name}</a></Heading>
      <p><RolloutBadge t={t} state={territory.rolloutState} /></p>
      {territory.description ? <p>{territory.description}</p> : null}
      {territory.caisses.length ? (
        <>
          <p class="muted card-label">{t('territories.servedBy')}</p>
          <CaisseLinks caisses={territory.caisses} />
        </>
      ) : null}
    </article>
  );
}

function TreeItem({ t, node }: { t: T; node: TerritoryNode }) {
  const { territory, children } = node;
  return (
    <li>
      <div class="territory-tree-row">
        <a href={`/territoires/${territory.slug}`}>{territory.name}</a>
        <span class="muted">{t(`territoryKind.${territory.kind}`)}</span>
        <RolloutBadge t={t} state={territory.rolloutState} />
      </div>
      {territory.caisses.length ? (
        <p class="muted territory-tree-caisses">{t('territories.servedBy')} {territory.caisses.map((c) => c.name).join(' · ')}</p>
      ) : null}
      {children.length ? (
        <ul>
          {children.map((child) => <TreeItem t={t} node={child} />)}
        </ul>
      ) : null}
    </li>
  );
}

export function TerritoriesPage({ ctx, tree }: { ctx: RequestContext; tree: TerritoryNode[] }) {
  const { t } = ctx;
  return (
    <section>
      <h1>{t('territories.list.title')}</h1>
      <p class="lead">{t('territories.list.intro')}</p>
      {tree.length ? (
        <ul class="territory-tree" aria-label={t('territories.list.treeLabel')}>
          {tree.map((node) => <TreeItem t={t} node={node} />)}
        </ul>
      ) : (
        <p>{t('territories.list.empty')}</p>
      )}
    </section>
  );
}

export type WaitlistFormState = { values: Record<string, unknown>; errors?: FormErrors | undefined; accepted: boolean };

function WaitlistForm({ ctx, slug, form }: { ctx: RequestContext; slug: string; form: WaitlistFormState }) {
  const { t } = ctx;
  const email = typeof form.values.email === 'string' ? form.values.email : '';
  return (
    <section id="liste-attente" aria-labelledby="waitlist-title" class="card stack">
      <h2 id="waitlist-title">{t('territories.waitlist.title')}</h2>
      {form.accepted ? <Notice kind="success">{t('territories.waitlist.accepted')}</Notice> : <p>{t('territories.waitlist.intro')}</p>}
      <ErrorSummary t={t} errors={form.errors} labels={{ email: t('territories.waitlist.email') }} />
      <form method="post" action={`/territoires/${slug}/liste-attente`} novalidate class="inline-form">
        <CsrfField token={ctx.csrfToken} />
        <Field t={t} name="email" type="email" label={t('territories.waitlist.email')} value={email} errors={form.errors} required autocomplete="email" maxLength={254} />
        <button type="submit" class="button">{t('territories.waitlist.submit')}</button>
      </form>
    </section>
  );
}

function Breadcrumb({ t, ancestors, current }: { t: T; ancestors: TerritoryRef[]; current: string }) {
  return (
    <nav aria-label={t('territories.detail.breadcrumb')}>
      <ol class="breadcrumb">
        <li><a href="/territoires">{t('territories.detail.allTerritories')}</a></li>
        {ancestors.map((a) => (
          <li><a href={`/territoires/${a.slug}`}>{a.name}</a></li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

export function TerritoryPage({ ctx, page, can, form, follow, children: extras }: { ctx: RequestContext; page: TerritoryPageView; can: TerritoryAbilities; form: WaitlistFormState; follow?: FollowState; children?: ComponentChildren }) {
  const { t } = ctx;
  const { territory, ancestors, children } = page;
  return (
    <article class="stack">
      <Breadcrumb t={t} ancestors={ancestors} current={territory.name} />
      <h1>{territory.name}</h1>
      <p class="tag-list">
        <span class="tag">{t(`territoryKind.${territory.kind}`)}</span>
        <RolloutBadge t={t} state={territory.rolloutState} />
      </p>
      {follow ? <FollowButton {...followProps(ctx, follow, territory.name)} /> : null}
      {territory.description ? <p class="lead">{territory.description}</p> : null}
      <section aria-labelledby="state-title">
        <h2 id="state-title">{t('territories.detail.stateTitle')}</h2>
        <p>{t(`territories.stateSentence.${territory.rolloutState}`)}</p>
        {can.signUp ? <p><a class="button" href={`/inscription?territoire=${encodeURIComponent(territory.slug)}`}>{t('territories.detail.join')}</a></p> : null}
        {can.goToMyPage ? <p><a class="button button-secondary" href="/moi">{t('territories.detail.myPage')}</a></p> : null}
        {can.chooseChild ? <p>{t('territories.detail.chooseNeighbourhood')}</p> : null}
      </section>
      {can.joinWaitlist ? <WaitlistForm ctx={ctx} slug={territory.slug} form={form} /> : null}
      <section aria-labelledby="caisses-title">
        <h2 id="caisses-title">{t('territories.detail.caissesTitle')}</h2>
        {territory.caisses.length ? <CaisseLinks caisses={territory.caisses} /> : <p class="muted">{t('territories.noCaisse')}</p>}
      </section>
      {children.length ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t('territories.detail.childrenTitle')}</h2>
          <ul class="territory-children">
            {children.map((c) => (
              <li>
                <a href={`/territoires/${c.slug}`}>{c.name}</a> <span class="muted">{t(`territoryKind.${c.kind}`)}</span> <RolloutBadge t={t} state={c.rolloutState} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {extras}
    </article>
  );
}
