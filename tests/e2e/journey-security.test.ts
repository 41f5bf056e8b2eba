/**
 * The CSP holds in a real browser (issue 10): htmx no longer injects its indicator <style>, so no
 * page reports a Content-Security-Policy violation, the indicator rules come from app.css, the
 * pages arrive compressed, and a sign-in with a hostile `retour` stays on the site. French and English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, useBrowserHarness } from '../helpers/browser.js';
import { createProject, createUser } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';

const h = useBrowserHarness();

/** Collects CSP violations (the DOM event and the console message) for everything the page does. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

const domViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

describe.each(JOURNEY_LOCALES)('CSP and htmx (%s)', (lang, locale, t) => {
  it('no page reports a CSP violation, htmx injects no style, indicators are styled by app.css', async () => {
    const villeray = (await territoriesRepository.findBySlug(h.ctx.database.db, 'villeray'))!;
    const user = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const project = await createProject(h.ctx, { promoterId: user.id, territoryId: villeray.id });
    const { context, page } = await newPage(h.browser, { locale });
    const consoleViolations = await watchCsp(page);
    try {
      // A hostile return path after sign-in lands on our own site.
      await page.goto(`${h.baseUrl}/connexion?retour=${encodeURIComponent('/\t/evil.example')}`);
      await page.getByLabel(new RegExp(`^${t('auth.fields.email')}`)).fill(user.email);
      await page.getByLabel(new RegExp(`^${t('auth.fields.password')}`)).fill('correct horse battery');
      await page.getByRole('button', { name: t('auth.login.submit') }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).origin).toBe(h.baseUrl);

      for (const path of ['/', '/projets', `/projets/${project.id}`, '/moi', '/fil']) {
        const response = await page.goto(`${h.baseUrl}${path}`);
        expect(response?.status(), path).toBe(200);
        expect(await response?.headerValue('content-encoding'), path).toMatch(/^(gzip|br)$/);
        await page.waitForFunction(() => 'htmx' in window);
        expect(await page.evaluate(() => document.querySelectorAll('style').length), path).toBe(0);
        expect(await domViolations(page), path).toEqual([]);
      }
      const opacity = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.className = 'htmx-indicator';
        document.body.append(probe);
        // Visibility switches at once (opacity fades in over 200 ms).
        const hidden = `${getComputedStyle(probe).opacity} ${getComputedStyle(probe).visibility}`;
        document.body.classList.add('htmx-request');
        const shown = getComputedStyle(probe).visibility;
        document.body.classList.remove('htmx-request');
        probe.remove();
        return { hidden, shown };
      });
      expect(opacity).toEqual({ hidden: '0 hidden', shown: 'visible' });
      expect(consoleViolations).toEqual([]);
      await expectAccessible(page, `/fil (${lang})`);
    } finally {
      await context.close();
    }
  });
});
