import type { RequestContext } from '../../platform/http/context.js';
import { Checkbox, CsrfField, ErrorSummary, Field, TextArea, type FormErrors } from '../../platform/views/forms.js';
import type { AdminCaisseView, AdminTerritoryView } from './admin.presenter.js';
import type { CaisseAbilities } from './admin.policy.js';
import { AdminFrame, type DoneKey } from './admin.views.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const checked = (v: unknown) => v === true || v === 'on';
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

function labels(ctx: RequestContext) {
  const f = (k: string) => ctx.t(`admin.caisses.fields.${k}`);
  return { slug: f('slug'), name: f('name'), descriptionFr: f('descriptionFr'), descriptionEn: f('descriptionEn'), address: f('address'), website: f('website'), requiresApproval: f('requiresApproval'), territories: f('territories') };
}

/** Checkboxes of served territories (ids made unique per territory). */
function TerritoryChoices({ ctx, territories, selected, errors }: { ctx: RequestContext; territories: AdminTerritoryView[]; selected: string[]; errors: FormErrors | undefined }) {
  const issue = errors?.territories;
  return (
    <fieldset id="territories" class={issue ? 'field-invalid' : undefined} aria-describedby={issue ? 'territories-error' : undefined}>
      <legend>{ctx.t('admin.caisses.territoriesLegend')}</legend>
      <ul class="admin-checklist">
        {territories.map((x) => (
          <li class="field field-check">
            <input type="checkbox" id={`territory-${x.slug}`} name="territories" value={x.slug} checked={selected.includes(x.slug)} />
            <label for={`territory-${x.slug}`}>{x.names[ctx.locale]}</label>
          </li>
        ))}
      </ul>
      {issue ? <p class="field-error" id="territories-error">{ctx.t(issue.key, issue.params)}</p> : null}
    </fieldset>
  );
}

function DetailFields({ ctx, values, errors }: { ctx: RequestContext; values: Values; errors: FormErrors | undefined }) {
  const { t } = ctx;
  const l = labels(ctx);
  return (
    <>
      <TextArea t={t} name="descriptionFr" label={l.descriptionFr} value={str(values.descriptionFr)} errors={errors} maxLength={2000} rows={3} />
      <TextArea t={t} name="descriptionEn" label={l.descriptionEn} value={str(values.descriptionEn)} errors={errors} maxLength={2000} rows={3} />
      <Field t={t} name="address" label={l.address} value={str(values.address)} errors={errors} maxLength={300} autocomplete="off" />
      <Field t={t} name="website" type="url" label={l.website} value={str(values.website)} errors={errors} maxLength={300} inputMode="url" hint={t('admin.caisses.websiteHint')} />
      <Checkbox t={t} name="requiresApproval" label={l.requiresApproval} checked={checked(values.requiresApproval)} errors={errors} />
    </>
  );
}

type ListProps = { ctx: RequestContext; caisses: AdminCaisseView[]; territories: AdminTerritoryView[]; values: Values; errors?: FormErrors | undefined; done?: DoneKey | undefined };

export function CaissesPage({ ctx, caisses, territories, values, errors, done }: ListProps) {
  const { t } = ctx;
  const l = labels(ctx);
  const c = (k: string) => t(`admin.caisses.columns.${k}`);
  const names = new Map(territories.map((x) => [x.slug, x.names[ctx.locale]]));
  return (
    <AdminFrame ctx={ctx} current="caisses" title={t('admin.caisses.title')} intro={t('admin.caisses.intro')} done={done}>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('admin.caisses.tableCaption')}</caption>
          <thead><tr><th scope="col">{c('name')}</th><th scope="col">{c('slug')}</th><th scope="col">{c('territories')}</th><th scope="col">{c('approval')}</th><th scope="col">{c('actions')}</th></tr></thead>
          <tbody>
            {caisses.map((x) => (
              <tr>
                <th scope="row"><a href={`/caisses/${x.slug}`}>{x.name}</a></th>
                <td><code>{x.slug}</code></td>
                <td>{x.territories.length ? x.territories.map((s) => names.get(s) ?? s).join(', ') : t('admin.caisses.noTerritory')}</td>
                <td>{t(x.requiresApproval ? 'admin.caisses.approvalRequired' : 'admin.caisses.approvalNone')}</td>
                <td><a href={`/admin/caisses/${x.slug}`} aria-label={t('admin.caisses.editLabel', { name: x.name })}>{t('admin.caisses.edit')}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="nouvelle">{t('admin.caisses.createTitle')}</h2>
      <ErrorSummary t={t} errors={errors} labels={l} />
      <form method="post" action="/admin/caisses" novalidate class="stack narrow">
        <CsrfField token={ctx.csrfToken} />
        <Field t={t} name="slug" label={l.slug} value={str(values.slug)} errors={errors} required maxLength={60} hint={t('admin.caisses.slugHint')} />
        <Field t={t} name="name" label={l.name} value={str(values.name)} errors={errors} required maxLength={120} />
        <DetailFields ctx={ctx} values={values} errors={errors} />
        <TerritoryChoices ctx={ctx} territories={territories} selected={list(values.territories)} errors={errors} />
        <button type="submit" class="button">{t('admin.caisses.createSubmit')}</button>
      </form>
    </AdminFrame>
  );
}

type EditProps = { ctx: RequestContext; caisse: AdminCaisseView; territories: AdminTerritoryView[]; can: CaisseAbilities; values: Values; errors?: FormErrors | undefined; done?: DoneKey | undefined };

export function CaisseEditPage({ ctx, caisse, territories, can, values, errors, done }: EditProps) {
  const { t } = ctx;
  const l = labels(ctx);
  return (
    <AdminFrame ctx={ctx} current="caisses" title={t('admin.caisses.editTitle', { name: caisse.name })} done={done}>
      <p><a href="/admin/caisses">{t('admin.caisses.back')}</a></p>
      <ErrorSummary t={t} errors={errors} labels={l} />
      <form method="post" action={`/admin/caisses/${caisse.slug}`} novalidate class="stack narrow">
        <CsrfField token={ctx.csrfToken} />
        {can.editName ? <Field t={t} name="name" label={l.name} value={str(values.name)} errors={errors} required maxLength={120} /> : null}
        <DetailFields ctx={ctx} values={values} errors={errors} />
        {can.editTerritories ? <TerritoryChoices ctx={ctx} territories={territories} selected={list(values.territories)} errors={errors} /> : null}
        <button type="submit" class="button">{t('admin.caisses.saveSubmit')}</button>
      </form>
    </AdminFrame>
  );
}
