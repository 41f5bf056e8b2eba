import { randomBytes } from 'node:crypto';
import type { TestContext } from './test-app.js';
import { newId } from '../../src/db/ids.js';
import { territories } from '../../src/modules/territories/territories.tables.js';
import { type RolloutState } from '../../src/modules/territories/territories.domain.js';
import { caisses, caisseTerritories } from '../../src/modules/caisses/caisses.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { type ProfilePrivacy } from '../../src/modules/auth/auth.domain.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { MOST_PRIVATE } from '../../src/modules/auth/users.repository.js';
import { rolesRepository } from '../../src/modules/admin/roles.repository.js';

export const uid = () => randomBytes(5).toString('hex');
export const PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | null = null;

export async function createTerritory(ctx: TestContext, o: { slug?: string; state?: RolloutState; parentId?: string | null; kind?: 'metropolis' | 'borough' | 'neighbourhood'; nameFr?: string; nameEn?: string } = {}) {
  const slug = o.slug ?? `quartier-${uid()}`;
  const [row] = await ctx.database.db
    .insert(territories)
    .values({ id: newId(), slug, kind: o.kind ?? 'neighbourhood', parentId: o.parentId ?? null, nameFr: o.nameFr ?? `Quartier ${slug}`, nameEn: o.nameEn ?? `Neighbourhood ${slug}`, rolloutState: o.state ?? 'pilot' })
    .returning();
  return row!;
}

export async function createCaisse(ctx: TestContext, o: { territoryIds?: string[]; name?: string } = {}) {
  const slug = `caisse-${uid()}`;
  const [row] = await ctx.database.db.insert(caisses).values({ id: newId(), slug, name: o.name ?? `Caisse ${slug}` }).returning();
  for (const territoryId of o.territoryIds ?? []) await ctx.database.db.insert(caisseTerritories).values({ caisseId: row!.id, territoryId });
  return row!;
}

export async function createUser(
  ctx: TestContext,
  o: { email?: string; displayName?: string; territoryId?: string | null; verified?: boolean; privacy?: ProfilePrivacy; bio?: string; skills?: string[]; locale?: 'fr' | 'en'; role?: { role: 'staff' | 'moderator' | 'admin'; caisseId?: string | null } } = {},
) {
  cachedHash ??= hashPassword(PASSWORD);
  const id = uid();
  const [row] = await ctx.database.db
    .insert(users)
    .values({
      id: newId(), email: o.email ?? `person-${id}@example.test`, passwordHash: await cachedHash, displayName: o.displayName ?? `Personne ${id}`, handle: `personne-${id}`,
      territoryId: o.territoryId ?? null, emailVerifiedAt: o.verified === false ? null : new Date(), privacy: o.privacy ?? MOST_PRIVATE, bio: o.bio ?? '', skills: o.skills ?? [], locale: o.locale ?? 'fr', ageConfirmed: true,
    })
    .returning();
  if (o.role) await rolesRepository.grant(ctx.database.db, { userId: row!.id, role: o.role.role, caisseId: o.role.caisseId ?? null, grantedBy: null });
  return row!;
}

/** A browser-like visitor: the anonymous cookie and the CSRF token a page would embed. */
export async function visitor(ctx: TestContext, path = '/connexion'): Promise<{ cookie: string; csrf: string }> {
  const res = await ctx.app.inject({ method: 'GET', url: path });
  const cookie = cookieHeader(res.headers['set-cookie']);
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(res.body)?.[1] ?? '';
  return { cookie, csrf };
}

export function cookieHeader(setCookie: string | string[] | undefined, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => [c.split('=')[0]!, c] as const));
  for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const pair = c.split(';')[0]!;
    const name = pair.split('=')[0]!;
    if (/Expires=Thu, 01 Jan 1970/.test(c) || pair.endsWith('=')) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

/** Signs in through the HTML form and returns the cookie jar + the new CSRF token. */
export async function signIn(ctx: TestContext, email: string, password = PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const v = await visitor(ctx);
  const res = await ctx.app.inject({ method: 'POST', url: '/connexion', headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: v.csrf, email, password }).toString() });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  const cookie = cookieHeader(res.headers['set-cookie'], v.cookie);
  const page = await ctx.app.inject({ method: 'GET', url: '/moi', headers: { cookie } });
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie, csrf };
}

