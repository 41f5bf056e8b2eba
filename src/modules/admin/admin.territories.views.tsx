import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { ROLLOUT_STATES, TERRITORY_KINDS } from '../territories/territories.domain.js';
import type { AdminTerritoryView } from './admin.presenter.js';
import { AdminFrame, type DoneKey } from './admin.views.js';
import { RolloutAdminPanel } from '../territories/territories.rollout.views.js';
import type { RolloutAdminView } from '../territories/territories.rollout.service.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const nameOf = (ctx: RequestContext, t: AdminTerritoryView) => t.names[ctx.locale];

function labels(ctx: RequestContext) {
  const f = (k: string) => ctx.t(`admin.territories.fields.${k}`);
  return { slug: f('slug'), kind: f('kind'), parent: f('parent'), nameFr: f('nameFr'), nameEn: f('nameEn'), descriptionFr: f('descriptionFr'), descriptionEn: f('descriptionEn'), rolloutState: f('rolloutState'), position: f('position') };
}

/** The rollout state of one territory: any direction, confirmed before it is sent. */
function RolloutForm({ ctx, territory }: { ctx: RequestContext; territory: AdminTerritoryView }) {
  const { t } = ctx;
  const name = nameOf(ctx, territory);
  const id = `rollout-${territory.slug}`;
  return (
    <form method="post" action={`/admin/territoires/${territory.slug}/etat`} class="inline-form" data-confirm={t('admin.territories.confirmState', { name })}>
      <CsrfField token={ctx.csrfToken} />
      <div class="field">
        <label for={id} class="visually-hidden">{t('admin.territories.stateLabel', { name })}</label>
        <select id={id} name="rolloutState">
          {ROLLOUT_STATES.map((s) => <option value={s} selected={s === territory.rolloutState}>{t(`rollout.${s}`)}</option>)}
        </select>
      </div>
      <button type="submit" class="button button-secondary button-small">
        {t('admin.territories.changeState')}<span class="visually-hidden"> — {name}</span>
      </button>
    </form>
  );
}

function DetailFields({ ctx, values, errors, parents }: { ctx: RequestContext; values: Values; errors: FormErrors | undefined; parents: AdminTerritoryView[] }) {
  const { t } = ctx;
  const l = labels(ctx);
  return (
    <>
      <Field t={t} name="nameFr" label={l.nameFr} value={str(values.nameFr)} errors={errors} required maxLength={120} />
      <Field t={t} name="nameEn" label={l.nameEn} value={str(values.nameEn)} errors={errors} required maxLength={120} />
      <Select t={t} name="parent" label={l.parent} value={str(values.parent)} errors={errors} emptyLabel={t('admin.territories.noParent')} options={parents.map((p) => ({ value: p.slug, label: nameOf(ctx, p) }))} />
      <TextArea t={t} name="descriptionFr" label={l.descriptionFr} value={str(values.descriptionFr)} errors={errors} maxLength={2000} rows={3} />
      <TextArea t={t} name="descriptionEn" label={l.descriptionEn} value={str(values.descriptionEn)} errors={errors} maxLength={2000} rows={3} />
      <Field t={t} name="position" label={l.position} value={str(values.position)} errors={errors} inputMode="numeric" maxLength={5} hint={t('admin.territories.positionHint')} />
    </>
  );
}

type ListProps = { ctx: RequestContext; territories: AdminTerritoryView[]; can: { manage: boolean }; values: Values; errors?: FormErrors | undefined; done?: DoneKey | undefined };

