import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS, translator, type Locale } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, type FormErrors } from '../../platform/views/forms.js';
import type { CharterChoice, PartnershipView } from './partners.service.js';

/** A charter's text as written by the caisse: paragraphs separated by blank lines. */
function CharterBody({ text, locale }: { text: string; locale: Locale }) {
  return <div lang={LOCALE_TAGS[locale]} class="charter-text">{text.split(/\n\s*\n/).map((p) => <p>{p.trim()}</p>)}</div>;
}

export type CharterPageData = { organisation: { slug: string; name: string }; charters: CharterChoice[]; speaks: boolean; selected: string | null; errors?: FormErrors | undefined; notice?: string | undefined };

function CharterCard({ ctx, o, c, open, errors }: { ctx: RequestContext; o: CharterPageData['organisation']; c: CharterChoice; open: boolean; errors?: FormErrors | undefined }) {
  const { t, fmt, locale } = ctx;
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  const id = `charte-${c.caisse.slug}`;
  const err = open ? errors?.accept : undefined;
  return (
    <article class="card stack charter-card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{c.caisse.name}</h2>
      <p class="muted">{t('partners.charter.version', { version: c.version, date: fmt.date(new Date(c.publishedAt)) })}</p>
      {c.signedVersion !== null ? <p><span class="badge badge-partner">{t('partners.charter.signedVersion', { version: c.signedVersion })}</span></p> : null}
      {c.signedVersion !== null && c.signedVersion < c.version ? <p class="notice">{t('partners.charter.newVersion')}</p> : null}
      <CharterBody text={c.text} locale={locale} />
      <details>
        <summary lang={LOCALE_TAGS[other]}>{translator(other)('partners.charter.otherLanguage')}</summary>
        <CharterBody text={c.otherText} locale={other} />
      </details>
      {c.canSign ? (
        <form method="post" action={`/organisations/${o.slug}/charte#${id}`} class="stack charter-form" data-confirm={t('partners.charter.confirm', { caisse: c.caisse.name, organisation: o.name })} noValidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="caisse" value={c.caisse.slug} />
          {open ? <ErrorSummary t={t} errors={errors} labels={{ accept: t('organisations.charter.acceptLabel'), caisse: c.caisse.name }} /> : null}
          <div class={`field field-check${err ? ' field-invalid' : ''}`}>
            <input id={`${id}-accept`} name="accept" type="checkbox" value="on" required aria-invalid={err ? 'true' : undefined} aria-describedby={err ? 'accept-error' : undefined} />
            <label for={`${id}-accept`}>{t('organisations.charter.commitment', { organisation: o.name })}</label>
            {err ? <p class="field-error" id="accept-error">{t(err.key, err.params)}</p> : null}
          </div>
          <div><button type="submit" class="button">{t('partners.charter.signFor', { caisse: c.caisse.name })}</button></div>
        </form>
      ) : null}
    </article>
  );
}

/** Every caisse's current charter, both languages, each with its own signing form. */
export function CharterChoicesPage({ ctx, data }: { ctx: RequestContext; data: CharterPageData }) {
  const { t } = ctx;
  const o = data.organisation;
  return (
    <section class="narrow stack charter-page">
      <p><a href={`/organisations/${o.slug}`}>← {o.name}</a></p>
      <h1>{t('partners.charter.title')}</h1>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <p class="lead">{t('partners.charter.intro', { organisation: o.name })}</p>
      {!data.speaks ? <p class="notice">{t('partners.charter.onlySpeakers')}</p> : null}
      {data.charters.length === 0 ? <p class="muted">{t('partners.charter.none')}</p> : data.charters.map((c) => <CharterCard ctx={ctx} o={o} c={c} open={data.selected === c.caisse.slug} errors={data.errors} />)}
    </section>
  );
}

function PartnershipModeration({ ctx, slug, p }: { ctx: RequestContext; slug: string; p: PartnershipView }) {
  const { t } = ctx;
  const action = `/organisations/${slug}/partenariats/${p.caisse.slug}`;
  if (p.status === 'suspended') {
    return (
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="status" value="active" />
        <button type="submit" class="button button-secondary button-small">{t('partners.partnership.reinstate')}</button>
      </form>
    );
  }
  return (
    <details>
      <summary>{t('partners.partnership.suspend')}</summary>
      <form method="post" action={action} class="stack" data-confirm={t('partners.partnership.suspendConfirm', { caisse: p.caisse.name })} noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="status" value="suspended" />
        <Field t={t} name="reason" label={t('partners.partnership.reasonLabel')} hint={t('partners.partnership.reasonHint')} required maxLength={1000} />
        <div><button type="submit" class="button button-danger button-small">{t('partners.partnership.suspend')}</button></div>
      </form>
    </details>
  );
}

/** The organisation's partnerships: the badge per caisse, who signed what, and staff controls. */
export function PartnershipsSection({ ctx, slug, items }: { ctx: RequestContext; slug: string; items: PartnershipView[] }) {
  const { t, fmt } = ctx;
  return (
    <section aria-labelledby="org-partnerships" class="stack">
      <h2 id="org-partnerships">{t('partners.partnership.title')}</h2>
      {items.length === 0 ? <p class="muted">{t('partners.partnership.none')}</p> : (
        <ul class="stack partnership-list">
          {items.map((p) => (
            <li class="card">
              {p.status === 'active'
                ? <p><span class="badge badge-partner">{t('partners.partnership.active', { caisse: p.caisse.name, date: fmt.date(new Date(p.since)) })}</span></p>
                : <p><span class="badge badge-waitlist">{t('partners.partnership.suspended', { caisse: p.caisse.name })}</span></p>}
              {p.signedAt && p.charterVersion !== null ? <p class="muted">{t('partners.partnership.signed', { version: p.charterVersion, date: fmt.date(new Date(p.signedAt)), name: p.signedBy ?? '—' })}</p> : null}
              {p.status === 'suspended' && p.reason ? <p>{t('partners.partnership.reason', { reason: p.reason })}</p> : null}
              {p.canModerate ? <PartnershipModeration ctx={ctx} slug={slug} p={p} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
