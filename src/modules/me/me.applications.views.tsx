import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import type { MyApplicationView } from '../calls/calls.presenter.js';

/**
 * "My applications" on /moi (the first page) and on /moi/candidatures (every page): each with its
 * call, its project, its status, the deadline, and a link to edit while the call takes submissions.
 */
export function MyApplicationsSection({ ctx, items, moreHref, page = false }: { ctx: RequestContext; items: MyApplicationView[]; moreHref: string | null; page?: boolean }) {
  const { t, fmt } = ctx;
  const Heading = page ? 'h1' : 'h2';
  const Title = page ? 'h2' : 'h3';
  return (
    <section class={`stack my-applications${page ? ' narrow' : ''}`} aria-labelledby="my-applications-title" id="mes-candidatures">
      <Heading id="my-applications-title">{t('me.applications.title')}</Heading>
      <p class="muted">{t('me.applications.intro')}</p>
      {items.length === 0 ? (
        <p>{t('me.applications.empty')} <a href="/appels?when=open">{t('me.applications.browse')}</a></p>
      ) : (
        <ul class="my-applications-list" aria-label={t('me.applications.listLabel')}>
          {items.map((a) => {
            const lang = a.call.language !== ctx.locale ? LOCALE_TAGS[a.call.language] : undefined;
            return (
              <li class="card my-application">
                <Title class="my-application-call"><a href={a.call.url} lang={lang}>{a.call.title}</a></Title>
                <dl class="my-application-facts">
                  <div><dt>{t('me.applications.project')}</dt><dd><a href={a.project.url}>{a.project.title}</a></dd></div>
                  <div><dt>{t('me.applications.status')}</dt><dd><span class={`badge badge-application-${a.status}`}>{t(`calls.appStatus.${a.status}`)}</span></dd></div>
                  <div><dt>{t('me.applications.deadline')}</dt><dd><time datetime={a.call.submissionsCloseAt}>{fmt.dateTime(new Date(a.call.submissionsCloseAt))}</time></dd></div>
                </dl>
                {a.editUrl ? (
                  <p><a class="button button-small" href={a.editUrl} aria-label={t('me.applications.editLabel', { project: a.project.title, call: a.call.title })}>{t('me.applications.edit')}</a></p>
                ) : (
                  <p class="muted">{t('me.applications.closed')}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {moreHref ? <p><a href={moreHref}>{t('me.applications.more')}</a></p> : null}
    </section>
  );
}
