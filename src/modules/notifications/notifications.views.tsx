import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, Notice } from '../../platform/views/forms.js';
import type { NotificationView } from './notifications.presenter.js';

export type NotificationsPageData = {
  items: NotificationView[];
  unreadCount: number;
  unreadOnly: boolean;
  nextHref: string | null;
  notice?: string | undefined;
};

function Time({ ctx, at }: { ctx: RequestContext; at: string }) {
  return <time datetime={at}>{ctx.fmt.dateTime(new Date(at))}</time>;
}

function NotificationItem({ ctx, n }: { ctx: RequestContext; n: NotificationView }) {
  const { t } = ctx;
  return (
    <li class={`notification${n.readAt ? '' : ' notification-unread'}`}>
      {/* Opening it marks it read, then leads to what it is about. */}
      <a href={`/notifications/${n.id}`} class="notification-link">
        {n.readAt ? null : <span class="badge badge-unread">{t('notifications.unreadTag')}</span>}
        <span class="notification-text">{n.text}</span>
      </a>
      <p class="muted notification-time"><Time ctx={ctx} at={n.createdAt} /></p>
    </li>
  );
}

/** The notification centre: newest first, unread ones marked, "mark all as read", older pages by link. */
export function NotificationsPage({ ctx, data }: { ctx: RequestContext; data: NotificationsPageData }) {
  const { t } = ctx;
  const current = (on: boolean) => (on ? { 'aria-current': 'page' as const } : {});
  return (
    <div class="stack narrow notifications-page">
      <div class="notifications-head">
        <h1>{t('notifications.title')}</h1>
        {data.unreadCount > 0 ? (
          <form method="post" action="/notifications/lues" class="notifications-read-all">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button button-small button-secondary">{t('notifications.markAllRead')}</button>
          </form>
        ) : null}
      </div>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <nav aria-label={t('notifications.filter.label')} class="notifications-filter">
        <ul>
          <li><a href="/notifications" {...current(!data.unreadOnly)}>{t('notifications.filter.all')}</a></li>
          <li>
            <a href="/notifications?filtre=non-lues" {...current(data.unreadOnly)}>
              {t('notifications.filter.unread')} ({ctx.fmt.number(data.unreadCount)})
            </a>
          </li>
        </ul>
      </nav>
      {data.items.length === 0 ? (
        <div class="notice" role="status">
          <p><strong>{data.unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</strong></p>
          {data.unreadOnly ? <p><a href="/notifications">{t('notifications.seeAll')}</a></p> : <p>{t('notifications.emptyHelp')}</p>}
        </div>
      ) : (
        <ul id="notification-list" class="notification-list" aria-label={t('notifications.listLabel')}>
          {data.items.map((n) => <NotificationItem ctx={ctx} n={n} />)}
        </ul>
      )}
      {data.nextHref ? <p><a class="button button-secondary" href={data.nextHref}>{t('notifications.more')}</a></p> : null}
    </div>
  );
}
