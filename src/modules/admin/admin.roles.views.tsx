import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Select, type FormErrors } from '../../platform/views/forms.js';
import { ROLES } from '../auth/auth.domain.js';
import type { RoleGrantView } from './admin.logs.presenter.js';
import { AdminFrame, type DoneKey } from './admin.views.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

type Props = {
  ctx: RequestContext;
  grants: RoleGrantView[];
  caisses: { slug: string; name: string }[];
  can: { grant: boolean; revoke: boolean };
  values: Values;
  errors?: FormErrors | undefined;
  done?: DoneKey | undefined;
};

export function RolesPage({ ctx, grants, caisses, can, values, errors, done }: Props) {
  const { t, fmt } = ctx;
  const c = (k: string) => t(`admin.roles.columns.${k}`);
  const l = { email: t('admin.roles.fields.email'), role: t('admin.roles.fields.role'), caisse: t('admin.roles.fields.caisse') };
  return (
    <AdminFrame ctx={ctx} current="roles" title={t('admin.roles.title')} intro={t('admin.roles.intro')} done={done}>
      {grants.length === 0 ? <p>{t('admin.roles.empty')}</p> : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('admin.roles.tableCaption')}</caption>
            <thead><tr><th scope="col">{c('person')}</th><th scope="col">{c('email')}</th><th scope="col">{c('role')}</th><th scope="col">{c('caisse')}</th><th scope="col">{c('date')}</th>{can.revoke ? <th scope="col">{c('actions')}</th> : null}</tr></thead>
            <tbody>
              {grants.map((g) => {
                const role = t(`roles.${g.role}`);
                return (
                  <tr>
                    <th scope="row"><a href={`/membres/${g.person.handle}`}>{g.person.displayName}</a></th>
                    <td>{g.person.email}</td>
                    <td>{role}</td>
                    <td>{g.caisse ? g.caisse.name : t('admin.roles.wholePlatform')}</td>
                    <td><time datetime={g.createdAt}>{fmt.date(new Date(g.createdAt))}</time></td>
                    {can.revoke ? (
                      <td>
                        <form method="post" action={`/admin/roles/${g.id}/retirer`} class="inline-form" data-confirm={t('admin.roles.confirmRevoke', { role, name: g.person.displayName })}>
                          <CsrfField token={ctx.csrfToken} />
                          <button type="submit" class="button button-danger button-small" aria-label={t('admin.roles.revokeLabel', { role, name: g.person.displayName })}>{t('admin.roles.revoke')}</button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {can.grant ? (
        <>
          <h2>{t('admin.roles.grantTitle')}</h2>
          <ErrorSummary t={t} errors={errors} labels={l} />
          <form method="post" action="/admin/roles" novalidate class="stack narrow">
            <CsrfField token={ctx.csrfToken} />
            <Field t={t} name="email" type="email" label={l.email} value={str(values.email)} errors={errors} required autocomplete="off" hint={t('admin.roles.emailHint')} />
            <Select t={t} name="role" label={l.role} value={str(values.role) || 'staff'} errors={errors} required options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            <Select t={t} name="caisse" label={l.caisse} value={str(values.caisse)} errors={errors} hint={t('admin.roles.caisseHint')} emptyLabel={t('admin.roles.chooseCaisse')} options={caisses.map((x) => ({ value: x.slug, label: x.name }))} />
            <button type="submit" class="button">{t('admin.roles.grantSubmit')}</button>
          </form>
        </>
      ) : null}
    </AdminFrame>
  );
}
