import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, type FormErrors } from '../../platform/views/forms.js';
import { timeLabel } from './contests.dates.js';
import type { ContestView, MyEntriesView, PublicDrawView } from './contests.presenter.js';

const STEPS = ['step1', 'step2', 'step3', 'step4', 'step5', 'step6'] as const;

function Rounds({ ctx, draw }: { ctx: RequestContext; draw: PublicDrawView }) {
  const { t } = ctx;
  return (
    <>
      {draw.rounds.map((r) => {
        const title = r.round === 0 ? t('contests.drawPage.round') : t('contests.drawPage.redraw', { n: r.round });
        return (
          <div class="table-wrap" tabIndex={0} role="region" aria-label={title}>
            <table>
              <caption>{t('contests.drawPage.roundCaption', { title, start: r.startCounter, end: r.nextCounter })}</caption>
              <thead><tr><th scope="col">{t('contests.drawPage.slot')}</th><th scope="col">{t('contests.drawPage.prize')}</th><th scope="col">{t('contests.drawPage.pseudonym')}</th><th scope="col">{t('contests.drawPage.counter')}</th><th scope="col">{t('contests.drawPage.status')}</th></tr></thead>
              <tbody>
                {r.winners.map((w) => (
                  <tr><td>{w.slot + 1}</td><td>{w.prize}</td><td><code>{w.pseudonym ?? t('contests.drawPage.nobody')}</code></td><td>{w.counter ?? '—'}</td><td>{w.status ? t(`contests.drawPage.winStatus.${w.status}`) : '—'}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}

export function DrawPageView({ ctx, c, draw, notice, publicUrl }: { ctx: RequestContext; c: ContestView; draw: PublicDrawView; notice?: string | undefined; publicUrl: string }) {
  const { t, fmt } = ctx;
  const api = `/api/v1/contests/${c.id}`;
  const drawAt = new Date(c.drawAt);
  const list = draw.entryList;
  return (
    <article class="stack contest-doc">
      <p><a href={`/concours/${c.slug}`}>{t('contests.drawPage.back')}</a></p>
      <h1>{t('contests.drawPage.title', { contest: c.title })}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p class="lead">{t('contests.drawPage.intro')}</p>
      <dl class="caisse-details contest-details">
        <dt>{t('contests.drawPage.commitment')}</dt>
        <dd><code class="contest-hash">{draw.commitment}</code></dd>
        <dt>{t('contests.drawPage.seed')}</dt>
        <dd>{draw.seed ? <code class="contest-hash">{draw.seed}</code> : <span class="muted">{t('contests.drawPage.seedHidden')}</span>}</dd>
        <dt>{t('contests.drawPage.list')}</dt>
        <dd>{list ? <span class="contest-hash">{t('contests.drawPage.listSummary', { people: list.entries.length, entries: list.totalEntries, sha: list.sha256 })}</span> : <span class="muted">{t('contests.drawPage.listPending')}</span>}</dd>
      </dl>

      <section class="stack" aria-labelledby="winners-title">
        <h2 id="winners-title">{t('contests.drawPage.winners')}</h2>
        {draw.rounds.length ? <Rounds ctx={ctx} draw={draw} /> : <p>{t('contests.drawPage.notDrawn', { date: fmt.date(drawAt), time: timeLabel(drawAt, LOCALE_TAGS[ctx.locale]), place: c.drawPlace })}</p>}
        <p class="muted">{t('contests.drawPage.findYourself')}</p>
      </section>

      <section class="stack" aria-labelledby="files-title">
        <h2 id="files-title">{t('contests.drawPage.files')}</h2>
        <ul>
          <li><a href={`/concours/${c.slug}/tirage.json`} download>{t('contests.drawPage.fileDraw')}</a></li>
          {list ? <li><a href={`${api}/entry-list`} download>{t('contests.drawPage.fileList')}</a></li> : null}
          {list ? <li><a href={`${api}/entry-list.csv`} download>{t('contests.drawPage.fileCsv')}</a></li> : null}
        </ul>
        {list && list.entries.length ? (
          <details>
            <summary>{t('contests.drawPage.showList', { count: list.entries.length })}</summary>
            <div class="table-wrap" tabIndex={0} role="region" aria-label={t('contests.drawPage.listTable')}>
              <table>
                <caption>{t('contests.drawPage.listTable')}</caption>
                <thead><tr><th scope="col">{t('contests.drawPage.pseudonym')}</th><th scope="col">{t('contests.drawPage.entries')}</th></tr></thead>
                <tbody>{list.entries.map((e) => <tr><td><code>{e.pseudonym}</code></td><td>{e.entries}</td></tr>)}</tbody>
              </table>
            </div>
          </details>
        ) : null}
      </section>

      <section class="stack" aria-labelledby="how-title">
        <h2 id="how-title">{t('contests.drawPage.how', { version: draw.algorithm })}</h2>
        <ol>{STEPS.map((s) => <li>{t(`contests.drawPage.${s}`)}</li>)}</ol>
        <p><code class="contest-hash">{t('contests.drawPage.script', { url: `${publicUrl}${api}/draw` })}</code></p>
      </section>
    </article>
  );
}

export function ClaimPageView({ ctx, c, mine, values = {}, errors, notice }: { ctx: RequestContext; c: ContestView; mine: MyEntriesView; values?: Record<string, unknown>; errors?: FormErrors | undefined; notice?: string | undefined }) {
  const { t, fmt } = ctx;
  const win = mine.win;
  const labels = { answer: t('contests.claim.answer'), attest: t('contests.claim.attest') };
  const body = !win ? <p>{t('contests.claim.notWinner')}</p>
    : win.status === 'claimed' ? <Notice kind="success">{t('contests.claim.done', { prize: win.prize })}</Notice>
    : win.status !== 'notified' ? <Notice kind="warning">{t('contests.claim.closed')}</Notice>
    : (
      <section class="card stack" aria-labelledby="claim-form-title">
        <p class="lead" id="claim-form-title">{t('contests.claim.intro', { prize: win.prize })}</p>
        {win.claimDeadline ? <p>{t('contests.claim.deadline', { date: fmt.date(new Date(win.claimDeadline)) })}</p> : null}
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <form method="post" action={`/concours/${c.slug}/reclamer`} class="stack" noValidate>
          <CsrfField token={ctx.csrfToken} />
          <p><strong>{t('contests.claim.question', { question: c.skillQuestion })}</strong></p>
          <Field t={t} name="answer" label={labels.answer} hint={t('contests.claim.answerHint')} required inputMode="numeric" value={typeof values.answer === 'string' ? values.answer : ''} errors={errors} />
          <p class="muted">{t('contests.claim.attemptsLeft', { count: win.attemptsLeft })}</p>
          <Checkbox t={t} name="attest" label={labels.attest} checked={values.attest === 'on'} errors={errors} />
          <div class="form-actions"><button type="submit" class="button">{t('contests.claim.submit')}</button></div>
        </form>
      </section>
    );
  return (
    <article class="stack narrow">
      <p><a href={`/concours/${c.slug}`}>{t('contests.drawPage.back')}</a></p>
      <h1>{t('contests.claim.title', { contest: c.title })}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {body}
    </article>
  );
}
