import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS, type Locale } from '../../platform/i18n/i18n.js';
import type { PersonActivity } from './people.activity.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale'>;

const langOf = (content: Locale, page: Locale) => (content !== page ? LOCALE_TAGS[content] : undefined);
const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

/**
 * What a person did, on their page: projects (cards with covers), offers, boards and fulfilled help.
 * Empty sections are left out; when everything is empty one sentence says so.
 */
export function PersonActivitySection({ ctx, activity, name, isOwner }: { ctx: Ctx; activity: PersonActivity; name: string; isOwner: boolean }) {
  const { t, fmt, locale } = ctx;
  const { projects, offers, boards, contributions } = activity;
  const nothing = projects.length + offers.length + boards.length + contributions.length === 0;
  return (
    <section class="person-activity stack" aria-labelledby="person-activity-title">
      <h2 id="person-activity-title">{t('people.activity.title')}</h2>
      {nothing ? <p class="muted">{isOwner ? t('people.activity.emptyMine') : t('people.activity.empty', { name })}</p> : null}
      {projects.length ? (
        <section aria-labelledby="person-projects">
          <h3 id="person-projects">{t('people.activity.projects')}</h3>
          <ul class="card-grid person-projects">
            {projects.map((p) => (
              <li class="card person-project" lang={langOf(p.language, locale)}>
                {p.cover ? <img src={p.cover.src} srcset={p.cover.srcset} sizes="(min-width: 40rem) 18rem, 100vw" width={p.cover.width} height={p.cover.height} alt="" loading="lazy" decoding="async" /> : null}
                <h4><a href={p.url}>{p.title}</a></h4>
                <p class="muted" lang={langOf(locale, p.language)}>{t(`people.activity.role.${p.role}`)}</p>
                <p>{excerpt(p.summary)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {offers.length ? (
        <section aria-labelledby="person-offers">
          <h3 id="person-offers">{t('people.activity.offers')}</h3>
          <ul class="person-list">
            {offers.map((o) => (
              <li lang={langOf(o.language, locale)}>
                <a href={o.url}>{o.title}</a>
                {o.description ? <p class="muted">{excerpt(o.description)}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {boards.length ? (
        <section aria-labelledby="person-boards">
          <h3 id="person-boards">{t('people.activity.boards')}</h3>
          <ul class="person-list">
            {boards.map((b) => (
              <li>
                <a href={b.url} lang={langOf(b.language, locale)}>{b.title}</a>{' '}
                <span class="muted">{t('people.activity.items', { count: b.items })}</span>
                {b.visibility === 'private' ? <> · <span class="visibility visibility-private">{t('people.activity.private')}</span></> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {contributions.length ? (
        <section aria-labelledby="person-contributions">
          <h3 id="person-contributions">{t('people.activity.contributions')}</h3>
          <ul class="person-list">
            {contributions.map((c) => (
              <li>
                {t('people.activity.helped')} <a href={c.url} lang={langOf(c.projectLanguage, locale)}>{c.projectTitle}</a>
                {' — '}<span lang={langOf(c.projectLanguage, locale)}>{c.needTitle}</span>
                {' · '}<time class="muted" datetime={c.fulfilledAt}>{fmt.date(new Date(c.fulfilledAt))}</time>
                {c.named ? null : <> · <span class="visibility visibility-private">{t('people.activity.onlyYou')}</span></>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
