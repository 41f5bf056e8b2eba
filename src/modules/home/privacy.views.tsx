import type { RequestContext } from '../../platform/http/context.js';

/** The Law 25 summary; the person in charge comes from the configuration. */
export function PrivacyPage({ ctx, officer }: { ctx: RequestContext; officer: string }) {
  const { t } = ctx;
  const p = (key: string) => t(`home.privacy.${key}`);
  return (
    <article class="narrow privacy">
      <h1>{p('title')}</h1>
      <p class="lead">{p('intro')}</p>
      <h2>{p('collect.title')}</h2>
      <ul>
        <li>{p('collect.account')}</li>
        <li>{p('collect.profile')}</li>
        <li>{p('collect.activity')}</li>
        <li>{p('collect.security')}</li>
      </ul>
      <h2>{p('why.title')}</h2>
      <p>{p('why.body')}</p>
      <h2>{p('defaults.title')}</h2>
      <p>{p('defaults.body')}</p>
      <h2>{p('consent.title')}</h2>
      <p>{p('consent.body')}</p>
      <h2>{p('rights.title')}</h2>
      <ul>
        <li>{p('rights.access')}</li>
        <li>{p('rights.download')}</li>
        <li>{p('rights.delete')}</li>
      </ul>
      <p>{p('rights.meanwhile')}</p>
      <h2 id="responsable">{p('officer.title')}</h2>
      <p>{p('officer.body')}</p>
      <p class="card privacy-officer">{officer}</p>
      <p>{p('officer.incidents')}</p>
    </article>
  );
}
