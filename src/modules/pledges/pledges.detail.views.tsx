import type { RequestContext } from '../../platform/http/context.js';
import { Notice } from '../../platform/views/forms.js';
import type { PledgeAbilities } from './pledges.policy.js';
import type { PledgeDetail } from './pledges.types.js';
import type { presentEvent } from './pledges.presenter.js';
import { commitmentOf, HonourBadge, PledgeActions, StatusBadge, SupporterName, waitingNote, type ActionErrors } from './pledges.parts.views.js';

type EventView = ReturnType<typeof presentEvent>;

function eventText(ctx: RequestContext, e: EventView): string {
  const actor = e.actor?.displayName ?? ctx.t(e.toStatus === 'lapsed' ? 'pledges.detail.system' : 'pledges.detail.someone');
  return ctx.t(`pledges.event.${e.toStatus}`, { actor, defaultValue: e.toStatus });
}

/** One pledge: both parties, what was committed, on-honour flag, confirmations, actions and history. */
export function PledgeDetailPage({ ctx, p, can, events, side, contact = null, notice, error = null }: { ctx: RequestContext; p: PledgeDetail; can: PledgeAbilities; events: EventView[]; side: 'supporter' | 'team' | 'observer'; contact?: { handle: string; displayName: string } | null; notice: string | null; error?: ActionErrors }) {
  const { t, fmt } = ctx;
  const note = side === 'observer' ? null : waitingNote(ctx, can, side);
  const returnTo = `/engagements/${p.id}`;
  return (
    <article class="pledge-detail">
      <h1>{t('pledges.detail.title', { need: p.need.title })}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <p class="pledge-meta">
        <StatusBadge ctx={ctx} status={p.status} /> {p.onHonour ? <HonourBadge ctx={ctx} /> : null}
      </p>
      {p.organisation ? <p><strong>{t('pledges.onBehalf', { organisation: p.organisation.name })}</strong></p> : null}
      <p class="lead pledge-sentence">{commitmentOf(ctx, p)}</p>
      <div class="two-columns">
        <div>
          <section aria-labelledby="parties">
            <h2 id="parties">{t('pledges.detail.parties')}</h2>
            <dl class="pledge-facts">
              <dt>{t('pledges.detail.supporter')}</dt>
              <dd><SupporterName ctx={ctx} p={p} /></dd>
              <dt>{t('pledges.detail.project')}</dt>
              <dd><a href={`/projets/${p.project.id}`}>{p.project.title}</a></dd>
              <dt>{t('pledges.detail.need')}</dt>
              <dd>{p.need.title}</dd>
            </dl>
            {contact ? <p><a class="button button-secondary" href={`/messages/nouveau?a=${encodeURIComponent(contact.handle)}&contexte=pledge:${p.id}`}>{t('pledges.detail.write', { name: contact.displayName })}</a></p> : null}
          </section>
          {p.message ? (
            <section aria-labelledby="message">
              <h2 id="message">{t('pledges.detail.message')}</h2>
              <p class="pledge-message">{p.message}</p>
            </section>
          ) : null}
          {p.reason ? (
            <section aria-labelledby="raison">
              <h2 id="raison">{t('pledges.detail.reason')}</h2>
              <p class="pledge-message">{p.reason}</p>
            </section>
          ) : null}
          {p.status === 'accepted' || p.status === 'fulfilled' ? (
          <section aria-labelledby="confirmations">
            <h2 id="confirmations">{t('pledges.detail.confirmations')}</h2>
            <ul class="pledge-confirmations">
              <li>{p.promoterConfirmedAt ? t('pledges.detail.promoterConfirmed', { date: fmt.dateTime(p.promoterConfirmedAt) }) : t('pledges.detail.promoterNotYet')}</li>
              <li>{p.supporterConfirmedAt ? t('pledges.detail.supporterConfirmed', { date: fmt.dateTime(p.supporterConfirmedAt) }) : t('pledges.detail.supporterNotYet')}</li>
            </ul>
            {note ? <p class="pledge-waiting">{note}</p> : null}
          </section>
          ) : null}
        </div>
        <div>
          {can.accept || can.decline || can.withdraw || can.confirmFulfilled ? (
            <section aria-labelledby="actions" class="card">
              <h2 id="actions">{t('pledges.detail.actions')}</h2>
              <PledgeActions ctx={ctx} p={p} can={can} returnTo={returnTo} error={error} />
            </section>
          ) : null}
          <section aria-labelledby="historique">
            <h2 id="historique">{t('pledges.detail.history')}</h2>
            <ol class="pledge-history">
              {events.map((e) => (
                <li>
                  <time datetime={e.createdAt}>{fmt.dateTime(new Date(e.createdAt))}</time> — {eventText(ctx, e)}
                  {e.note ? <p class="pledge-message">{e.note}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </article>
  );
}
