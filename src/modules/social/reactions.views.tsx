import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField } from '../../platform/views/forms.js';
import { REACTION_KINDS } from './social.domain.js';
import type { ReactionSummary } from './reactions.presenter.js';

type Ctx = Pick<RequestContext, 't' | 'csrfToken' | 'path'>;

/** The bar's HTML id; `scope` tells apart two bars of one target on a page (e.g. two feed cards of one project). */
export const reactionsAnchor = (s: Pick<ReactionSummary, 'targetType' | 'targetId'>, scope?: string) => `reactions-${s.targetType}-${s.targetId}${scope ? `-in-${scope}` : ''}`;
/** A scope as posted back by the bar's forms: letters, digits, `-` and `_` only. */
export const parseReactionScope = (v: unknown): string | undefined => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(v) ? v : undefined);

/**
 * The reactions of a project, update or comment. Members get one toggle button per kind
 * (`aria-pressed`), each a small form posting to `/reactions` (htmx swaps the bar in place);
 * visitors see the counts and, when `signInHref` is given, a link to sign in.
 */
export function ReactionsBar({ ctx, summary, canReact, returnTo, signInHref, compact, scope }: { ctx: Ctx; summary: ReactionSummary; canReact: boolean; returnTo: string; signInHref?: string | undefined; compact?: boolean; scope?: string | undefined }) {
  const { t } = ctx;
  const anchor = reactionsAnchor(summary, scope);
  if (!canReact) {
    const given = REACTION_KINDS.filter((k) => summary.counts[k] > 0);
    if (given.length === 0 && !signInHref) return null;
    return (
      <div class="reactions reactions-static" id={anchor}>
        {given.length ? (
          <ul class="reactions-counts" aria-label={t('reactions.label')}>
            {given.map((k) => <li>{t(`reactions.kinds.${k}`)} <span class="reaction-count">{summary.counts[k]}</span></li>)}
          </ul>
        ) : null}
        {signInHref ? <a href={signInHref} class="reactions-signin">{t('reactions.signIn')}</a> : null}
      </div>
    );
  }
  return (
    <div class={`reactions${compact ? ' reactions-compact' : ''}`} id={anchor} role="group" aria-label={t('reactions.label')}>
      {REACTION_KINDS.map((kind) => {
        const pressed = summary.mine.includes(kind);
        return (
          <form method="post" action="/reactions" hx-post="/reactions" hx-target={`#${anchor}`} hx-swap="outerHTML" class="reaction-form">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="targetType" value={summary.targetType} />
            <input type="hidden" name="targetId" value={summary.targetId} />
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="on" value={pressed ? '0' : '1'} />
            <input type="hidden" name="returnTo" value={returnTo} />
            {compact ? <input type="hidden" name="compact" value="1" /> : null}
            {scope ? <input type="hidden" name="scope" value={scope} /> : null}
            <button type="submit" id={`${anchor}-${kind}`} class={`reaction reaction-${kind}`} aria-pressed={pressed ? 'true' : 'false'}>
              <span>{t(`reactions.kinds.${kind}`)}</span> <span class="reaction-count">{summary.counts[kind]}</span>
            </button>
          </form>
        );
      })}
    </div>
  );
}
