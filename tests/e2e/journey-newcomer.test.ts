/**
 * Journey 1 (product.md): a newcomer opens the site, sees their neighbourhood, signs up, verifies
 * their address, fills their personal page, and anyone can then view it signed out.
 * Driven with the keyboard-accessible controls a person uses, in French and in English,
 * with an axe check on every page reached.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { mailRepository } from '../../src/platform/mail/mail.repository.js';
import { uid } from '../helpers/factories.js';

const h = useBrowserHarness();

describe.each(JOURNEY_LOCALES)('newcomer journey (%s)', (lang, locale, t) => {
  it('signs up, verifies, edits the personal page, and the page is public', async () => {
    const { context, page } = await newPage(h.browser, { locale });
    const email = `journey-${uid()}@example.test`;
    const name = lang === 'fr' ? `Élise Côté ${uid().slice(0, 4)}` : `Ellis Cote ${uid().slice(0, 4)}`;

    await page.goto(h.baseUrl + '/');
    await expect.poll(() => page.textContent('main')).toContain('Plateau-Mont-Royal');
    await expectAccessible(page, 'home');

    await page.getByRole('link', { name: t('nav.signUp') }).first().click();
    await page.getByLabel(t('auth.fields.displayName')).fill(name);
    await page.getByLabel(t('auth.fields.email')).fill(email);
    await page.getByLabel(startsWith(t('auth.fields.password'))).fill('une longue phrase de passe');
    await page.getByLabel(t('auth.fields.territory')).selectOption('villeray');
    await page.getByLabel(t('auth.fields.ageConfirmed')).check();
    await page.getByLabel(t('auth.fields.acceptTerms')).check();
    await page.getByRole('button', { name: t('auth.register.submit') }).press('Enter');
    await page.waitForURL('**/inscription');
    expect(await page.textContent('h1')).toBe(t('auth.checkEmail.title'));
    await expectAccessible(page, 'check e-mail');

    const mail = await mailRepository.findLatestTo(h.ctx.database.db, email, 'verify_email');
    const link = /(https?:\/\/\S+verifier-courriel\?token=\S+)/.exec(mail!.textBody)![1]!;
    await page.goto(link);
    await expectAccessible(page, 'verify');
    await page.getByRole('button', { name: t('auth.verify.submit') }).click();
    await page.waitForURL('**/moi?bienvenue=1');
    expect(await page.textContent('main')).toContain(t('me.page.welcomeTitle'));
    await expectAccessible(page, 'my page');

    await page.getByRole('link', { name: t('me.page.editProfile') }).first().click();
    await expectAccessible(page, 'edit profile');
    const bio = lang === 'fr' ? 'Je répare des vélos et j’aime jardiner.' : 'I fix bikes and love gardening.';
    await page.getByLabel(startsWith(t('me.profile.bio'))).fill(bio);
    await page.getByLabel(startsWith(t('me.profile.skills'))).fill(lang === 'fr' ? 'réparation de vélos, jardinage' : 'bike repair, gardening');
    await page.getByLabel(t('me.profile.visibility.bio')).selectOption('public');
    await page.getByLabel(t('me.profile.visibility.skills')).selectOption('public');
    await page.getByRole('button', { name: t('form.save') }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/profil'));
    const handle = /\/membres\/([a-z0-9-]+)/.exec(await page.content())![1]!;

    const visitor = await newPage(h.browser, { locale });
    await visitor.page.goto(`${h.baseUrl}/membres/${handle}`);
    const main = await visitor.page.textContent('main');
    expect(main).toContain(name);
    expect(main).toContain(bio);
    expect(main).toContain(lang === 'fr' ? 'jardinage' : 'gardening');
    expect(main).not.toContain(email);
    await expectAccessible(visitor.page, 'public personal page');
    await visitor.context.close();
    await context.close();
  });
});
