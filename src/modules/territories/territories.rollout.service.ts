import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { audit } from '../../platform/audit.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { adminTerritoriesRepository } from '../admin/admin.territories.repository.js';
import { territoriesRepository, type TerritoryRow } from './territories.repository.js';
import { rolloutRepository, type RolloutChangeRow, type RolloutHistoryRow } from './territories.rollout.repository.js';
import { canChangeRollout } from './territories.policy.js';
import { parseBoundary } from './territories.geo.js';
import { inviteMail, inviteUrl } from './territories.invite.js';
import type { RolloutState } from './territories.domain.js';

export type RolloutChangeInput = { state: RolloutState; effectiveAt?: Date | undefined };
export type RolloutChangeResult = { territory: TerritoryRow; change: RolloutChangeRow | null; applied: boolean };

/**
 * An admin's rollout decision (ADR 0015). Without a date, or with a date already reached, the state
 * changes now; with a later date the change is scheduled and the rollout job applies it then. Any
 * pending schedule of the territory is cancelled first: the newest decision wins. Every change is
 * kept in the history (state, from, at, by) and in the audit log.
 */
export async function changeRollout(deps: Deps, actor: Actor, slug: string, input: RolloutChangeInput, now = new Date()): Promise<RolloutChangeResult> {
  if (!canChangeRollout(actor)) throw new AppError('FORBIDDEN');
  return deps.db.transaction(async (tx) => {
    const current = await adminTerritoriesRepository.findForUpdate(tx, slug);
    if (!current) throw new AppError('TERRITORY_NOT_FOUND', { slug });
    const later = input.effectiveAt !== undefined && input.effectiveAt.getTime() > now.getTime();
    if (later && input.state === current.rolloutState) throw validationError({ rolloutState: { key: 'territories.rollout.sameState' } });
    const cancelled = await rolloutRepository.cancelPending(tx, current.id);
    const immediate = !later;
    if (immediate && input.state === current.rolloutState) {
      if (cancelled) await audit(tx, { actorId: actor.id, action: 'territory.rollout.cancel', subjectType: 'territory', subjectId: current.id, data: { state: current.rolloutState } });
      return { territory: current, change: null, applied: false };
    }
    if (!immediate) {
      const change = await rolloutRepository.insertChange(tx, { territoryId: current.id, fromState: current.rolloutState, toState: input.state, effectiveAt: input.effectiveAt!, createdBy: actor.id });
      await audit(tx, { actorId: actor.id, action: 'territory.rollout.schedule', subjectType: 'territory', subjectId: current.id, data: { from: current.rolloutState, to: input.state, effectiveAt: input.effectiveAt!.toISOString() } });
      return { territory: current, change, applied: false };
    }
    const territory = (await adminTerritoriesRepository.update(tx, current.id, { rolloutState: input.state }))!;
    const change = await rolloutRepository.insertChange(tx, { territoryId: current.id, fromState: current.rolloutState, toState: input.state, effectiveAt: now, appliedAt: now, createdBy: actor.id });
    await audit(tx, { actorId: actor.id, action: 'territory.rollout', subjectType: 'territory', subjectId: current.id, data: { from: current.rolloutState, to: input.state } });
    return { territory, change, applied: true };
  });
}

/** Applies every schedule whose date has come, one transaction each; returns how many. */
export async function applyDueChanges(deps: Pick<Deps, 'db'>, now = new Date()): Promise<number> {
  let applied = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const change = await rolloutRepository.claimDue(tx, now);
      if (!change) return false;
      const territory = await territoriesRepository.findById(tx, change.territoryId);
      if (territory) {
        await adminTerritoriesRepository.update(tx, territory.id, { rolloutState: change.toState });
        await audit(tx, { actorId: change.createdBy, action: 'territory.rollout', subjectType: 'territory', subjectId: territory.id, data: { from: territory.rolloutState, to: change.toState, scheduled: true, changeId: change.id } });
      }
      await rolloutRepository.markApplied(tx, change.id, territory?.rolloutState ?? change.toState);
      return true;
    });
    if (!done) return applied;
    applied++;
  }
}

const INVITE_BATCH = 50;

/**
 * Invites every waitlisted address of an opened (pilot or open) territory that was never invited:
 * each batch claims its rows (`notified_at`) and queues their mails in one transaction, so a
 * concurrent or repeated run mails nobody twice, and a failed run mails nobody (it rolls back).
 */
export async function inviteWaitlists(deps: Pick<Deps, 'db' | 'config'>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const claimed = await rolloutRepository.claimInvites(tx, INVITE_BATCH);
      for (const invite of claimed) {
        await mailRepository.enqueue(tx, inviteMail(invite, inviteUrl(deps.config.publicUrl, deps.config.sessionSecret, invite)));
      }
      return claimed.length;
    });
    total += n;
    if (n < INVITE_BATCH) return total;
  }
}

/** The rollout job: scheduled changes first, then the invitations they (or admins) made due. */
export async function runRolloutTick(deps: Pick<Deps, 'db' | 'config'>, now = new Date()): Promise<{ applied: number; invited: number }> {
  const applied = await applyDueChanges(deps, now);
  const invited = await inviteWaitlists(deps);
  return { applied, invited };
}

export type { RolloutHistoryRow };
export type RolloutAdminView = { history: RolloutHistoryRow[]; waitlist: { total: number; pending: number } };

export async function rolloutDetails(deps: Deps, actor: Actor, territoryId: string): Promise<RolloutAdminView> {
  if (!canChangeRollout(actor)) throw new AppError('FORBIDDEN');
  const [history, waitlist] = await Promise.all([rolloutRepository.history(deps.db, territoryId), rolloutRepository.waitlistCounts(deps.db, territoryId)]);
  return { history, waitlist };
}

/** Replaces a territory's boundary with a validated GeoJSON (multi)polygon; null actor = operator CLI. */
export async function setBoundary(deps: Deps, actor: Actor | null, slug: string, document: unknown): Promise<TerritoryRow> {
  if (actor && !canChangeRollout(actor)) throw new AppError('FORBIDDEN');
  const boundary = parseBoundary(document);
  if (!boundary) throw validationError({ boundary: { key: 'territories.boundary.invalid' } });
  const territory = await territoriesRepository.findBySlug(deps.db, slug);
  if (!territory) throw new AppError('TERRITORY_NOT_FOUND', { slug });
  await deps.db.transaction(async (tx) => {
    await rolloutRepository.setBoundary(tx, territory.id, boundary);
    await audit(tx, { actorId: actor?.id ?? null, action: 'territory.boundary', subjectType: 'territory', subjectId: territory.id, data: { type: boundary.type } });
  });
  return { ...territory, boundary };
}

export type BoundaryFileResult = { file: string; slug: string | null; ok: boolean };

/**
 * Loads every `*.geojson` of a folder: each file is one Feature whose `properties.slug` (or, failing
 * that, the file name) names the territory. Used by the seed and by `npm run cli -- load-boundaries`.
 */
export async function loadBoundaryFiles(deps: Deps, dir: string): Promise<BoundaryFileResult[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.geojson')).sort();
  const results: BoundaryFileResult[] = [];
  for (const file of files) {
    let slug: string | null = null;
    try {
      const doc = JSON.parse(await readFile(join(dir, file), 'utf8')) as { properties?: { slug?: unknown } };
      slug = typeof doc.properties?.slug === 'string' ? doc.properties.slug : file.replace(/\.geojson$/, '');
      await setBoundary(deps, null, slug, doc);
      results.push({ file, slug, ok: true });
    } catch {
      results.push({ file, slug, ok: false });
    }
  }
  return results;
}
