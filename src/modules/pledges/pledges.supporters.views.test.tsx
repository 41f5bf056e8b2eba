import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../platform/i18n/i18n.js';
import { formatters } from '../../platform/i18n/format.js';
import { ProjectSupporters } from './pledges.supporters.views.js';
import type { SupporterEntry } from './pledges.queries.service.js';

const ctx = (locale: 'fr' | 'en') => ({ t: translator(locale), fmt: formatters(locale), csrfToken: '', locale });
const entry = (o: Partial<SupporterEntry>): SupporterEntry => ({ pledgeId: 'p', person: null, organisation: null, onHonour: false, needTitle: 'Corvée', unit: 'hours', quantity: 4, status: 'accepted', ...o });

describe('the supporters of a project', () => {
  it('names people who chose it, says "a neighbour" otherwise, flags organisations on their honour', () => {
    const html = renderToString(
      <ProjectSupporters ctx={ctx('en')} supporters={[
        entry({ person: { handle: 'lea', displayName: 'Léa <b>' } }),
        entry({}),
        entry({ organisation: { slug: 'cafe', name: 'Café du Coin' }, onHonour: true, unit: 'cents', quantity: 200_000, needTitle: 'Loan', status: 'fulfilled' }),
      ]} />,
    );
    expect(html).toContain('<a href="/membres/lea">Léa &lt;b></a>');
    expect(html).toContain('A neighbour');
    expect(html).toContain('Café du Coin');
    expect(html).toContain('On their honour');
    expect(html).toContain('$2,000.00 for “Loan”');
    expect(html).toContain('4 hours for “Corvée”');
  });
  it('says when nobody supports the project yet', () => {
    expect(renderToString(<ProjectSupporters ctx={ctx('fr')} supporters={[]} />)).toContain('Aucun engagement accepté pour le moment.');
  });
});
