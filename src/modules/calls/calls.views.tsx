import { FileLink, fileHref } from './calls.files.views.js';
import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, Notice } from '../../platform/views/forms.js';
import { renderMarkdown } from '../../platform/markdown.js';
import type { CallPhase } from './calls.domain.js';
import type { CallApplicationView, CallSummaryView, CallView } from './calls.presenter.js';
import { phasesOf } from './calls.phase.js';

const langOf = (language: string, locale: string) => (language !== locale ? language : undefined);

export type CallListData = { calls: CallSummaryView[]; when: string; territory: string; territories: { slug: string; name: string }[]; nextHref: string | null; canCreate: boolean; notice?: string | undefined };

function CallCard({ ctx, call }: { ctx: RequestContext; call: CallSummaryView }) {
  const { t, fmt } = ctx;
  return (
    <li class="card stack">
      <p class="muted">
        <span class="badge badge-call-phase">{t(`calls.status.${call.status}`)}</span> {call.theme}
      </p>
      <h3 lang={langOf(call.language, ctx.locale)}><a href={`/appels/${call.slug}`}>{call.title}</a></h3>
      <p class="muted">{t('calls.detail.by', { caisse: call.caisse.name })} · {call.territories.map((x) => x.name).join(', ')}</p>
      <p>{t('calls.list.budget', { amount: fmt.money(call.budgetCents) })}</p>
      <p>{call.status === 'upcoming' || call.status === 'draft' ? t('calls.list.opens', { date: fmt.dateTime(new Date(call.opensAt)) }) : t('calls.list.closes', { date: fmt.dateTime(new Date(call.submissionsCloseAt)) })}</p>
    </li>
  );
}

