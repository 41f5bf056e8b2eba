import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, Notice } from '../../platform/views/forms.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { timeLabel } from './contests.dates.js';
import { CLAIM_ATTEMPTS } from './contests.domain.js';
import type { ContestSummaryView, ContestView, MyEntriesView } from './contests.presenter.js';

type When = 'current' | 'upcoming' | 'past';
const WHENS: When[] = ['current', 'upcoming', 'past'];
const lastDay = (endsAt: string) => new Date(new Date(endsAt).getTime() - 1);

function ContestCard({ ctx, c }: { ctx: RequestContext; c: ContestSummaryView }) {
  const { t, fmt } = ctx;
  return (
    <li class="card stack">
      <h3><a href={`/concours/${c.slug}`}>{c.title}</a></h3>
      <p><span class="badge">{t(`contests.phase.${c.phase}`)}</span></p>
      <p>{t('contests.card.period', { start: fmt.date(new Date(c.startsAt)), end: fmt.date(lastDay(c.endsAt)) })}</p>
      <p class="muted">{t('contests.card.draw', { date: fmt.date(new Date(c.drawAt)) })} · {t('contests.card.by', { caisse: c.caisse.name })}</p>
    </li>
  );
}

export function ContestListPage({ ctx, when, items, nextCursor, canCreate }: { ctx: RequestContext; when: When; items: ContestSummaryView[]; nextCursor: string | null; canCreate: boolean }) {
  const { t } = ctx;
  return (
    <article class="stack">
      <div class="page-title-row">
        <h1>{t('contests.title')}</h1>
        {canCreate ? <a class="button" href="/concours/nouveau">{t('contests.create')}</a> : null}
      </div>
      <p class="lead">{t('contests.intro')}</p>
      <nav aria-label={t('contests.tabs.label')} class="search-tabs">
        <ul role="list">
          {WHENS.map((w) => <li><a href={w === 'current' ? '/concours' : `/concours?quand=${w}`} aria-current={w === when ? 'page' : undefined}>{t(`contests.tabs.${w}`)}</a></li>)}
        </ul>
      </nav>
      {items.length ? <ul class="card-grid" role="list">{items.map((c) => <ContestCard ctx={ctx} c={c} />)}</ul> : <p class="muted">{t(`contests.empty.${when}`)}</p>}
      {nextCursor ? <nav class="pagination" aria-label={t('contests.more')}><a rel="next" href={`/concours?quand=${when}&apres=${encodeURIComponent(nextCursor)}`}>{t('contests.more')}</a></nav> : null}
    </article>
  );
}

function Rules({ ctx, c }: { ctx: RequestContext; c: ContestView }) {
  const { t, fmt } = ctx;
  const prizesTotal = c.prizes.reduce((s, p) => s + p.quantity * p.valueCents, 0);
  const draw = new Date(c.drawAt);
  return (
    <section class="stack contest-rules" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('contests.rules.title')}</h2>
      <dl class="caisse-details contest-details">
        <dt>{t('contests.rules.organiser')}</dt>
        <dd>{t('contests.rules.organiserText', { caisse: c.caisse.name })}</dd>
        <dt>{t('contests.rules.territories')}</dt>
        <dd>{c.territories.map((x) => x.name).join(', ')}</dd>
        <dt>{t('contests.rules.howToEnter')}</dt>
        <dd>
          <p>{t('contests.rules.howToEnterIntro')}</p>
          <ul>{c.entryRules.map((r) => <li>{t(`contests.rules.action.${r.action}`, { count: r.entries })}</li>)}</ul>
          <p>{t('contests.rules.cap', { count: c.capPerPerson })}</p>
        </dd>
        <dt>{t('contests.rules.deadline')}</dt>
        <dd>{t('contests.rules.deadlineText', { date: fmt.date(lastDay(c.endsAt)) })}</dd>
        <dt>{t('contests.rules.eligibility')}</dt>
        <dd>
          <ul>
            <li>{t('contests.rules.age', { age: c.eligibility.minAge })}</li>
            <li>{c.eligibility.membersOnly ? t('contests.rules.members') : t('contests.rules.residents')}</li>
            <li>{t('contests.rules.excluded', { caisse: c.caisse.name })}</li>
          </ul>
          <p class="muted">{t('contests.rules.excludedLimit')}</p>
        </dd>
        <dt>{t('contests.rules.prizes')}</dt>
        <dd>
          <ol>{c.prizes.map((p) => <li>{t('contests.rules.prizeLine', { quantity: p.quantity, name: p.name, value: fmt.money(p.valueCents) })}</li>)}</ol>
          <p>{t('contests.rules.prizesTotal', { value: fmt.money(prizesTotal) })}</p>
        </dd>
        <dt>{t('contests.rules.awarding')}</dt>
        <dd>{t('contests.rules.awardingText')}</dd>
        <dt>{t('contests.rules.draw')}</dt>
        <dd>{t('contests.rules.drawText', { date: fmt.date(draw), time: timeLabel(draw, LOCALE_TAGS[ctx.locale]), place: c.drawPlace })}</dd>
        <dt>{t('contests.rules.told')}</dt>
        <dd>{c.howWinnersAreTold}</dd>
        <dt>{t('contests.rules.claim')}</dt>
        <dd>{t('contests.rules.claimText', { days: c.claimDays, attempts: CLAIM_ATTEMPTS })}</dd>
        <dt>{t('contests.rules.skill')}</dt>
        <dd>{t('contests.rules.skillText', { question: c.skillQuestion })}</dd>
        <dt>{t('contests.rules.disputes')}</dt>
        <dd>{t('contests.rules.disputesText')}</dd>
        <dt>{t('contests.rules.commitment')}</dt>
        <dd>
          {c.commitment ? <><p class="muted">{t('contests.rules.commitmentText')}</p><p><code class="contest-hash">{c.commitment}</code></p><p><a href={`/concours/${c.slug}/tirage`}>{t('contests.rules.drawPage')}</a></p></> : <p class="muted">{t('contests.rules.notPublished')}</p>}
        </dd>
      </dl>
    </section>
  );
}

