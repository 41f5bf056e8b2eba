import { actsForCaisse, actsForTerritory, isPlatformAdmin, type ScopeActor } from '../access/access.scope.js';

/** What the rules need to know about the project of a campaign: the actor's place in its team, the caisses serving its territory. */
export type CampaignPolicyContext = { onTeam: boolean; servingCaisseIds: readonly string[] };

/** Linking the campaign, posting amounts, refreshing the preview: the project's team (and platform admins). */
export function canManageCampaign(actor: ScopeActor, ctx: CampaignPolicyContext): boolean {
  return actor !== null && (ctx.onTeam || isPlatformAdmin(actor));
}

/** Confirming or rejecting reported amounts: staff of a caisse serving the project's territory (and platform admins). */
export function canConfirmSnapshots(actor: ScopeActor, ctx: CampaignPolicyContext): boolean {
  return actor !== null && actsForTerritory(actor, ctx.servingCaisseIds);
}

/** The caisses on whose behalf this actor may commit matchfunding here: serving ones they act for. */
export function matchingCaisseIds(actor: ScopeActor, ctx: CampaignPolicyContext): string[] {
  return ctx.servingCaisseIds.filter((id) => actsForCaisse(actor, id));
}

function canSetMatchfunding(actor: ScopeActor, ctx: CampaignPolicyContext): boolean {
  return matchingCaisseIds(actor, ctx).length > 0;
}

/** The campaign's abilities for pages and the API (views never check roles). */
export function campaignAbilities(actor: ScopeActor, ctx: CampaignPolicyContext) {
  return { manage: canManageCampaign(actor, ctx), confirm: canConfirmSnapshots(actor, ctx), match: canSetMatchfunding(actor, ctx) };
}
export type CampaignAbilities = ReturnType<typeof campaignAbilities>;
