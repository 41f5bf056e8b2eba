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
import type { OrganisationRole } from './organisations.domain.js';
import { followState } from '../social/follows.service.js';
import type { FollowState } from '../social/follows.presenter.js';
import { organisationsRepository } from './organisations.repository.js';
import type { OrganisationRef, OrganisationWithTerritory } from './organisations.types.js';
import { canCreateOrganisation, canEditOrganisation, canSeeMember, canSetRole, organisationAbilities, type OrganisationAbilities } from './organisations.policy.js';
import { partnersRepository } from './partners.repository.js';
import { seesHiddenContent } from '../moderation/moderation.service.js';
import { presentMember, presentOrganisation, type MemberView, type OrganisationView } from './organisations.presenter.js';
import type { TAddMemberBody, TCreateOrganisationBody, TOrganisationListQuery, TUpdateOrganisationBody } from './organisations.schemas.js';

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

/** Creates an organisation; its creator becomes its owner. Returns the slug. */
export async function createOrganisation(deps: Deps, actor: Actor | null, input: TCreateOrganisationBody): Promise<string> {
  const me = requireSignedIn(actor);
  if (!canCreateOrganisation(me)) throw new AppError('EMAIL_NOT_VERIFIED');
  return deps.db.transaction(async (tx) => {
    const slug = await uniqueHandle(input.name, async (s) => RESERVED.has(s) || (await organisationsRepository.slugExists(tx, s)));
    const row = await organisationsRepository.insert(tx, {
      id: newId(), slug, name: input.name, kind: input.kind, description: input.description, language: input.language ?? me.locale, website: input.website, neq: input.neq, territoryId: await territoryId(tx, input.territory), createdBy: me.id,
    });
    await organisationsRepository.upsertMember(tx, row.id, me.id, 'owner');
    await audit(tx, { actorId: me.id, action: 'organisation.create', subjectType: 'organisation', subjectId: row.id, data: { slug } });
    return slug;
  });
}

export type OrganisationPage = {
  organisation: OrganisationView; members: MemberView[]; hiddenMembers: number; role: OrganisationRole | null; can: OrganisationAbilities; id: string; follow?: FollowState;
  /** Moderation: set when hidden (then only its members and moderators get here); `report` for anyone else signed in. */
  hidden: { reason: string | null } | null; report: boolean;
};

/** An organisation as this viewer sees it: members shown as each one's role allows, and the viewer's abilities. */
export async function getOrganisationPage(deps: Deps, actor: Actor | null, slug: string, locale: Locale): Promise<OrganisationPage> {
  const row = await findOrganisation(deps, slug);
  if (row.hiddenAt && !(await seesHiddenContent(deps, actor, 'organisation', row.id))) throw new AppError('ORGANISATION_NOT_FOUND', { slug });
  const [role, members, follow, partnerships] = await Promise.all([roleIn(deps, row.id, actor), organisationsRepository.members(deps.db, row.id), followState(deps, actor, 'organisation', row.id), partnersRepository.partnershipsOf(deps.db, row.id)]);
  const visible = members.filter((m) => canSeeMember(role, m));
  return {
    id: row.id,
    follow,
    organisation: presentOrganisation(row, locale),
    members: visible.map(presentMember),
    hiddenMembers: members.length - visible.length,
    role,
    can: organisationAbilities(actor, role, partnerships.map((p) => p.caisse.id)),
    hidden: row.hiddenAt ? { reason: row.hiddenReason } : null,
    report: actor !== null && role === null && !row.hiddenAt,
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

/** An owner or representative adds a person (by handle) as member or representative, or changes their role; the owner role moves only by transfer. */
export async function addMember(deps: Deps, actor: Actor | null, slug: string, input: TAddMemberBody): Promise<void> {
  const me = requireSignedIn(actor);
  const row = await findOrganisation(deps, slug);
  const mine = await roleIn(deps, row.id, me);
  const person = await usersRepository.findByHandle(deps.db, input.handle);
  if (!canSetRole(mine, person ? await roleIn(deps, row.id, person) : null, input.role)) throw new AppError(mine === null || mine === 'member' ? 'NOT_REPRESENTATIVE' : 'NOT_OWNER');
  if (!person || person.suspendedAt) throw validationError({ handle: { key: 'organisations.members.unknownHandle' } });
  await deps.db.transaction(async (tx) => {
    await organisationsRepository.upsertMember(tx, row.id, person.id, input.role);
    await audit(tx, { actorId: me.id, action: 'organisation.member', subjectType: 'organisation', subjectId: row.id, data: { userId: person.id, role: input.role } });
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
  return { name: o.name, values: { name: o.name, kind: o.kind, neq: o.neq ?? '', description: o.description, language: o.language, website: o.website ?? '', territory: o.territory?.slug ?? '' } };
}
