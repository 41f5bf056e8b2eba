/** Honour charters per caisse and partnerships (invitations, capacities, ownership: the other organisations-*.test.ts). */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createCaisse, FORM, form } from '../helpers/factories.js';
import { organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { charters, charterSignatures } from '../../src/modules/organisations/partners.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import { seedCharters } from '../../src/seed/charters.js';
import { ensureReferenceData, seedIfEmpty } from '../../src/seed/seed.js';
import { api, caisse, ctx, newOrganisation, orgRow, other, person, useOrganisationsApp } from './organisations.fixtures.js';

useOrganisationsApp();

describe('the honour charter per caisse and partnerships', () => {
  it('records who signed which version for which caisse; the organisation becomes that caisse’s partner', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const member = await person();
    const org = await orgRow(slug);
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: member.user.id, role: 'member' });
    const listed = (await api(null, 'GET', `/api/v1/organisations/${slug}/charter`)).json<{ items: { caisse: { slug: string }; version: number; text: string; canSign: boolean }[] }>();
    expect(listed.items.find((c) => c.caisse.slug === caisse.slug)).toMatchObject({ version: 1, text: 'Nous tenons parole.\n\nNous prévenons à temps.', canSign: false });
    expect((await api(member.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true })).json().error.code).toBe('NOT_REPRESENTATIVE');
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: false })).statusCode).toBe(400);
    const signed = await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true });
    expect(signed.json().items).toEqual([expect.objectContaining({ caisse: { slug: caisse.slug, name: 'Caisse du Plateau' }, status: 'active', charterVersion: 1, signedBy: owner.user.displayName })]);
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true })).json().error.code).toBe('CHARTER_ALREADY_SIGNED');
    const [sig] = await ctx.database.db.select().from(charterSignatures).where(eq(charterSignatures.organisationId, org.id));
    expect(sig).toMatchObject({ caisseId: caisse.id, version: 1, signedBy: owner.user.id });
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}` });
    expect(page.body).toContain('Partenaire de Caisse du Plateau depuis le');
    expect((await api(null, 'GET', `/api/v1/organisations/${slug}`)).json().partner).toBe(true);
  });

  it('lets staff of this caisse, not of another, suspend with a reason (audited) and reinstate', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    await api(owner.s, 'POST', `/api/v1/organisations/${slug}/charter`, { caisse: caisse.slug, accept: true });
    const staff = await person({ role: { role: 'staff', caisseId: caisse.id } });
    const stranger = await person({ role: { role: 'staff', caisseId: other.id } });
    const url = `/api/v1/organisations/${slug}/partnerships/${caisse.slug}`;
    expect((await api(stranger.s, 'PATCH', url, { status: 'suspended', reason: 'Non' })).statusCode).toBe(403);
    expect((await api(owner.s, 'PATCH', url, { status: 'suspended', reason: 'Non' })).statusCode).toBe(403);
    expect((await api(staff.s, 'PATCH', url, { status: 'suspended' })).json().error.details.fields).toEqual({ reason: 'Indiquez le motif de la suspension.' });
    const suspended = await api(staff.s, 'PATCH', url, { status: 'suspended', reason: 'Engagements non tenus' });
    expect(suspended.json().items[0]).toMatchObject({ status: 'suspended', reason: 'Engagements non tenus' });
    expect((await api(null, 'GET', `/api/v1/organisations/${slug}/partnerships`)).json().items[0].reason).toBeNull();
    expect((await api(null, 'GET', `/api/v1/organisations/${slug}`)).json().partner).toBe(false);
    expect((await api(staff.s, 'PATCH', url, { status: 'active' })).json().items[0].status).toBe('active');
    // The same through the organisation's page: staff see the form, others do not.
    const asStaff = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}`, headers: { cookie: staff.s.cookie } });
    expect(asStaff.body).toContain(`action="/organisations/${slug}/partenariats/${caisse.slug}"`);
    const asStranger = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}`, headers: { cookie: stranger.s.cookie } });
    expect(asStranger.body).not.toContain('/partenariats/');
    const viaForm = await ctx.app.inject({ method: 'POST', url: `/organisations/${slug}/partenariats/${caisse.slug}`, headers: { ...FORM, cookie: staff.s.cookie }, payload: form({ _csrf: staff.s.csrf, status: 'suspended', reason: 'Plainte reçue' }) });
    expect([viaForm.statusCode, viaForm.headers.location]).toEqual([303, `/organisations/${slug}?fait=suspendu#org-partnerships`]);
    const after = await ctx.app.inject({ method: 'GET', url: `/organisations/${slug}`, headers: { cookie: owner.s.cookie } });
    expect(after.body).toContain('Motif : Plainte reçue');
    const org = await orgRow(slug);
    const logged = await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, org.id));
    expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(['partnership.suspend', 'partnership.reinstate']));
  });
});

describe('demo charters', () => {
  it('are ensured at every start, also on a database seeded before charters existed', async () => {
    expect(await seedIfEmpty(ctx.app.deps)).toBe(false);
    const late = await createCaisse(ctx, { name: 'Caisse Tardive' });
    await ensureReferenceData(ctx.app.deps);
    await ensureReferenceData(ctx.app.deps);
    const rows = await ctx.database.db.select().from(charters).where(eq(charters.caisseId, late.id));
    expect(rows.map((r) => r.version)).toEqual([1]);
  });

  it('publishes a bilingual v1 for each caisse without one, once', async () => {
    const fresh = await createCaisse(ctx, { name: 'Caisse Neuve' });
    expect(await seedCharters(ctx.app.deps)).toBeGreaterThanOrEqual(1);
    expect(await seedCharters(ctx.app.deps)).toBe(0);
    const rows = await ctx.database.db.select().from(charters).where(eq(charters.caisseId, fresh.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1 });
    expect(rows[0]!.textFr).toContain('charte d’honneur de Caisse Neuve');
    expect(rows[0]!.textEn).toContain('honour charter of Caisse Neuve');
  });
});
