/** Inviting people into an organisation by e-mail (the rest: organisations-*.test.ts). */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { organisationInvitations } from '../../src/modules/organisations/partners.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { api, ctx, newOrganisation, orgRow, person, useOrganisationsApp } from './organisations.fixtures.js';

useOrganisationsApp();

describe('organisations with an owner: invitations', () => {
  it('invites by e-mail through the outbox; the link works once, not after expiry', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const invitee = await person();
    const member = await person();
    expect((await api(invitee.s, 'POST', `/api/v1/organisations/${slug}/invitations`, { email: member.user.email })).statusCode).toBe(403);
    const sent = await api(owner.s, 'POST', `/api/v1/organisations/${slug}/invitations`, { email: invitee.user.email, role: 'representative' });
    expect(sent.statusCode).toBe(201);
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, invitee.user.email), eq(mailOutbox.kind, 'organisation_invitation')));
    const token = /token=([\w-]+)/.exec(mail!.textBody)![1]!;
    expect(mail!.textBody).not.toContain('token_hash');
    const page = await ctx.app.inject({ method: 'GET', url: `/organisations/invitation?token=${token}`, headers: { cookie: invitee.s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Accepter l’invitation');
    const accepted = await api(invitee.s, 'POST', '/api/v1/organisation-invitations/accept', { token });
    expect(accepted.json()).toEqual({ organisation: slug });
    expect((await api(member.s, 'POST', '/api/v1/organisation-invitations/accept', { token })).json().error.code).toBe('INVITATION_INVALID');
    const org = await orgRow(slug);
    const roles = await ctx.database.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(roles.find((r) => r.userId === invitee.user.id)?.role).toBe('representative');
    // An expired invitation is refused.
    await api(owner.s, 'POST', `/api/v1/organisations/${slug}/invitations`, { email: member.user.email });
    const [late] = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, member.user.email), eq(mailOutbox.kind, 'organisation_invitation')));
    await ctx.database.db.update(organisationInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(organisationInvitations.email, member.user.email));
    const expired = await api(member.s, 'POST', '/api/v1/organisation-invitations/accept', { token: /token=([\w-]+)/.exec(late!.textBody)![1]! });
    expect(expired.json().error.code).toBe('INVITATION_INVALID');
  });
});
