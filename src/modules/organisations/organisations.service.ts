import { newId } from '../../db/ids.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { uniqueHandle } from '../auth/handles.js';
import { usersRepository } from '../auth/users.repository.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import type { OrganisationRole } from './organisations.tables.js';
import { followState } from '../social/follows.service.js';
import type { FollowState } from '../social/follows.presenter.js';
import { organisationsRepository } from './organisations.repository.js';
import type { OrganisationRef, OrganisationWithTerritory } from './organisations.types.js';
import { CHARTER_VERSION, canCreateOrganisation, canEditOrganisation, canManageMembers, canSeeMember, canSignCharter, organisationAbilities, type OrganisationAbilities } from './organisations.policy.js';
import { presentMember, presentOrganisation, type MemberView, type OrganisationView } from './organisations.presenter.js';
import type { TAddMemberBody, TCharterBody, TCreateOrganisationBody, TOrganisationListQuery, TUpdateOrganisationBody } from './organisations.schemas.js';

/** Slugs that are pages of their own under /organisations. */
const RESERVED = new Set(['nouvelle', 'new']);

/** The partner organisations this person represents: who they may pledge "sur l'honneur" for. */
export async function listPartnerOrganisationsFor(deps: Deps, userId: string): Promise<{ id: string; slug: string; name: string }[]> {
  return organisationsRepository.representedBy(deps.db, userId, true);
}

/** Every organisation this person represents, partner or not (offers on its behalf). */
export async function listRepresentedOrganisations(deps: Pick<Deps, 'db'>, userId: string): Promise<OrganisationRef[]> {
  return organisationsRepository.representedBy(deps.db, userId, false);
}

export async function findOrganisation(deps: Pick<Deps, 'db'>, slug: string): Promise<OrganisationWithTerritory> {
  const row = await organisationsRepository.findBySlug(deps.db, slug);
  if (!row) throw new AppError('ORGANISATION_NOT_FOUND', { slug });
  return row;
}

export async function roleIn(deps: Pick<Deps, 'db'>, organisationId: string, actor: { id: string } | null): Promise<OrganisationRole | null> {
  return actor ? organisationsRepository.roleOf(deps.db, organisationId, actor.id) : null;
}

async function territoryId(db: Db, slug: string | null): Promise<string | null> {
  if (slug === null) return null;
  const territory = await territoriesRepository.findBySlug(db, slug);
  if (!territory) throw validationError({ territory: { key: 'validation.choice' } });
  return territory.id;
}

function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

export async function listOrganisations(deps: Deps, locale: Locale, query: TOrganisationListQuery): Promise<{ items: OrganisationView[]; nextCursor: string | null }> {
  const { limit, cursor, territory, ...filters } = query;
  const territoryRow = territory ? await territoriesRepository.findBySlug(deps.db, territory) : undefined;
  if (territory && !territoryRow) return { items: [], nextCursor: null };
  const rows = await organisationsRepository.list(deps.db, { ...filters, territoryId: territoryRow?.id }, limit, decodeCursor(cursor));
  const result = page(rows, limit, (r) => ({ at: r.cursorAt, id: r.id }));
  return { items: result.items.map((r) => presentOrganisation(r, locale)), nextCursor: result.nextCursor };
}

/** Creates an organisation; its creator becomes its first representative. Returns the slug. */
export async function createOrganisation(deps: Deps, actor: Actor | null, input: TCreateOrganisationBody): Promise<string> {
  const me = requireSignedIn(actor);
  if (!canCreateOrganisation(me)) throw new AppError('EMAIL_NOT_VERIFIED');
  return deps.db.transaction(async (tx) => {
    const slug = await uniqueHandle(input.name, async (s) => RESERVED.has(s) || (await organisationsRepository.slugExists(tx, s)));
    const row = await organisationsRepository.insert(tx, {
      id: newId(), slug, name: input.name, kind: input.kind, description: input.description, website: input.website, territoryId: await territoryId(tx, input.territory), createdBy: me.id,
    });
    await organisationsRepository.upsertMember(tx, row.id, me.id, 'representative');
    await audit(tx, { actorId: me.id, action: 'organisation.create', subjectType: 'organisation', subjectId: row.id, data: { slug } });
    return slug;
  });
}

export type OrganisationPage = { organisation: OrganisationView; members: MemberView[]; hiddenMembers: number; role: OrganisationRole | null; can: OrganisationAbilities; id: string; follow?: FollowState };

