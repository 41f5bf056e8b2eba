/**
 * Authorisation matrix: every staff, admin, moderation, project-approval, board-curation and
 * caisse-edit route (JSON API and HTML), asked by each kind of actor — anonymous, citizen, staff
 * and moderator of the caisse serving the territory ("here") and of a caisse serving another one
 * ("elsewhere"), platform admin — with the outcome each must get. A second table checks that reads
 * answering 200 to everyone never leak staff-only data across caisses.
 *
 * Adding a route: add one row to ROUTES (or LEAKS) in the "add rows here" section below.
 *  - `request(w, who)` returns the request for one actor; build a fresh target inside it when the
 *    request changes state (w.project(), w.grant(), w.curatedBoard()), so rows never depend on order.
 *  - `expect` gives an Outcome per actor; the presets (`only`, ADMIN_ONLY…) cover the usual shapes.
 *    Outcomes: ok (2xx, or a redirect that is not to sign-in), signIn (401, or GET redirected to
 *    /connexion), forbidden (403), notFound (404: the actor may not learn it exists), refused
 *    (400 VALIDATION_FAILED/409/422: may ask, but not this). Row bodies must be valid for the actors
 *    expected to get `ok`, so a `refused` is always the rule speaking, never a typo.
 *  - A new kind of actor (e.g. a delegate): add it to ACTORS and buildWorld in the fixtures file;
 *    the presets then force every row to say what it gets.
 * Expectations come from the rules in src/modules/access/access.scope.ts and each module's policy,
 * never from what the code happens to answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { outcomeOf, sendAs, type Outcome, type Req, type Via } from './authorisation-matrix.http.js';
import { uid } from '../helpers/factories.js';
import { ACTORS, buildWorld, staffOnlyData, type World, type Who } from './authorisation-matrix.fixtures.js';
import { createApplication } from './delegates.fixtures.js';
import { eq } from 'drizzle-orm';
import { users } from '../../src/modules/auth/auth.tables.js';

type Expect = Record<Who, Outcome>;
/** `api`: JSON under /api/v1; `page`: an HTML GET or a form POST (CSRF token in the form). */
type Row = { route: string; via: Via; expect: Expect; request: (w: World, who: Who) => Req | Promise<Req> };
type Data = Awaited<ReturnType<typeof staffOnlyData>>;
type Leak = { route: string; url: (w: World, d: Data) => string; secret: (w: World, d: Data) => string; sees: Who[] };

/** These actors get `ok`; the others `others`, the anonymous visitor `anonymous`. */
function only(ok: Who[], others: Outcome = 'forbidden', anonymous: Outcome = 'signIn'): Expect {
  return Object.fromEntries(ACTORS.map((w) => [w, ok.includes(w) ? 'ok' : w === 'anonymous' ? anonymous : others])) as Expect;
}
const ADMIN_ONLY = only(['platformAdmin']);
// Caisse staff moderate their caisse's territories too (access.scope `moderatedCaisseIds`, issue 10).
const MODERATORS_HERE = only(['moderatorHere', 'staffHere', 'platformAdmin']);
const ANY_MODERATOR = only(['moderatorHere', 'moderatorElsewhere', 'staffHere', 'staffElsewhere', 'platformAdmin']);
const STAFF_HERE_HIDDEN = only(['staffHere', 'platformAdmin'], 'notFound');
const STAFF_HERE = only(['staffHere', 'platformAdmin']);

const get = (url: string): Req => ({ method: 'GET', url });
const reason = 'Décision de la matrice';

