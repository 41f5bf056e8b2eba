import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { usersRepository } from '../auth/users.repository.js';
import { canLeave, canManageMembers, canTransferOwnership } from './organisations.policy.js';
import { findOrganisation, roleIn } from './organisations.service.js';
import { invitationsRepository } from './invitations.repository.js';
import { invitationMail } from './organisations.mails.js';
import type { TInvitationBody, TTransferBody } from './partners.schemas.js';

/** How long an invitation link works. */
const INVITATION_DAYS = 14;

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/**
 * An owner or representative invites someone by e-mail: a one-time link (a random token, stored
 * only as its hash) that expires after INVITATION_DAYS; the mail goes through the outbox in the
 * same transaction.
 */
export async function inviteMember(deps: Deps, actor: Actor | null, slug: string, input: TInvitationBody, now = new Date()): Promise<{ expiresAt: Date }> {
  const me = signedIn(actor);
  const org = await findOrganisation(deps, slug);
  if (!canManageMembers(me, await roleIn(deps, org.id, me))) throw new AppError('NOT_REPRESENTATIVE');
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const existing = await usersRepository.findByEmail(deps.db, input.email);
  const locale = existing?.locale ?? me.locale;
  await deps.db.transaction(async (tx) => {
    const id = newId();
    await invitationsRepository.insert(tx, { id, organisationId: org.id, email: input.email, role: input.role, tokenHash: sha256(token), invitedBy: me.id, expiresAt });
    const mail = invitationMail({ to: input.email, locale, organisation: org.name, inviter: me.displayName, role: input.role, url: `${deps.config.publicUrl}/organisations/invitation?token=${encodeURIComponent(token)}`, expiresAt });
    await mailRepository.enqueue(tx, { ...mail, about: [`user:${me.id}`] });
    await audit(tx, { actorId: me.id, action: 'organisation.invite', subjectType: 'organisation', subjectId: org.id, data: { invitationId: id, role: input.role } });
  });
  return { expiresAt };
}

/** What an invitation link offers, or INVITATION_INVALID once expired or used. */
export async function describeInvitation(deps: Pick<Deps, 'db'>, token: string) {
  const found = await invitationsRepository.findUsable(deps.db, sha256(token));
  if (!found) throw new AppError('INVITATION_INVALID');
  return { organisation: found.organisation, role: found.role, expiresAt: found.expiresAt };
}

/** The signed-in person accepts: they join with the invited role (never lowering one they have). Returns the slug. */
export async function acceptInvitation(deps: Deps, actor: Actor | null, token: string): Promise<string> {
  const me = signedIn(actor);
  return deps.db.transaction(async (tx) => {
    const found = await invitationsRepository.findUsable(tx, sha256(token));
    if (!found || !(await invitationsRepository.markAccepted(tx, found.id, me.id))) throw new AppError('INVITATION_INVALID');
    await invitationsRepository.joinAtLeast(tx, found.organisationId, me.id, found.role);
    await audit(tx, { actorId: me.id, action: 'organisation.join', subjectType: 'organisation', subjectId: found.organisationId, data: { invitationId: found.id, role: found.role } });
    return found.organisation.slug;
  });
}

/** A member or representative leaves; an owner must hand the organisation over first. */
export async function leaveOrganisation(deps: Deps, actor: Actor | null, slug: string): Promise<void> {
  const me = signedIn(actor);
  const org = await findOrganisation(deps, slug);
  await deps.db.transaction(async (tx) => {
    const members = await invitationsRepository.lockMembers(tx, org.id);
    const role = members.find((m) => m.userId === me.id)?.role ?? null;
    if (role === null) throw new AppError('FORBIDDEN');
    if (!canLeave(role)) throw new AppError('OWNER_REQUIRED');
    await invitationsRepository.removeMember(tx, org.id, me.id);
    await audit(tx, { actorId: me.id, action: 'organisation.leave', subjectType: 'organisation', subjectId: org.id, data: { role } });
  });
}

/**
 * The owner hands the organisation to someone already in it; the former owner stays as a
 * representative. Under a lock on the membership rows, so there is always exactly one owner.
 */
export async function transferOwnership(deps: Deps, actor: Actor | null, slug: string, input: TTransferBody): Promise<void> {
  const me = signedIn(actor);
  const org = await findOrganisation(deps, slug);
  const recipient = await usersRepository.findByHandle(deps.db, input.handle);
  await deps.db.transaction(async (tx) => {
    const members = await invitationsRepository.lockMembers(tx, org.id);
    const mine = members.find((m) => m.userId === me.id)?.role ?? null;
    if (mine !== 'owner') throw new AppError('NOT_OWNER');
    const theirs = recipient && !recipient.suspendedAt && !recipient.deletedAt ? (members.find((m) => m.userId === recipient.id)?.role ?? null) : null;
    if (!recipient || !canTransferOwnership(mine, theirs)) throw validationError({ handle: { key: 'partners.members.notMember' } });
    if (!input.confirm) throw validationError({ confirm: { key: 'partners.members.confirmRequired' } });
    await invitationsRepository.setRole(tx, org.id, recipient.id, 'owner');
    await invitationsRepository.setRole(tx, org.id, me.id, 'representative');
    await audit(tx, { actorId: me.id, action: 'organisation.transfer', subjectType: 'organisation', subjectId: org.id, data: { from: me.id, to: recipient.id } });
  });
}
