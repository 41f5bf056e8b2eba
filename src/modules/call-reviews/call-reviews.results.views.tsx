import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField } from '../../platform/views/forms.js';
import type { BallotView, RankingLineView, RankingView, ResultsView } from './call-reviews.presenter.js';
import { CallHeader, Messages, projectLang, type PageMessages } from './call-reviews.views.js';

type Ctx = RequestContext;
const score = (ctx: Ctx, n: number | null) => (n === null ? '—' : ctx.fmt.number(n));

function AwardForm({ ctx, data, line }: { ctx: Ctx; data: RankingView; line: RankingLineView }) {
  const { t } = ctx;
  const id = `amount-${line.applicationId}`;
  return (
    <div class="award-forms">
      <form method="post" action={`/appels/${data.call.slug}/classement/${line.applicationId}/laureat`} class="inline-form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <div class="field">
          <label for={id}>{t('callReviews.ranking.amount', { project: line.project.title })}</label>
          <input id={id} name="amount" type="number" inputMode="numeric" min={1} step="0.01" max={data.budget.maxPerProjectCents / 100} value={line.awardCents !== null ? line.awardCents / 100 : ''} class="amount-input" />
        </div>
        <button type="submit" class="button button-small">{t(line.awardCents === null ? 'callReviews.ranking.select' : 'callReviews.ranking.change')}</button>
      </form>
      {line.awardCents !== null ? (
        <form method="post" action={`/appels/${data.call.slug}/classement/${line.applicationId}/retirer`} class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button button-secondary button-small" aria-label={t('callReviews.ranking.unselectLabel', { project: line.project.title })}>{t('callReviews.ranking.unselect')}</button>
        </form>
      ) : null}
    </div>
  );
}

function Budget({ ctx, data }: { ctx: Ctx; data: RankingView }) {
  const { t, fmt } = ctx;
  return (
    <dl class="caisse-details">
      <dt>{t('callReviews.ranking.envelope')}</dt><dd>{fmt.money(data.budget.envelopeCents)}</dd>
      <dt>{t('callReviews.ranking.maxPerProject')}</dt><dd>{fmt.money(data.budget.maxPerProjectCents)}</dd>
      <dt>{t('callReviews.ranking.awarded')}</dt><dd>{fmt.money(data.budget.awardedCents)}</dd>
      <dt>{t('callReviews.ranking.remaining')}</dt><dd>{fmt.money(data.budget.remainingCents)}</dd>
    </dl>
  );
}

