import type { RequestContext } from '../../platform/http/context.js';
import type { CaissePublicSections } from './caisse-space.service.js';

/** The public caisse page's sections: team, sponsored projects, partners and delegates. */
export function CaissePublicSectionsView({ ctx, slug, sections, can }: { ctx: RequestContext; slug: string; sections: CaissePublicSections; can: { staffSpace: boolean } }) {
  const { t, fmt } = ctx;
  return (
    <>
      {can.staffSpace ? <p><a class="button button-secondary" href={`/caisses/${slug}/espace`}>{t('caisseSpace.link')}</a></p> : null}
      <section aria-labelledby="caisse-staff">
        <h2 id="caisse-staff">{t('caissePublic.staff')}</h2>
        {sections.staff.length ? <ul class="inline-list">{sections.staff.map((p) => <li><a href={`/membres/${p.handle}`}>{p.displayName}</a></li>)}</ul> : <p class="muted">{t('caissePublic.noStaff')}</p>}
      </section>
      <section aria-labelledby="caisse-sponsored">
        <h2 id="caisse-sponsored">{t('caissePublic.sponsored')}</h2>
        {sections.sponsored.length ? (
          <ul>{sections.sponsored.map((p) => <li><a href={`/projets/${p.id}`}>{p.title}</a> — {p.territory.name}</li>)}</ul>
        ) : <p class="muted">{t('caissePublic.noSponsored')}</p>}
      </section>
      <section aria-labelledby="caisse-partners">
        <h2 id="caisse-partners">{t('caissePublic.partners')}</h2>
        {sections.partners.length ? (
          <ul>{sections.partners.map((p) => <li><a href={`/organisations/${p.slug}`}>{p.name}</a> — {t(`organisations.kind.${p.kind}`)}</li>)}</ul>
        ) : <p class="muted">{t('caissePublic.noPartners')}</p>}
      </section>
      <section aria-labelledby="caisse-delegates">
        <h2 id="caisse-delegates">{t('caissePublic.delegates')}</h2>
        {sections.delegates.length ? (
          <ul>
            {sections.delegates.map((d) => (
              <li><a href={`/membres/${d.handle}`}>{d.displayName}</a>{d.territory ? ` — ${d.territory.name}` : ''}{d.termEnd ? ` (${t('caissePublic.termUntil', { date: fmt.date(new Date(d.termEnd)) })})` : ''}</li>
            ))}
          </ul>
        ) : <p class="muted">{t('caissePublic.noDelegates')}</p>}
        <p><a href={`/caisses/${slug}/delegues`}>{t('caissePublic.becomeDelegate')}</a></p>
      </section>
      <section aria-labelledby="caisse-contests">
        <h2 id="caisse-contests">{t('contests.space.title')}</h2>
        <p><a href="/concours">{t('contests.space.list')}</a></p>
      </section>
    </>
  );
}
