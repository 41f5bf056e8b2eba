/**
 * Journey 7 (product.md): a person downloads everything the platform keeps about them, then deletes
 * their account; they are signed out and their page is gone. French and English, axe on every page.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createUser, PASSWORD } from '../helpers/factories.js';

const h = useBrowserHarness();

describe.each(JOURNEY_LOCALES)('my data journey (%s)', (lang, locale, t) => {
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
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('account.export.buttonCsv') }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^espace-collectif-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8')).toContain(`profile,1,email,${person.email}`);

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
  });
});