const ROUTES: Row[] = [
  // ——— platform administration (/admin pages are guarded as a whole) ———
  ...['/admin', '/admin/territoires', '/admin/caisses', '/admin/roles', '/admin/courriels', '/admin/journal'].map((url): Row => ({ route: `GET ${url}`, via: 'page', expect: ADMIN_ONLY, request: () => get(url) })),
  { route: 'GET /admin/territoires/:slug', via: 'page', expect: ADMIN_ONLY, request: (w) => get(`/admin/territoires/${w.here.slug}`) },
  { route: 'GET /admin/caisses/:slug', via: 'page', expect: ADMIN_ONLY, request: (w) => get(`/admin/caisses/${w.caisseHere.slug}`) },
  { route: 'POST /admin/territoires', via: 'page', expect: ADMIN_ONLY, request: () => ({ method: 'POST', url: '/admin/territoires', body: { slug: `t-${uid()}`, kind: 'neighbourhood', nameFr: 'Nouveau', nameEn: 'New' } }) },
  { route: 'POST /admin/territoires/:slug', via: 'page', expect: ADMIN_ONLY, request: (w) => ({ method: 'POST', url: `/admin/territoires/${w.elsewhere.slug}`, body: { nameFr: 'Ailleurs', nameEn: 'Elsewhere' } }) },
  { route: 'POST /admin/territoires/:slug/etat', via: 'page', expect: ADMIN_ONLY, request: (w) => ({ method: 'POST', url: `/admin/territoires/${w.elsewhere.slug}/etat`, body: { rolloutState: 'pilot' } }) },
  { route: 'POST /admin/caisses', via: 'page', expect: ADMIN_ONLY, request: () => ({ method: 'POST', url: '/admin/caisses', body: { slug: `c-${uid()}`, name: `Caisse ${uid()}` } }) },
  // Staff edit their caisse through the JSON API only: the HTML form lives under /admin (admins).
  { route: 'POST /admin/caisses/:slug', via: 'page', expect: ADMIN_ONLY, request: (w) => ({ method: 'POST', url: `/admin/caisses/${w.caisseHere.slug}`, body: { name: 'Caisse d’ici', descriptionFr: 'Détails', descriptionEn: 'Details', address: '', website: '', territories: w.here.slug } }) },
  { route: 'POST /admin/roles', via: 'page', expect: ADMIN_ONLY, request: async (w) => ({ method: 'POST', url: '/admin/roles', body: { email: await w.person(), role: 'staff', caisse: w.caisseHere.slug } }) },
  { route: 'POST /admin/roles/:id/retirer', via: 'page', expect: ADMIN_ONLY, request: async (w) => ({ method: 'POST', url: `/admin/roles/${await w.grant()}/retirer`, body: {} }) },
  { route: 'POST /api/v1/territories', via: 'api', expect: ADMIN_ONLY, request: () => ({ method: 'POST', url: '/api/v1/territories', body: { slug: `t-${uid()}`, kind: 'neighbourhood', nameFr: 'Nouveau', nameEn: 'New' } }) },
  { route: 'PATCH /api/v1/territories/:slug', via: 'api', expect: ADMIN_ONLY, request: (w) => ({ method: 'PATCH', url: `/api/v1/territories/${w.elsewhere.slug}`, body: { rolloutState: 'pilot' } }) },
  { route: 'POST /api/v1/caisses', via: 'api', expect: ADMIN_ONLY, request: () => ({ method: 'POST', url: '/api/v1/caisses', body: { slug: `c-${uid()}`, name: `Caisse ${uid()}` } }) },
  { route: 'GET /api/v1/admin/roles', via: 'api', expect: ADMIN_ONLY, request: () => get('/api/v1/admin/roles') },
  { route: 'POST /api/v1/admin/roles', via: 'api', expect: ADMIN_ONLY, request: async (w) => ({ method: 'POST', url: '/api/v1/admin/roles', body: { email: await w.person(), role: 'moderator', caisse: w.caisseHere.slug } }) },
  { route: 'DELETE /api/v1/admin/roles/:id', via: 'api', expect: ADMIN_ONLY, request: async (w) => ({ method: 'DELETE', url: `/api/v1/admin/roles/${await w.grant()}` }) },
  { route: 'GET /api/v1/admin/outbox', via: 'api', expect: ADMIN_ONLY, request: () => get('/api/v1/admin/outbox') },
  { route: 'GET /api/v1/admin/audit', via: 'api', expect: ADMIN_ONLY, request: () => get('/api/v1/admin/audit') },

  // ——— caisse edit: its own staff (details only) and platform admins ———
  { route: 'PATCH /api/v1/caisses/:slug (details)', via: 'api', expect: STAFF_HERE, request: (w) => ({ method: 'PATCH', url: `/api/v1/caisses/${w.caisseHere.slug}`, body: { descriptionFr: `Notre caisse ${uid()}` } }) },

  // ——— moderation: moderators of a caisse serving the content's territory, and platform admins ———
  { route: 'GET /moderation', via: 'page', expect: ANY_MODERATOR, request: () => get('/moderation') },
  { route: 'GET /api/v1/moderation/reports', via: 'api', expect: ANY_MODERATOR, request: () => get('/api/v1/moderation/reports') },
  { route: 'POST /api/v1/moderation/actions (hide here)', via: 'api', expect: MODERATORS_HERE, request: async (w) => ({ method: 'POST', url: '/api/v1/moderation/actions', body: { action: 'hide', targetType: 'project', targetId: (await w.project('published')).id, reason } }) },
  { route: 'POST /moderation/decisions (hide here)', via: 'page', expect: MODERATORS_HERE, request: async (w) => ({ method: 'POST', url: '/moderation/decisions', body: { decision: 'hide', targetType: 'project', targetId: (await w.project('published')).id, reason } }) },

  // ——— project approval: staff of a caisse serving the project's territory, and platform admins ———
  { route: 'GET /api/v1/projects/:id (submitted)', via: 'api', expect: only(['staffHere', 'platformAdmin'], 'notFound', 'notFound'), request: async (w) => get(`/api/v1/projects/${(await w.project('submitted')).id}`) },
  { route: 'GET /projets/:id/apercu (submitted)', via: 'page', expect: only(['staffHere', 'platformAdmin'], 'notFound', 'notFound'), request: async (w) => get(`/projets/${(await w.project('submitted')).id}/apercu`) },
  { route: 'POST /api/v1/projects/:id/transitions (approve)', via: 'api', expect: STAFF_HERE_HIDDEN, request: async (w) => ({ method: 'POST', url: `/api/v1/projects/${(await w.project('submitted')).id}/transitions`, body: { to: 'published' } }) },
  { route: 'POST /projets/:id/transitions (approve)', via: 'page', expect: STAFF_HERE_HIDDEN, request: async (w) => ({ method: 'POST', url: `/projets/${(await w.project('submitted')).id}/transitions`, body: { to: 'published' } }) },
  { route: 'POST /api/v1/projects/:id/transitions (send back)', via: 'api', expect: STAFF_HERE_HIDDEN, request: async (w) => ({ method: 'POST', url: `/api/v1/projects/${(await w.project('submitted')).id}/transitions`, body: { to: 'draft', note: 'À compléter' } }) },
  // A published project is public: strangers may ask, and are refused.
  { route: 'POST /api/v1/projects/:id/transitions (archive)', via: 'api', expect: only(['staffHere', 'platformAdmin'], 'refused'), request: async (w) => ({ method: 'POST', url: `/api/v1/projects/${(await w.project('published')).id}/transitions`, body: { to: 'archived' } }) },

  // ——— pledges: the territory's staff see every pledge of a project ———
  { route: 'GET /api/v1/pledges/:id', via: 'api', expect: STAFF_HERE_HIDDEN, request: () => get(`/api/v1/pledges/${data.pledgeId}`) },

  // ——— board curation: staff of a caisse serving the territory, and platform admins ———
  {
    route: 'POST /api/v1/boards (curated, here)', via: 'api',
    // Staff elsewhere may curate, but not for a territory their caisse does not serve (a wrong choice: 422).
    expect: { ...STAFF_HERE, staffElsewhere: 'refused' },
    request: (w) => ({ method: 'POST', url: '/api/v1/boards', body: { title: `Sélection ${uid()}`, curated: true, territory: w.here.slug } }),
  },
  {
    route: 'POST /tableaux/nouveau (curated, here)', via: 'page', expect: { ...STAFF_HERE, staffElsewhere: 'refused' },
    request: (w) => ({ method: 'POST', url: '/tableaux/nouveau', body: { title: `Sélection ${uid()}`, language: 'fr', visibility: 'public', curated: 'on', territory: w.here.slug } }),
  },
  { route: 'PATCH /api/v1/boards/:id (curated)', via: 'api', expect: STAFF_HERE, request: async (w) => ({ method: 'PATCH', url: `/api/v1/boards/${await w.curatedBoard()}`, body: { title: `Renommé ${uid()}` } }) },
  { route: 'POST /tableaux/:id/modifier (curated)', via: 'page', expect: STAFF_HERE, request: async (w) => ({ method: 'POST', url: `/tableaux/${await w.curatedBoard()}/modifier`, body: { title: `Renommé ${uid()}`, language: 'fr', visibility: 'public' } }) },
  { route: 'DELETE /api/v1/boards/:id (curated)', via: 'api', expect: STAFF_HERE, request: async (w) => ({ method: 'DELETE', url: `/api/v1/boards/${await w.curatedBoard()}` }) },
  { route: 'POST /tableaux/:id/supprimer (curated)', via: 'page', expect: STAFF_HERE, request: async (w) => ({ method: 'POST', url: `/tableaux/${await w.curatedBoard()}/supprimer`, body: {} }) },

  // ——— caisse staff space: its own staff and platform admins; nothing across caisses ———
  // The header's "My caisse": the staff's own caisse space (a list for admins), nobody else's.
  { route: 'GET /espace-caisse', via: 'page', expect: only(['staffHere', 'staffElsewhere', 'platformAdmin']), request: () => get('/espace-caisse') },
  { route: 'GET /api/v1/me/caisse-spaces', via: 'api', expect: only(['staffHere', 'staffElsewhere', 'platformAdmin']), request: () => get('/api/v1/me/caisse-spaces') },
  { route: 'GET /caisses/:slug/espace', via: 'page', expect: STAFF_HERE, request: (w) => get(`/caisses/${w.caisseHere.slug}/espace`) },
  { route: 'GET /api/v1/caisses/:slug/space', via: 'api', expect: STAFF_HERE, request: (w) => get(`/api/v1/caisses/${w.caisseHere.slug}/space`) },
  { route: 'POST /api/v1/caisses/:slug/approvals/:id (approve)', via: 'api', expect: STAFF_HERE, request: async (w) => ({ method: 'POST', url: `/api/v1/caisses/${w.caisseHere.slug}/approvals/${(await w.project('submitted')).id}`, body: { decision: 'approve' } }) },
  { route: 'POST /caisses/:slug/espace/projets/:id/decision (send back)', via: 'page', expect: STAFF_HERE, request: async (w) => ({ method: 'POST', url: `/caisses/${w.caisseHere.slug}/espace/projets/${(await w.project('submitted')).id}/decision`, body: { decision: 'return', note: 'À compléter' } }) },
  // Through their own caisse's space, staff elsewhere still cannot reach a project of another caisse's territory.
  {
    route: 'POST /api/v1/caisses/:slug/approvals/:id (project of another caisse)', via: 'api',
    expect: { ...only([], 'forbidden'), staffElsewhere: 'notFound', platformAdmin: 'notFound' },
    request: async (w) => ({ method: 'POST', url: `/api/v1/caisses/${w.caisseElsewhere.slug}/approvals/${(await w.project('submitted')).id}`, body: { decision: 'approve' } }),
  },

  // ——— delegates: registration dashboard and decisions by the caisse's staff ———
  { route: 'GET /caisses/:slug/espace/delegues', via: 'page', expect: STAFF_HERE, request: (w) => get(`/caisses/${w.caisseHere.slug}/espace/delegues`) },
  { route: 'GET /api/v1/caisses/:slug/delegate-applications', via: 'api', expect: STAFF_HERE, request: (w) => get(`/api/v1/caisses/${w.caisseHere.slug}/delegate-applications`) },
  { route: 'GET /api/v1/caisses/:slug/delegate-dashboard', via: 'api', expect: STAFF_HERE, request: (w) => get(`/api/v1/caisses/${w.caisseHere.slug}/delegate-dashboard`) },
  { route: 'POST /api/v1/caisses/:slug/delegate-campaigns', via: 'api', expect: STAFF_HERE, request: (w) => ({ method: 'POST', url: `/api/v1/caisses/${w.caisseHere.slug}/delegate-campaigns`, body: { deadline: '2099-01-10', termStart: '2099-02-01', termEnd: '2100-01-31' } }) },
  { route: 'POST /caisses/:slug/espace/delegues/campagne', via: 'page', expect: STAFF_HERE, request: (w) => ({ method: 'POST', url: `/caisses/${w.caisseHere.slug}/espace/delegues/campagne`, body: { deadline: '2099-01-10', termStart: '2099-02-01', termEnd: '2100-01-31', introFr: '', introEn: '' } }) },
  // Another caisse's application is not found, whoever asks outside its staff.
  { route: 'POST /api/v1/delegate-applications/:id/decision', via: 'api', expect: only(['staffHere', 'platformAdmin'], 'notFound'), request: async (w) => ({ method: 'POST', url: `/api/v1/delegate-applications/${(await createApplication(w.ctx, w.caisseHere.id, w.here.id)).id}/decision`, body: { decision: 'approve', message: '' } }) },
  { route: 'POST /caisses/:slug/espace/delegues/:id/decision', via: 'page', expect: only(['staffHere', 'platformAdmin'], 'notFound'), request: async (w) => ({ method: 'POST', url: `/caisses/${w.caisseHere.slug}/espace/delegues/${(await createApplication(w.ctx, w.caisseHere.id, w.here.id)).id}/decision`, body: { decision: 'decline', message: 'Merci, pas cette fois.' } }) },
  { route: 'GET /api/v1/caisses/:slug/delegate-projects', via: 'api', expect: STAFF_HERE, request: (w) => get(`/api/v1/caisses/${w.caisseHere.slug}/delegate-projects`) },

  // ——— organisations and partnerships: its owner and representatives, the partner caisse's staff ———
  { route: 'PATCH /api/v1/organisations/:slug', via: 'api', expect: only(['orgRepresentative', 'orgOwner', 'platformAdmin']), request: async (w) => ({ method: 'PATCH', url: `/api/v1/organisations/${(await w.organisation()).slug}`, body: { description: 'Mise à jour' } }) },
  { route: 'POST /api/v1/organisations/:slug/members', via: 'api', expect: only(['orgRepresentative', 'orgOwner']), request: async (w) => ({ method: 'POST', url: `/api/v1/organisations/${(await w.organisation()).slug}/members`, body: { handle: await w.handle(), role: 'member' } }) },
  { route: 'POST /api/v1/organisations/:slug/invitations', via: 'api', expect: only(['orgRepresentative', 'orgOwner']), request: async (w) => ({ method: 'POST', url: `/api/v1/organisations/${(await w.organisation()).slug}/invitations`, body: { email: `invite-${uid()}@example.test` } }) },
  { route: 'POST /api/v1/organisations/:slug/charter', via: 'api', expect: only(['orgRepresentative', 'orgOwner']), request: async (w) => ({ method: 'POST', url: `/api/v1/organisations/${(await w.organisation()).slug}/charter`, body: { caisse: w.caisseHere.slug, accept: true } }) },
  { route: 'POST /api/v1/organisations/:slug/capacities', via: 'api', expect: only(['orgRepresentative', 'orgOwner']), request: async (w) => ({ method: 'POST', url: `/api/v1/organisations/${(await w.organisation({ partner: true })).slug}/capacities`, body: { kind: 'hours', amount: 5, period: 'month', labelFr: 'Aide', labelEn: 'Help' } }) },
  { route: 'POST /api/v1/organisations/:slug/transfer', via: 'api', expect: only(['orgOwner']), request: async (w) => ({ method: 'POST', url: `/api/v1/organisations/${(await w.organisation()).slug}/transfer`, body: { handle: (await w.ctx.database.db.select({ handle: users.handle }).from(users).where(eq(users.id, w.userIds.orgMember)))[0]!.handle, confirm: true } }) },
  { route: 'GET /api/v1/organisations/:slug/dashboard', via: 'api', expect: only(['orgMember', 'orgRepresentative', 'orgOwner', 'staffHere', 'platformAdmin']), request: async (w) => get(`/api/v1/organisations/${(await w.organisation({ partner: true })).slug}/dashboard`) },
  { route: 'GET /organisations/:slug/tableau-de-bord', via: 'page', expect: only(['orgMember', 'orgRepresentative', 'orgOwner', 'staffHere', 'platformAdmin']), request: async (w) => get(`/organisations/${(await w.organisation({ partner: true })).slug}/tableau-de-bord`) },
  { route: 'PATCH /api/v1/organisations/:slug/partnerships/:caisse', via: 'api', expect: STAFF_HERE, request: async (w) => ({ method: 'PATCH', url: `/api/v1/organisations/${(await w.organisation({ partner: true })).slug}/partnerships/${w.caisseHere.slug}`, body: { status: 'active' } }) },

  // ——— add rows here (delegates, caisse spaces…) ———
];

