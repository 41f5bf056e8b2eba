import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import type { NeedUnit } from '../needs/needs.domain.js';
import { canDeclareCapacity, speaksFor } from './organisations.policy.js';
import { findOrganisation, roleIn } from './organisations.service.js';
import { capacitiesRepository, type CapacityRow } from './capacities.repository.js';
import { capacityUnit, periodKey, remainingOf } from './capacities.rules.js';
import type { TCapacityBody } from './partners.schemas.js';
import type { CapacityKind, CapacityPeriod } from './partners.domain.js';

export type CapacityView = { id: string; kind: CapacityKind; unit: NeedUnit | null; amount: number; period: CapacityPeriod; label: string; periodKey: string; used: number; remaining: number };

function present(row: CapacityRow, usage: Map<string, number>, locale: Locale, now: Date): CapacityView {
  const key = periodKey(row.period, now);
  const used = usage.get(`${row.id}|${key}`) ?? 0;
  return { id: row.id, kind: row.kind, unit: capacityUnit(row.kind), amount: row.amount, period: row.period, label: locale === 'en' ? row.labelEn : row.labelFr, periodKey: key, used, remaining: remainingOf(row.amount, used) };
}

/** An organisation's standing capacities with what was used and what remains in the current period. */
export async function capacitiesOf(db: Db, organisationId: string, locale: Locale, now = new Date()): Promise<CapacityView[]> {
  const rows = await capacitiesRepository.listOf(db, organisationId);
  const usage = await capacitiesRepository.usage(db, rows.map((r) => r.id));
  return rows.map((r) => present(r, usage, locale, now));
}

export async function listCapacities(deps: Pick<Deps, 'db'>, slug: string, locale: Locale): Promise<CapacityView[]> {
  const org = await findOrganisation(deps, slug);
  return capacitiesOf(deps.db, org.id, locale);
}

/** A partner's owner or representative declares a standing capacity (the organisation must be a partner). */
export async function declareCapacity(deps: Pick<Deps, 'db'>, actor: Actor | null, slug: string, input: TCapacityBody, locale: Locale): Promise<CapacityView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const org = await findOrganisation(deps, slug);
  if (!canDeclareCapacity(actor, await roleIn(deps, org.id, actor))) throw new AppError('NOT_REPRESENTATIVE');
  if (!org.charterSignedAt) throw new AppError('NOT_PARTNER_REPRESENTATIVE');
  const row = await deps.db.transaction(async (tx) => {
    const created = await capacitiesRepository.insert(tx, { id: newId(), organisationId: org.id, ...input });
    await audit(tx, { actorId: actor.id, action: 'organisation.capacity.declare', subjectType: 'organisation', subjectId: org.id, data: { capacityId: created.id, kind: input.kind, amount: input.amount, period: input.period } });
    return created;
  });
  return present(row, new Map(), locale, new Date());
}

/** Withdraws a capacity from the catalogue (pledges that drew on it keep their history). */
export async function archiveCapacity(deps: Pick<Deps, 'db'>, actor: Actor | null, slug: string, capacityId: string): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const org = await findOrganisation(deps, slug);
  if (!speaksFor(await roleIn(deps, org.id, actor))) throw new AppError('NOT_REPRESENTATIVE');
  const row = await capacitiesRepository.find(deps.db, capacityId);
  if (!row || row.organisationId !== org.id || row.archivedAt) throw new AppError('CAPACITY_NOT_FOUND');
  await capacitiesRepository.archive(deps.db, row.id);
}

/**
 * Inside the fulfilment transaction: takes the pledge's quantity from the capacity's current
 * period with one conditional UPDATE. When it would go below zero the fulfilment is refused
 * (CAPACITY_EXHAUSTED) and the whole transaction rolls back.
 */
export async function consumeCapacity(tx: Db, capacityId: string, quantity: number, now = new Date()): Promise<void> {
  const row = await capacitiesRepository.find(tx, capacityId);
  if (!row) return;
  const used = await capacitiesRepository.consume(tx, row.id, periodKey(row.period, now), quantity);
  if (used === null) throw new AppError('CAPACITY_EXHAUSTED');
}
