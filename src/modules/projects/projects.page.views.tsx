import type { RequestContext } from '../../platform/http/context.js';
import { FollowButton, followProps } from '../social/follows.views.js';
import type { FollowState } from '../social/follows.presenter.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { CsrfField, ErrorSummary, Field, Notice, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { NeedList } from '../needs/needs.views.js';
import type { NeedView } from '../needs/needs.presenter.js';
import type { ProjectAbilities } from './projects.policy.js';
import type { ProjectImageView, ProjectUpdateView, ProjectView } from './projects.presenter.js';
import { StatusBadge } from './projects.views.js';
import { ProjectSupporters } from '../pledges/pledges.supporters.views.js';
import type { SupporterEntry } from '../pledges/pledges.queries.service.js';
import { hasImpact, ImpactFigures } from '../impact/impact.views.js';
import { HiddenBanner, ReportLink } from '../moderation/moderation.views.js';
import type { ImpactSums } from '../impact/impact.types.js';
import { ProjectComments, ProjectReactions, UpdateDiscussion, type ProjectDiscussion } from '../social/comments.views.js';
import { ProjectHelpersList, WantsToHelpNotice } from './projects.helpers.views.js';
import type { ProjectHelpers } from './projects.helpers.service.js';
import type { CampaignPage } from '../crowdfunding/crowdfunding.service.js';
import { CampaignCard, CampaignNeedShare } from '../crowdfunding/crowdfunding.views.js';

export type ProjectPageData = {
  project: ProjectView;
  needs: NeedView[];
  updates: ProjectUpdateView[];
  supporters: SupporterEntry[];
  impact: ImpactSums;
  can: ProjectAbilities & { help: boolean };
  /** The /apercu view: the page as the public will see it, with a banner and no team controls. */
  preview: boolean;
  isPublic: boolean;
  /** Absolute address of the page (share link, Open Graph). */
  permalink: string;
  /** Whether the viewer follows the project, and how many people do (a public project only). */
  follow?: FollowState | undefined;
  notice?: string | undefined;
  /** Reactions and comments (null on a project that takes none, and in preview). */
  discussion?: ProjectDiscussion | null | undefined;
  /** Who pressed "I want to help" (the team only). */
  helpers?: ProjectHelpers | undefined;
  /** The published calls for projects this project won (lauréat badges, call-reviews module). */
  laureates?: { slug: string; title: string; amountCents: number }[] | undefined;
  /** Landed here from "I want to help": thank them and point to the open needs. */
  wantsToHelp?: boolean | undefined;
  updateForm?: { values: Record<string, unknown>; errors?: FormErrors | undefined } | undefined;
  /** The linked crowdfunding campaign (crowdfunding module) and its share on the funding needs. */
  campaign?: CampaignPage | undefined;
};

/** The cover spans the content column: 70 rem on wide screens, the viewport minus the page's padding on phones. */
const COVER_SIZES = '(min-width: 72rem) 70rem, calc(100vw - 2rem)';

function Cover({ image }: { image: ProjectImageView }) {
  return (
    <figure class="project-cover">
      <img src={image.src} srcset={image.srcset} sizes={COVER_SIZES} width={image.width} height={image.height} alt={image.alt} fetchpriority="high" />
    </figure>
  );
}

function UpdateForm({ ctx, projectId, state }: { ctx: RequestContext; projectId: string; state: ProjectPageData['updateForm'] }) {
  const { t } = ctx;
  const values = state?.values ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const labels = { title: t('projects.updates.title'), body: t('projects.updates.body') };
  return (
    <form method="post" action={`/projets/${projectId}/nouvelles`} novalidate class="stack card project-update-form">
      <h3>{t('projects.updates.formTitle')}</h3>
      <ErrorSummary t={t} errors={state?.errors} labels={labels} />
      <CsrfField token={ctx.csrfToken} />
      <Field t={t} name="title" label={labels.title} value={str(values.title)} errors={state?.errors} required maxLength={140} />
      <TextArea t={t} name="body" label={labels.body} value={str(values.body)} errors={state?.errors} required rows={5} hint={t('projects.updates.bodyHint')} />
      <button type="submit" class="button">{t('projects.updates.submit')}</button>
    </form>
  );
}

/** The project page: cover and gallery, who and where, the description, needs with progress, news, sharing. */
/** The campaign's money under each funding need it counts on. */
function campaignNotes(ctx: RequestContext, page: CampaignPage | undefined) {
  const campaign = page?.campaign;
  if (!campaign) return undefined;
  return Object.fromEntries(page.needShares.map((s) => [s.needId, <CampaignNeedShare ctx={ctx} campaign={campaign} cents={s.cents} />]));
}

