import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS, type Locale, type T } from '../../platform/i18n/i18n.js';
import { Notice } from '../../platform/views/forms.js';
import type { FieldVisibility, ProfileField, ProfilePrivacy } from '../auth/auth.domain.js';
import type { PersonView } from './people.presenter.js';
import type { PersonPage as PersonPageData } from './people.service.js';
import { ReportLink } from '../moderation/moderation.views.js';
import { FollowButton, followProps } from '../social/follows.views.js';
import { PersonActivitySection } from './people.activity.views.js';

/** "Marie-Ève Tremblay" → "MT": the avatar shown when there is no photo (or it is hidden). */
export function initials(name: string): string {
  const words = name.trim().split(/[\s-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  return letters.map((w) => Array.from(w)[0]!.toLocaleUpperCase()).join('') || '?';
}

export function Avatar({ person }: { person: Pick<PersonView, 'displayName' | 'photoUrl'> }) {
  if (person.photoUrl) return <img class="avatar" src={person.photoUrl} alt="" width={96} height={96} />;
  return <span class="avatar" aria-hidden="true">{initials(person.displayName)}</span>;
}

type ProfileProps = {
  t: T;
  locale: Locale;
  person: PersonView;
  contentLang: Locale;
  /** 1 on the public page (the name is the page's h1), 2 when embedded under another h1. */
  level: 1 | 2;
  /** Given to the owner only: each section then says who can see it. */
  privacy?: ProfilePrivacy | undefined;
};

/** A personal page's content; hidden fields arrive as null and are simply not shown. */
export function PersonProfile({ t, locale, person, contentLang, level, privacy }: ProfileProps) {
  const Name = level === 1 ? 'h1' : 'h2';
  const Heading = level === 1 ? 'h2' : 'h3';
  const lang = contentLang !== locale ? LOCALE_TAGS[contentLang] : undefined;
  const seenBy = (field: ProfileField) => (privacy ? <VisibilityNote t={t} visibility={privacy[field]} /> : null);
  const section = (field: ProfileField, title: string, body: ComponentChildren) => (
    <section class="person-section" aria-labelledby={`person-${field}`}>
      <Heading id={`person-${field}`}>{title}</Heading>
      {seenBy(field)}
      {body}
    </section>
  );
  const tags = (items: string[]) => (
    <ul class="tag-list" lang={lang}>
      {items.map((s) => <li class="tag">{s}</li>)}
    </ul>
  );
  const owner = privacy !== undefined;
  const shown = (value: string | unknown[] | null): boolean => value !== null && (owner || value.length > 0);
  const notFilled = <p class="muted">{t('people.notFilled')}</p>;
  const nothing = !shown(person.bio) && !shown(person.skills) && !shown(person.interests) && !shown(person.links);
  return (
    <article class="person stack">
      <header class="profile-header">
        <Avatar person={person} />
        <div>
          <Name>{person.displayName}</Name>
          {person.territory ? <p class="muted person-territory">{t('people.livesIn', { territory: person.territory.name })}</p> : null}
          {privacy ? (
            <p class="person-visibility">
              {t('people.photoLabel')} <VisibilityNote t={t} visibility={privacy.photo} /> · {t('people.territoryLabel')} <VisibilityNote t={t} visibility={privacy.territory} />
            </p>
          ) : null}
        </div>
      </header>
      {nothing ? <p class="muted">{t('people.empty')}</p> : null}
      {shown(person.bio) ? section('bio', t('people.bio'), person.bio ? <p class="person-bio" lang={lang}>{person.bio}</p> : notFilled) : null}
      {shown(person.skills) ? section('skills', t('people.skills'), person.skills?.length ? tags(person.skills) : notFilled) : null}
      {shown(person.interests) ? section('interests', t('people.interests'), person.interests?.length ? tags(person.interests) : notFilled) : null}
      {shown(person.links) ? section('links', t('people.links'), person.links?.length ? <LinkList links={person.links} lang={lang} /> : notFilled) : null}
    </article>
  );
}

function LinkList({ links, lang }: { links: { label: string; url: string }[]; lang: string | undefined }) {
  return (
    <ul class="person-links">
      {links.map((l) => (
        <li>
          <a href={l.url} rel="nofollow ugc noopener" lang={lang}>{l.label}</a>
        </li>
      ))}
    </ul>
  );
}

function VisibilityNote({ t, visibility }: { t: T; visibility: FieldVisibility }) {
  return <span class={`visibility visibility-${visibility}`}>{t('people.visibleTo', { who: t(`visibility.${visibility}`) })}</span>;
}

/** The public personal page (/membres/:handle), with owner shortcuts and the preview notice. */
export function PersonPage({ ctx, page }: { ctx: RequestContext; page: PersonPageData }) {
  const { t } = ctx;
  const previewing = page.isOwner && page.kind !== 'owner';
  const base = `/membres/${page.person.handle}`;
  return (
    <div class="stack person-page">
      {previewing ? (
        <Notice>
          {t('people.preview.notice', { who: t(`people.preview.as.${page.kind}`) })} <a href={base}>{t('people.preview.exit')}</a>
        </Notice>
      ) : null}
      <PersonProfile t={t} locale={ctx.locale} person={page.person} contentLang={page.contentLang} level={1} />
      {page.badges.length ? (
        <ul class="tag-list person-badges">
          {page.badges.map((b) => <li><a class="badge badge-delegate" href={`/caisses/${b.caisse.slug}`}>{t('delegates.badge', { caisse: b.caisse.name })}</a></li>)}
        </ul>
      ) : null}
      {page.follow ? <FollowButton {...followProps(ctx, page.follow, page.person.displayName)} /> : null}
      {ctx.actor && !page.isOwner ? <p class="person-report"><ReportLink ctx={ctx} type="user" id={page.person.handle} /></p> : null}
      {page.isOwner && !previewing ? (
        <nav class="owner-tools" aria-label={t('people.ownerTools')}>
          <ul class="inline-list">
            <li><a href="/moi/profil" class="button button-secondary">{t('people.editMine')}</a></li>
            <li><a href={`${base}?apercu=visiteur`}>{t('people.preview.link.visitor')}</a></li>
            <li><a href={`${base}?apercu=membre`}>{t('people.preview.link.member')}</a></li>
          </ul>
        </nav>
      ) : null}
      <PersonActivitySection ctx={ctx} activity={page.activity} name={page.person.displayName} isOwner={page.isOwner && !previewing} />
    </div>
  );
}
