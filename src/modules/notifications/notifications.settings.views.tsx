import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Notice, type FormErrors } from '../../platform/views/forms.js';
import { kindKey, OPT_OUT_KINDS } from './notifications.mail.render.js';

type RadioGroupProps = { t: T; name: string; legend: string; hint?: string; value: string; errors?: FormErrors | undefined; options: { value: string; label: string }[] };

/** Radios in a fieldset; the first carries the name as id, so an error summary link lands on the group. */
function RadioGroup({ t, name, legend, hint, value, errors, options }: RadioGroupProps) {
  const issue = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : null, issue ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`radio-group${issue ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
      {issue ? <p class="field-error" id={`${name}-error`}>{t(issue.key, issue.params)}</p> : null}
      {options.map((o, i) => {
        const id = i === 0 ? name : `${name}-${o.value}`;
        return (
          <div class="field-check">
            <input type="radio" id={id} name={name} value={o.value} checked={value === o.value} />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export type SettingsPageState = {
  values: { digest: string; immediate: string; emailOptOuts: string[] };
  errors?: FormErrors | undefined;
  saved?: boolean;
};

/** /moi/notifications: digest frequency, immediate e-mail, per-kind opt-outs. */
export function NotificationSettingsPage({ ctx, state }: { ctx: RequestContext; state: SettingsPageState }) {
  const { t } = ctx;
  const labels = { digest: t('notificationMail.settings.digest'), immediate: t('notificationMail.settings.immediate'), emailOptOuts: t('notificationMail.settings.optOuts') };
  const optIssue = state.errors?.emailOptOuts;
  return (
    <div class="stack narrow notification-settings">
      <p><a href="/moi">{t('me.page.title')}</a></p>
      <h1>{t('notificationMail.settings.title')}</h1>
      <p>{t('notificationMail.settings.intro')}</p>
      {state.saved ? <Notice kind="success">{t('notificationMail.settings.saved')}</Notice> : null}
      <ErrorSummary t={t} errors={state.errors} labels={labels} />
      <form method="post" action="/moi/notifications" novalidate class="stack card">
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup t={t} name="digest" legend={labels.digest} hint={t('notificationMail.settings.digestHint')} value={state.values.digest} errors={state.errors}
          options={(['weekly', 'daily', 'off'] as const).map((v) => ({ value: v, label: t(`notificationMail.settings.digestOptions.${v}`) }))} />
        <RadioGroup t={t} name="immediate" legend={labels.immediate} hint={t('notificationMail.settings.immediateHint')} value={state.values.immediate} errors={state.errors}
          options={(['on', 'off'] as const).map((v) => ({ value: v, label: t(`notificationMail.settings.immediateOptions.${v}`) }))} />
        <fieldset class={`radio-group opt-outs${optIssue ? ' field-invalid' : ''}`} aria-describedby={['emailOptOuts-hint', optIssue ? 'emailOptOuts-error' : null].filter(Boolean).join(' ')}>
          <legend>{labels.emailOptOuts}</legend>
          <p class="hint" id="emailOptOuts-hint">{t('notificationMail.settings.optOutsHint')}</p>
          {optIssue ? <p class="field-error" id="emailOptOuts-error">{t(optIssue.key, optIssue.params)}</p> : null}
          {OPT_OUT_KINDS.map((kind, i) => {
            const id = i === 0 ? 'emailOptOuts' : `emailOptOuts-${kindKey(kind)}`;
            return (
              <div class="field-check">
                <input type="checkbox" id={id} name="emailOptOuts" value={kind} checked={state.values.emailOptOuts.includes(kind)} />
                <label for={id}>{t(`notificationMail.kinds.${kindKey(kind)}`)}</label>
              </div>
            );
          })}
        </fieldset>
        <div>
          <button type="submit" class="button">{t('notificationMail.settings.save')}</button>
        </div>
      </form>
    </div>
  );
}

export type UnsubscribePageState = { token: string; what: string; email: string; done: boolean };

/** /desabonnement: confirm (POST), or say it is done. */
export function UnsubscribePage({ ctx, state }: { ctx: RequestContext; state: UnsubscribePageState }) {
  const { t } = ctx;
  const isDigest = state.what === 'digest';
  const kindLabel = isDigest ? '' : t(`notificationMail.kinds.${kindKey(state.what)}`);
  return (
    <div class="stack narrow unsubscribe">
      <h1>{t('notificationMail.unsubscribe.title')}</h1>
      {state.done ? (
        <Notice kind="success">{t(isDigest ? 'notificationMail.unsubscribe.doneDigest' : 'notificationMail.unsubscribe.doneKind')}</Notice>
      ) : (
        <form method="post" action="/desabonnement" class="stack card">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="token" value={state.token} />
          <p>{isDigest ? t('notificationMail.unsubscribe.confirmDigest', { email: state.email }) : t('notificationMail.unsubscribe.confirmKind', { kind: kindLabel, email: state.email })}</p>
          <div>
            <button type="submit" class="button">{t('notificationMail.unsubscribe.submit')}</button>
          </div>
        </form>
      )}
      <p><a href="/moi/notifications">{t('notificationMail.unsubscribe.manage')}</a></p>
    </div>
  );
}
