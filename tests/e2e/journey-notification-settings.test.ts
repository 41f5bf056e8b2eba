/**
 * Notification e-mail settings: a person changes their digest, immediate e-mail and opt-outs with
 * the keyboard only, then opens a signed unsubscribe link (signed out) and confirms it; a tampered
 * link shows a clear error. In French and English, axe on every page, screenshots at 1280 and 320 px.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, useBrowserHarness } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';
import { notificationMailRepository } from '../../src/modules/notifications/notifications.mail.repository.js';
import { unsubscribeUrl } from '../../src/modules/notifications/notifications.mail.render.js';

const h = useBrowserHarness();


describe.each(JOURNEY_LOCALES)('notification settings journey (%s)', (lang, locale, t) => {
  it('changes the settings with the keyboard, then unsubscribes through a signed link', async () => {
    const villeray = (await territoriesRepository.findBySlug(h.ctx.database.db, 'villeray'))!;
    const person = await createUser(h.ctx, { territoryId: villeray.id, locale: lang });
    const db = h.ctx.database.db;

    const { page, context } = await newPage(h.browser, { locale });
    await signInAs(h, page, person.email, t);
    // From /moi, reach the settings page with the keyboard.
    const link = page.getByRole('link', { name: t('notificationMail.settings.link') });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/moi/notifications');
    await expect.poll(() => page.textContent('h1')).toBe(t('notificationMail.settings.title'));
    await expectAccessible(page, 'settings page');
    await page.screenshot({ path: `/tmp/journey-notification-settings-${lang}-desktop.png`, fullPage: true });

    // Digest: weekly → daily (arrow key inside the radio group); immediate: on → off.
    await page.getByLabel(t('notificationMail.settings.digestOptions.weekly'), { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel(t('notificationMail.settings.digestOptions.daily'), { exact: true }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel(t('notificationMail.settings.immediateOptions.off'), { exact: true }).isChecked()).resolves.toBe(true);
    // Opt out of two kinds with Tab + Space.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // first box: pledge.proposed
    const mention = page.getByLabel(t('notificationMail.kinds.comment_mention'));
    await mention.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: t('notificationMail.settings.save') }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/moi/notifications?enregistre=1');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(t('notificationMail.settings.saved'));
    await expectAccessible(page, 'settings saved');
    expect(await notificationMailRepository.getSettings(db, person.id)).toMatchObject({ digest: 'daily', immediate: 'off', emailOptOuts: ['pledge.proposed', 'comment.mention'] });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: `/tmp/journey-notification-settings-${lang}-320.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();

    // A digest's unsubscribe link, opened signed out (as from a mail client).
    const anon = await newPage(h.browser, { locale });
    const url = unsubscribeUrl(h.ctx.config, { userId: person.id, what: 'digest' });
    await anon.page.goto(url);
    await expect.poll(() => anon.page.textContent('h1')).toBe(t('notificationMail.unsubscribe.title'));
    await expect.poll(() => anon.page.textContent('main')).toContain(person.email);
    await expectAccessible(anon.page, 'unsubscribe confirmation');
    await anon.page.screenshot({ path: `/tmp/journey-unsubscribe-${lang}-desktop.png`, fullPage: true });
    await anon.page.getByRole('button', { name: t('notificationMail.unsubscribe.submit') }).focus();
    await anon.page.keyboard.press('Enter');
    await expect.poll(() => anon.page.textContent('main')).toContain(t('notificationMail.unsubscribe.doneDigest'));
    await expectAccessible(anon.page, 'unsubscribed');
    expect((await notificationMailRepository.getSettings(db, person.id)).digest).toBe('off');

    // A tampered link: a clear error page, nothing changes.
    await anon.page.setViewportSize({ width: 320, height: 800 });
    await anon.page.goto(url.replace(/.{4}$/, 'AAAA'));
    await expect.poll(() => anon.page.textContent('main')).toContain(t('errors.UNSUBSCRIBE_LINK_INVALID'));
    await expectAccessible(anon.page, 'invalid unsubscribe link');
    await anon.page.screenshot({ path: `/tmp/journey-unsubscribe-invalid-${lang}-320.png`, fullPage: true });
    await anon.context.close();
  });
});