/** An organisation as this viewer sees it: members shown as each one's role allows, and the viewer's abilities. */
export async function getOrganisationPage(deps: Deps, actor: Actor | null, slug: string, locale: Locale): Promise<OrganisationPage> {
  const row = await findOrganisation(deps, slug);
  const [role, members, follow] = await Promise.all([roleIn(deps, row.id, actor), organisationsRepository.members(deps.db, row.id), followState(deps, actor, 'organisation', row.id)]);
  const visible = members.filter((m) => canSeeMember(role, m));
  return {
    id: row.id,
    follow,
    organisation: presentOrganisation(row, locale),
    members: visible.map(presentMember),
    hiddenMembers: members.length - visible.length,
    role,
    can: organisationAbilities(actor, role, row),
  };
}

export async function updateOrganisation(deps: Deps, actor: Actor | null, slug: string, input: TUpdateOrganisationBody): Promise<void> {
  const me = requireSignedIn(actor);
  const row = await findOrganisation(deps, slug);
  if (!canEditOrganisation(me, await roleIn(deps, row.id, me))) throw new AppError('NOT_REPRESENTATIVE');
  const { territory, ...rest } = input;
  const patch = { ...rest, ...(territory !== undefined ? { territoryId: await territoryId(deps.db, territory) } : {}) };
  await organisationsRepository.update(deps.db, row.id, patch);
}

/** A representative adds a person (by handle) as member or representative, or changes their role. */
export async function addMember(deps: Deps, actor: Actor | null, slug: string, input: TAddMemberBody): Promise<void> {
  const me = requireSignedIn(actor);
  const row = await findOrganisation(deps, slug);
  if (!canManageMembers(me, await roleIn(deps, row.id, me))) throw new AppError('NOT_REPRESENTATIVE');
  const person = await usersRepository.findByHandle(deps.db, input.handle);
  if (!person || person.suspendedAt) throw validationError({ handle: { key: 'organisations.members.unknownHandle' } });
  await deps.db.transaction(async (tx) => {
    await organisationsRepository.upsertMember(tx, row.id, person.id, input.role);
    await audit(tx, { actorId: me.id, action: 'organisation.member', subjectType: 'organisation', subjectId: row.id, data: { userId: person.id, role: input.role } });
  });
}

/** A representative signs the honour charter on behalf of the organisation, which becomes a partner. */
export async function signCharter(deps: Deps, actor: Actor | null, slug: string, input: TCharterBody): Promise<void> {
  const me = requireSignedIn(actor);
  const row = await findOrganisation(deps, slug);
  const role = await roleIn(deps, row.id, me);
  if (role !== 'representative') throw new AppError('NOT_REPRESENTATIVE');
  if (!canSignCharter(me, role, row)) throw new AppError('CHARTER_ALREADY_SIGNED');
  if (!input.accept) throw validationError({ accept: { key: 'organisations.charter.required' } });
  await deps.db.transaction(async (tx) => {
    if (!(await organisationsRepository.signCharter(tx, row.id, me.id, CHARTER_VERSION))) throw new AppError('CHARTER_ALREADY_SIGNED');
    await audit(tx, { actorId: me.id, action: 'organisation.charter.sign', subjectType: 'organisation', subjectId: row.id, data: { version: CHARTER_VERSION } });
  });
}

/** Neighbourhoods an organisation may be based in, named in the reader's language. */
export async function placeOptions(deps: Pick<Deps, 'db'>, locale: Locale): Promise<{ slug: string; name: string }[]> {
  const rows = await territoriesRepository.listWithParent(deps.db, { kind: 'neighbourhood' });
  return rows.map((r) => ({ slug: r.slug, name: locale === 'en' ? r.nameEn : r.nameFr }));
}

/** An organisation's values as its edit form shows them. */
export async function organisationFormValues(deps: Deps, actor: Actor | null, slug: string, locale: Locale): Promise<{ name: string; values: Record<string, string> }> {
  const page = await getOrganisationPage(deps, actor, slug, locale);
  if (!page.can.edit) throw new AppError(actor ? 'NOT_REPRESENTATIVE' : 'UNAUTHENTICATED');
  const o = page.organisation;
  return { name: o.name, values: { name: o.name, kind: o.kind, description: o.description, website: o.website ?? '', territory: o.territory?.slug ?? '' } };
}
