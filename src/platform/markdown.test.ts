import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.js';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[clic](javascript:alert(1))',
  '[clic](JaVaScRiPt:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '![x](https://evil.example/track.png)',
];

describe('renderMarkdown', () => {
  it('renders the formatting people use', () => {
    const html = renderMarkdown('# Titre\n\n**gras** et *italique*\n\n- un\n- deux\n\n[site](https://example.org)');
    expect(html).toContain('<h3>Titre</h3>');
    expect(html).toContain('<strong>gras</strong>');
    expect(html).toContain('<li>un</li>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener noreferrer">site</a>');
  });

  it.each(XSS)('neutralises %s', (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|data:text|<iframe|<svg|<img|style=/i);
  });

  it('keeps mailto links and drops headings in the subset', () => {
    expect(renderMarkdown('[écrire](mailto:a@b.ca)')).toContain('href="mailto:a@b.ca"');
    expect(renderMarkdown('# Titre', 'subset')).not.toContain('<h3>');
  });
});

describe('markdownToText', () => {
  it('strips markup and shortens', () => {
    expect(markdownToText('**Bonjour** <b>le</b> [monde](https://x.ca)')).toBe('Bonjour le monde');
    expect(markdownToText('a'.repeat(400), 10)).toHaveLength(10);
  });
});