/** Reads every actor may make (or be refused): the secret shows only to `sees`. */
const LEAKS: Leak[] = [
  { route: 'GET /api/v1/moderation/reports', url: () => '/api/v1/moderation/reports', secret: (_w, d) => d.reportedProjectId, sees: ['moderatorHere', 'staffHere', 'platformAdmin'] },
  { route: 'GET /moderation', url: () => '/moderation', secret: (_w, d) => d.reportedProjectId, sees: ['moderatorHere', 'staffHere', 'platformAdmin'] },
  { route: 'GET /projets (projects awaiting my caisse)', url: () => '/projets', secret: (_w, d) => d.submittedTitle, sees: ['staffHere'] },
  { route: 'GET /api/v1/projects/:id/pledges', url: (_w, d) => `/api/v1/projects/${d.pledgedProjectId}/pledges`, secret: (_w, d) => d.pledgeMessage, sees: ['staffHere', 'platformAdmin'] },
  { route: 'GET /api/v1/pledges/:id', url: (_w, d) => `/api/v1/pledges/${d.pledgeId}`, secret: (_w, d) => d.pledgeMessage, sees: ['staffHere', 'platformAdmin'] },
  { route: 'GET /api/v1/caisses/:slug/space (here)', url: (w) => `/api/v1/caisses/${w.caisseHere.slug}/space`, secret: (_w, d) => d.submittedTitle, sees: ['staffHere', 'platformAdmin'] },
  { route: 'GET /caisses/:slug/espace (here)', url: (w) => `/caisses/${w.caisseHere.slug}/espace`, secret: (_w, d) => d.submittedTitle, sees: ['staffHere', 'platformAdmin'] },
  // Another caisse's space never shows this territory's submitted projects, even to its own staff.
  { route: 'GET /api/v1/caisses/:slug/space (elsewhere)', url: (w) => `/api/v1/caisses/${w.caisseElsewhere.slug}/space`, secret: (_w, d) => d.submittedTitle, sees: [] },
  // ——— add rows here ———
];