export function RankingPage({ ctx, data, messages }: { ctx: Ctx; data: RankingView; messages: PageMessages }) {
  const { t, fmt } = ctx;
  const vote = data.call.hasVote;
  return (
    <article class="stack">
      <CallHeader ctx={ctx} call={data.call} title={t('callReviews.ranking.title')} />
      <Messages messages={messages} />
      <p class="lead">{t(vote ? 'callReviews.ranking.introVote' : 'callReviews.ranking.intro', { jury: data.juryWeightPercent, vote: 100 - data.juryWeightPercent })}</p>
      <Budget ctx={ctx} data={data} />
      {data.lines.length ? (
        <div class="table-wrap">
          <table class="ranking-table">
            <caption>{t('callReviews.ranking.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('callReviews.ranking.rank')}</th><th scope="col">{t('callReviews.ranking.project')}</th><th scope="col">{t('callReviews.ranking.jury')}</th>
                <th scope="col">{t('callReviews.ranking.spread')}</th><th scope="col">{t('callReviews.ranking.reviews')}</th>
                {vote ? <><th scope="col">{t('callReviews.ranking.votes')}</th><th scope="col">{t('callReviews.ranking.combined')}</th></> : null}
                <th scope="col">{t('callReviews.ranking.award')}</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((l) => (
                <tr>
                  <td data-label={t('callReviews.ranking.rank')}>{l.rank}</td>
                  <th scope="row"><a href={l.project.url} lang={projectLang(ctx, l.project.language)}>{l.project.title}</a>{l.requestedCents !== null ? <span class="muted"> · {t('callReviews.ranking.requested', { amount: fmt.money(l.requestedCents) })}</span> : null}</th>
                  <td data-label={t('callReviews.ranking.jury')}>{score(ctx, l.juryScore)}</td>
                  <td data-label={t('callReviews.ranking.spread')}>{l.spread ? t('callReviews.ranking.spreadValue', { sd: fmt.number(l.spread.stdDev), min: fmt.number(l.spread.min), max: fmt.number(l.spread.max) }) : '—'}</td>
                  <td data-label={t('callReviews.ranking.reviews')}>{t('callReviews.ranking.reviewsValue', { count: l.reviews, conflicts: l.conflicts })}</td>
                  {vote ? <><td data-label={t('callReviews.ranking.votes')}>{t('callReviews.ranking.votesValue', { count: l.votes, share: score(ctx, l.voteShare) })}</td><td data-label={t('callReviews.ranking.combined')}>{score(ctx, l.combinedScore)}</td></> : null}
                  <td data-label={t('callReviews.ranking.award')}>{data.can.award ? <AwardForm ctx={ctx} data={data} line={l} /> : l.awardCents !== null ? fmt.money(l.awardCents) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p class="muted">{t('callReviews.ranking.empty')}</p>}
      <p class="muted">{t('callReviews.ranking.spreadHelp')}</p>
      {data.can.publish ? (
        <form method="post" action={`/appels/${data.call.slug}/resultats`} class="card stack" data-confirm={t('callReviews.ranking.publishConfirm')}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t('callReviews.ranking.publishHelp')}</p>
          <div class="form-actions"><button type="submit" class="button">{t('callReviews.ranking.publish')}</button></div>
        </form>
      ) : null}
      {data.call.resultsPublished ? <p><a href={`/appels/${data.call.slug}/resultats`}>{t('callReviews.links.results')}</a></p> : null}
      <section class="stack" aria-labelledby="missing-title">
        <h2 id="missing-title">{t('callReviews.ranking.missing', { count: data.missing.length })}</h2>
        {data.missing.length ? (
          <ul>{data.missing.map((m) => <li>{m.juror.displayName ?? t('callReviews.jury.anonymous')} — <span lang={projectLang(ctx, m.project.language)}>{m.project.title}</span></li>)}</ul>
        ) : <p class="muted">{t('callReviews.ranking.noMissing')}</p>}
      </section>
      <section class="stack" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('callReviews.ranking.notes')}</h2>
        <p class="muted">{t('callReviews.ranking.notesHelp')}</p>
        {data.lines.some((l) => l.notes.length) ? data.lines.filter((l) => l.notes.length).map((l) => (
          <details class="card">
            <summary lang={projectLang(ctx, l.project.language)}>{l.project.title} ({l.notes.length})</summary>
            <ul>{l.notes.map((n) => <li><strong>{n.juror}</strong> : {n.note}</li>)}</ul>
          </details>
        )) : <p class="muted">{t('callReviews.ranking.noNotes')}</p>}
      </section>
      <p><a href={`/appels/${data.call.slug}/jury`}>{t('callReviews.back.jury')}</a></p>
    </article>
  );
}

export function VotePage({ ctx, data, messages }: { ctx: Ctx; data: BallotView; messages: PageMessages }) {
  const { t, fmt } = ctx;
  return (
    <article class="stack">
      <CallHeader ctx={ctx} call={data.call} title={t('callReviews.vote.title')} />
      <Messages messages={messages} />
      <p class="lead">{t('callReviews.vote.intro', { count: data.votesPerMember })}</p>
      {data.closesAt ? <p>{t('callReviews.vote.closes', { date: fmt.dateTime(new Date(data.closesAt)) })}</p> : null}
      {data.reason ? (
        <p class="notice notice-warning">
          {data.reason === 'signIn' ? <a href={`/connexion?retour=${encodeURIComponent(`/appels/${data.call.slug}/vote`)}`}>{t('callReviews.vote.reason.signIn')}</a> : t(`callReviews.vote.reason.${data.reason}`)}
        </p>
      ) : <p class="vote-remaining" role="status" aria-live="polite"><strong>{t('callReviews.vote.remaining', { count: data.remaining, total: data.votesPerMember })}</strong></p>}
      {data.items.length ? (
        <ul class="need-list">
          {data.items.map((i) => (
            <li class="card stack">
              <h2 class="h3" lang={projectLang(ctx, i.project.language)}><a href={i.project.url}>{i.project.title}</a></h2>
              <p lang={projectLang(ctx, i.project.language)}>{i.summary}</p>
              {i.voted ? <p><span class="badge badge-review-done">{t('callReviews.vote.yours')}</span></p> : null}
              {data.can.vote ? (
                <form method="post" action={`/appels/${data.call.slug}/vote`} class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="applicationId" value={i.applicationId} />
                  {i.voted ? <input type="hidden" name="withdraw" value="1" /> : null}
                  <button type="submit" class={i.voted ? 'button button-secondary' : 'button'} disabled={!i.voted && data.remaining === 0}
                    aria-label={t(i.voted ? 'callReviews.vote.withdrawLabel' : 'callReviews.vote.castLabel', { project: i.project.title })}>{t(i.voted ? 'callReviews.vote.withdraw' : 'callReviews.vote.cast')}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p class="muted">{t('callReviews.queue.empty')}</p>}
    </article>
  );
}

export function ResultsPage({ ctx, data, messages, links }: { ctx: Ctx; data: ResultsView; messages: PageMessages; links: { ranking: boolean } }) {
  const { t, fmt } = ctx;
  const winners = data.lines.filter((l) => l.winner);
  const vote = data.call.hasVote;
  return (
    <article class="stack">
      <CallHeader ctx={ctx} call={data.call} title={t('callReviews.results.title')} />
      <Messages messages={messages} />
      {data.publishedAt ? <p class="lead">{t('callReviews.results.published', { date: fmt.date(new Date(data.publishedAt)), count: winners.length, amount: fmt.money(data.awardedCents) })}</p>
        : <p class="notice notice-warning">{t('callReviews.results.preview')}</p>}
      <section class="stack" aria-labelledby="winners-title">
        <h2 id="winners-title">{t('callReviews.results.winners')}</h2>
        {winners.length ? (
          <ul class="need-list">
            {winners.map((l) => (
              <li class="card">
                <h3 lang={projectLang(ctx, l.project.language)}><a href={l.project.url}>{l.project.title}</a> <span class="badge badge-laureate">{t('callReviews.badge')}</span></h3>
                <p><strong>{fmt.money(l.amountCents ?? 0)}</strong> · {t('callReviews.results.scoreLine', { score: score(ctx, vote ? l.combinedScore : l.juryScore), rank: l.rank })}</p>
              </li>
            ))}
          </ul>
        ) : <p class="muted">{t('callReviews.results.noWinner')}</p>}
      </section>
      <div class="table-wrap">
        <table class="ranking-table">
          <caption>{t('callReviews.results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callReviews.ranking.rank')}</th><th scope="col">{t('callReviews.ranking.project')}</th><th scope="col">{t('callReviews.ranking.jury')}</th>
              {vote ? <><th scope="col">{t('callReviews.ranking.votes')}</th><th scope="col">{t('callReviews.ranking.combined')}</th></> : null}
              <th scope="col">{t('callReviews.ranking.award')}</th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((l) => (
              <tr>
                <td data-label={t('callReviews.ranking.rank')}>{l.rank}</td>
                <th scope="row"><a href={l.project.url} lang={projectLang(ctx, l.project.language)}>{l.project.title}</a></th>
                <td data-label={t('callReviews.ranking.jury')}>{score(ctx, l.juryScore)}</td>
                {vote ? <><td data-label={t('callReviews.ranking.votes')}>{fmt.number(l.votes)}</td><td data-label={t('callReviews.ranking.combined')}>{score(ctx, l.combinedScore)}</td></> : null}
                <td data-label={t('callReviews.ranking.award')}>{l.amountCents !== null ? fmt.money(l.amountCents) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">{t(vote ? 'callReviews.results.methodVote' : 'callReviews.results.method', { jury: data.juryWeightPercent, vote: 100 - data.juryWeightPercent })}</p>
      {links.ranking ? <p><a href={`/appels/${data.call.slug}/classement`}>{t('callReviews.links.ranking')}</a></p> : null}
    </article>
  );
}
