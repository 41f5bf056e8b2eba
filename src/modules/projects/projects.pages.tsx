import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendFragment, sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { canCreateProject } from './projects.policy.js';
import { createProject, projectPlaceOptions } from './projects.service.js';
import { listMyProjects, listProjects, type ProjectPage as CardsPage } from './projects.list.service.js';
import { projectPageData } from './projects.page.service.js';
import { saveToBoardSection } from '../boards/boards.service.js';
import { SaveToBoard } from '../boards/boards.views.js';
import { postUpdate } from './projects.updates.service.js';
import { ZCreateProjectBody, ZProjectListQuery, ZProjectParams, ZUpdateBody, type TProjectListQuery } from './projects.schemas.js';
import { MoreLink, ProjectCards, ProjectListPage } from './projects.views.js';
import { CreateProjectPage } from './projects.form.views.js';
import { ProjectHead, ProjectPage, type ProjectPageData } from './projects.page.views.js';

/** Filters from the address bar; a value that does not parse is dropped rather than refused. */
function readFilters(query: unknown): TProjectListQuery {
  const raw = { ...(query as Record<string, unknown>) };
  const first = ZProjectListQuery.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  return ZProjectListQuery.parse(raw);
}

function addressOf(base: string, query: TProjectListQuery, cursor: string): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'territory', 'category', 'needKind', 'status'] as const) if (query[key]) params.set(key, query[key]);
  if (query.limit !== ZProjectListQuery.shape.limit.parse(undefined)) params.set('limit', String(query.limit));
  params.set('cursor', cursor);
  return `${base}?${params.toString()}`;
}

/** The list, forgiving a stale or hand-edited cursor by starting over. */
async function cardsFor(request: FastifyRequest, query: TProjectListQuery, deps: Parameters<typeof listProjects>[0]): Promise<CardsPage> {
  try {
    return await listProjects(deps, request.ctx.locale, query);
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && query.cursor) return listProjects(deps, request.ctx.locale, { ...query, cursor: undefined });
    throw err;
  }
}

const nextLinks = (query: TProjectListQuery, cursor: string | null) => (cursor ? { href: addressOf('/projets', query, cursor), fragment: addressOf('/projets/cartes', query, cursor) } : null);

/** Public pages: the grid with its filters, creating a project, a project's page and its preview. */
export const projectsPages: Module = async (app, { deps }) => {
  app.get('/projets', async (request, reply) => {
    const query = readFilters(request.query);
    const { limit: _l, cursor: _c, ...filters } = query;
    const actor = request.ctx.actor;
    const [cards, places, mine] = await Promise.all([cardsFor(request, query, deps), projectPlaceOptions(deps, request.ctx.locale), actor && !query.cursor ? listMyProjects(deps, actor, request.ctx.locale) : []]);
    const data = { filters, places, cards: cards.items, next: nextLinks(query, cards.nextCursor), mine, canCreate: canCreateProject(actor) };
    return sendPage(request, reply, <ProjectListPage ctx={request.ctx} data={data} />, { nav: 'projects', title: request.ctx.t('projects.list.title'), description: request.ctx.t('projects.list.intro'), noindex: query.cursor !== undefined || filters.q !== undefined });
  });

  /** The next cards for htmx: appended to the grid; the "more" link is replaced out of band. */
  app.get('/projets/cartes', async (request, reply) => {
    const query = readFilters(request.query);
    const cards = await cardsFor(request, query, deps);
    return sendFragment(reply, <><ProjectCards ctx={request.ctx} cards={cards.items} /><MoreLink ctx={request.ctx} next={nextLinks(query, cards.nextCursor)} loaded oob /></>);
  });

  const createForm = async (request: FastifyRequest, reply: FastifyReply, state: FormState<Record<string, unknown>>, status = 200) => {
    const places = await projectPlaceOptions(deps, request.ctx.locale);
    const page = <CreateProjectPage ctx={request.ctx} values={state.values} errors={state.errors} places={places} canCreate={canCreateProject(request.ctx.actor)} />;
    return sendPage(request, reply, page, { title: request.ctx.t('projects.create.title'), status, noindex: true });
  };

  app.get('/projets/nouveau', async (request, reply) => {
    requireActor(request);
    return createForm(request, reply, { values: { language: request.ctx.locale } });
  });

  app.post('/projets/nouveau', async (request, reply) =>
    handleForm(request, reply, ZCreateProjectBody,
      async (input) => {
        const id = await createProject(deps, request.ctx.actor, input);
        return reply.redirect(`/projets/${id}/modifier?fait=cree`, 303);
      },
      (state, status) => createForm(request, reply, state, status),
    ),
  );

  async function projectPage(request: FastifyRequest, reply: FastifyReply, o: { preview: boolean; notice?: string | undefined; wantsToHelp?: boolean; updateForm?: ProjectPageData['updateForm']; status?: number }) {
    const { id } = parseInput(ZProjectParams, request.params);
    const data = await projectPageData(deps, request.ctx.actor, id, request.ctx.locale, o.preview);
    const save = data.isPublic && !o.preview ? await saveToBoardSection(deps, request.ctx.actor, 'project', id, data.project.url) : null;
    const page = <><ProjectPage ctx={request.ctx} data={{ ...data, notice: o.notice, wantsToHelp: o.wantsToHelp, updateForm: o.updateForm }} />{save ? <SaveToBoard ctx={request.ctx} data={save} /> : null}</>;
    return sendPage(request, reply, page, {
      title: data.project.title,
      description: data.project.summary,
      noindex: !data.isPublic || o.preview,
      head: <ProjectHead project={data.project} permalink={data.permalink} publicUrl={deps.config.publicUrl} locale={request.ctx.locale} />,
      status: o.status ?? 200,
    });
  }

  app.get('/projets/:id', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const posted = query.fait === 'nouvelle';
    return projectPage(request, reply, { preview: false, notice: posted ? request.ctx.t('projects.updates.posted') : undefined, wantsToHelp: query.aide === '1' && request.ctx.actor !== null });
  });

  app.get('/projets/:id/apercu', async (request, reply) => projectPage(request, reply, { preview: true }));

  app.post('/projets/:id/nouvelles', async (request, reply) => {
    const { id } = parseInput(ZProjectParams, request.params);
    return handleForm(request, reply, ZUpdateBody,
      async (input) => {
        await postUpdate(deps, request.ctx.actor, id, input);
        return reply.redirect(`/projets/${id}?fait=nouvelle#nouvelles`, 303);
      },
      (state, status) => projectPage(request, reply, { preview: false, updateForm: state, status }),
    );
  });
};
