import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import { canModeratePartnership, canSignCharter, speaksFor } from './organisations.policy.js';
import { findOrganisation, roleIn } from './organisations.service.js';
import { partnersRepository, type CaisseRef, type PartnershipRow } from './partners.repository.js';
import type { TPartnershipStatusBody, TSignCharterBody } from './partners.schemas.js';
import type { PartnershipStatus } from './partners.domain.js';

export type CharterView = { caisse: CaisseRef; version: number; text: string; otherText: string; publishedAt: string };
export type PartnershipView = { caisse: { slug: string; name: string }; status: PartnershipStatus; reason: string | null; since: string; charterVersion: number | null; signedAt: string | null; signedBy: string | null; canModerate: boolean };
/** One caisse's charter as an organisation sees it: signed (which version) or still to sign. */
export type CharterChoice = CharterView & { signedVersion: number | null; partnership: PartnershipStatus | null; canSign: boolean };

const view = (c: { caisse: CaisseRef; version: number; textFr: string; textEn: string; publishedAt: Date }, locale: Locale): CharterView => ({
  caisse: c.caisse, version: c.version, text: locale === 'en' ? c.textEn : c.textFr, otherText: locale === 'en' ? c.textFr : c.textEn, publishedAt: c.publishedAt.toISOString(),
});

/** Every caisse's current charter, with what this organisation signed and what this person may sign. */
export async function charterChoices(deps: Pick<Deps, 'db'>, actor: Actor | null, slug: string, locale: Locale): Promise<{ organisation: { id: string; slug: string; name: string }; role: Awaited<ReturnType<typeof roleIn>>; charters: CharterChoice[] }> {
  const org = await findOrganisation(deps, slug);
  const [role, latest, signed, partnerships] = await Promise.all([roleIn(deps, org.id, actor), partnersRepository.latestCharters(deps.db), partnersRepository.signedVersions(deps.db, org.id), partnersRepository.partnershipsOf(deps.db, org.id)]);
  const charters = latest.map((c) => {
    const versions = signed.filter((s) => s.caisseId === c.caisseId).map((s) => s.version);
    const signedVersion = versions.length ? Math.max(...versions) : null;
    return { ...view(c, locale), signedVersion, partnership: partnerships.find((p) => p.caisse.id === c.caisseId)?.status ?? null, canSign: canSignCharter(actor, role, signedVersion === c.version) };
  });
  return { organisation: { id: org.id, slug: org.slug, name: org.name }, role, charters };
}

/**
 * An owner or representative signs the current version of a caisse's charter on the organisation's
 * behalf: the signature records who, when, which version and which caisse, and the organisation
 * becomes a partner of that caisse (a partnership staff suspended stays suspended).
 */
export async function signCharter(deps: Pick<Deps, 'db'>, actor: Actor | null, slug: string, input: TSignCharterBody): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const org = await findOrganisation(deps, slug);
  const role = await roleIn(deps, org.id, actor);
  if (!speaksFor(role)) throw new AppError('NOT_REPRESENTATIVE');
  const charter = await partnersRepository.latestCharterOf(deps.db, input.caisse);
  if (!charter) throw new AppError('CHARTER_NOT_FOUND');
  if (!input.accept) throw validationError({ accept: { key: 'organisations.charter.required' } });
  await deps.db.transaction(async (tx) => {
    const s = { organisationId: org.id, caisseId: charter.caisseId, version: charter.version, signedBy: actor.id };
    if (!(await partnersRepository.insertSignature(tx, s))) throw new AppError('CHARTER_ALREADY_SIGNED');
    await partnersRepository.ensurePartnership(tx, org.id, charter.caisseId);
    await partnersRepository.syncPartnerSince(tx, org.id, actor.id, `${charter.caisse.slug}-v${charter.version}`);
    await audit(tx, { actorId: actor.id, action: 'organisation.charter.sign', subjectType: 'organisation', subjectId: org.id, data: { caisseId: charter.caisseId, version: charter.version } });
  });
}

const presentPartnership = (p: PartnershipRow, actor: Actor | null, showReason: boolean): PartnershipView => ({
  caisse: { slug: p.caisse.slug, name: p.caisse.name },
  status: p.status,
  reason: showReason ? p.reason : null,
  since: p.since.toISOString(),
  charterVersion: p.version,
  signedAt: p.signedAt?.toISOString() ?? null,
  signedBy: p.signedBy,
  canModerate: canModeratePartnership(actor, p.caisse.id),
});

/**
 * The organisation's partnerships. Everyone sees which caisses it is a partner of; a suspension's
 * reason is shown only to the organisation's people and to staff who may act on it.
 */
export async function listPartnerships(deps: Pick<Deps, 'db'>, actor: Actor | null, slug: string): Promise<PartnershipView[]> {
  const org = await findOrganisation(deps, slug);
  const [role, rows] = await Promise.all([roleIn(deps, org.id, actor), partnersRepository.partnershipsOf(deps.db, org.id)]);
  return rows.map((p) => presentPartnership(p, actor, role !== null || canModeratePartnership(actor, p.caisse.id)));
}

/** Staff of the caisse (or a platform admin) suspend or reinstate a partnership, with a reason; audited. */
export async function setPartnershipStatus(deps: Pick<Deps, 'db'>, actor: Actor | null, slug: string, caisseSlug: string, input: TPartnershipStatusBody): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const org = await findOrganisation(deps, slug);
  const caisse = await partnersRepository.caisseBySlug(deps.db, caisseSlug);
  if (!caisse) throw new AppError('CAISSE_NOT_FOUND');
  if (!canModeratePartnership(actor, caisse.id)) throw new AppError('FORBIDDEN');
  await deps.db.transaction(async (tx) => {
    if (!(await partnersRepository.setStatus(tx, org.id, caisse.id, input.status, input.reason))) throw new AppError('NOT_FOUND');
    await partnersRepository.syncPartnerSince(tx, org.id, null, null);
    await audit(tx, { actorId: actor.id, action: input.status === 'suspended' ? 'partnership.suspend' : 'partnership.reinstate', subjectType: 'organisation', subjectId: org.id, data: { caisseId: caisse.id, reason: input.reason } });
  });
}
