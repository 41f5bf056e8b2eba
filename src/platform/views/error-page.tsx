import type { RequestContext } from '../http/context.js';

export function ErrorPage({ ctx, status, message }: { ctx: RequestContext; status: number; code: string; message: string }) {
  const { t } = ctx;
  return (
    <section class="error-page">
      <h1>{t(`errorPage.title${status}`, { defaultValue: t('errorPage.titleGeneric') })}</h1>
      <p>{message}</p>
      <p>
        <a href="/" class="button">{t('errorPage.backHome')}</a>
      </p>
    </section>
  );
}
