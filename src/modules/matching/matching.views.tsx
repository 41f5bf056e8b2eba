import type { RequestContext } from '../../platform/http/context.js';
import { presentMatches, reasonText, type MatchView } from './matching.presenter.js';
import type { NeedMatches, NeedNearYou } from './matching.service.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale' | 'actor'>;

function MatchItem({ ctx, match }: { ctx: Ctx; match: MatchView }) {
  const { t } = ctx;
  return (
    <li class="match">
      <p class="match-name">
        {match.offer ? <a href={match.offer.url}>{match.offer.title}</a> : <a href={match.person.url}>{match.person.displayName}</a>}
        {match.offer ? <span class="muted"> — {match.organisation ? match.organisation.name : match.person.displayName}</span> : null}
      </p>
      <p class="match-reason">{match.reasonText}</p>
      {ctx.actor?.handle !== match.person.handle ? (
        <p class="match-contact"><a href={match.contactUrl}>{t('matching.contact', { name: match.person.displayName })}</a></p>
      ) : null}
    </li>
  );
}

/**
 * The "who could help" panel of a need (the project page places it; /besoins/:id/qui-peut-aider
 * shows it alone). `headingLevel` fits it under the surrounding headings.
 */
function WhoCouldHelp({ ctx, matches, headingLevel = 3 }: { ctx: Ctx; matches: NeedMatches; headingLevel?: 2 | 3 | 4 }) {
  const { t, locale } = ctx;
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  const items = presentMatches(matches, t, locale);
  const id = `qui-peut-aider-${matches.need.id}`;
  return (
    <section class="who-could-help" aria-labelledby={id}>
      <Heading id={id}>{t('matching.whoCouldHelp.title')}</Heading>
      {items.length ? (
        <ol class="match-list">{items.map((m) => <MatchItem ctx={ctx} match={m} />)}</ol>
      ) : (
        <p class="muted">{t('matching.whoCouldHelp.empty')} <a href="/offres">{t('matching.whoCouldHelp.browseOffers')}</a></p>
      )}
    </section>
  );
}

/** The page behind a need's "who could help" link (reachable without JavaScript). */
export function WhoCouldHelpPage({ ctx, matches }: { ctx: RequestContext; matches: NeedMatches }) {
  const { t } = ctx;
  return (
    <div class="stack narrow who-could-help-page">
      <p><a href={`/projets/${matches.need.projectId}#need-${matches.need.id}`}>← {matches.need.projectTitle}</a></p>
      <h1>{t('matching.page.title', { need: matches.need.title })}</h1>
      <p class="lead">{t('matching.page.intro')}</p>
      <WhoCouldHelp ctx={ctx} matches={matches} headingLevel={2} />
    </div>
  );
}

/** "Needs near you that match your skills" on a person's own page (/moi places it). */
export function NeedsNearYou({ ctx, needs, headingLevel = 2 }: { ctx: Ctx; needs: NeedNearYou[]; headingLevel?: 2 | 3 }) {
  const { t, fmt, locale } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="needs-near-you" aria-labelledby="besoins-pres-de-vous">
      <Heading id="besoins-pres-de-vous">{t('matching.nearYou.title')}</Heading>
      {needs.length ? (
        <ul class="match-list">
          {needs.map((n) => (
            <li class="match">
              <p class="match-name"><a href={`/projets/${n.project.id}#need-${n.id}`}>{n.title}</a> <span class="muted">— {n.project.title}</span></p>
              <p class="match-reason">
                {t(`needs.kind.${n.kind}`)} · {reasonText(t, locale, n.reason)}
                {n.deadline ? <> · {t('matching.nearYou.deadline', { date: fmt.date(new Date(`${n.deadline}T12:00:00Z`)) })}</> : null}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('matching.nearYou.empty')} <a href="/moi/profil">{t('matching.nearYou.addSkills')}</a></p>
      )}
    </section>
  );
}
