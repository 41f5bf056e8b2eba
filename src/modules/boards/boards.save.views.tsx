import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, type FormErrors } from '../../platform/views/forms.js';
import { BOARD_LIMITS } from './boards.policy.js';
import type { SaveToBoardData } from './boards.service.js';
import { type Ctx, str } from './boards.list.views.js';

export type FormState = { values: Record<string, unknown>; errors?: FormErrors | undefined };

/**
 * "Save to board" on a project or offer page: a plain form (works without JS) with my boards and a
 * "new board" choice; with htmx the answer replaces the form in place.
 */
export function SaveToBoard({ ctx, data, form, standalone }: { ctx: Ctx; data: SaveToBoardData; form?: FormState | undefined; standalone?: boolean }) {
  const { t } = ctx;
  if (!data.boards) {
    return (
      <section aria-labelledby="save-to-board" class="save-to-board">
        <h2 id="save-to-board">{t('boards.save.title')}</h2>
        <p><a href={`/connexion?retour=${encodeURIComponent(data.returnTo)}`}>{t('boards.save.signIn')}</a></p>
      </section>
    );
  }
  const values = form?.values ?? {};
  const errors = form?.errors;
  const chosen = str(values.boardId) || (data.boards.find((b) => !b.hasItem)?.id ?? 'new');
  const labels = { boardId: t('boards.save.board'), newTitle: t('boards.save.newTitle'), note: t('boards.save.note'), itemId: t('boards.save.title') };
  return (
    <section aria-labelledby="save-to-board" class="save-to-board card" id="save-to-board-section">
      {standalone ? null : <h2 id="save-to-board">{t('boards.save.title')}</h2>}
      {standalone ? <h2 id="save-to-board" class="visually-hidden">{t('boards.save.title')}</h2> : null}
      <form method="post" action="/tableaux/enregistrer" hx-post="/tableaux/enregistrer" hx-target="#save-to-board-section" hx-swap="outerHTML" class="stack save-to-board-form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <input type="hidden" name="itemType" value={data.itemType} />
        <input type="hidden" name="itemId" value={data.itemId} />
        <div class={`field${errors?.boardId ? ' field-invalid' : ''}`}>
          <label for="save-board">{labels.boardId}</label>
          <select id="save-board" name="boardId">
            {data.boards.map((b) => <option value={b.id} selected={chosen === b.id}>{b.hasItem ? t('boards.save.contains', { title: b.title }) : b.title}</option>)}
            <option value="new" selected={chosen === 'new'}>{t('boards.save.newBoard')}</option>
          </select>
        </div>
        <div class={`field${errors?.newTitle ? ' field-invalid' : ''}`}>
          <label for="save-new-title">{labels.newTitle}</label>
          <p class="hint" id="save-new-title-hint">{t('boards.save.newTitleHint')}</p>
          <input id="save-new-title" name="newTitle" type="text" maxLength={BOARD_LIMITS.titleMax} value={str(values.newTitle)} aria-invalid={errors?.newTitle ? 'true' : undefined} aria-describedby={errors?.newTitle ? 'save-new-title-hint save-new-title-error' : 'save-new-title-hint'} />
          {errors?.newTitle ? <p class="field-error" id="save-new-title-error">{t(errors.newTitle.key, errors.newTitle.params)}</p> : null}
        </div>
        <div class="field">
          <label for="save-note">{labels.note}</label>
          <input id="save-note" name="note" type="text" maxLength={BOARD_LIMITS.noteMax} value={str(values.note)} />
        </div>
        <div class="form-actions"><button type="submit" class="button">{t('boards.save.submit')}</button></div>
      </form>
    </section>
  );
}

/** What htmx puts in place of the form once saved. */
export function SavedToBoard({ ctx, board, created }: { ctx: Ctx; board: { id: string; title: string }; created: boolean }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="save-to-board" class="save-to-board card" id="save-to-board-section">
      <h2 id="save-to-board">{t('boards.save.title')}</h2>
      <p role="status">{created ? t('boards.save.done') : t('boards.save.already')} : <a href={`/tableaux/${board.id}`}>{board.title}</a></p>
    </section>
  );
}

export function SaveToBoardPage({ ctx, data, title, form }: { ctx: RequestContext; data: SaveToBoardData; title: string; form?: FormState | undefined }) {
  const { t } = ctx;
  return (
    <div class="stack narrow">
      <h1>{t('boards.save.pageTitle')}</h1>
      <p class="lead">{t('boards.save.about', { title })}</p>
      <SaveToBoard ctx={ctx} data={data} form={form} standalone />
      <p><a href={data.returnTo}>← {t('boards.save.back')}</a></p>
    </div>
  );
}
