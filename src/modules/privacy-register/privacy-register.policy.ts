import { isPlatformAdmin, type ScopeActor } from '../access/access.scope.js';

/**
 * The incident register and the requests register hold sensitive facts about people: platform
 * admins only (not caisse admins, staff or moderators), for reading and for writing.
 */
export function canKeepPrivacyRegister(actor: ScopeActor): boolean {
  return isPlatformAdmin(actor);
}