function MyEntries({ ctx, c, mine }: { ctx: RequestContext; c: ContestView; mine: MyEntriesView | null }) {
  const { t, fmt } = ctx;
  if (!ctx.actor) return <section class="card stack" aria-labelledby="mine-title"><h2 id="mine-title">{t('contests.mine.title')}</h2><p><a href={`/connexion?retour=${encodeURIComponent(`/concours/${c.slug}`)}`}>{t('contests.mine.signIn')}</a></p></section>;
  if (!mine) return null;
  const win = mine.win;
  return (
    <section class="card stack" aria-labelledby="mine-title">
      <h2 id="mine-title">{t('contests.mine.title')}</h2>
      {win ? (
        win.status === 'claimed' ? <Notice kind="success">{t('contests.mine.claimed', { prize: win.prize })}</Notice>
        : win.status === 'notified' ? <Notice kind="success">{t('contests.mine.won', { prize: win.prize })} {win.claimDeadline ? t('contests.mine.claimBy', { date: fmt.date(new Date(win.claimDeadline)) }) : ''} <a href={`/concours/${c.slug}/reclamer`}>{t('contests.mine.claimLink')}</a></Notice>
        : <Notice kind="warning">{t('contests.mine.lost')}</Notice>
      ) : null}
      <p class="lead">{t('contests.mine.entries', { count: mine.entries })}</p>
      {mine.earnedBy.length ? <ul>{mine.earnedBy.map((e) => <li>{t('contests.mine.earned', { action: t(`contests.mine.actionName.${e.action}`), actions: e.actions, entries: e.entries })}</li>)}</ul> : <p class="muted">{t('contests.mine.none')}</p>}
      {mine.uncapped > mine.cap ? <p>{t('contests.mine.capped', { uncapped: mine.uncapped, cap: mine.cap })}</p> : null}
      {mine.pseudonym ? <p>{t('contests.mine.pseudonym', { pseudonym: mine.pseudonym })}</p> : null}
      {mine.frozen ? <p class="muted">{t('contests.mine.frozen')}</p> : null}
      {mine.eligible ? null : <div><p>{t('contests.mine.ineligible')}</p><ul>{mine.reasons.map((r) => <li>{t(`contests.mine.reason.${r}`)}</li>)}</ul></div>}
    </section>
  );
}

function StaffActions({ ctx, c }: { ctx: RequestContext; c: ContestView }) {
  const { t } = ctx;
  if (!c.can.edit && !c.can.publish && !c.can.draw) return null;
  return (
    <section class="card stack" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('contests.staff.title')}</h2>
      {c.can.edit ? <p><a class="button button-secondary" href={`/concours/${c.slug}/modifier`}>{t('contests.staff.edit')}</a></p> : null}
      {c.can.publish ? (
        <form method="post" action={`/concours/${c.slug}/publier`} class="stack" data-confirm={t('contests.staff.publishConfirm')}>
          <CsrfField token={ctx.csrfToken} />
          <p class="muted">{t('contests.staff.publishHint')}</p>
          <div class="form-actions"><button type="submit" class="button">{t('contests.staff.publish')}</button></div>
        </form>
      ) : null}
      {c.can.draw ? (
        <form method="post" action={`/concours/${c.slug}/tirage`} class="stack" data-confirm={t('contests.staff.drawConfirm')}>
          <CsrfField token={ctx.csrfToken} />
          <p class="muted">{t('contests.staff.drawHint')}</p>
          <div class="form-actions"><button type="submit" class="button">{t('contests.staff.draw')}</button></div>
        </form>
      ) : null}
    </section>
  );
}

export function ContestPageView({ ctx, c, mine, notice }: { ctx: RequestContext; c: ContestView; mine: MyEntriesView | null; notice?: string | undefined }) {
  const { t, fmt } = ctx;
  return (
    <article class="stack contest-page">
      <p><a href="/concours">{t('contests.title')}</a></p>
      <h1>{c.title}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p><span class="badge">{t(`contests.phase.${c.phase}`)}</span> {t('contests.period', { start: fmt.date(new Date(c.startsAt)), end: fmt.date(lastDay(c.endsAt)) })}</p>
      {/* Wide screens: description and rules on the left, my entries and staff actions beside them; narrow: in reading order. */}
      <div class="contest-layout">
        <div class="prose contest-description"><p>{c.description}</p></div>
        <div class="stack contest-aside">
          <StaffActions ctx={ctx} c={c} />
          <MyEntries ctx={ctx} c={c} mine={mine} />
        </div>
        <Rules ctx={ctx} c={c} />
      </div>
    </article>
  );
}
