import { newId } from '../../db/ids.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { findOrganisation, roleIn } from '../organisations/organisations.service.js';
import { speaksFor } from '../organisations/organisations.policy.js';
import { offersRepository } from './offers.repository.js';
import type { OfferListFilters, OfferRecord } from './offers.types.js';
import { canCreateOffer, canEditOffer } from './offers.policy.js';
import { presentOffer, type OfferView, type TerritoryNames } from './offers.presenter.js';
import type { TOfferFields, TCreateOfferBody, TOfferListQuery, TUpdateOfferBody } from './offers.schemas.js';
import { recordOfferPublished } from '../social/activities.record.js';
import { seesHiddenContent } from '../moderation/moderation.service.js';

export type OfferPage = { items: OfferView[]; nextCursor: string | null };
export type OfferDetail = { offer: OfferView; can: { edit: boolean; contact: boolean; report: boolean }; hidden: { reason: string | null } | null };

/** Territory names by id (a small table, read whole). */
export async function territoryNames(deps: Pick<Deps, 'db'>): Promise<TerritoryNames> {
  const rows = await territoriesRepository.list(deps.db);
  return new Map(rows.map((t) => [t.id, { slug: t.slug, nameFr: t.nameFr, nameEn: t.nameEn }]));
}

async function territoryIds(db: Db, slugs: string[]): Promise<string[]> {
  const rows = await territoriesRepository.list(db);
  const bySlug = new Map(rows.map((t) => [t.slug, t.id]));
  const ids = slugs.map((s) => bySlug.get(s));
  if (ids.some((id) => id === undefined)) throw validationError({ territories: { key: 'validation.choice' } });
  return ids as string[];
}

function requireCreator(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canCreateOffer(actor)) throw new AppError('EMAIL_NOT_VERIFIED');
  return actor;
}

async function present(deps: Deps, rows: OfferRecord[], locale: Locale, viewer: Actor | null): Promise<OfferView[]> {
  const names = await territoryNames(deps);
  return rows.map((r) => presentOffer(r, names, locale, viewer));
}

async function listPage(deps: Deps, actor: Actor | null, locale: Locale, filters: Omit<OfferListFilters, 'signedIn'>, limit: number, cursor?: string): Promise<OfferPage> {
  const rows = await offersRepository.list(deps.db, { ...filters, signedIn: actor !== null }, limit, decodeCursor(cursor));
  const result = page(rows, limit, (r) => ({ at: r.cursorAt, id: r.id }));
  return { items: await present(deps, result.items, locale, actor), nextCursor: result.nextCursor };
}

/** Active offers, newest first, filtered by kind, territory served and words. */
export async function listOffers(deps: Deps, actor: Actor | null, locale: Locale, query: TOfferListQuery): Promise<OfferPage> {
  const { limit, cursor, territory, ...filters } = query;
  const territoryId = territory ? (await territoriesRepository.findBySlug(deps.db, territory))?.id : undefined;
  if (territory && !territoryId) return { items: [], nextCursor: null };
  return listPage(deps, actor, locale, { ...filters, territoryId, activeOnly: true }, limit, cursor);
}

/** An organisation's standing capacity: its active offers (its representatives also see paused ones). */
export async function listOrganisationOffers(deps: Deps, actor: Actor | null, locale: Locale, slug: string, limit = 50, cursor?: string): Promise<OfferPage> {
  const organisation = await findOrganisation(deps, slug);
  const role = await roleIn(deps, organisation.id, actor);
  return listPage(deps, actor, locale, { organisationId: organisation.id, activeOnly: role !== 'representative' && role !== 'owner', includeHidden: role !== null }, limit, cursor);
}

/** A person's own offers, paused ones included. */
export async function listMyOffers(deps: Deps, actor: Actor, locale: Locale): Promise<OfferView[]> {
  return (await listPage(deps, actor, locale, { ownerId: actor.id, activeOnly: false, includeHidden: true }, 50)).items;
}

