/**
 * Journey (Law 25 register, ADR 0028): a platform admin reaches the confidentiality-incident
 * register from the admin navigation, records an incident (a first try with errors, explained
 * field by field), completes the measures and closes it after confirming; then records an access
 * request received 18 days ago, sees "12 days left" in the list sorted by due date, and marks it
 * answered with the keyboard only; an older request shows as overdue, in words, first in the list.
 * Both lists open on the register at a glance (counts over the whole register, in words): the
 * overdue count in a warning whose link leads to the requests to handle, the overdue ones first.
 * In French and English, axe on every page reached; screenshots at 1280 and 390 px in /tmp/shots/register/.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, tabTo, useBrowserHarness } from '../helpers/browser.js';
import { createUser, uid } from '../helpers/factories.js';
import { addDays, dueDate } from '../../src/modules/privacy-register/privacy-register.rules.js';
import { privacyRegisterRepository } from '../../src/modules/privacy-register/privacy-register.repository.js';
import { newId } from '../../src/db/ids.js';
import { montrealDate } from '../../src/modules/delegates/delegates.dates.js';

const h = useBrowserHarness();
const SHOTS = '/tmp/shots/register';
mkdirSync(SHOTS, { recursive: true });

describe.each(JOURNEY_LOCALES)('privacy register journey (%s)', (lang, locale, t) => {
  it('an admin records and closes an incident, records a request, sees its days left and marks it answered', async () => {
    const today = montrealDate(new Date());
    const admin = await createUser(h.ctx, { locale: lang, role: { role: 'admin' }, displayName: lang === 'fr' ? 'Nadia Responsable' : 'Nadia Officer' });
    const { context, page } = await newPage(h.browser, { locale });
    await signInAs(h, page, admin.email, t);
    const i = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.incidents.${k}`, o);
    const r = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.requests.${k}`, o);

    // The register is one link away from the admin home, and reachable with the keyboard.
    await page.goto(`${h.baseUrl}/admin`);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: `${SHOTS}/admin-${lang}-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('navigation', { name: t('admin.nav.label') }).getByRole('link', { name: t('admin.nav.incidents') }).click();
    await expect.poll(() => page.textContent('h1')).toBe(i('title'));
    await expect.poll(() => page.getByText(i('retention')).count()).toBe(1);
    // The register at a glance: five counts, each under its label in words.
    const summary = page.getByRole('region', { name: t('privacyRegister.summary.title') });
    await expect.poll(() => summary.locator('dt').allTextContents()).toEqual(['overdue', 'dueToday', 'dueSoon', 'openIncidents', 'seriousIncidents'].map((k) => t(`privacyRegister.summary.${k}`)));
    expect((await summary.locator('dd').allTextContents()).every((n) => /^\d+$/.test(n))).toBe(true);
    await expectAccessible(page, 'incident register');
    const record = page.getByRole('link', { name: i('new') });
    await tabTo(page, record);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('h1')).toBe(i('newTitle'));
    await expectAccessible(page, 'new incident form');

    // A first try without the information concerned nor the risk: each field says what is missing.
    const description = lang === 'fr' ? `Courriel envoyé au mauvais groupe ${uid().slice(0, 4)}` : `E-mail sent to the wrong group ${uid().slice(0, 4)}`;
    await page.getByLabel(startsWith(i('fields.description'))).fill(description);
    await page.getByLabel(startsWith(i('fields.peopleConcerned'))).fill('14');
    await page.getByRole('button', { name: i('create') }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await expect.poll(() => page.locator('#personalInfo-error').textContent()).toBe(t('validation.required'));
    await expect.poll(() => page.locator('#seriousRisk-error').textContent()).toBe(t('validation.required'));
    await expect.poll(() => page.getByLabel(startsWith(i('fields.description'))).inputValue()).toBe(description);
    await expectAccessible(page, 'new incident form with errors');
    await page.getByLabel(startsWith(i('fields.occurredOn'))).fill(addDays(today, -3));
    await page.getByLabel(startsWith(i('fields.discoveredOn'))).fill(addDays(today, -2));
    await page.getByLabel(startsWith(i('fields.personalInfo'))).fill(lang === 'fr' ? 'Adresses courriel de 14 bénévoles' : 'E-mail addresses of 14 volunteers');
    await page.getByLabel(startsWith(i('fields.seriousRisk'))).selectOption('no');
    await page.getByLabel(startsWith(i('fields.riskAssessment'))).fill(lang === 'fr' ? 'Adresses seules, groupe restreint.' : 'Addresses only, a small group.');
    await page.getByRole('button', { name: i('create') }).click();
    await expect.poll(() => page.getByText(t('privacyRegister.done.recorded')).count()).toBe(1);
    expect(page.url()).toMatch(/\/admin\/confidentialite\/[\w-]+\?fait=consigne$/);
    await expectAccessible(page, 'incident page');

    // The measures, then closing (confirmed in a dialog).
    await page.getByLabel(startsWith(i('fields.measures'))).fill(lang === 'fr' ? 'Excuses envoyées; envois groupés en copie cachée.' : 'Apologies sent; group mail in blind copy from now on.');
    await page.getByRole('button', { name: i('save') }).click();
    await expect.poll(() => page.getByText(t('privacyRegister.done.saved')).count()).toBe(1);
    let prompt = '';
    page.once('dialog', (dialog) => { prompt = dialog.message(); void dialog.accept(); });
    await page.getByRole('button', { name: i('close') }).click();
    await expect.poll(() => page.getByText(t('privacyRegister.done.closed')).count()).toBe(1);
    expect(prompt).toBe(i('closePrompt'));
    await expect.poll(() => page.getByRole('button', { name: i('reopen') }).count()).toBe(1);
    await expectAccessible(page, 'closed incident');
    await page.screenshot({ path: `${SHOTS}/incident-${lang}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: `${SHOTS}/incident-${lang}-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.baseUrl}/admin/confidentialite?etat=fermes`);
    await expect.poll(() => page.getByRole('link', { name: description }).count()).toBe(1);
    await expectAccessible(page, 'closed incidents');
    await page.screenshot({ path: `${SHOTS}/incidents-${lang}-1280.png`, fullPage: true });

    // An access request received 18 days ago: due in 12 days.
    await page.getByRole('navigation', { name: t('admin.nav.label') }).getByRole('link', { name: t('admin.nav.requests') }).click();
    await expect.poll(() => page.textContent('h1')).toBe(r('title'));
    await expectAccessible(page, 'requests list');
    await page.getByRole('link', { name: r('new') }).click();
    await expectAccessible(page, 'new request form');
    const requester = lang === 'fr' ? `Léa Gauthier ${uid().slice(0, 4)}` : `Lee Gardner ${uid().slice(0, 4)}`;
    await page.getByLabel(startsWith(r('fields.receivedOn'))).fill(addDays(today, -18));
    await page.getByLabel(startsWith(r('fields.requesterName'))).fill(requester);
    await page.getByLabel(startsWith(r('fields.requesterEmail'))).fill(`lea-${uid()}@example.test`);
    await page.getByLabel(startsWith(r('fields.kind'))).selectOption('access');
    await page.getByRole('button', { name: r('create') }).click();
    await expect.poll(() => page.getByText(t('privacyRegister.done.recorded')).count()).toBe(1);
    await expect.poll(() => page.getByText(r('daysLeft', { count: 12 })).count()).toBe(1);
    await expectAccessible(page, 'request page');
    const detail = page.url().split('?')[0]!;

    // Another request, received 33 days ago and still waiting: overdue, said in words, listed first.
    const late = lang === 'fr' ? `Marc Tardif ${uid().slice(0, 4)}` : `Mark Tardy ${uid().slice(0, 4)}`;
    const receivedOn = addDays(today, -33);
    await privacyRegisterRepository.insertRequest(h.ctx.database.db, { id: newId(), receivedOn, dueOn: dueDate(receivedOn), requesterName: late, requesterEmail: `marc-${uid()}@example.test`, kind: 'deletion', status: 'in_progress' });
    await page.goto(`${h.baseUrl}/admin/confidentialite/demandes`);
    const row = page.getByRole('row').filter({ hasText: requester });
    await expect.poll(() => row.textContent()).toContain(r('daysLeft', { count: 12 }));
    await expect.poll(() => page.getByRole('row').filter({ hasText: late }).locator('strong').textContent()).toBe(r('overdue', { count: 3 }));
    const names = await page.locator('tbody tr td:first-child').allTextContents();
    expect(names.indexOf(late)).toBeLessThan(names.indexOf(requester));
    // The summary counts it with every other overdue request of the register, says so in a warning, and links to them.
    const requestsSummary = page.getByRole('region', { name: t('privacyRegister.summary.title') });
    const overdueCount = Number(await requestsSummary.locator('div').filter({ has: page.getByText(t('privacyRegister.summary.overdue'), { exact: true }) }).locator('dd').textContent());
    expect(overdueCount).toBeGreaterThanOrEqual(1);
    const warning = requestsSummary.locator('.notice-warning');
    await expect.poll(() => warning.locator('strong').textContent()).toBe(t('privacyRegister.summary.overdueNotice', { count: overdueCount }));
    await expectAccessible(page, 'requests list with the new request');
    await requestsSummary.screenshot({ path: `${SHOTS}/summary-${lang}-1280.png` });
    await page.screenshot({ path: `${SHOTS}/requests-${lang}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: `${SHOTS}/requests-${lang}-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.baseUrl}/admin/confidentialite`);
    await page.getByRole('link', { name: t('privacyRegister.summary.overdueLink') }).click();
    await expect.poll(() => page.url()).toBe(`${h.baseUrl}/admin/confidentialite/demandes?etat=en-cours`);
    await expect.poll(() => page.locator('tbody tr').first().locator('.privacy-overdue').count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(detail);
    await page.screenshot({ path: `${SHOTS}/request-${lang}-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Answered today, with the keyboard only.
    const answer = page.getByRole('button', { name: r('markAnswered') });
    await tabTo(page, answer);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(t('privacyRegister.done.answered')).count()).toBe(1);
    await expect.poll(() => page.locator('.admin-facts .badge').first().textContent()).toBe(r('statuses.answered'));
    await expectAccessible(page, 'answered request');
    await page.goto(`${h.baseUrl}/admin/confidentialite/demandes?etat=traitees`);
    await expect.poll(() => page.getByRole('row').filter({ hasText: requester }).textContent()).toContain(r('answeredOnTime', { date: '' }).trim().split(' ')[0]!);
    await page.screenshot({ path: `${SHOTS}/requests-handled-${lang}-1280.png`, fullPage: true });
    await context.close();
  });
});
