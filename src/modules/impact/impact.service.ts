import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import { hmac } from '../../platform/crypto.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { NeedKind } from '../needs/needs.domain.js';
import { ledgerColumns } from './impact.ledger.js';
import { impactRepository, type ImpactFilter, type ImpactSums } from './impact.repository.js';
import { impactCsv } from './impact.presenter.js';
import type { TImpactQuery } from './impact.schemas.js';

export type { ImpactSums } from './impact.types.js';

/** A pseudonymous key per supporter: people are counted distinctly without being named. */
function supporterKey(secret: string, supporterId: string): string {
  return hmac(secret, `impact:${supporterId}`);
}

export type FulfilledHelp = {
  pledgeId: string;
  supporterId: string | null;
  kind: NeedKind;
  materialMode: 'lend' | 'give' | null;
  quantity: number;
  project: { id: string; territoryId: string; caisseId: string | null };
  /** When both sides confirmed it. */
  occurredAt: Date;
  /** The help's last local day (the pledge's end, else start, date): before it comes, the help is planned, not counted. */
  helpDay?: string | null | undefined;
};

/** Records a fulfilled pledge in the ledger; call inside the transaction that fulfils it. */
export async function recordFulfilledHelp(tx: Db, deps: Pick<Deps, 'config'>, help: FulfilledHelp): Promise<void> {
  await impactRepository.insert(tx, {
    pledgeId: help.pledgeId,
    projectId: help.project.id,
    territoryId: help.project.territoryId,
    caisseId: help.project.caisseId,
    kind: help.kind,
    ...ledgerColumns(help.kind, help.materialMode, help.quantity),
    supporterKey: supporterKey(deps.config.sessionSecret, help.supporterId ?? `pledge:${help.pledgeId}`),
    occurredAt: help.occurredAt,
  }, help.helpDay);
}

/**
 * Records a caisse's funding of a project (a call for projects' award, ADR 0021): money contributed,
 * with no pledge behind it; the caisse counts as one supporter. Call inside the publishing transaction.
 */
export async function recordCaisseFunding(tx: Db, deps: Pick<Deps, 'config'>, f: { caisseId: string; project: { id: string; territoryId: string }; amountCents: number; occurredAt: Date }): Promise<void> {
  await impactRepository.insert(tx, {
    pledgeId: null,
    projectId: f.project.id,
    territoryId: f.project.territoryId,
    caisseId: f.caisseId,
    kind: 'funding',
    ...ledgerColumns('funding', null, f.amountCents),
    supporterKey: supporterKey(deps.config.sessionSecret, `caisse:${f.caisseId}`),
    occurredAt: f.occurredAt,
  });
}

/** Impact figures of a project, a territory (and the neighbourhoods under it) or a caisse, for their pages. */
export async function impactFor(deps: Pick<Deps, 'db'>, scope: { projectId?: string; territoryId?: string; caisseId?: string }): Promise<ImpactSums> {
  return impactRepository.totals(deps.db, scope);
}

/** What one person's fulfilled help adds up to (their own page), found through their pseudonymous key. */
export async function impactOfPerson(deps: Pick<Deps, 'db' | 'config'>, userId: string): Promise<ImpactSums> {
  return impactRepository.totals(deps.db, { supporterKey: supporterKey(deps.config.sessionSecret, userId) });
}

async function filterFrom(deps: Pick<Deps, 'db'>, q: TImpactQuery): Promise<ImpactFilter> {
  if (q.from && q.to && q.from > q.to) throw validationError({ to: { key: 'impact.validation.toBeforeFrom' } });
  const territoryId = q.territory ? await impactRepository.territoryIdBySlug(deps.db, q.territory) : undefined;
  if (q.territory && !territoryId) throw new AppError('TERRITORY_NOT_FOUND');
  const caisseId = q.caisse ? await impactRepository.caisseIdBySlug(deps.db, q.caisse) : undefined;
  if (q.caisse && !caisseId) throw new AppError('CAISSE_NOT_FOUND');
  return { territoryId, caisseId, from: q.from, to: q.to };
}

export async function impactTotals(deps: Pick<Deps, 'db'>, q: TImpactQuery): Promise<ImpactSums> {
  return impactRepository.totals(deps.db, await filterFrom(deps, q));
}

/** The same figures as CSV, one row per territory. */
export async function impactTotalsCsv(deps: Pick<Deps, 'db'>, q: TImpactQuery, locale: Locale): Promise<string> {
  return impactCsv(await impactRepository.byTerritory(deps.db, await filterFrom(deps, q)), locale);
}
