import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Notice, TextArea, type FormErrors } from '../../platform/views/forms.js';
import type { ProjectEditData } from './projects.page.service.js';
import { StatusBadge } from './projects.views.js';
import { ProjectFields, projectFieldLabels } from './projects.form.views.js';
import { ImagesSection, NeedsSection, TeamSection } from './projects.edit.sections.js';

/** Which of the page's forms is being re-shown, with its values and errors. */
export type EditFormState = { form: 'details' | 'transition' | 'image' | 'team'; values: Record<string, unknown>; errors?: FormErrors | undefined };

function StatusSection({ ctx, data, state }: { ctx: RequestContext; data: ProjectEditData; state: EditFormState | undefined }) {
  const { t } = ctx;
  const { project, can } = data;
  const errors = state?.form === 'transition' ? state.errors : undefined;
  return (
    <section aria-labelledby="edit-status" id="statut" class="card stack">
      <h2 id="edit-status">{t('projects.edit.statusTitle')}</h2>
      <p>{t('projects.edit.current')} <StatusBadge ctx={ctx} status={project.status} /></p>
      {project.status === 'draft' && data.approvalRequired && data.isTeam ? <p>{t('projects.transition.approvalNeeded')}</p> : null}
      {project.status === 'submitted' ? <p>{t('projects.transition.waiting')}</p> : null}
      {can.transitions.length === 0 ? <p class="muted">{t('projects.transition.none')}</p> : (
        <form method="post" action={`/projets/${project.id}/transitions`} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary t={t} errors={errors} labels={{ note: t('projects.transition.note') }} />
          <TextArea t={t} name="note" label={t('projects.transition.note')} value={state?.form === 'transition' && typeof state.values.note === 'string' ? state.values.note : ''} errors={errors} rows={2} maxLength={1000} hint={t('projects.transition.noteHint')} />
          <div class="form-actions">
            {can.transitions.map((to) => (
              <button type="submit" name="to" value={to} class={to === 'archived' ? 'button button-danger' : to === 'draft' ? 'button button-secondary' : 'button'}>
                {t(`projects.transition.to.${to}`)}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}

/** The edit page: status moves for whoever may make them; details, needs, images and team for the team. */
export function ProjectEditPage({ ctx, data, state, notice }: { ctx: RequestContext; data: ProjectEditData; state?: EditFormState | undefined; notice?: string | undefined }) {
  const { t } = ctx;
  const { project, can } = data;
  const detailsErrors = state?.form === 'details' ? state.errors : undefined;
  const detailsValues = state?.form === 'details' ? state.values : { title: project.title, summary: project.summary, description: project.description, category: project.category, territory: project.territory.slug, caisse: project.caisse?.slug ?? '', language: project.language };
  const sectionState = (form: EditFormState['form']) => (state?.form === form ? state : { values: {}, errors: undefined });
  return (
    <div class="stack project-edit">
      <h1>{t(can.edit ? 'projects.edit.title' : 'projects.edit.manageTitle', { title: project.title })}</h1>
      <p class="inline-list">
        <a href={project.url}>{t('projects.edit.view')}</a>
        {can.edit ? <a href={`${project.url}/apercu`}>{t('projects.edit.preview')}</a> : null}
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <StatusSection ctx={ctx} data={data} state={state} />
      {can.edit ? (
        <>
          <section aria-labelledby="edit-details" id="informations" class="card stack">
            <h2 id="edit-details">{t('projects.edit.detailsTitle')}</h2>
            <ErrorSummary t={t} errors={detailsErrors} labels={projectFieldLabels(t)} />
            <form method="post" action={`/projets/${project.id}/modifier`} novalidate class="stack">
              <CsrfField token={ctx.csrfToken} />
              <ProjectFields ctx={ctx} values={detailsValues} errors={detailsErrors} places={data.places} />
              <button type="submit" class="button">{t('projects.edit.save')}</button>
            </form>
          </section>
          <NeedsSection ctx={ctx} projectId={project.id} needs={data.needs} />
          <ImagesSection ctx={ctx} project={project} errors={sectionState('image').errors} values={sectionState('image').values} />
          <TeamSection ctx={ctx} project={project} canManage={can.manageTeam} errors={sectionState('team').errors} values={sectionState('team').values} />
        </>
      ) : null}
    </div>
  );
}