export function form(data: Record<string, string>): string {
  return new URLSearchParams(data).toString();
}
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

// ——— mutual-aid loop ———
import { projects, projectTeam } from '../../src/modules/projects/projects.tables.js';
import { type ProjectCategory, type ProjectStatus } from '../../src/modules/projects/projects.domain.js';
import { needs } from '../../src/modules/needs/needs.tables.js';
import { type NeedKind, type NeedUnit } from '../../src/modules/needs/needs.domain.js';
import { organisations, organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { partnerships } from '../../src/modules/organisations/partners.tables.js';

export async function createProject(
  ctx: TestContext,
  o: { promoterId: string; territoryId: string; caisseId?: string | null; status?: ProjectStatus; title?: string; summary?: string; description?: string; category?: ProjectCategory; publishedAt?: Date | null },
) {
  const status = o.status ?? 'published';
  const [row] = await ctx.database.db
    .insert(projects)
    .values({
      id: newId(), promoterId: o.promoterId, territoryId: o.territoryId, caisseId: o.caisseId ?? null, status, title: o.title ?? `Projet ${uid()}`, summary: o.summary ?? 'Un projet de quartier.',
      description: o.description ?? '', category: o.category ?? 'solidarity', publishedAt: o.publishedAt ?? (['published', 'in_progress', 'completed'].includes(status) ? new Date() : null),
    })
    .returning();
  await ctx.database.db.insert(projectTeam).values({ projectId: row!.id, userId: o.promoterId, role: 'promoter' });
  return row!;
}

const UNIT_BY_KIND: Record<NeedKind, NeedUnit> = { volunteering: 'hours', expertise: 'hours', product: 'items', service: 'items', funding: 'cents', loan: 'cents', material: 'items' };

export async function createNeed(ctx: TestContext, o: { projectId: string; kind?: NeedKind; quantity?: number; title?: string; skills?: string[]; deadline?: string | null; materialMode?: 'lend' | 'give' | null }) {
  const kind = o.kind ?? 'volunteering';
  const [row] = await ctx.database.db
    .insert(needs)
    .values({ id: newId(), projectId: o.projectId, kind, title: o.title ?? `Besoin ${uid()}`, quantity: o.quantity ?? 10, unit: UNIT_BY_KIND[kind], skills: o.skills ?? [], deadline: o.deadline ?? null, materialMode: o.materialMode ?? (kind === 'material' ? 'lend' : null) })
    .returning();
  return row!;
}

/** `partner: true` signs with every caisse existing now (active partnerships); `partnerOf` with these caisses only. */
export async function createOrganisation(ctx: TestContext, o: { representativeId?: string; partner?: boolean; partnerOf?: string[]; name?: string; territoryId?: string | null; kind?: 'business' | 'community' | 'cooperative' | 'professional' | 'public'; createdAt?: Date } = {}) {
  const slug = `org-${uid()}`;
  const [row] = await ctx.database.db
    .insert(organisations)
    .values({ id: newId(), slug, name: o.name ?? `Organisme ${slug}`, kind: o.kind ?? 'business', territoryId: o.territoryId ?? null, charterSignedAt: o.partner || o.partnerOf ? new Date() : null, charterSignedBy: o.partner || o.partnerOf ? (o.representativeId ?? null) : null, charterVersion: o.partner || o.partnerOf ? 'charte-2026-11' : null, createdBy: o.representativeId ?? null, ...(o.createdAt ? { createdAt: o.createdAt } : {}) })
    .returning();
  if (o.representativeId) await ctx.database.db.insert(organisationMembers).values({ organisationId: row!.id, userId: o.representativeId, role: 'representative' });
  const partnerOf = o.partnerOf ?? (o.partner ? (await ctx.database.db.select({ id: caisses.id }).from(caisses)).map((c) => c.id) : []);
  if (partnerOf.length > 0) await ctx.database.db.insert(partnerships).values(partnerOf.map((caisseId) => ({ organisationId: row!.id, caisseId, status: 'active' as const })));
  return row!;
}
