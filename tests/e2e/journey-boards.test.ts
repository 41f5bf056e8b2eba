/**
 * Boards journey: a neighbour signs in, creates a board, saves three projects into it from their
 * pages (htmx), reorders it with the keyboard ("Move up / Move down", no dragging), then the public
 * board page is opened signed out (Open Graph tags, share link). In French and English, axe on every
 * page reached, screenshots at desktop width and 320 px (/tmp/journey-boards-*.png).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, JOURNEY_LOCALES, mainNavLink, newPage, signInAs, startsWith, useBrowserHarness } from '../helpers/browser.js';
import { createProject, createUser, uid } from '../helpers/factories.js';
import { territoriesRepository } from '../../src/modules/territories/territories.repository.js';

const h = useBrowserHarness();


const titlesOnBoard = (page: Page) => page.locator('.board-masonry > li h3').allTextContents();

describe.each(JOURNEY_LOCALES)('boards journey (%s)', (lang, locale, t) => {
  it('creates a board, saves projects into it, reorders it with the keyboard and shares it', async () => {
    const plateau = (await territoriesRepository.findBySlug(h.ctx.database.db, 'plateau-mont-royal'))!;
    const me = await createUser(h.ctx, { territoryId: plateau.id, locale: lang });
    const promoter = await createUser(h.ctx, { territoryId: plateau.id, locale: lang });
    const tag = uid().slice(0, 4);
    const names = lang === 'fr' ? [`Ruelle verte ${tag}`, `Frigo partagé ${tag}`, `Atelier vélo ${tag}`] : [`Green alley ${tag}`, `Shared fridge ${tag}`, `Bike workshop ${tag}`];
    const projects = [];
    for (const title of names) projects.push(await createProject(h.ctx, { promoterId: promoter.id, territoryId: plateau.id, title, summary: lang === 'fr' ? 'Un projet du Plateau.' : 'A Plateau project.', category: 'environment' }));
    const boardTitle = lang === 'fr' ? `Mes idées pour l’été ${tag}` : `Summer ideas ${tag}`;

    const { context, page } = await newPage(h.browser, { locale });
    await signInAs(h, page, me.email, t);

    // The boards page, from the main navigation.
    await (await mainNavLink(page, t, t('boards.nav'))).click();
    await expect.poll(() => page.textContent('h1')).toBe(t('boards.list.title'));
    await expectAccessible(page, 'boards list');

    // Create a board.
    await page.getByRole('link', { name: t('boards.list.create') }).first().click();
    await expectAccessible(page, 'new board form');
    await page.getByLabel(startsWith(t('boards.form.title'))).fill(boardTitle);
    await page.getByRole('button', { name: t('boards.form.submitCreate') }).click();
    await page.waitForURL(/\/tableaux\/[^/?]+\?fait=cree/);
    const boardUrl = page.url().split('?')[0]!;
    await expect.poll(() => page.textContent('h1')).toBe(boardTitle);
    await expectAccessible(page, 'empty board');

    // Save each project into it from the project's page (htmx swaps the form for a confirmation).
    for (const [index, p] of projects.entries()) {
      await page.goto(`${h.baseUrl}/projets/${p.id}`);
      const section = page.locator('#save-to-board-section');
      await section.getByLabel(t('boards.save.board'), { exact: true }).selectOption({ label: boardTitle });
      if (index === 0) await expectAccessible(page, 'project page with the save-to-board form');
      await section.getByRole('button', { name: t('boards.save.submit') }).click();
      await expect.poll(() => page.locator('#save-to-board-section [role="status"]').textContent()).toContain(t('boards.save.done'));
      expect(await page.locator('#save-to-board-section a').getAttribute('href')).toBe(new URL(boardUrl).pathname);
    }

    // Reorder with the keyboard: the last project moves up twice, the focus stays on its buttons.
    await page.goto(boardUrl);
    expect(await titlesOnBoard(page)).toEqual(names);
    const up = page.getByRole('button', { name: t('boards.page.moveUpLabel', { title: names[2] }) });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesOnBoard(page)).toEqual([names[0], names[2], names[1]]);
    await expect.poll(() => page.locator('#board-status').textContent()).toBe(t('boards.page.moved', { title: names[2], position: 2, count: 3 }));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(t('boards.page.moveUpLabel', { title: names[2] }));
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesOnBoard(page)).toEqual([names[2], names[0], names[1]]);
    // At the top its "Move up" button is gone: the focus lands on its "Move down" button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(t('boards.page.moveDownLabel', { title: names[2] }));
    await expectAccessible(page, 'board with editing controls');
    await page.reload();
    expect(await titlesOnBoard(page)).toEqual([names[2], names[0], names[1]]);
    await page.screenshot({ path: `/tmp/journey-boards-${lang}-owner-desktop.png`, fullPage: true });

    // At 320 px the board still fits and its controls stay usable.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page, 'board with editing controls, 320 px');
    await page.screenshot({ path: `/tmp/journey-boards-${lang}-owner-320.png`, fullPage: true });
    await context.close();

    // Signed out: the public board, in the new order, with its share link and Open Graph tags, and no controls.
    const visitor = await newPage(h.browser, { locale });
    await visitor.page.goto(boardUrl);
    await expect.poll(() => visitor.page.textContent('h1')).toBe(boardTitle);
    expect(await titlesOnBoard(visitor.page)).toEqual([names[2], names[0], names[1]]);
    expect(await visitor.page.locator('meta[property="og:title"]').getAttribute('content')).toBe(boardTitle);
    expect(await visitor.page.locator('meta[property="og:url"]').getAttribute('content')).toBe(boardUrl);
    expect(await visitor.page.getByLabel(t('boards.page.shareLink')).inputValue()).toBe(boardUrl);
    expect(await visitor.page.getByRole('button', { name: t('boards.page.moveUp') }).count()).toBe(0);
    await expectAccessible(visitor.page, 'public board, signed out');
    await visitor.page.screenshot({ path: `/tmp/journey-boards-${lang}-public-desktop.png`, fullPage: true });
    await visitor.page.setViewportSize({ width: 320, height: 800 });
    await visitor.page.reload();
    expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(visitor.page, 'public board, signed out, 320 px');
    await visitor.page.screenshot({ path: `/tmp/journey-boards-${lang}-public-320.png`, fullPage: true });
    await visitor.context.close();
  });
});