let ctx: TestContext;
let world: World;
let data: Data;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx);
  data = await staffOnlyData(world);
});
afterAll(() => ctx.close());

const send = (who: Who, req: Req, via: Via) => sendAs(ctx, world.sessions[who], req, via);

// Leaks first: the rows below create many projects, and listings show the newest.
describe('no cross-caisse read of staff-only data', () => {
  it.each(LEAKS.map((l) => [l.route, l] as const))('%s', async (_route, leak) => {
    const seen: Record<string, boolean> = {};
    for (const who of ACTORS) {
      const res = await send(who, get(leak.url(world, data)), 'api');
      expect([200, 303, 401, 403, 404], `${who}: ${res.statusCode}`).toContain(res.statusCode);
      seen[who] = res.statusCode === 200 && res.body.includes(leak.secret(world, data));
    }
    expect(seen).toEqual(Object.fromEntries(ACTORS.map((w) => [w, leak.sees.includes(w)])));
  });
});

describe('authorisation matrix', () => {
  it('covers every kind of actor in every row', () => {
    for (const row of ROUTES) expect(Object.keys(row.expect).sort(), row.route).toEqual([...ACTORS].sort());
  });

  it.each(ROUTES.map((r) => [r.route, r] as const))('%s', async (_route, row) => {
    const got: Record<string, string> = {};
    for (const who of ACTORS) got[who] = outcomeOf(await send(who, await row.request(world, who), row.via));
    expect(got).toEqual(row.expect);
  });
});

