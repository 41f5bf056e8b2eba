import type { RequestContext } from '../../platform/http/context.js';
import { helpersAnchor, type ProjectHelpers } from './projects.helpers.service.js';

type Ctx = Pick<RequestContext, 't' | 'fmt'>;

/** For the project team: who pressed "I want to help", newest first, each with a way to write to them. */
export function ProjectHelpersList({ ctx, helpers }: { ctx: Ctx; helpers: ProjectHelpers }) {
  const { t, fmt } = ctx;
  const more = helpers.count - helpers.people.length;
  return (
    <section aria-labelledby={`${helpersAnchor}-title`} id={helpersAnchor} class="card project-helpers">
      <h2 id={`${helpersAnchor}-title`}>{t('projectHelpers.title')} <span class="muted">({t('projectHelpers.count', { count: helpers.count })})</span></h2>
      {helpers.count === 0 ? <p class="muted">{t('projectHelpers.none')}</p> : (
        <>
          <p class="muted">{t('projectHelpers.intro')}</p>
          <ul class="project-helpers-list">
            {helpers.people.map((h) => (
              <li>
                <a href={`/membres/${h.handle}`}>{h.displayName}</a> <span class="muted">{t('projectHelpers.since', { date: fmt.date(new Date(h.since)) })}</span>
                {' · '}<a href={`/messages/nouveau?a=${encodeURIComponent(h.handle)}`} aria-label={t('projectHelpers.writeTo', { name: h.displayName })}>{t('projectHelpers.write')}</a>
              </li>
            ))}
          </ul>
          {more > 0 ? <p class="muted">{t('projectHelpers.more', { count: more })}</p> : null}
        </>
      )}
    </section>
  );
}

/** Where "I want to help" lands, above the needs: the team was told; pick a need (or there is none yet). */
export function WantsToHelpNotice({ ctx, openNeeds }: { ctx: Ctx; openNeeds: number }) {
  const { t } = ctx;
  return (
    <div class="notice notice-success wants-to-help-notice" role="status">
      <p><strong>{t('projectHelpers.thanks')}</strong></p>
      <p>{t(openNeeds > 0 ? 'projectHelpers.needs' : 'projectHelpers.noNeeds')}</p>
    </div>
  );
}
