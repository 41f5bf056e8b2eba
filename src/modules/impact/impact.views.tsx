import type { RequestContext } from '../../platform/http/context.js';
import type { ImpactSums, LedgerSums } from './impact.types.js';

type Figure = { key: string; value: string };
type Ctx = Pick<RequestContext, 't' | 'fmt'>;

/** The non-zero figures of a ledger sum, in the reader's language. */
function figuresOf(ctx: Ctx, sums: LedgerSums & Partial<Pick<ImpactSums, 'people' | 'projects'>>, showProjects: boolean): Figure[] {
  const { t, fmt } = ctx;
  const list: Figure[] = [];
  const count = (name: string, n: number | undefined) => {
    if (n && n > 0) list.push({ key: t(`impact.figures.${name}`, { count: n }), value: fmt.number(n) });
  };
  count('people', sums.people);
  count('hours', sums.hours);
  if (sums.fundedCents > 0) list.push({ key: t('impact.figures.funded'), value: fmt.money(sums.fundedCents) });
  if (sums.lentCents > 0) list.push({ key: t('impact.figures.lent'), value: fmt.money(sums.lentCents) });
  count('itemsLent', sums.itemsLent);
  count('itemsGiven', sums.itemsGiven);
  count('pledges', sums.pledges);
  if (showProjects) count('projects', sums.projects);
  return list;
}

function Stats({ list, planned }: { list: Figure[]; planned?: boolean }) {
  return (
    <ul class={planned ? 'stats stats-planned' : 'stats'}>
      {list.map((f) => (
        <li>
          <strong>{f.value}</strong> {f.key}
        </li>
      ))}
    </ul>
  );
}

/**
 * The impact figures of a project, a territory, a caisse or a person (from `impactFor`). Only
 * fulfilled help whose date has come is counted; help confirmed ahead of its date is listed apart
 * as planned. With nothing counted yet it says so. The host page decides the heading level.
 */
export function ImpactFigures({ ctx, figures, headingLevel = 2, showProjects = true, title }: { ctx: Ctx; figures: ImpactSums; headingLevel?: 2 | 3; showProjects?: boolean; title?: string }) {
  const { t } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const counted = figuresOf(ctx, figures, showProjects);
  const planned = figures.planned ? figuresOf(ctx, figures.planned, false) : [];
  return (
    <section class="impact-figures" aria-labelledby="impact-title">
      <Heading id="impact-title">{title ?? t('impact.title')}</Heading>
      {counted.length === 0 ? <p class="muted">{t('impact.empty')}</p> : (
        <>
          <p class="muted">{t('impact.intro')}</p>
          <Stats list={counted} />
        </>
      )}
      {planned.length ? (
        <div class="impact-planned">
          <Sub>{t('impact.planned.title')}</Sub>
          <p class="muted">{t('impact.planned.intro')}</p>
          <Stats list={planned} planned />
        </div>
      ) : null}
    </section>
  );
}

/** Whether there is anything to show: help counted or planned. */
export const hasImpact = (s: ImpactSums) => s.pledges > 0 || (s.planned?.pledges ?? 0) > 0;
