import AxeBuilder from '@axe-core/playwright';
import { launchChromium } from './tests/helpers/screenshot.js';
const browser = await launchChromium();
const paths = ['/', '/territoires', '/territoires/rosemont', '/territoires/plateau-mont-royal', '/territoires/montreal', '/caisses', '/caisses/economie-solidaire', '/confidentialite', '/territoires/inconnu'];
for (const lang of ['fr', 'en']) {
  for (const w of [1280, 320]) {
    const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA', viewport: { width: w, height: 800 } });
    const page = await context.newPage();
    for (const p of paths) {
      await page.goto(`http://localhost:3202${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
      if (r.violations.length || scrollW > w) console.log(lang, w, p, 'scrollW', scrollW, r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
    }
    // waitlist error state
    await page.goto(`http://localhost:3202/territoires/rosemont?lang=${lang}`);
    await page.fill('#email', 'pas-valide');
    await page.click('#liste-attente button[type=submit]');
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    console.log(lang, w, 'after error', page.url(), r.violations.map((v) => v.id));
    await context.close();
  }
}
await browser.close();
