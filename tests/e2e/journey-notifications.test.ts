/**
 * Live notifications in two browsers: person B sits on a page; person A writes to B; B's bell badge
 * and the Messages badge update without a reload (server-sent events) and a polite live region
 * announces it; B opens the notification centre and the notification, which becomes read.
 * In French and English, axe on every page reached, screenshots at desktop width and 320 px.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

const h = useBrowserHarness();

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

describe.each(JOURNEY_LOCALES)('live notifications journey (%s)', (lang, locale, t) => {
  it('updates B’s badges live when A writes, then B opens the notification centre and the notification', async () => {
    const writer = await createUser(h.ctx, { locale: lang, displayName: lang === 'fr' ? 'Amina Tremblay' : 'Amina Brown' });
    const reader = await createUser(h.ctx, { locale: lang, displayName: lang === 'fr' ? 'Benoît Gagnon' : 'Ben Walker' });

    // B is on their page, with no unread notification.
    const b = await newPage(h.browser, { locale });
    await signInAs(h, b.page, reader.email, t);
    const bell = b.page.locator('[data-live-notifications]');
    await expect.poll(() => bell.getAttribute('href')).toBe('/notifications');
    expect((await bell.textContent())?.trim()).toBe(t('notifications.bell.label'));
    await b.page.evaluate(() => ((window as unknown as { stayedHere: boolean }).stayedHere = true));
    // The stream is open before A writes (the first `unread` event has been handled).
    await b.page.waitForSelector('[data-live-notifications][data-live-state="open"]');

    // A writes to B.
    const a = await newPage(h.browser, { locale });
    await signInAs(h, a.page, writer.email, t);
    await a.page.goto(`${h.baseUrl}/messages/nouveau?a=${reader.handle}`);
    const body = lang === 'fr' ? 'Bonjour! Je peux prêter mon escabeau samedi.' : 'Hello! I can lend my stepladder on Saturday.';
    await a.page.getByLabel(startsWith(t('messages.fields.body'))).fill(body);
    await a.page.getByRole('button', { name: t('messages.send') }).click();
    await a.page.waitForURL('**/messages/**');

    // B's badges change without a reload, and the change is announced politely.
    const unreadLabel = t('notifications.bell.unread', { count: 1 });
    await expect.poll(() => b.page.locator('[data-live-notifications-label]').textContent(), { timeout: 10_000 }).toBe(unreadLabel);
    expect(await b.page.locator('[data-live-notifications-count]').isVisible()).toBe(true);
    expect(await b.page.locator('[data-live-notifications-count]').textContent()).toBe('1');
    expect(await b.page.locator('[data-live-messages-count]').textContent()).toBe('1');
    const text = t('notifications.kind.message.new', { count: 1, actorName: writer.displayName });
    await expect.poll(() => b.page.locator('#live-notifications').textContent()).toBe(t('notifications.live.announce', { text }));
    expect(await b.page.evaluate(() => (window as unknown as { stayedHere?: boolean }).stayedHere)).toBe(true);
    await expectAccessible(b.page, 'page with live badges');
    await b.page.screenshot({ path: `${SHOTS}/notify-header-${lang}.png` });

    // B opens the notification centre from the bell (its accessible name says how many are unread).
    await b.page.getByRole('link', { name: unreadLabel }).click();
    await b.page.waitForURL('**/notifications');
    expect(await b.page.textContent('h1')).toBe(t('notifications.title'));
    const item = b.page.locator('.notification-unread');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain(text);
    await expectAccessible(b.page, 'notification centre');
    await b.page.screenshot({ path: `${SHOTS}/notify-list-${lang}.png`, fullPage: true });

    // At 320 px the page reflows without horizontal scrolling.
    const narrow = await newPage(h.browser, { locale, width: 320 });
    await narrow.context.addCookies(await b.context.cookies());
    await narrow.page.goto(`${h.baseUrl}/notifications`);
    expect(await narrow.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(narrow.page, 'notification centre at 320 px');
    await narrow.page.screenshot({ path: `${SHOTS}/notify-list-320-${lang}.png`, fullPage: true });
    await narrow.context.close();

    // Opening it leads to the conversation and marks it read.
    await b.page.getByRole('link', { name: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    await b.page.waitForURL('**/messages/**');
    expect(await b.page.textContent('main')).toContain(body);
    await b.page.goto(`${h.baseUrl}/notifications`);
    expect(await b.page.locator('.notification-unread').count()).toBe(0);
    expect(await b.page.locator('.notification').count()).toBe(1);
    expect((await b.page.locator('[data-live-notifications]').textContent())?.trim()).toBe(t('notifications.bell.label'));
    await expectAccessible(b.page, 'notification centre, all read');

    // Without JavaScript, the centre, the bell and "mark all as read" work the same.
    const noJs = await h.browser.newContext({ locale, javaScriptEnabled: false });
    await noJs.addCookies(await a.context.cookies());
    const plain = await noJs.newPage();
    await plain.goto(`${h.baseUrl}/notifications`);
    expect(await plain.textContent('main')).toContain(t('notifications.empty'));
    await b.page.goto(`${h.baseUrl}/messages`);
    await b.page.getByRole('link', { name: new RegExp(writer.displayName) }).first().click();
    const reply = lang === 'fr' ? 'Merci, à samedi!' : 'Thanks, see you Saturday!';
    await b.page.getByLabel(startsWith(t('messages.fields.reply'))).fill(reply);
    await b.page.getByRole('button', { name: t('messages.send') }).click();
    await b.page.locator('#thread').getByText(reply).waitFor();
    await plain.goto(`${h.baseUrl}/notifications`);
    expect(await plain.locator('.notification-unread').count()).toBe(1);
    expect(await plain.getByRole('link', { name: t('notifications.bell.unread', { count: 1 }) }).count()).toBe(1);
    await plain.getByRole('button', { name: t('notifications.markAllRead') }).click();
    await plain.waitForURL('**/notifications?fait=lues');
    expect(await plain.textContent('main')).toContain(t('notifications.markedAllRead'));
    expect(await plain.locator('.notification-unread').count()).toBe(0);
    await noJs.close();

    for (const c of [a, b]) await c.context.close();
  });
});