describe('the header offers computed abilities only', () => {
  it('shows moderation and administration entries to those who may use them', async () => {
    const offered: Record<string, string[]> = {};
    for (const who of ACTORS) {
      const res = await send(who, get('/projets'), 'page');
      offered[who] = ['/espace-caisse', '/moderation', '/admin'].filter((href) => res.body.includes(`<a href="${href}"`));
    }
    const mine = await send('staffHere', get('/espace-caisse'), 'page');
    expect([mine.statusCode, mine.headers.location]).toEqual([303, `/caisses/${world.caisseHere.slug}/espace`]);
    expect((await send('staffElsewhere', get('/api/v1/me/caisse-spaces'), 'api')).json()).toEqual({ items: [{ slug: world.caisseElsewhere.slug, name: expect.any(String), href: `/caisses/${world.caisseElsewhere.slug}/espace` }] });
    expect(offered).toEqual({
      anonymous: [], citizen: [], staffHere: ['/espace-caisse', '/moderation'], staffElsewhere: ['/espace-caisse', '/moderation'], moderatorHere: ['/moderation'], moderatorElsewhere: ['/moderation'], platformAdmin: ['/espace-caisse', '/moderation', '/admin'], orgMember: [], orgRepresentative: [], orgOwner: [],
    });
  });
});
