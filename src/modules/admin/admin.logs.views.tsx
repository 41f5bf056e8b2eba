import type { RequestContext } from '../../platform/http/context.js';
import type { AuditEntryView, OutboxMailView } from './admin.logs.presenter.js';
import { AdminFrame, Pagination } from './admin.views.js';

type PageProps<T> = { ctx: RequestContext; items: T[]; current: string | undefined; next: string | null };

export function OutboxPage({ ctx, items, current, next }: PageProps<OutboxMailView>) {
  const { t, fmt } = ctx;
  return (
    <AdminFrame ctx={ctx} current="outbox" title={t('admin.outbox.title')} intro={t('admin.outbox.intro')}>
      {items.length === 0 ? <p>{t('admin.outbox.empty')}</p> : (
      <ol class="admin-mails">
        {items.map((m) => (
          <li class="card">
            <h2>{m.subject}</h2>
            <dl class="admin-facts">
              <dt>{t('admin.outbox.to')}</dt><dd>{m.to}</dd>
              <dt>{t('admin.outbox.kind')}</dt><dd><code>{m.kind}</code></dd>
              <dt>{t('admin.outbox.status')}</dt>
              <dd>
                <span class={`mail-status mail-status-${m.status}`}>{t(`admin.outbox.statuses.${m.status}`)}</span>
                {' · '}{t('admin.outbox.attempts', { count: m.attempts })}
              </dd>
              {m.lastError ? <><dt>{t('admin.outbox.lastError')}</dt><dd>{m.lastError}</dd></> : null}
              <dt>{t('admin.outbox.created')}</dt><dd><time datetime={m.createdAt}>{fmt.dateTime(new Date(m.createdAt))}</time></dd>
            </dl>
            <details>
              <summary>{t('admin.outbox.body')}</summary>
              <pre class="admin-mail-body">{m.textBody}</pre>
            </details>
          </li>
        ))}
      </ol>
      )}
      <Pagination ctx={ctx} basePath="/admin/courriels" current={current} next={next} />
    </AdminFrame>
  );
}

export function AuditPage({ ctx, items, current, next }: PageProps<AuditEntryView>) {
  const { t, fmt } = ctx;
  const c = (k: string) => t(`admin.audit.columns.${k}`);
  return (
    <AdminFrame ctx={ctx} current="audit" title={t('admin.audit.title')} intro={t('admin.audit.intro')}>
      {items.length === 0 ? <p>{t('admin.audit.empty')}</p> : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('admin.audit.tableCaption')}</caption>
            <thead><tr><th scope="col">{c('when')}</th><th scope="col">{c('who')}</th><th scope="col">{c('action')}</th><th scope="col">{c('subject')}</th><th scope="col">{c('data')}</th></tr></thead>
            <tbody>
              {items.map((e) => (
                <tr>
                  <td><time datetime={e.createdAt}>{fmt.dateTime(new Date(e.createdAt))}</time></td>
                  <td>{e.actor ? <a href={`/membres/${e.actor.handle}`}>{e.actor.displayName}</a> : t('admin.audit.system')}</td>
                  <td><code>{e.action}</code></td>
                  <td><code>{e.subject.type}:{e.subject.id}</code></td>
                  <td><code class="admin-data">{JSON.stringify(e.data)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} basePath="/admin/journal" current={current} next={next} />
    </AdminFrame>
  );
}
