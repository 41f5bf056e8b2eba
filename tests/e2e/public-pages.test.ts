import { describe, it, expect } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, useBrowserHarness } from '../helpers/browser.js';

const h = useBrowserHarness();

const PAGES = ['/', '/territoires', '/territoires/plateau-mont-royal', '/territoires/rosemont', '/caisses', '/caisses/plateau-mont-royal', '/inscription', '/connexion', '/mot-de-passe-oublie', '/reinitialiser-mot-de-passe?token=expired-token-000', '/verifier-courriel?token=abcdefghijkl', '/confidentialite', '/page-qui-nexiste-pas'];

describe('every public page template is accessible (WCAG 2.2 AA)', () => {
  for (const [, locale] of JOURNEY_LOCALES) {
    it(`in ${locale}, signed out`, async () => {
      const { context, page } = await newPage(h.browser, { locale });
      for (const path of PAGES) {
        const t0 = Date.now();
        await page.goto(h.baseUrl + path);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        await expectAccessible(page, `${path} (${locale})`);
        if (process.env.E2E_TIMING) console.log(path, Date.now() - t0, 'ms');
      }
      await context.close();
    }, 240_000);
  }

  it('stays accessible after a form is submitted with errors, and on a 320 px screen', async () => {
    const { context, page } = await newPage(h.browser, { width: 320 });
    await page.goto(h.baseUrl + '/inscription');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForSelector('#error-summary');
    await expectAccessible(page, '/inscription with errors');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow, 'no horizontal scrolling at 320 px').toBe(false);
    await context.close();
  });
});
