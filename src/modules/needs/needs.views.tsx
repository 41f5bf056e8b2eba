import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.js';
import type { NeedKind, NeedUnit } from './needs.domain.js';
import { isOpenForHelp } from './needs.status.js';
import type { NeedView } from './needs.presenter.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale'>;

/** "10 h", "2 000,00 $", "3 unités". */
export function formatQuantity(ctx: Ctx, unit: NeedUnit, n: number): string {
  if (unit === 'cents') return ctx.fmt.money(n);
  return ctx.t(`needs.qty.${unit}`, { count: n });
}

/** "2026-06-01" → a date in the reader's language (dates without a time are civil dates). */
function formatDay(ctx: Ctx, day: string): string {
  return ctx.fmt.date(new Date(`${day}T12:00:00Z`));
}

/** The line that says how the help is given: paid or free expertise, a loan's terms, material lent or given. */
function needTerms(ctx: Ctx, need: NeedView): string | null {
  const { t, fmt } = ctx;
  if (need.kind === 'expertise') return need.paid && need.rateCents !== null ? t('needs.paid', { rate: fmt.money(need.rateCents) }) : t('needs.free');
  if (need.kind === 'loan' && need.loanTermMonths !== null) {
    const rate = !need.loanRateBps ? t('needs.interestFree') : t('needs.loanRate', { rate: fmt.number(need.loanRateBps / 100) });
    return t('needs.loanTerms', { count: need.loanTermMonths, rate });
  }
  if (need.kind === 'material') return need.materialMode === 'lend' && need.returnDate ? t('needs.lend', { date: formatDay(ctx, need.returnDate) }) : need.materialMode === 'give' ? t('needs.give') : null;
  return null;
}

/** Progress as a native <progress> named by the need's title, with the same words in text ("6 h sur 10 h"). */
function NeedProgressBar({ ctx, need, titleId }: { ctx: Ctx; need: NeedView; titleId: string }) {
  const { t } = ctx;
  const textId = `${titleId}-progress`;
  const done = formatQuantity(ctx, need.unit, need.progress.accepted);
  const total = formatQuantity(ctx, need.unit, need.quantity);
  return (
    <div class="need-progress">
      <progress max={100} value={need.progress.percent} aria-labelledby={`${titleId} ${textId}`}>{`${need.progress.percent} %`}</progress>
      <p id={textId} class="need-progress-text">
        {t('needs.progress', { done, total })}
        {need.progress.oversubscribed ? <> · <strong>{t('needs.oversubscribed')}</strong></> : null}
      </p>
      {need.progress.proposed > 0 ? <p class="muted need-proposed">{t('needs.proposed', { amount: formatQuantity(ctx, need.unit, need.progress.proposed) })}</p> : null}
      {need.status === 'pending' ? <p class="need-pending-hint">{t('needs.pendingHint')}</p> : null}
    </div>
  );
}

function NeedStatusBadge({ ctx, status }: { ctx: Ctx; status: NeedView['status'] }) {
  return <span class={`badge badge-need-${status}`}>{ctx.t(`needs.status.${status}`)}</span>;
}

/** One need on the project page: what, how much, on what terms, progress, and a way to help. */
function NeedItem({ ctx, need, canHelp, lang, askHandle = null, note }: { ctx: Ctx; need: NeedView; canHelp: boolean; lang: string | undefined; askHandle?: string | null; note?: ComponentChildren }) {
  const { t } = ctx;
  const titleId = `besoin-${need.id}`;
  const terms = needTerms(ctx, need);
  return (
    <li class="card need-card" id={`need-${need.id}`}>
      <p class="need-kind">
        <span class={`need-kind-label need-kind-${need.kind}`}>{t(`needs.kind.${need.kind}`)}</span> <NeedStatusBadge ctx={ctx} status={need.status} />
      </p>
      <h3 id={titleId} lang={lang}>{need.title}</h3>
      {need.description ? <p class="need-description" lang={lang}>{need.description}</p> : null}
      {terms ? <p class="need-terms">{terms}</p> : null}
      <NeedProgressBar ctx={ctx} need={need} titleId={titleId} />
      {note}
      {need.deadline ? <p class="muted need-deadline">{t('needs.deadline', { date: formatDay(ctx, need.deadline) })}</p> : null}
      {need.skills.length ? (
        <p class="need-skills">
          <span class="visually-hidden">{t('needs.skills')} : </span>
          <span class="tag-list" lang={lang}>{need.skills.map((s) => <span class="tag">{s}</span>)}</span>
        </p>
      ) : null}
      {canHelp && isOpenForHelp(need.status) && need.progress.available > 0 ? (
        <p>
          <a class="button" href={`/besoins/${need.id}/engagement`} aria-label={t('needs.helpFor', { title: need.title })}>{t('needs.help')}</a>
          {' '}
          <a href={`/besoins/${need.id}/qui-peut-aider`} aria-label={t('matching.page.title', { need: need.title })}>{t('matching.whoCouldHelp.title')}</a>
          {askHandle ? <>{' · '}<a href={`/messages/nouveau?a=${encodeURIComponent(askHandle)}&contexte=need:${need.id}`} aria-label={t('needs.askAbout', { title: need.title })}>{t('needs.ask')}</a></> : null}
        </p>
      ) : null}
    </li>
  );
}

/** `askHandle`: whom a signed-in visitor writes to with a question about a need (the promoter), if anyone. */
export function NeedList({ ctx, needs, canHelp, lang, askHandle = null, notes }: { ctx: Ctx; needs: NeedView[]; canHelp: boolean; lang: string | undefined; askHandle?: string | null; notes?: Readonly<Record<string, ComponentChildren>> }) {
  if (needs.length === 0) return <p class="muted">{ctx.t('needs.none')}</p>;
  return (
    <ul class="need-list">
      {needs.map((n) => <NeedItem ctx={ctx} need={n} canHelp={canHelp} lang={lang} askHandle={askHandle} note={notes?.[n.id]} />)}
    </ul>
  );
}

/** The summary chips of a project card: kinds of needs still asking for help. */
export function NeedChips({ ctx, needs }: { ctx: Ctx; needs: { kind: NeedKind; count: number }[] }) {
  if (needs.length === 0) return null;
  return (
    <ul class="tag-list need-chips" aria-label={ctx.t('needs.listTitle')}>
      {needs.map((n) => <li class={`tag need-chip need-kind-${n.kind}`}>{ctx.t('needs.chip', { count: n.count, kind: ctx.t(`needs.kind.${n.kind}`) })}</li>)}
    </ul>
  );
}
