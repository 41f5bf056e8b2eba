/**
 * Journey (issue 9, private application files, ADR 0024): a promoter answers a call's file question
 * on the application form (no JS needed: a multipart post), first with a file of the wrong type
 * (refused beside the field, the typed answers kept), then with a PDF; the form then shows the
 * current file; the optional one is removed after a confirmation, the required one can only be
 * replaced. Staff of the caisse find it in the call's applications and download it. In French
 * and English, axe on every page reached, the file input reached with the keyboard; screenshots at
 * 1280 and 390 px in /tmp/shots/files/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { callQuestions } from '../../src/modules/calls/calls.tables.js';
import { tinyPdf } from '../../src/seed/tiny-pdf.js';
import { expectAccessible, JOURNEY_LOCALES, newPage, signInAs, startsWith, tabTo, useBrowserHarness } from '../helpers/browser.js';
import { createCaisse, createProject, createTerritory, createUser, uid } from '../helpers/factories.js';
import { createCallFixture } from '../integration/calls.fixtures.js';

const h = useBrowserHarness({ dataDir: mkdtempSync(path.join(tmpdir(), 'ec-journey-files-')) });
const SHOTS = '/tmp/shots/files';
mkdirSync(SHOTS, { recursive: true });

describe.each(JOURNEY_LOCALES)('private application files journey (%s)', (lang, locale, t) => {
  it('a promoter uploads a PDF on the application form and staff of the caisse download it', async () => {
    const territory = await createTerritory(h.ctx, { nameFr: `Quartier ${uid().slice(0, 4)}`, nameEn: `Neighbourhood ${uid().slice(0, 4)}` });
    const caisse = await createCaisse(h.ctx, { territoryIds: [territory.id] });
    const promoter = await createUser(h.ctx, { territoryId: territory.id, locale: lang, displayName: lang === 'fr' ? 'Paule Promotrice' : 'Paula Promoter' });
    const staff = await createUser(h.ctx, { locale: lang, role: { role: 'staff', caisseId: caisse.id } });
    const project = await createProject(h.ctx, { promoterId: promoter.id, territoryId: territory.id, title: lang === 'fr' ? 'Ruelle des Lilas' : 'Lilac laneway' });
    const call = await createCallFixture(h.ctx, { caisseId: caisse.id, territoryIds: [territory.id] });
    const planLabel = lang === 'fr' ? 'Plan de l’aménagement' : 'Layout plan';
    const photoLabel = lang === 'fr' ? 'Photo des lieux' : 'Photo of the site';
    await h.ctx.database.db.insert(callQuestions).values([
      { id: newId(), callId: call.id, position: 2, kind: 'file', label: planLabel, help: lang === 'fr' ? 'Un plan ou un croquis.' : 'A plan or a sketch.', required: true },
      { id: newId(), callId: call.id, position: 3, kind: 'file', label: photoLabel, required: false },
    ]);
    const pdf = tinyPdf(['Ruelle des Lilas', 'Plan : 8 bacs, 1 banc']);

    // The promoter opens the form: the file question says what it accepts, and is reached with Tab.
    const p = await newPage(h.browser, { locale });
    await signInAs(h, p.page, promoter.email, t);
    await p.page.goto(`${h.baseUrl}/appels/${call.slug}`);
    await p.page.getByRole('link', { name: t('calls.detail.apply') }).first().click();
    await expect.poll(() => p.page.textContent('h1')).toContain(call.slug);
    const fileInput = p.page.getByLabel(startsWith(planLabel));
    await expect.poll(() => fileInput.getAttribute('type')).toBe('file');
    await expect.poll(() => p.page.getByText(t('calls.files.hint', { max: 10 })).count()).toBe(2);
    await tabTo(p.page, fileInput);
    await expectAccessible(p.page, 'application form with a file question');

    // A file of the wrong type: refused beside the field, what was typed is kept.
    await p.page.getByLabel(startsWith(t('calls.apply.project'))).selectOption({ label: project.title });
    await p.page.getByLabel(startsWith(t('calls.apply.requested'))).fill('2500');
    await p.page.getByLabel(startsWith('Décrivez votre projet')).fill(lang === 'fr' ? 'Huit bacs et un banc.' : 'Eight planters and a bench.');
    await fileInput.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
    await p.page.getByRole('button', { name: t('calls.apply.submit') }).click();
    await expect.poll(() => p.page.locator('.error-summary').count()).toBe(1);
    await expect.poll(() => p.page.locator('.field-error').first().textContent()).toBe(t('calls.validation.fileType'));
    await expect.poll(() => p.page.getByLabel(startsWith('Décrivez votre projet')).inputValue()).toBe(lang === 'fr' ? 'Huit bacs et un banc.' : 'Eight planters and a bench.');
    await expect.poll(() => p.page.getByLabel(startsWith(t('calls.apply.requested'))).inputValue()).toBe('2500');
    await expectAccessible(p.page, 'application form with a refused file');
    await p.page.screenshot({ path: `${SHOTS}/journey-refused-${lang}-1280.png`, fullPage: true });

    // The PDF and an optional photo: submitted, and shown on the call page with their size.
    await p.page.getByLabel(startsWith(planLabel)).setInputFiles({ name: 'plan-lilas.pdf', mimeType: 'application/pdf', buffer: pdf });
    await p.page.getByLabel(startsWith(photoLabel)).setInputFiles({ name: 'ruelle.pdf', mimeType: 'application/pdf', buffer: tinyPdf(['Photo']) });
    await p.page.getByRole('button', { name: t('calls.apply.submit') }).click();
    await expect.poll(() => p.page.getByText(t('calls.notice.submitted')).count()).toBe(1);
    await expect.poll(() => p.page.getByRole('link', { name: 'plan-lilas.pdf' }).count()).toBe(1);
    await expectAccessible(p.page, 'call page with my application and its file');

    // The edit form shows the current file, a download link, and how to replace it.
    await p.page.getByRole('link', { name: t('calls.detail.edit') }).click();
    await expect.poll(() => p.page.getByText(t('calls.files.current')).count()).toBe(2);
    await expect.poll(() => p.page.getByText(t('calls.files.replace')).count()).toBe(2);
    await expectAccessible(p.page, 'application form with the current file');
    await p.page.screenshot({ path: `${SHOTS}/journey-current-${lang}-1280.png`, fullPage: true });

    // The required plan of a submitted application can only be replaced; the optional photo can be
    // removed, with the keyboard, after a confirmation naming it.
    await expect.poll(() => p.page.getByText(t('calls.files.keepRequired')).count()).toBe(1);
    await expect.poll(() => p.page.getByRole('button', { name: t('calls.files.remove', { name: 'plan-lilas.pdf' }) }).count()).toBe(0);
    const removeButton = p.page.getByRole('button', { name: t('calls.files.remove', { name: 'ruelle.pdf' }) });
    let confirmation = '';
    p.page.once('dialog', (dialog) => { confirmation = dialog.message(); void dialog.accept(); });
    await tabTo(p.page, removeButton);
    await p.page.keyboard.press('Enter');
    await expect.poll(() => p.page.getByText(t('calls.notice.fileRemoved')).count()).toBe(1);
    expect(confirmation).toBe(t('calls.files.removeConfirm', { name: 'ruelle.pdf' }));
    await expect.poll(() => p.page.getByRole('link', { name: 'ruelle.pdf' }).count()).toBe(0);
    await expect.poll(() => p.page.getByRole('link', { name: 'plan-lilas.pdf' }).count()).toBe(1);
    await expectAccessible(p.page, 'application form after a file was removed');
    await p.page.screenshot({ path: `${SHOTS}/journey-removed-${lang}-1280.png`, fullPage: true });
    await p.page.setViewportSize({ width: 390, height: 844 });
    await p.page.screenshot({ path: `${SHOTS}/journey-current-${lang}-390.png`, fullPage: true });
    await p.context.close();

    // Staff of the caisse download it from the call's applications.
    const s = await newPage(h.browser, { locale });
    await signInAs(h, s.page, staff.email, t);
    await s.page.goto(`${h.baseUrl}/appels/${call.slug}/candidatures`);
    await expect.poll(() => s.page.getByRole('columnheader', { name: t('calls.files.column') }).count()).toBe(1);
    await expectAccessible(s.page, 'staff applications with files');
    await s.page.screenshot({ path: `${SHOTS}/journey-staff-${lang}-1280.png`, fullPage: true });
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('link', { name: 'plan-lilas.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('plan-lilas.pdf');
    const saved = await download.path();
    expect(readFileSync(saved).equals(pdf)).toBe(true);
    await s.page.setViewportSize({ width: 390, height: 844 });
    await s.page.screenshot({ path: `${SHOTS}/journey-staff-${lang}-390.png`, fullPage: true });
    await s.context.close();
  });
});
