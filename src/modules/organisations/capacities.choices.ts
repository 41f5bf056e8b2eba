import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { NeedUnit } from '../needs/needs.domain.js';
import { capacitiesRepository } from './capacities.repository.js';
import { fitsUnit, periodKey, remainingOf } from './capacities.rules.js';

/** A capacity a representative may draw on when pledging for their organisation. */
export type CapacityChoice = { id: string; organisationId: string; labelFr: string; labelEn: string; remaining: number };

/** The current capacities of these organisations that count in this unit, with what remains this period. */
export async function capacitiesFor(db: Db, organisations: { id: string }[], unit: NeedUnit, now = new Date()): Promise<CapacityChoice[]> {
  if (organisations.length === 0) return [];
  const rows = (await Promise.all(organisations.map((o) => capacitiesRepository.listOf(db, o.id)))).flat().filter((r) => fitsUnit(r.kind, unit));
  const usage = await capacitiesRepository.usage(db, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, organisationId: r.organisationId, labelFr: r.labelFr, labelEn: r.labelEn, remaining: remainingOf(r.amount, usage.get(`${r.id}|${periodKey(r.period, now)}`) ?? 0) }));
}

/**
 * Checks a pledge may draw on a capacity: it belongs to the pledging organisation, is current,
 * counts in the need's unit, and has at least `quantity` left in this period. Fulfilment checks again.
 */
export async function checkCapacityForPledge(db: Db, capacityId: string, organisationId: string | null, unit: NeedUnit, quantity: number, now = new Date()): Promise<void> {
  const row = await capacitiesRepository.find(db, capacityId);
  if (!row || row.archivedAt || row.organisationId !== organisationId) throw new AppError('CAPACITY_NOT_FOUND');
  if (!fitsUnit(row.kind, unit)) throw new AppError('CAPACITY_NOT_FOUND');
  const used = (await capacitiesRepository.usage(db, [row.id])).get(`${row.id}|${periodKey(row.period, now)}`) ?? 0;
  if (quantity > remainingOf(row.amount, used)) throw new AppError('CAPACITY_EXHAUSTED', { remaining: remainingOf(row.amount, used) });
}

