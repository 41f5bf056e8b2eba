import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { BOARD_LIMITS } from './boards.policy.js';
import type { CuratorOption } from './boards.service.js';
import { str } from './boards.list.views.js';

export type BoardFormData = { mode: 'create' | 'edit'; action: string; cancelHref: string; values: Record<string, unknown>; errors?: FormErrors | undefined; places: { slug: string; name: string }[]; curator: CuratorOption[]; curated: boolean };

function Radios({ name, legend, value, options }: { name: string; legend: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div class="field-check">
          <input type="radio" id={`${name}-${o.value}`} name={name} value={o.value} checked={value === o.value} />
          <label for={`${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function BoardFormPage({ ctx, data }: { ctx: RequestContext; data: BoardFormData }) {
  const { t } = ctx;
  const v = (name: string) => str(data.values[name]);
  const labels = { title: t('boards.form.title'), description: t('boards.form.description'), territory: t('boards.form.territory'), caisse: t('boards.form.curatedFor'), curated: t('boards.form.curatedLegend'), language: t('boards.form.language'), visibility: t('boards.form.visibility') };
  const curatedChecked = data.values.curated === 'on' || data.values.curated === true || data.values.curated === 'true';
  const places = data.places;
  return (
    <div class="stack narrow">
      <h1>{t(data.mode === 'create' ? 'boards.form.createTitle' : 'boards.form.editTitle')}</h1>
      <form method="post" action={data.action} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={data.errors} labels={labels} />
        <Field t={t} name="title" label={labels.title} value={v('title')} errors={data.errors} required maxLength={BOARD_LIMITS.titleMax} />
        <TextArea t={t} name="description" label={labels.description} hint={t('boards.form.descriptionHint')} value={v('description')} errors={data.errors} maxLength={BOARD_LIMITS.descriptionMax} rows={3} />
        <Radios name="visibility" legend={labels.visibility} value={v('visibility') || 'public'} options={[{ value: 'public', label: t('boards.form.public') }, { value: 'private', label: t('boards.form.private') }]} />
        <Radios name="language" legend={labels.language} value={v('language') || ctx.locale} options={[{ value: 'fr', label: t('boards.language.fr') }, { value: 'en', label: t('boards.language.en') }]} />
        <div class={`field${data.errors?.territory ? ' field-invalid' : ''}`}>
          <label for="territory">{labels.territory}</label>
          <select id="territory" name="territory" aria-invalid={data.errors?.territory ? 'true' : undefined} aria-describedby={data.errors?.territory ? 'territory-error' : undefined}>
            {data.curated ? null : <option value="">{t('boards.form.noTerritory')}</option>}
            {places.map((p) => <option value={p.slug} selected={v('territory') === p.slug}>{p.name}</option>)}
          </select>
          {data.errors?.territory ? <p class="field-error" id="territory-error">{t(data.errors.territory.key, data.errors.territory.params)}</p> : null}
        </div>
        {data.mode === 'create' && data.curator.length ? (
          <fieldset class="field">
            <legend>{labels.curated}</legend>
            <p class="hint" id="curated-hint">{t('boards.form.curatedHint')}</p>
            <div class="field-check">
              <input type="checkbox" id="curated" name="curated" value="on" checked={curatedChecked} aria-describedby="curated-hint" />
              <label for="curated">{t('boards.form.curated')}</label>
            </div>
            {new Set(data.curator.map((c) => c.caisseSlug)).size > 1 ? (
              <div class="field">
                <label for="caisse">{t('boards.page.caisse')}</label>
                <select id="caisse" name="caisse">
                  <option value="">—</option>
                  {[...new Map(data.curator.map((c) => [c.caisseSlug, c.caisseName])).entries()].map(([slug, name]) => <option value={slug} selected={v('caisse') === slug}>{name}</option>)}
                </select>
              </div>
            ) : null}
          </fieldset>
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button">{t(data.mode === 'create' ? 'boards.form.submitCreate' : 'boards.form.submitEdit')}</button>
          <a href={data.cancelHref}>{t('boards.form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