export function ProjectPage({ ctx, data }: { ctx: RequestContext; data: ProjectPageData }) {
  const { t, fmt } = ctx;
  const { project, can, preview } = data;
  const lang = project.language !== ctx.locale ? LOCALE_TAGS[project.language] : undefined;
  const cover = project.images.find((i) => i.cover);
  const gallery = project.images.filter((i) => !i.cover);
  const controls = can.edit && !preview;
  const mail = `mailto:?subject=${encodeURIComponent(t('projects.page.shareSubject', { title: project.title }))}&body=${encodeURIComponent(data.permalink)}`;
  return (
    <article class="project-page stack">
      {preview ? (
        <div class="notice notice-warning project-preview-banner" role="status">
          <p>{t('projects.page.preview')} <a href={`/projets/${project.id}/modifier`}>{t('projects.page.backToEdit')}</a></p>
        </div>
      ) : !data.isPublic ? (
        <Notice kind="warning">{t('projects.page.notPublic', { status: t(`projects.status.${project.status}`) })}</Notice>
      ) : null}
      {project.hidden ? <HiddenBanner ctx={ctx} reason={project.hidden.reason} /> : null}
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <header class="project-header">
        <p class="project-kicker"><StatusBadge ctx={ctx} status={project.status} /> <span class="muted">{t(`projects.category.${project.category}`)}</span>
          {(data.laureates ?? []).map((l) => <> <a class="badge badge-laureate" href={`/appels/${l.slug}/resultats`}>{t('callReviews.badgeOf', { call: l.title, amount: fmt.money(l.amountCents) })}</a></>)}</p>
        <h1 lang={lang}>{project.title}</h1>
        <p class="lead" lang={lang}>{project.summary}</p>
        <dl class="project-facts">
          <div><dt>{t('projects.page.by')}</dt><dd><a href={`/membres/${project.promoter.handle}`}>{project.promoter.displayName}</a></dd></div>
          <div><dt>{t('projects.page.territory')}</dt><dd><a href={`/territoires/${project.territory.slug}`}>{project.territory.name}</a></dd></div>
          {project.caisse ? <div><dt>{t('projects.page.caisse')}</dt><dd><a href={`/caisses/${project.caisse.slug}`}>{project.caisse.name}</a></dd></div> : null}
        </dl>
        {data.follow && !preview ? <FollowButton {...followProps(ctx, data.follow, project.title)} /> : null}
        {project.publishedAt ? <p class="muted project-published">{t('projects.page.publishedOn', { date: fmt.date(new Date(project.publishedAt)) })}</p> : null}
        {controls ? <p><a class="button button-secondary" href={`/projets/${project.id}/modifier`}>{t('projects.page.edit')}</a></p> : null}
        {can.report && !preview ? <p class="project-report"><ReportLink ctx={ctx} type="project" id={project.id} /></p> : null}
        {!can.edit && !preview && can.transitions.length ? <p><a class="button button-secondary" href={`/projets/${project.id}/modifier#statut`}>{t('projects.page.manage')}</a></p> : null}
      </header>
      <ProjectReactions ctx={ctx} discussion={data.discussion} />
      {cover ? <Cover image={cover} /> : null}
      {data.campaign?.campaign ? (
        <CampaignCard ctx={ctx} campaign={data.campaign.campaign} can={preview ? { manage: false, confirm: false, match: false } : data.campaign.can} projectId={project.id} />
      ) : controls && data.campaign?.can.manage ? (
        <p><a class="button button-secondary" href={`/projets/${project.id}/campagne`}>{t('crowdfunding.linkCta')}</a></p>
      ) : null}
      <div class="two-columns project-columns">
        <section aria-labelledby="project-about">
          <h2 id="project-about">{t('projects.page.about')}</h2>
          <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(project.description || project.summary) }} />
        </section>
        <section aria-labelledby="project-needs" id="besoins">
          <h2 id="project-needs">{t('needs.listTitle')}</h2>
          {data.wantsToHelp ? <WantsToHelpNotice ctx={ctx} openNeeds={data.needs.filter((n) => (n.status === 'open' || n.status === 'partly_met') && n.progress.available > 0).length} /> : null}
          <NeedList ctx={ctx} needs={data.needs} canHelp={can.help} lang={lang} askHandle={ctx.actor && ctx.actor.handle !== project.promoter.handle ? project.promoter.handle : null} notes={campaignNotes(ctx, data.campaign)} />
        </section>
      </div>
      {data.helpers ? <ProjectHelpersList ctx={ctx} helpers={data.helpers} /> : null}
      {data.isPublic ? <ProjectSupporters ctx={ctx} supporters={data.supporters} /> : null}
      {data.isPublic && hasImpact(data.impact) ? <ImpactFigures ctx={ctx} figures={data.impact} showProjects={false} /> : null}
      {gallery.length ? (
        <section aria-labelledby="project-gallery">
          <h2 id="project-gallery">{t('projects.page.gallery')}</h2>
          <ul class="project-gallery">
            {gallery.map((i) => <li><img src={i.src} srcset={i.srcset} sizes="(min-width: 48rem) 22rem, 100vw" width={i.width} height={i.height} alt={i.alt} loading="lazy" decoding="async" /></li>)}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="project-updates" id="nouvelles">
        <h2 id="project-updates">{t('projects.page.updates')}</h2>
        {data.updates.length === 0 ? <p class="muted">{t('projects.page.noUpdates')}</p> : (
          <ol class="project-updates">
            {data.updates.map((u) => (
              <li>
                <article class="project-update" id={`nouvelle-${u.id}`}>
                  {u.hidden ? <HiddenBanner ctx={ctx} reason={u.hidden.reason} /> : null}
                  <h3 lang={lang}>{u.title}</h3>
                  <p class="muted"><time datetime={u.createdAt}>{fmt.date(new Date(u.createdAt))}</time>{u.author ? <> · {t('projects.page.byAuthor', { name: u.author.displayName })}</> : null}{can.report && !preview ? <> · <ReportLink ctx={ctx} type="update" id={u.id} /></> : null}</p>
                  <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(u.body) }} />
                  <UpdateDiscussion ctx={ctx} discussion={data.discussion} updateId={u.id} />
                </article>
              </li>
            ))}
          </ol>
        )}
        {controls && can.postUpdate ? <UpdateForm ctx={ctx} projectId={project.id} state={data.updateForm} /> : null}
      </section>
      <ProjectComments ctx={ctx} discussion={data.discussion} />
      <section aria-labelledby="project-team">
        <h2 id="project-team">{t('projects.page.team')}</h2>
        <ul class="inline-list">
          {project.team.map((m) => <li><a href={`/membres/${m.handle}`}>{m.displayName}</a> <span class="muted">({t(`projects.edit.roles.${m.role}`)})</span></li>)}
        </ul>
      </section>
      {data.isPublic ? (
        <section aria-labelledby="project-share">
          <h2 id="project-share">{t('projects.page.share')}</h2>
          <p>{t('projects.page.permalink')} : <a href={data.permalink} class="project-permalink">{data.permalink}</a></p>
          <p><a class="button button-secondary" href={mail}>{t('projects.page.shareByEmail')}</a></p>
        </section>
      ) : null}
    </article>
  );
}

