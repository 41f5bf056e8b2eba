import { describe, expect, it } from 'vitest';
import { presentAdminCaisse, presentAdminTerritory, ZAdminCaisse, ZAdminTerritory } from './admin.presenter.js';
import { presentAuditEntry, presentOutboxMail, presentRoleGrant, ZAuditEntry, ZOutboxMail, ZRoleGrant } from './admin.logs.presenter.js';

const at = new Date('2026-11-02T14:03:07.123Z');

describe('admin presenters', () => {
  it('whitelists outbox fields: the text body for admins, never the HTML or the lease', () => {
    const row = { id: 'm1', toAddress: 'lea@example.test', subject: 'Bonjour', textBody: 'lien', htmlBody: '<p>lien</p>', kind: 'password_reset', status: 'dev' as const, attempts: 1, lastError: null, sentAt: at, createdAt: at, nextAttemptAt: at, at: '2026-11-02T14:03:07.123456Z' };
    const view = presentOutboxMail(row);
    expect(view).toEqual({ id: 'm1', to: 'lea@example.test', subject: 'Bonjour', kind: 'password_reset', status: 'dev', attempts: 1, lastError: null, createdAt: at.toISOString(), sentAt: at.toISOString(), textBody: 'lien' });
    expect(ZOutboxMail.strict().parse(view)).toEqual(view);
  });

  it('presents a role grant with its caisse, or none for a platform admin', () => {
    const base = { id: 'g1', displayName: 'Léa', email: 'lea@example.test', handle: 'lea', createdAt: at };
    expect(presentRoleGrant({ ...base, role: 'staff', caisseName: 'Caisse', caisseSlug: 'caisse' })).toEqual({ id: 'g1', role: 'staff', person: { handle: 'lea', displayName: 'Léa', email: 'lea@example.test' }, caisse: { slug: 'caisse', name: 'Caisse' }, createdAt: at.toISOString() });
    const admin = presentRoleGrant({ ...base, role: 'admin', caisseName: null, caisseSlug: null });
    expect(admin.caisse).toBeNull();
    expect(ZRoleGrant.strict().parse(admin)).toEqual(admin);
  });

  it('shows a system action without an actor and never the actor’s internal id', () => {
    const entry = { id: 'a1', actorId: null, actorName: null, actorHandle: null, action: 'role.grant', subjectType: 'user', subjectId: 'u1', data: { role: 'admin' }, createdAt: at, at: '' };
    const view = presentAuditEntry(entry);
    expect(view).toEqual({ id: 'a1', actor: null, action: 'role.grant', subject: { type: 'user', id: 'u1' }, data: { role: 'admin' }, createdAt: at.toISOString() });
    expect(ZAuditEntry.strict().parse(view)).toEqual(view);
  });

  it('presents territories and caisses in both languages with only listed fields', () => {
    const territory = presentAdminTerritory({ id: 't1', slug: 'villeray', parentId: 'p1', kind: 'neighbourhood', nameFr: 'Villeray', nameEn: 'Villeray', descriptionFr: 'fr', descriptionEn: 'en', rolloutState: 'pilot', position: 3, boundary: null, createdAt: at, updatedAt: at }, 'vsp');
    expect(ZAdminTerritory.strict().parse(territory)).toEqual(territory);
    expect(territory).toMatchObject({ parent: 'vsp', descriptions: { fr: 'fr', en: 'en' } });
    const caisse = presentAdminCaisse({ id: 'c1', slug: 'c', name: 'Caisse', descriptionFr: 'fr', descriptionEn: 'en', address: 'a', website: null, requiresApproval: true, createdAt: at, updatedAt: at }, ['villeray']);
    expect(ZAdminCaisse.strict().parse(caisse)).toEqual(caisse);
    expect(caisse).toMatchObject({ territories: ['villeray'], website: null, requiresApproval: true });
  });
});