async function loadOffer(deps: Deps, id: string): Promise<OfferRecord> {
  const row = await offersRepository.findById(deps.db, id);
  if (!row) throw new AppError('OFFER_NOT_FOUND');
  return row;
}

async function mayEdit(deps: Deps, actor: Actor | null, row: OfferRecord): Promise<boolean> {
  const role = row.organisationId ? await roleIn(deps, row.organisationId, actor) : null;
  return canEditOffer(actor, row, role);
}

/** An offer hidden by moderation is "not found" for everyone but its owner, its organisation's members and moderators. */
export async function getOffer(deps: Deps, actor: Actor | null, id: string, locale: Locale): Promise<OfferDetail> {
  const row = await loadOffer(deps, id);
  if (row.hiddenAt && !(await seesHiddenContent(deps, actor, 'offer', row.id))) throw new AppError('OFFER_NOT_FOUND');
  const edit = await mayEdit(deps, actor, row);
  const other = actor !== null && actor.id !== row.ownerId;
  return {
    offer: (await present(deps, [row], locale, actor))[0]!,
    can: { edit, contact: other, report: other && !edit && !row.hiddenAt },
    hidden: row.hiddenAt ? { reason: row.hiddenReason } : null,
  };
}

async function insertOffer(deps: Deps, me: Actor, input: TOfferFields, organisationId: string | null): Promise<string> {
  const id = newId();
  const now = new Date();
  const { territories, ...rest } = input;
  await deps.db.transaction(async (tx) => {
    const served = await territoryIds(tx, territories);
    await offersRepository.insert(tx, { id, ownerId: me.id, organisationId, ...rest, language: rest.language ?? me.locale, territoryIds: served, createdAt: now, updatedAt: now });
    await audit(tx, { actorId: me.id, action: 'offer.create', subjectType: 'offer', subjectId: id, data: { organisationId } });
    await recordOfferPublished(tx, { id, ownerId: me.id, organisationId, title: rest.title, territoryIds: served });
  });
  return id;
}

/** A person publishes an offer, in their name or on behalf of an organisation they represent. */
export async function createOffer(deps: Deps, actor: Actor | null, input: TCreateOfferBody): Promise<string> {
  const me = requireCreator(actor);
  const { organisation, ...offer } = input;
  if (!organisation) return insertOffer(deps, me, offer, null);
  const org = await findOrganisation(deps, organisation);
  if (!speaksFor(await roleIn(deps, org.id, me))) throw new AppError('NOT_REPRESENTATIVE');
  return insertOffer(deps, me, offer, org.id);
}

async function editable(deps: Deps, actor: Actor | null, id: string): Promise<{ me: Actor; row: OfferRecord }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const row = await loadOffer(deps, id);
  if (!(await mayEdit(deps, actor, row))) throw new AppError('FORBIDDEN');
  return { me: actor, row };
}

export async function updateOffer(deps: Deps, actor: Actor | null, id: string, input: TUpdateOfferBody): Promise<void> {
  const { row } = await editable(deps, actor, id);
  const { territories, ...rest } = input;
  await offersRepository.update(deps.db, row.id, { ...rest, ...(territories !== undefined ? { territoryIds: await territoryIds(deps.db, territories) } : {}) });
}

export async function deleteOffer(deps: Deps, actor: Actor | null, id: string): Promise<void> {
  const { me, row } = await editable(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    await offersRepository.delete(tx, row.id);
    await audit(tx, { actorId: me.id, action: 'offer.delete', subjectType: 'offer', subjectId: row.id, data: { organisationId: row.organisationId } });
  });
}

/** Neighbourhoods an offer may serve (pilot and open ones), named in the reader's language. */
export async function placeOptions(deps: Pick<Deps, 'db'>, locale: Locale): Promise<{ slug: string; name: string }[]> {
  const rows = await territoriesRepository.listWithParent(deps.db, { kind: 'neighbourhood', states: ['pilot', 'open'] });
  return rows.map((r) => ({ slug: r.slug, name: locale === 'en' ? r.nameEn : r.nameFr }));
}
