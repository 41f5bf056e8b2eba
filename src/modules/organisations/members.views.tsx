import type { RequestContext } from '../../platform/http/context.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, type FormErrors } from '../../platform/views/forms.js';
import type { OrganisationRole } from './organisations.domain.js';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
export type InviteFormState = { values: Record<string, unknown>; errors?: FormErrors | undefined };

/** Owners and representatives invite someone by e-mail, as member or representative. */
export function InviteForm({ ctx, slug, form }: { ctx: RequestContext; slug: string; form: InviteFormState }) {
  const { t } = ctx;
  const labels = { email: t('partners.members.email'), role: t('organisations.members.role') };
  return (
    <form method="post" action={`/organisations/${slug}/invitations`} class="stack organisation-invite-form" id="inviter" noValidate>
      <h3>{t('partners.members.inviteTitle')}</h3>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary t={t} errors={form.errors} labels={labels} />
      <Field t={t} name="email" type="email" label={labels.email} value={str(form.values.email)} errors={form.errors} required autocomplete="off" maxLength={254} inputMode="email" />
      <Select t={t} name="role" label={labels.role} value={str(form.values.role) || 'member'} errors={form.errors} options={(['member', 'representative'] as const).map((r) => ({ value: r, label: t(`organisations.role.${r}`) }))} />
      <div><button type="submit" class="button button-secondary">{t('partners.members.invite')}</button></div>
    </form>
  );
}

/** Leaving (with a confirmation), or for the owner, the way to transfer first. */
export function MembershipActions({ ctx, slug, role }: { ctx: RequestContext; slug: string; role: OrganisationRole | null }) {
  const { t } = ctx;
  if (role === null) return null;
  if (role === 'owner') {
    return (
      <p class="muted">{t('partners.members.ownerCannotLeave')} <a href={`/organisations/${slug}/transfert`}>{t('partners.members.transfer')}</a></p>
    );
  }
  return (
    <form method="post" action={`/organisations/${slug}/quitter`} data-confirm={t('partners.members.leaveConfirm')}>
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class="button button-secondary button-small">{t('partners.members.leave')}</button>
    </form>
  );
}

export function TransferPage({ ctx, organisation, values, errors }: { ctx: RequestContext; organisation: { slug: string; name: string }; values: Record<string, unknown>; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const labels = { handle: t('partners.members.handle'), confirm: t('partners.members.confirm') };
  return (
    <section class="narrow stack">
      <p><a href={`/organisations/${organisation.slug}`}>← {organisation.name}</a></p>
      <h1>{t('partners.members.transferTitle', { organisation: organisation.name })}</h1>
      <p class="lead">{t('partners.members.transferIntro')}</p>
      <form method="post" action={`/organisations/${organisation.slug}/transfert`} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <Field t={t} name="handle" label={labels.handle} hint={t('organisations.members.handleHint')} value={str(values.handle)} errors={errors} required maxLength={60} />
        <Checkbox t={t} name="confirm" label={labels.confirm} checked={values.confirm === 'on'} errors={errors} />
        <div class="form-actions">
          <button type="submit" class="button button-danger">{t('partners.members.transfer')}</button>
          <a href={`/organisations/${organisation.slug}`}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>
  );
}

export type InvitationData = { token: string; organisation: { slug: string; name: string }; role: OrganisationRole; expiresAt: Date; signedIn: boolean };

/** What an invitation link shows: who invites to what, and an accept button for a signed-in person. */
export function InvitationPage({ ctx, data }: { ctx: RequestContext; data: InvitationData }) {
  const { t, fmt } = ctx;
  const back = `/organisations/invitation?token=${encodeURIComponent(data.token)}`;
  return (
    <section class="narrow stack">
      <h1>{t('partners.invitation.title', { organisation: data.organisation.name })}</h1>
      <p class="lead">{t('partners.invitation.body', { organisation: data.organisation.name, role: t(`organisations.role.${data.role}`) })}</p>
      <p class="muted">{t('partners.invitation.expires', { date: fmt.date(data.expiresAt) })}</p>
      {data.signedIn ? (
        <form method="post" action="/organisations/invitation">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="token" value={data.token} />
          <button type="submit" class="button">{t('partners.invitation.accept')}</button>
        </form>
      ) : (
        <Notice>
          {t('partners.invitation.signIn')} <a href={`/connexion?retour=${encodeURIComponent(back)}`}>{t('partners.invitation.signInAction')}</a>
        </Notice>
      )}
    </section>
  );
}
