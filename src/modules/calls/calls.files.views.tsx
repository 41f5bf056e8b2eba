import type { RequestContext } from '../../platform/http/context.js';
import type { FormErrors } from '../../platform/views/forms.js';
import type { CallApplicationFileView } from './calls.presenter.js';

type Ctx = Pick<RequestContext, 't' | 'fmt'>;

/** The page that downloads an application's file (the API's twin is the file's `url`). */
export function fileHref(callSlug: string, applicationId: string, questionId: string): string {
  return `/appels/${callSlug}/candidatures/${applicationId}/fichiers/${questionId}`;
}

/** "245 ko" / "1,2 Mo" in the reader's language. */
function fileSizeLabel(ctx: Ctx, bytes: number): string {
  if (bytes < 1_048_576) return ctx.t('calls.files.sizeKb', { size: ctx.fmt.number(Math.max(1, Math.round(bytes / 1024))) });
  return ctx.t('calls.files.sizeMb', { size: ctx.fmt.number(Math.round((bytes / 1_048_576) * 10) / 10) });
}

/** A download link to a file, with its type and size. */
export function FileLink({ ctx, file, href }: { ctx: Ctx; file: CallApplicationFileView; href: string }) {
  return (
    <span class="file-answer">
      <a href={href} download={file.name}>{file.name}</a> <span class="muted">({ctx.t(`calls.files.type.${file.mime}`)}, {fileSizeLabel(ctx, file.sizeBytes)})</span>
    </span>
  );
}

/**
 * A `file` question on the application form: a native file input (keyboard and screen reader
 * friendly, no JS), the accepted types and size cap in its hint, the current file with its download
 * link, and choosing another file replaces it. `remove` names the separate form that removes the
 * current file (confirmed first) and whether it may be removed now.
 */
export function FileAnswerField({ ctx, name, label, help, required, errors, maxBytes, current, href, remove }: {
  ctx: Ctx; name: string; label: string; help: string; required: boolean; errors?: FormErrors | undefined; maxBytes: number;
  current: CallApplicationFileView | undefined; href: string | undefined; remove?: { form: string; allowed: boolean } | undefined;
}) {
  const { t } = ctx;
  const issue = errors?.[name];
  const hint = [help, t('calls.files.hint', { max: Math.round(maxBytes / 1_048_576) })].filter(Boolean).join(' ');
  const describedBy = [`${name}-hint`, current ? `${name}-current` : null, issue ? `${name}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={`field${issue ? ' field-invalid' : ''}`}>
      <label for={name}>
        {label}
        {required ? <span class="required"> {t('form.requiredMark')}</span> : null}
      </label>
      <p class="hint" id={`${name}-hint`}>{hint}</p>
      {current && href ? (
        <p class="file-current" id={`${name}-current`}>
          {t('calls.files.current')} <FileLink ctx={ctx} file={current} href={href} /> {t('calls.files.replace')}
          {remove && !remove.allowed ? <> {t('calls.files.keepRequired')}</> : null}
        </p>
      ) : null}
      {current && remove?.allowed ? (
        <p><button type="submit" form={remove.form} class="button button-small button-secondary">{t('calls.files.remove', { name: current.name })}</button></p>
      ) : null}
      <input
        id={name}
        name={name}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
        required={required && !current}
        aria-invalid={issue ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {issue ? <p class="field-error" id={`${name}-error`}>{t(issue.key, issue.params)}</p> : null}
    </div>
  );
}
