import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Notice, type FormErrors } from '../../platform/views/forms.js';
import { Avatar } from '../people/people.views.js';
import type { MeView } from '../me/me.presenter.js';

export type PhotoNotice = 'saved' | 'removed' | undefined;

/** A labelled file input, built like the platform's Field (hint and error linked to it). */
function PhotoField({ ctx, errors }: { ctx: RequestContext; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const issue = errors?.photo;
  return (
    <div class={`field${issue ? ' field-invalid' : ''}`}>
      <label for="photo">{t('me.photo.field')}</label>
      <p class="hint" id="photo-hint">{t('me.photo.hint')}</p>
      <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required aria-invalid={issue ? 'true' : undefined} aria-describedby={issue ? 'photo-hint photo-error' : 'photo-hint'} />
      {issue ? <p class="field-error" id="photo-error">{t(issue.key, issue.params)}</p> : null}
    </div>
  );
}

/** /moi/photo: upload, replace or remove one's profile photo. */
export function PhotoPage({ ctx, me, notice, errors }: { ctx: RequestContext; me: MeView; notice?: PhotoNotice; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  return (
    <section class="narrow stack me-photo">
      <h1>{t('me.photo.title')}</h1>
      {notice ? <Notice kind="success">{t(`me.photo.${notice}`)}</Notice> : null}
      <ErrorSummary t={t} errors={errors} labels={{ photo: t('me.photo.field') }} />
      <div class="profile-header">
        <Avatar person={me} />
        <p>{me.photoUrl ? t('me.photo.current') : t('me.photo.none')}</p>
      </div>
      <p>
        {t('me.photo.visibility', { who: t(`visibility.${me.privacy.photo}`) })} <a href="/moi/profil">{t('me.photo.changeVisibility')}</a>
      </p>
      <form method="post" action={`/moi/photo?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data" novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <PhotoField ctx={ctx} errors={errors} />
        <button type="submit" class="button">{t(me.photoUrl ? 'me.photo.replace' : 'me.photo.upload')}</button>
      </form>
      {me.photoUrl ? (
        <form method="post" action="/moi/photo/supprimer" data-confirm={t('me.photo.removeConfirm')}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button button-danger">{t('me.photo.remove')}</button>
        </form>
      ) : null}
      <p><a href="/moi">{t('me.backToMyPage')}</a></p>
    </section>
  );
}
