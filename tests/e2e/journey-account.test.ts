/**
 * Journey 7 (product.md): a person downloads everything the platform keeps about them, then deletes
 * their account; they are signed out and their page is gone. French and English, axe on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureReferenceData, expectAccessible, newPage, startsWith, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';
import { translator } from '../../src/platform/i18n/i18n.js';
import { createUser, PASSWORD } from '../helpers/factories.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  await ensureReferenceData(h.ctx);
});
afterAll(() => h.close());

describe.each([
  ['fr', 'fr-CA'],
  ['en', 'en-CA'],
] as const)('my data journey (%s)', (lang, locale) => {
  const t = translator(lang);

  it('downloads my data, then deletes my account after confirming', async () => {
    const person = await createUser(h.ctx, { locale: lang, bio: lang === 'fr' ? 'Cycliste du quartier' : 'Neighbourhood cyclist' });
    const { context, page } = await newPage(h.browser, { locale });
    await page.goto(`${h.baseUrl}/connexion`);
    await page.getByLabel(startsWith(t('auth.fields.email'))).fill(person.email);
    await page.getByLabel(startsWith(t('auth.fields.password'))).fill(PASSWORD);
    await page.getByRole('button', { name: t('auth.login.submit') }).click();
    await page.waitForURL('**/moi');

    await page.getByRole('link', { name: t('account.title') }).click();
    await page.waitForURL('**/moi/donnees');
    await expectAccessible(page, 'my data');
    if (process.env.SHOTS) {
      await page.screenshot({ path: `${process.env.SHOTS}/account-${lang}.png`, fullPage: true });
      await page.setViewportSize({ width: 320, height: 800 });
      await page.screenshot({ path: `${process.env.SHOTS}/account-${lang}-320.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('account.export.button') }).click()]);
    const file = await download.path();
    const doc = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8')) as { data: { profile: { email: string; bio: string }[] } };
    expect(doc.data.profile[0]).toMatchObject({ email: person.email });

    // A missing confirmation is an error, announced, and nothing is deleted.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByLabel(startsWith(t('account.delete.password'))).fill(PASSWORD);
    await page.getByRole('button', { name: t('account.delete.button') }).click();
    await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
    await expectAccessible(page, 'my data with an error');

    await page.getByLabel(startsWith(t('account.delete.password'))).fill(PASSWORD);
    await page.getByLabel(t('account.delete.confirm')).check();
    await page.getByRole('button', { name: t('account.delete.button') }).press('Enter');
    await expect.poll(() => page.textContent('main')).toContain(t('account.delete.done'));
    await expectAccessible(page, 'account deleted');
    await page.goto(`${h.baseUrl}/membres/${person.handle}`);
    expect(await page.textContent('h1')).not.toContain(person.displayName);
    await context.close();
  }, 120_000);
});
