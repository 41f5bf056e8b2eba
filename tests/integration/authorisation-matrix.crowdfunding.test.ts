/**
 * Authorisation matrix of crowdfunding links (ADR 0023): link, snapshot, confirm and matchfunding,
 * JSON API and HTML, asked by anonymous, a citizen, the promoter of another project, the project's
 * promoter, staff of the caisse serving the territory ("here"), staff of another caisse, and a
 * platform admin. Every row builds a fresh project (with a running campaign and a pending amount
 * when the row needs one), so no row depends on another. Outcomes as in authorisation-matrix.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { outcomeOf, sendAs, type Outcome, type Req, type Via } from './authorisation-matrix.http.js';
import { createProject, createUser, signIn } from '../helpers/factories.js';
import { buildWorld, type Session, type World } from './authorisation-matrix.fixtures.js';
import { newId } from '../../src/db/ids.js';
import { crowdfundingRepository } from '../../src/modules/crowdfunding/crowdfunding.repository.js';
import type { ProjectStatus } from '../../src/modules/projects/projects.domain.js';

const WHO = ['anonymous', 'citizen', 'otherPromoter', 'promoter', 'staffHere', 'staffElsewhere', 'platformAdmin'] as const;
type Who = (typeof WHO)[number];
type Expect = Record<Who, Outcome>;
type Target = { projectId: string; snapshotId: string };
type Row = { route: string; via: Via; status?: ProjectStatus; campaign?: boolean; expect: Expect; request: (t: Target) => Req };

let ctx: TestContext;
let world: World;
let promoterId: string;
const sessions = {} as Record<Who, Session>;

function only(ok: Who[], others: Outcome = 'forbidden', anonymous: Outcome = 'signIn'): Expect {
  return Object.fromEntries(WHO.map((w) => [w, ok.includes(w) ? 'ok' : w === 'anonymous' ? anonymous : others])) as Expect;
}
const TEAM = only(['promoter', 'platformAdmin']);
const STAFF_HERE = only(['staffHere', 'platformAdmin']);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const linkBody = () => ({ url: 'https://laruchequebec.com/fr/projets/matrice', platform: 'La Ruche', goalCents: 100_000, endsOn: inDays(15), model: 'all_or_nothing' });

const ROUTES: Row[] = [
  // ——— reading ———
  { route: 'GET /api/v1/projects/:id/campaign (published)', via: 'api', expect: only([...WHO], 'ok', 'ok'), request: (t) => ({ method: 'GET', url: `/api/v1/projects/${t.projectId}/campaign` }) },
  { route: 'GET /api/v1/projects/:id/campaign (draft)', via: 'api', status: 'draft', expect: only(['promoter', 'staffHere', 'platformAdmin'], 'notFound', 'notFound'), request: (t) => ({ method: 'GET', url: `/api/v1/projects/${t.projectId}/campaign` }) },
  { route: 'GET /api/v1/projects/:id/campaign/snapshots', via: 'api', expect: only(['promoter', 'staffHere', 'platformAdmin']), request: (t) => ({ method: 'GET', url: `/api/v1/projects/${t.projectId}/campaign/snapshots` }) },
  // ——— link ———
  { route: 'PUT /api/v1/projects/:id/campaign', via: 'api', campaign: false, expect: TEAM, request: (t) => ({ method: 'PUT', url: `/api/v1/projects/${t.projectId}/campaign`, body: linkBody() }) },
  { route: 'GET /projets/:id/campagne', via: 'page', campaign: false, expect: TEAM, request: (t) => ({ method: 'GET', url: `/projets/${t.projectId}/campagne` }) },
  { route: 'POST /projets/:id/campagne', via: 'page', campaign: false, expect: TEAM, request: (t) => ({ method: 'POST', url: `/projets/${t.projectId}/campagne`, body: { ...linkBody(), goalCents: '1000' } }) },
  { route: 'POST /api/v1/projects/:id/campaign/preview', via: 'api', expect: TEAM, request: (t) => ({ method: 'POST', url: `/api/v1/projects/${t.projectId}/campaign/preview` }) },
  { route: 'POST /projets/:id/campagne/apercu', via: 'page', expect: TEAM, request: (t) => ({ method: 'POST', url: `/projets/${t.projectId}/campagne/apercu` }) },
  // ——— snapshot ———
  { route: 'POST /api/v1/projects/:id/campaign/snapshots', via: 'api', expect: TEAM, request: (t) => ({ method: 'POST', url: `/api/v1/projects/${t.projectId}/campaign/snapshots`, body: { raisedCents: 5_000 } }) },
  { route: 'POST /projets/:id/campagne/montants', via: 'page', expect: TEAM, request: (t) => ({ method: 'POST', url: `/projets/${t.projectId}/campagne/montants`, body: { raisedCents: '50', backers: '', note: '' } }) },
  // ——— confirm ———
  { route: 'POST /api/v1/projects/:id/campaign/snapshots/:sid/decision', via: 'api', expect: STAFF_HERE, request: (t) => ({ method: 'POST', url: `/api/v1/projects/${t.projectId}/campaign/snapshots/${t.snapshotId}/decision`, body: { decision: 'confirm' } }) },
  { route: 'GET /projets/:id/campagne/montants', via: 'page', expect: STAFF_HERE, request: (t) => ({ method: 'GET', url: `/projets/${t.projectId}/campagne/montants` }) },
  { route: 'POST /projets/:id/campagne/montants/:sid', via: 'page', expect: STAFF_HERE, request: (t) => ({ method: 'POST', url: `/projets/${t.projectId}/campagne/montants/${t.snapshotId}`, body: { decision: 'reject', reason: 'Matrice' } }) },
  // ——— matchfunding ———
  { route: 'PUT /api/v1/projects/:id/campaign/matchfunding', via: 'api', expect: STAFF_HERE, request: (t) => ({ method: 'PUT', url: `/api/v1/projects/${t.projectId}/campaign/matchfunding`, body: { ratioPercent: 100, capCents: 250_000 } }) },
  { route: 'GET /projets/:id/campagne/financement', via: 'page', expect: STAFF_HERE, request: (t) => ({ method: 'GET', url: `/projets/${t.projectId}/campagne/financement` }) },
  { route: 'POST /projets/:id/campagne/financement', via: 'page', expect: STAFF_HERE, request: (t) => ({ method: 'POST', url: `/projets/${t.projectId}/campagne/financement`, body: { ratioPercent: '1', capCents: '2500' } }) },
];

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx);
  const promoter = await createUser(ctx, { territoryId: world.here.id });
  const other = await createUser(ctx, { territoryId: world.here.id });
  await createProject(ctx, { promoterId: other.id, territoryId: world.here.id, caisseId: world.caisseHere.id });
  promoterId = promoter.id;
  for (const who of ['anonymous', 'citizen', 'staffHere', 'staffElsewhere', 'platformAdmin'] as const) sessions[who] = world.sessions[who];
  sessions.promoter = await signIn(ctx, promoter.email);
  sessions.otherPromoter = await signIn(ctx, other.email);
});
afterAll(async () => ctx.close());

async function target(row: Row): Promise<Target> {
  const project = await createProject(ctx, { promoterId, territoryId: world.here.id, caisseId: world.caisseHere.id, status: row.status ?? 'published' });
  if (row.campaign === false) return { projectId: project.id, snapshotId: 'none' };
  const db = ctx.database.db;
  const campaign = await crowdfundingRepository.upsert(db, { id: newId(), projectId: project.id, url: 'https://laruchequebec.com/fr/projets/matrice', platform: 'La Ruche', goalCents: 100_000, endsAt: new Date(Date.now() + 10 * 86_400_000), model: 'all_or_nothing', createdBy: promoterId });
  const snapshot = await crowdfundingRepository.insertSnapshot(db, { id: newId(), campaignId: campaign.id, raisedCents: 25_000, submittedBy: promoterId });
  return { projectId: project.id, snapshotId: snapshot.id };
}

const send = (who: Who, req: Req, via: Via) => sendAs(ctx, sessions[who], req, via);

describe('crowdfunding authorisation matrix', () => {
  it.each(ROUTES.map((r) => [r.route, r] as const))('%s', async (_route, row) => {
    const got: Record<string, string> = {};
    for (const who of WHO) got[who] = outcomeOf(await send(who, row.request(await target(row)), row.via));
    expect(got).toEqual(row.expect);
  });

  it('tells each actor what they may do, and shows the history to the team and the staff here only', async () => {
    const t = await target({ route: 'abilities', via: 'api', expect: TEAM, request: () => ({ method: 'GET', url: '' }) });
    const can: Record<string, unknown> = {};
    const seesNote: Record<string, boolean> = {};
    for (const who of WHO) {
      can[who] = (await send(who, { method: 'GET', url: `/api/v1/projects/${t.projectId}/campaign` }, 'api')).json<{ can: unknown }>().can;
      seesNote[who] = (await send(who, { method: 'GET', url: `/projets/${t.projectId}` }, 'page')).body.includes(`/projets/${t.projectId}/campagne/montants`);
    }
    const none = { manage: false, confirm: false, match: false };
    expect(can).toEqual({ anonymous: none, citizen: none, otherPromoter: none, promoter: { manage: true, confirm: false, match: false }, staffHere: { manage: false, confirm: true, match: true }, staffElsewhere: none, platformAdmin: { manage: true, confirm: true, match: true } });
    expect(seesNote).toEqual({ anonymous: false, citizen: false, otherPromoter: false, promoter: false, staffHere: true, staffElsewhere: false, platformAdmin: true });
  });
});