/** Open Graph tags of a project page, for link previews when it is shared. */
export function ProjectHead({ project, permalink, publicUrl, locale }: { project: ProjectView; permalink: string; publicUrl: string; locale: 'fr' | 'en' }) {
  const cover = project.images.find((i) => i.cover);
  return (
    <>
      <link rel="canonical" href={permalink} />
      {/* The cover is the page's largest paint: fetch it with the HTML, before the stylesheet (mobile LCP, docs/performance.md). */}
      {cover ? <link rel="preload" as="image" href={cover.src} imageSrcSet={cover.srcset} {...{ imagesizes: COVER_SIZES }} fetchpriority="high" /> : null}
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content="Espace Collectif" />
      <meta property="og:title" content={project.title} />
      <meta property="og:description" content={project.summary} />
      <meta property="og:url" content={permalink} />
      <meta property="og:locale" content={locale === 'en' ? 'en_CA' : 'fr_CA'} />
      {cover ? <meta property="og:image" content={`${publicUrl}${cover.src}`} /> : null}
      {cover ? <meta property="og:image:width" content={String(cover.width)} /> : null}
      {cover ? <meta property="og:image:height" content={String(cover.height)} /> : null}
      {cover ? <meta property="og:image:alt" content={cover.alt} /> : null}
      <meta name="twitter:card" content={cover ? 'summary_large_image' : 'summary'} />
    </>
  );
}
