import type { RequestContext } from '../../platform/http/context.js';
import type { ImpactSums } from './impact.types.js';

type Figure = { key: string; value: string };

/**
 * The impact figures of a project, a territory or a caisse (from `impactFor`). Only what happened
 * is listed; with nothing confirmed yet it says so. The host page decides the heading level.
 */
export function ImpactFigures({ ctx, figures, headingLevel = 2, showProjects = true }: { ctx: Pick<RequestContext, 't' | 'fmt'>; figures: ImpactSums; headingLevel?: 2 | 3; showProjects?: boolean }) {
  const { t, fmt } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const list: Figure[] = [];
  const count = (name: keyof ImpactSums, n: number) => {
    if (n > 0) list.push({ key: t(`impact.figures.${name}`, { count: n }), value: fmt.number(n) });
  };
  count('people', figures.people);
  count('hours', figures.hours);
  if (figures.fundedCents > 0) list.push({ key: t('impact.figures.funded'), value: fmt.money(figures.fundedCents) });
  if (figures.lentCents > 0) list.push({ key: t('impact.figures.lent'), value: fmt.money(figures.lentCents) });
  count('itemsLent', figures.itemsLent);
  count('itemsGiven', figures.itemsGiven);
  count('pledges', figures.pledges);
  if (showProjects) count('projects', figures.projects);
  return (
    <section class="impact-figures" aria-labelledby="impact-title">
      <Heading id="impact-title">{t('impact.title')}</Heading>
      {list.length === 0 ? (
        <p class="muted">{t('impact.empty')}</p>
      ) : (
        <>
          <p class="muted">{t('impact.intro')}</p>
          <ul class="stats">
            {list.map((f) => (
              <li>
                <strong>{f.value}</strong> {f.key}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