export function TerritoriesPage({ ctx, territories, can, values, errors, done }: ListProps) {
  const { t } = ctx;
  const bySlug = new Map(territories.map((x) => [x.slug, x]));
  const c = (k: string) => t(`admin.territories.columns.${k}`);
  const l = labels(ctx);
  return (
    <AdminFrame ctx={ctx} current="territories" title={t('admin.territories.title')} intro={t('admin.territories.intro')} done={done}>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('admin.territories.tableCaption')}</caption>
          <thead><tr><th scope="col">{c('name')}</th><th scope="col">{c('slug')}</th><th scope="col">{c('kind')}</th><th scope="col">{c('parent')}</th><th scope="col">{c('state')}</th>{can.manage ? <th scope="col">{c('actions')}</th> : null}</tr></thead>
          <tbody>
            {territories.map((x) => {
              const parent = x.parent ? bySlug.get(x.parent) : undefined;
              return (
                <tr>
                  <th scope="row"><a href={`/territoires/${x.slug}`}>{nameOf(ctx, x)}</a></th>
                  <td><code>{x.slug}</code></td>
                  <td>{t(`territoryKind.${x.kind}`)}</td>
                  <td>{parent ? nameOf(ctx, parent) : '—'}</td>
                  <td><span class={`badge badge-${x.rolloutState}`}>{t(`rollout.${x.rolloutState}`)}</span></td>
                  {can.manage ? (
                    <td class="admin-actions">
                      <RolloutForm ctx={ctx} territory={x} />
                      <a href={`/admin/territoires/${x.slug}`} aria-label={t('admin.territories.editLabel', { name: nameOf(ctx, x) })}>{t('admin.territories.edit')}</a>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {can.manage ? (
        <>
          <h2 id="nouveau">{t('admin.territories.createTitle')}</h2>
          <ErrorSummary t={t} errors={errors} labels={l} />
          <form method="post" action="/admin/territoires" novalidate class="stack narrow">
            <CsrfField token={ctx.csrfToken} />
            <Field t={t} name="slug" label={l.slug} value={str(values.slug)} errors={errors} required maxLength={60} hint={t('admin.territories.slugHint')} />
            <Select t={t} name="kind" label={l.kind} value={str(values.kind) || 'neighbourhood'} errors={errors} required options={TERRITORY_KINDS.map((k) => ({ value: k, label: t(`territoryKind.${k}`) }))} />
            <DetailFields ctx={ctx} values={values} errors={errors} parents={territories} />
            <Select t={t} name="rolloutState" label={l.rolloutState} value={str(values.rolloutState) || 'planned'} errors={errors} options={ROLLOUT_STATES.map((s) => ({ value: s, label: t(`rollout.${s}`) }))} />
            <button type="submit" class="button">{t('admin.territories.createSubmit')}</button>
          </form>
        </>
      ) : null}
    </AdminFrame>
  );
}

type RolloutPanel = RolloutAdminView & { form?: { values: Values; errors?: FormErrors | undefined } | undefined };
type EditProps = { ctx: RequestContext; territory: AdminTerritoryView; parents: AdminTerritoryView[]; values: Values; errors?: FormErrors | undefined; done?: DoneKey | undefined; rollout: RolloutPanel };

export function TerritoryEditPage({ ctx, territory, parents, values, errors, done, rollout }: EditProps) {
  const { t } = ctx;
  const l = labels(ctx);
  return (
    <AdminFrame ctx={ctx} current="territories" title={t('admin.territories.editTitle', { name: nameOf(ctx, territory) })} done={done}>
      <p><a href="/admin/territoires">{t('admin.territories.back')}</a></p>
      <RolloutAdminPanel ctx={ctx} slug={territory.slug} name={nameOf(ctx, territory)} state={territory.rolloutState} rollout={rollout} values={rollout.form?.values} errors={rollout.form?.errors} />
      <h2>{t('admin.territories.detailsTitle')}</h2>
      <ErrorSummary t={t} errors={errors} labels={l} />
      <form method="post" action={`/admin/territoires/${territory.slug}`} novalidate class="stack narrow">
        <CsrfField token={ctx.csrfToken} />
        <DetailFields ctx={ctx} values={values} errors={errors} parents={parents} />
        <button type="submit" class="button">{t('admin.territories.saveSubmit')}</button>
      </form>
    </AdminFrame>
  );
}