export function CallsListPage({ ctx, data }: { ctx: RequestContext; data: CallListData }) {
  const { t } = ctx;
  const filtered = data.when !== '' || data.territory !== '';
  return (
    <div class="stack">
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <div class="page-title-row">
        <h1>{t('calls.list.title')}</h1>
        {data.canCreate ? <a class="button" href="/appels/nouveau">{t('calls.list.create')}</a> : null}
      </div>
      <p class="lead">{t('calls.list.intro')}</p>
      <form method="get" action="/appels" class="filters filters-inline" role="search" aria-label={t('calls.list.filter')}>
        <div class="field">
          <label for="filter-when">{t('calls.list.when')}</label>
          <select id="filter-when" name="when">
            {(['', 'open', 'upcoming', 'past'] as const).map((w) => <option value={w} selected={data.when === w}>{t(`calls.list.${w || 'all'}`)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="filter-territory">{t('calls.list.territory')}</label>
          <select id="filter-territory" name="territory">
            <option value="">{t('calls.list.anyTerritory')}</option>
            {data.territories.map((p) => <option value={p.slug} selected={data.territory === p.slug}>{p.name}</option>)}
          </select>
        </div>
        <div class="form-actions"><button type="submit" class="button">{t('calls.list.filter')}</button></div>
      </form>
      {data.calls.length === 0 ? (
        <div class="notice" role="status">
          <p><strong>{t('calls.list.empty')}</strong></p>
          {filtered ? <p><a href="/appels">{t('calls.list.all')}</a></p> : null}
        </div>
      ) : (
        <ul class="card-grid">{data.calls.map((c) => <CallCard ctx={ctx} call={c} />)}</ul>
      )}
      {data.nextHref ? <p><a class="button button-secondary" href={data.nextHref}>{t('calls.list.more')}</a></p> : null}
    </div>
  );
}

function Timeline({ ctx, call }: { ctx: RequestContext; call: CallView }) {
  const { t, fmt } = ctx;
  const at: Record<CallPhase, string | null> = {
    draft: null, open: call.opensAt, review: call.submissionsCloseAt, vote: call.vote?.opensAt ?? null, results: call.resultsAt, closed: null,
  };
  return (
    <ol class="stack">
      {phasesOf({ voteOpensAt: call.vote ? new Date(call.vote.opensAt) : null }).filter((p) => p !== 'draft').map((p) => {
        const current = call.phase === p;
        const when = at[p];
        return (
          <li aria-current={current ? 'step' : undefined}>
            {current ? <strong>{t(`calls.phase.${p}`)} {t('calls.detail.current')}</strong> : t(`calls.phase.${p}`)}
            {when ? ` — ${fmt.dateTime(new Date(when))}` : ''}
          </li>
        );
      })}
    </ol>
  );
}

export type CallPageData = {
  call: CallView;
  mine: CallApplicationView[];
  can: { apply: boolean; manage: boolean; signIn: boolean; acceptsSubmissions: boolean; needProject: boolean };
  staff: { applications: number; next: CallPhase | null; nextDue: boolean } | null;
  notice?: string | undefined;
  /** Jury, ranking, vote and results pages this visitor may open (from the call-reviews module). */
  reviewLinks: { href: string; label: string }[];
};

export function CallPage({ ctx, data }: { ctx: RequestContext; data: CallPageData }) {
  const { t, fmt } = ctx;
  const c = data.call;
  const lang = langOf(c.language, ctx.locale);
  return (
    <article class="stack call-doc">
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <p><a href="/appels">← {t('calls.list.title')}</a></p>
      {c.status === 'draft' ? <p class="notice notice-warning">{t('calls.detail.draftNotice')}</p> : null}
      {c.status === 'upcoming' ? <p class="notice">{t('calls.detail.scheduledNotice', { date: fmt.dateTime(new Date(c.opensAt)) })}</p> : null}
      <p class="muted"><span class="badge badge-call-phase">{t(`calls.phase.${c.phase}`)}</span> {c.theme}</p>
      <h1 lang={lang}>{c.title}</h1>
      <p class="muted">{t('calls.detail.by', { caisse: c.caisse.name })}</p>
      {data.reviewLinks.length ? (
        <nav aria-label={t('calls.detail.reviewLinks')}>
          <ul class="inline-list">{data.reviewLinks.map((l) => <li><a href={l.href}>{l.label}</a></li>)}</ul>
        </nav>
      ) : null}
      {c.description ? <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(c.description) }} /> : null}

      <section aria-labelledby="call-apply" id="ma-candidature" class="card stack">
        <h2 id="call-apply">{data.mine.length ? t('calls.detail.mine') : t('calls.detail.apply')}</h2>
        {data.mine.map((a) => (
          <p>
            <strong>{a.project.title}</strong> — {t('calls.apply.status', { status: t(`calls.appStatus.${a.status}`) })}
            {a.submittedAt ? ` · ${t('calls.apply.submittedOn', { date: fmt.dateTime(new Date(a.submittedAt)) })}` : ''}
            {data.can.acceptsSubmissions ? <> · <a href={`/appels/${c.slug}/candidature?id=${a.id}`}>{t('calls.detail.edit')}</a></> : null}
            {a.files.map((f) => <><br />{t('calls.files.answer', { question: c.questions.find((q) => q.id === f.questionId)?.label ?? t('calls.files.column') })} <FileLink ctx={ctx} file={f} href={fileHref(c.slug, a.id, f.questionId)} /></>)}
          </p>
        ))}
        {data.can.apply ? <p><a class="button" href={`/appels/${c.slug}/candidature`}>{t('calls.detail.apply')}</a></p> : null}
        {data.can.needProject ? <p>{t('calls.detail.needProject')} <a href="/projets/nouveau">{t('calls.detail.createProject')}</a></p> : null}
        {data.can.signIn ? <p><a href={`/connexion?retour=${encodeURIComponent(`/appels/${c.slug}`)}`}>{t('calls.detail.signInToApply')}</a></p> : null}
        {!data.can.acceptsSubmissions ? <p class="muted">{c.status === 'upcoming' || c.status === 'draft' ? t('calls.detail.notYetOpen', { date: fmt.dateTime(new Date(c.opensAt)) }) : t('calls.detail.closed')}</p> : null}
      </section>

      {data.staff ? (
        <section aria-labelledby="call-manage" class="card stack">
          <h2 id="call-manage">{t('calls.detail.manage')}</h2>
          <p class="inline-list">
            <a href={`/appels/${c.slug}/modifier`}>{t('calls.detail.editCall')}</a>{' · '}
            <a href={`/appels/${c.slug}/candidatures`}>{t('calls.detail.applications', { count: data.staff.applications })}</a>
          </p>
          {data.staff.next && data.staff.nextDue ? (
            <form method="post" action={`/appels/${c.slug}/etape`} data-confirm={t('calls.detail.moveConfirm')}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="to" value={data.staff.next} />
              <button type="submit" class="button button-secondary">{data.staff.next === 'open' ? t('calls.detail.publish') : t('calls.detail.move', { phase: t(`calls.phase.${data.staff.next}`) })}</button>
            </form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="call-timeline" class="stack">
        <h2 id="call-timeline">{t('calls.detail.timeline')}</h2>
        <Timeline ctx={ctx} call={c} />
      </section>

      <section aria-labelledby="call-eligibility" class="stack">
        <h2 id="call-eligibility">{t('calls.detail.eligibility')}</h2>
        <ul>
          <li>{t('calls.detail.territories', { list: c.territories.map((x) => x.name).join(', ') })}</li>
          <li>{c.membersOnly ? t('calls.detail.membersOnly') : t('calls.detail.everyone')}</li>
          <li>{c.allowedOrganisationKinds.length ? t('calls.detail.kinds', { list: c.allowedOrganisationKinds.map((k) => t(`organisations.kind.${k}`)).join(', ') }) : t('calls.detail.anyKind')}</li>
        </ul>
      </section>

      <section aria-labelledby="call-money" class="stack">
        <h2 id="call-money">{t('calls.detail.money')}</h2>
        <ul>
          <li>{t('calls.detail.budget', { amount: fmt.money(c.budgetCents) })}</li>
          <li>{t('calls.detail.maxPerProject', { amount: fmt.money(c.maxPerProjectCents) })}</li>
          {c.vote ? <li>{t('calls.detail.vote', { votes: c.vote.votesPerMember, jury: c.juryWeightPercent, public: 100 - c.juryWeightPercent })}</li> : null}
        </ul>
      </section>

      <section aria-labelledby="call-questions" class="stack">
        <h2 id="call-questions">{t('calls.detail.questions')}</h2>
        {c.questions.length ? (
          <ol lang={lang}>
            {c.questions.map((q) => <li>{q.label} <span class="muted">({t(`calls.questionKind.${q.kind}`)}{q.required ? `, ${t('calls.detail.required')}` : ''})</span></li>)}
          </ol>
        ) : <p class="muted">{t('calls.detail.noQuestions')}</p>}
      </section>

      <section aria-labelledby="call-criteria" class="stack">
        <h2 id="call-criteria">{t('calls.detail.criteria')}</h2>
        <ul lang={lang}>
          {c.criteria.map((k) => <li><strong>{k.label}</strong> <span class="muted">({t('calls.detail.weight', { weight: k.weight })})</span>{k.description ? ` — ${k.description}` : ''}</li>)}
        </ul>
      </section>
    </article>
  );
}

export function StaffApplicationsPage({ ctx, call, items, nextHref }: { ctx: RequestContext; call: CallView; items: CallApplicationView[]; nextHref: string | null }) {
  const { t, fmt } = ctx;
  return (
    <div class="stack">
      <p><a href={`/appels/${call.slug}`}>← {call.title}</a></p>
      <h1>{t('calls.staff.title', { call: call.title })}</h1>
      {items.length === 0 ? <p class="notice" role="status">{t('calls.staff.empty')}</p> : (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('calls.staff.project')}</th><th scope="col">{t('calls.staff.applicant')}</th><th scope="col">{t('calls.staff.requested')}</th><th scope="col">{t('calls.staff.status')}</th><th scope="col">{t('calls.staff.submitted')}</th><th scope="col">{t('calls.files.column')}</th></tr></thead>
            <tbody>
              {items.map((a) => (
                <tr>
                  <td><a href={`/projets/${a.project.id}`}>{a.project.title}</a></td>
                  <td>{a.applicant ? <a href={`/membres/${a.applicant.handle}`}>{a.applicant.displayName}</a> : <span class="muted">{t('calls.staff.deleted')}</span>}</td>
                  <td>{a.requestedCents !== null ? fmt.money(a.requestedCents) : '—'}</td>
                  <td>{t(`calls.appStatus.${a.status}`)}</td>
                  <td>{a.submittedAt ? fmt.dateTime(new Date(a.submittedAt)) : '—'}</td>
                  <td>{a.files.length ? <ul class="inline-list">{a.files.map((f) => <li><FileLink ctx={ctx} file={f} href={fileHref(call.slug, a.id, f.questionId)} /></li>)}</ul> : <span class="muted">{t('calls.files.none')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref ? <p><a class="button button-secondary" href={nextHref}>{t('calls.staff.more')}</a></p> : null}
    </div>
  );
}
