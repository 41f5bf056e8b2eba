import type { RequestContext } from '../../platform/http/context.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { ENTRY_ACTIONS } from './contests.domain.js';

export type CaisseChoice = { slug: string; name: string; territories: { slug: string; nameFr: string; nameEn: string }[] };
type Values = Record<string, unknown>;
const PRIZE_ROWS = 3;
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** New contest or edit of a draft: every field the published rules carry (product.md), nothing lost on error. */
export function ContestFormPage({ ctx, caisses, values, errors, action, editing }: { ctx: RequestContext; caisses: CaisseChoice[]; values: Values; errors?: FormErrors | undefined; action: string; editing: boolean }) {
  const { t, locale } = ctx;
  const f = (k: string) => t(`contests.form.${k}`);
  const labels: Record<string, string> = Object.fromEntries(['caisse', 'titleFr', 'titleEn', 'descriptionFr', 'descriptionEn', 'startsOn', 'endsOn', 'territories', 'minAge', 'capPerPerson', 'drawDate', 'drawTime', 'drawPlaceFr', 'drawPlaceEn', 'claimDays', 'skillQuestion', 'skillAnswer', 'howToldFr', 'howToldEn'].map((k) => [k, f(k)]));
  labels.entryRules = f('rulesLegend');
  labels.prizes = f('prizesLegend');
  for (const a of ENTRY_ACTIONS) labels[`entryRules.${a}`] = t(`contests.mine.actionName.${a}`);
  for (let i = 0; i < PRIZE_ROWS; i++) for (const k of ['nameFr', 'nameEn', 'quantity', 'valueDollars']) labels[`prizes.${i}.${k}`] = `${t('contests.form.prizeN', { n: i + 1 })} — ${f(k === 'valueDollars' ? 'prizeValue' : k === 'quantity' ? 'prizeQuantity' : k === 'nameFr' ? 'prizeNameFr' : 'prizeNameEn')}`;
  const chosen = list(values.territories);
  const territoryIssue = errors?.territories;
  const rulesIssue = errors?.entryRules;
  const prizesIssue = errors?.prizes;
  return (
    <article class="stack narrow">
      <p><a href="/concours">{t('contests.title')}</a></p>
      <h1>{editing ? f('editTitle') : f('newTitle')}</h1>
      <p class="lead">{f('intro')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={action} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <Select t={t} name="caisse" label={labels.caisse!} required value={str(values.caisse)} errors={errors} options={caisses.map((c) => ({ value: c.slug, label: c.name }))} />
        <Field t={t} name="titleFr" label={labels.titleFr!} required maxLength={160} value={str(values.titleFr)} errors={errors} />
        <Field t={t} name="titleEn" label={labels.titleEn!} required maxLength={160} value={str(values.titleEn)} errors={errors} />
        <TextArea t={t} name="descriptionFr" label={labels.descriptionFr!} required maxLength={4000} rows={4} value={str(values.descriptionFr)} errors={errors} />
        <TextArea t={t} name="descriptionEn" label={labels.descriptionEn!} required maxLength={4000} rows={4} value={str(values.descriptionEn)} errors={errors} />
        <fieldset class="stack">
          <legend>{f('periodLegend')}</legend>
          <Field t={t} name="startsOn" type="date" label={labels.startsOn!} required value={str(values.startsOn)} errors={errors} />
          <Field t={t} name="endsOn" type="date" label={labels.endsOn!} required value={str(values.endsOn)} errors={errors} />
        </fieldset>
        <fieldset class={`stack${territoryIssue ? ' field-invalid' : ''}`} aria-describedby={territoryIssue ? 'territories-error' : 'territories-hint'}>
          <legend>{labels.territories} <span class="required">{t('form.requiredMark')}</span></legend>
          <p class="hint" id="territories-hint">{f('territoriesHint')}</p>
          {territoryIssue ? <p class="field-error" id="territories-error">{t(territoryIssue.key, territoryIssue.params)}</p> : null}
          {caisses.map((c) => (
            <div class="stack">
              {caisses.length > 1 ? <p class="muted">{c.name}</p> : null}
              <ul class="checkbox-list" role="list">
                {c.territories.map((x) => {
                  const id = `territories-${c.slug}-${x.slug}`;
                  return <li class="field-check"><input type="checkbox" id={id} name="territories" value={x.slug} checked={chosen.includes(x.slug)} /><label for={id}>{locale === 'en' ? x.nameEn : x.nameFr}</label></li>;
                })}
              </ul>
            </div>
          ))}
          <span id="territories" />
        </fieldset>
        <fieldset class="stack">
          <legend>{f('eligibilityLegend')}</legend>
          <Field t={t} name="minAge" type="number" inputMode="numeric" label={labels.minAge!} required value={str(values.minAge)} errors={errors} />
          <Checkbox t={t} name="membersOnly" label={f('membersOnly')} checked={values.membersOnly === 'on' || values.membersOnly === true} errors={errors} />
        </fieldset>
        <fieldset class="stack" aria-describedby={rulesIssue ? 'entryRules-error' : 'entryRules-hint'}>
          <legend id="entryRules">{f('rulesLegend')}</legend>
          <p class="hint" id="entryRules-hint">{f('rulesHint')}</p>
          {rulesIssue ? <p class="field-error" id="entryRules-error">{t(rulesIssue.key, rulesIssue.params)}</p> : null}
          {ENTRY_ACTIONS.map((a) => <Field t={t} name={`entryRules.${a}`} type="number" inputMode="numeric" label={t(`contests.rules.action.${a}`, { count: 'N' })} value={str(values[`entryRules.${a}`])} errors={errors} />)}
          <Field t={t} name="capPerPerson" type="number" inputMode="numeric" label={labels.capPerPerson!} required value={str(values.capPerPerson)} errors={errors} />
        </fieldset>
        <fieldset class="stack" aria-describedby={prizesIssue ? 'prizes-error' : 'prizes-hint'}>
          <legend id="prizes">{f('prizesLegend')}</legend>
          <p class="hint" id="prizes-hint">{f('prizesHint')}</p>
          {prizesIssue ? <p class="field-error" id="prizes-error">{t(prizesIssue.key, prizesIssue.params)}</p> : null}
          {Array.from({ length: PRIZE_ROWS }, (_, i) => (
            <fieldset class="stack">
              <legend>{t('contests.form.prizeN', { n: i + 1 })}</legend>
              <Field t={t} name={`prizes.${i}.nameFr`} label={f('prizeNameFr')} maxLength={160} value={str(values[`prizes.${i}.nameFr`])} errors={errors} />
              <Field t={t} name={`prizes.${i}.nameEn`} label={f('prizeNameEn')} maxLength={160} value={str(values[`prizes.${i}.nameEn`])} errors={errors} />
              <Field t={t} name={`prizes.${i}.quantity`} type="number" inputMode="numeric" label={f('prizeQuantity')} value={str(values[`prizes.${i}.quantity`])} errors={errors} />
              <Field t={t} name={`prizes.${i}.valueDollars`} type="number" inputMode="numeric" label={f('prizeValue')} value={str(values[`prizes.${i}.valueDollars`])} errors={errors} />
            </fieldset>
          ))}
        </fieldset>
        <fieldset class="stack">
          <legend>{f('drawLegend')}</legend>
          <Field t={t} name="drawDate" type="date" label={labels.drawDate!} required value={str(values.drawDate)} errors={errors} />
          <Field t={t} name="drawTime" type="time" label={labels.drawTime!} required value={str(values.drawTime)} errors={errors} />
          <Field t={t} name="drawPlaceFr" label={labels.drawPlaceFr!} required maxLength={300} value={str(values.drawPlaceFr)} errors={errors} />
          <Field t={t} name="drawPlaceEn" label={labels.drawPlaceEn!} required maxLength={300} value={str(values.drawPlaceEn)} errors={errors} />
          <Field t={t} name="claimDays" type="number" inputMode="numeric" label={labels.claimDays!} required value={str(values.claimDays)} errors={errors} />
          <Field t={t} name="skillQuestion" label={labels.skillQuestion!} hint={f('skillQuestionHint')} required maxLength={200} value={str(values.skillQuestion)} errors={errors} />
          <Field t={t} name="skillAnswer" type="number" inputMode="numeric" label={labels.skillAnswer!} required value={str(values.skillAnswer)} errors={errors} />
          <TextArea t={t} name="howToldFr" label={labels.howToldFr!} required maxLength={1000} rows={3} value={str(values.howToldFr)} errors={errors} />
          <TextArea t={t} name="howToldEn" label={labels.howToldEn!} required maxLength={1000} rows={3} value={str(values.howToldEn)} errors={errors} />
        </fieldset>
        <div class="form-actions"><button type="submit" class="button">{f('save')}</button></div>
      </form>
    </article>
  );
}
