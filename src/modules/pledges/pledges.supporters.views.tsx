import type { RequestContext } from '../../platform/http/context.js';
import type { SupporterEntry } from './pledges.queries.service.js';
import { describeQuantity } from './pledges.quantity.js';
import { HonourBadge, StatusBadge } from './pledges.parts.views.js';

/**
 * The supporters of a project, for its page (from `supportersFor`): accepted and fulfilled pledges,
 * named as each supporter chose, organisations flagged "on their honour".
 */
export function ProjectSupporters({ ctx, supporters, headingLevel = 2 }: { ctx: Pick<RequestContext, 't' | 'fmt' | 'csrfToken' | 'locale'>; supporters: SupporterEntry[]; headingLevel?: 2 | 3 }) {
  const { t, fmt } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="project-supporters" aria-labelledby="soutiens">
      <Heading id="soutiens">{t('pledges.supporters.title')}</Heading>
      {supporters.length === 0 ? (
        <p class="muted">{t('pledges.supporters.empty')}</p>
      ) : (
        <ul class="supporter-list">
          {supporters.map((s) => (
            <li>
              <span class="supporter-name">
                {s.organisation ? <strong><a href={`/organisations/${s.organisation.slug}`}>{s.organisation.name}</a></strong> : s.person ? <a href={`/membres/${s.person.handle}`}>{s.person.displayName}</a> : t('pledges.neighbour')}
              </span>{' '}
              {s.onHonour ? <HonourBadge ctx={ctx} /> : null} <StatusBadge ctx={ctx} status={s.status} />
              <br />
              <span class="muted">{t('pledges.supporters.pledge', { quantity: describeQuantity(t, fmt, s.unit, s.quantity), need: s.needTitle })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
