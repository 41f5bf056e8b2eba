import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, type FormErrors } from '../../platform/views/forms.js';
import type { NeedView } from '../needs/needs.presenter.js';
import { formatQuantity } from '../needs/needs.views.js';
import { MAX_PROJECT_IMAGES } from './projects.images.js';
import type { ProjectView } from './projects.presenter.js';

type Errors = FormErrors | undefined;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const post = (ctx: RequestContext, action: string, label: string, cls = 'button button-secondary button-small', confirm?: string) => (
  <form method="post" action={action} class="inline-form" data-confirm={confirm}>
    <CsrfField token={ctx.csrfToken} />
    <button type="submit" class={cls}>{label}</button>
  </form>
);

/** The needs of the project, each with its progress and actions; adding one opens its own form. */
export function NeedsSection({ ctx, projectId, needs }: { ctx: RequestContext; projectId: string; needs: NeedView[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="edit-needs" id="besoins" class="card stack">
      <h2 id="edit-needs">{t('projects.edit.needsTitle')}</h2>
      {needs.length === 0 ? <p class="muted">{t('needs.none')}</p> : (
        <ul class="edit-list">
          {needs.map((n) => (
            <li class="edit-row">
              <div>
                <strong>{n.title}</strong>
                <span class="muted"> · {t(`needs.kind.${n.kind}`)} · {t(`needs.status.${n.status}`)} · {t('needs.progress', { done: formatQuantity(ctx, n.unit, n.progress.accepted), total: formatQuantity(ctx, n.unit, n.quantity) })}</span>
              </div>
              <div class="edit-actions">
                {n.status !== 'closed' ? <a class="button button-secondary button-small" href={`/besoins/${n.id}/modifier`} aria-label={`${t('needs.form.edit')} : ${n.title}`}>{t('needs.form.edit')}</a> : null}
                {n.status === 'closed' ? post(ctx, `/besoins/${n.id}/rouvrir`, t('needs.form.reopen')) : post(ctx, `/besoins/${n.id}/fermer`, t('needs.form.close'))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p><a class="button" href={`/projets/${projectId}/besoins/nouveau`}>{t('projects.edit.addNeed')}</a></p>
    </section>
  );
}

/** The gallery: alt text shown with each image, cover choice, order, deletion; then the upload form. */
export function ImagesSection({ ctx, project, errors, values }: { ctx: RequestContext; project: ProjectView; errors: Errors; values: Record<string, unknown> }) {
  const { t } = ctx;
  const base = `/projets/${project.id}/images`;
  const full = project.images.length >= MAX_PROJECT_IMAGES;
  const fileIssue = errors?.file;
  return (
    <section aria-labelledby="edit-images" id="images" class="card stack">
      <h2 id="edit-images">{t('projects.edit.imagesTitle')}</h2>
      <ErrorSummary t={t} errors={errors} labels={{ file: t('projects.edit.file'), alt: t('projects.edit.alt') }} />
      <p class="muted">{t('projects.edit.imageCount', { count: project.images.length })}</p>
      {project.images.length === 0 ? <p class="muted">{t('projects.edit.noImages')}</p> : (
        <ol class="edit-images">
          {project.images.map((i, index) => (
            <li class="edit-image">
              <img src={i.src} srcset={i.srcset} sizes="10rem" width={i.width} height={i.height} alt="" loading="lazy" />
              <div class="stack">
                <p>{i.alt}</p>
                {i.cover ? <p><span class="badge badge-cover">{t('projects.edit.cover')}</span></p> : post(ctx, `${base}/${i.id}/couverture`, t('projects.edit.makeCover'))}
                <div class="edit-actions">
                  {index > 0 ? post(ctx, `${base}/${i.id}/monter`, t('projects.edit.moveUp')) : null}
                  {index < project.images.length - 1 ? post(ctx, `${base}/${i.id}/descendre`, t('projects.edit.moveDown')) : null}
                  {post(ctx, `${base}/${i.id}/supprimer`, t('projects.edit.deleteImage'), 'button button-danger button-small', t('projects.edit.deleteImageConfirm'))}
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {full ? null : (
        <form method="post" action={`${base}?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data" class="stack" novalidate>
          <p class="hint" id="images-hint">{t('projects.edit.imagesHint')}</p>
          <div class={`field${fileIssue ? ' field-invalid' : ''}`}>
            <label for="file">{t('projects.edit.file')} <span class="required">{t('form.requiredMark')}</span></label>
            <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required aria-invalid={fileIssue ? 'true' : undefined}
              aria-describedby={['images-hint', fileIssue ? 'file-error' : null].filter(Boolean).join(' ')} />
            {fileIssue ? <p class="field-error" id="file-error">{t(fileIssue.key, fileIssue.params)}</p> : null}
          </div>
          <Field t={t} name="alt" label={t('projects.edit.alt')} value={str(values.alt)} errors={errors} required maxLength={200} hint={t('projects.edit.altHint')} />
          <button type="submit" class="button">{t('projects.edit.upload')}</button>
        </form>
      )}
    </section>
  );
}

export function TeamSection({ ctx, project, canManage, errors, values }: { ctx: RequestContext; project: ProjectView; canManage: boolean; errors: Errors; values: Record<string, unknown> }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="edit-team" id="equipe" class="card stack">
      <h2 id="edit-team">{t('projects.edit.teamTitle')}</h2>
      <ErrorSummary t={t} errors={errors} labels={{ handle: t('projects.edit.handle') }} />
      <ul class="edit-list">
        {project.team.map((m) => (
          <li class="edit-row">
            <div><a href={`/membres/${m.handle}`}>{m.displayName}</a> <span class="muted">({t(`projects.edit.roles.${m.role}`)})</span></div>
            {canManage && m.role === 'member' ? <div class="edit-actions">{post(ctx, `/projets/${project.id}/equipe/${m.handle}/retirer`, t('projects.edit.removeMember', { name: m.displayName }))}</div> : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <form method="post" action={`/projets/${project.id}/equipe`} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field t={t} name="handle" label={t('projects.edit.handle')} value={str(values.handle)} errors={errors} required maxLength={60} hint={t('projects.edit.handleHint')} />
          <button type="submit" class="button button-secondary">{t('projects.edit.addMember')}</button>
        </form>
      ) : <p class="muted">{t('projects.edit.teamManagedByPromoter')}</p>}
    </section>
  );
}
