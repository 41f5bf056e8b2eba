import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../platform/i18n/i18n.js';
import { formatters } from '../../platform/i18n/format.js';
import { ImpactFigures } from './impact.views.js';

const zero = { hours: 0, fundedCents: 0, lentCents: 0, itemsLent: 0, itemsGiven: 0, people: 0, pledges: 0, projects: 0 };
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/[\u00a0\u202f]/g, ' ');

describe('impact figures', () => {
  it('lists what happened, money formatted, in the reader’s language', () => {
    const html = renderToString(<ImpactFigures ctx={{ t: translator('fr'), fmt: formatters('fr') }} figures={{ ...zero, hours: 120, fundedCents: 123_456, people: 1, pledges: 9, projects: 3 }} />);
    expect(text(html)).toContain('1 personne a aidé');
    expect(text(html)).toContain('120 heures de temps données');
    expect(text(html)).toContain('1 234,56 $ versés en financement');
    expect(text(html)).not.toContain('prêtés');
  });
  it('shows help whose date has not come apart, as planned, never in the counted figures', () => {
    const planned = { hours: 5, fundedCents: 0, lentCents: 0, itemsLent: 0, itemsGiven: 0, pledges: 1 };
    const html = renderToString(<ImpactFigures ctx={{ t: translator('en'), fmt: formatters('en') }} figures={{ ...zero, hours: 3, people: 1, pledges: 1, planned }} />);
    const [counted, ahead] = text(html).split('Planned');
    expect(counted).toContain('3 hours of time given');
    expect(counted).not.toContain('5 hours');
    expect(ahead).toContain('5 hours of time given');
  });
  it('says when nothing is counted yet', () => {
    expect(renderToString(<ImpactFigures ctx={{ t: translator('en'), fmt: formatters('en') }} figures={zero} />)).toContain('No confirmed help yet.');
  });
});
