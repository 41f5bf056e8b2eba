import { describe, expect, it } from 'vitest';
import { readPageMeta } from './html-meta.js';

describe('readPageMeta', () => {
  it('reads og:title and og:image, the image made absolute', () => {
    const html = `<!doctype html><html><head><title>Fallback</title>
      <meta property="og:title" content="Le frigo &amp; la ruelle">
      <meta property="og:image" content="/img/cover.jpg"></head><body></body></html>`;
    expect(readPageMeta(html, 'https://laruchequebec.com/fr/projets/frigo')).toEqual({ title: 'Le frigo & la ruelle', imageUrl: 'https://laruchequebec.com/img/cover.jpg' });
  });

  it('falls back to <title> and keeps only http(s) images', () => {
    const html = '<html><head><TITLE>  Une   campagne </TITLE><meta property="og:image" content="javascript:alert(1)"></head></html>';
    expect(readPageMeta(html, 'https://example.org/')).toEqual({ title: 'Une campagne', imageUrl: null });
  });

  it('survives broken markup and a page cut in the middle', () => {
    const html = '<html><head><meta name="twitter:title" content="Ruelle verte"><meta property="og:image" content="https://cdn.example.org/a.png"><scr';
    expect(readPageMeta(html, 'https://example.org/')).toEqual({ title: 'Ruelle verte', imageUrl: 'https://cdn.example.org/a.png' });
  });

  it('does not read a title from a comment or a script', () => {
    const html = '<html><head><!-- <meta property="og:title" content="no"> --><script>var s = "<meta property=\\"og:title\\" content=\\"no\\">";</script></head></html>';
    expect(readPageMeta(html, 'https://example.org/').title).toBeNull();
  });
});
