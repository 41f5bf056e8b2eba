import { describe, expect, it } from 'vitest';
import { assembleThread, canDeleteComment, canEditComment, isCommentModerator, isVisibleTo, linkMentions, notificationPlan, parseMentions, threadRoot } from './comments.policy.js';
import { renderComment } from './comments.markdown.js';

describe('parseMentions', () => {
  it('finds distinct handles at word starts, lower-cased, in order', () => {
    expect(parseMentions('Merci @Samir-Haddad et @fatima! (@samir-haddad encore), @lea.')).toEqual(['samir-haddad', 'fatima', 'lea']);
  });
  it('ignores e-mail addresses, paths, too-short handles and a lone @', () => {
    expect(parseMentions('écrire à marie@exemple.ca, voir /a/@bob ou @ab ou @ ou a@bcd')).toEqual([]);
  });
  it('stops at the maximum', () => {
    const body = Array.from({ length: 15 }, (_, i) => `@personne-${i}`).join(' ');
    expect(parseMentions(body)).toHaveLength(10);
    expect(parseMentions(body, 3)).toEqual(['personne-0', 'personne-1', 'personne-2']);
  });
});

describe('linkMentions and renderComment', () => {
  it('links known handles only, never inside links or code', () => {
    const html = linkMentions('<p>Salut @samir et @inconnu <code>@samir</code> <a href="https://x.test">@samir</a></p>', new Set(['samir']));
    expect(html).toBe('<p>Salut <a href="/membres/samir" class="mention">@samir</a> et @inconnu <code>@samir</code> <a href="https://x.test">@samir</a></p>');
  });
  it('sanitises: no images, no headings, no scripts, http(s) links only with rel ugc', () => {
    const html = renderComment('# Titre\n\n![x](https://x.test/a.png) <script>alert(1)</script> [ok](https://ok.test) [js](javascript:alert(1)) [mail](mailto:a@b.c) **gras**', new Set());
    expect(html).not.toMatch(/<h\d|<img|<script|javascript:|mailto:/);
    expect(html).toContain('<a href="https://ok.test" rel="nofollow ugc noopener noreferrer">ok</a>');
    expect(html).toContain('<strong>gras</strong>');
  });
});

describe('thread shape', () => {
  it('attaches a reply to a reply to the top-level comment', () => {
    expect(threadRoot({ id: 'b', parentId: 'a' })).toBe('a');
    expect(threadRoot({ id: 'a', parentId: null })).toBe('a');
  });
  it('assembles replies under their parents, oldest first', () => {
    const at = (s: number) => new Date(2026, 0, 1, 0, 0, s);
    type Row = { id: string; parentId: string | null; createdAt: Date };
    const tops: Row[] = [{ id: 't1', parentId: null, createdAt: at(1) }, { id: 't2', parentId: null, createdAt: at(2) }];
    const replies: Row[] = [{ id: 'r2', parentId: 't1', createdAt: at(5) }, { id: 'r1', parentId: 't1', createdAt: at(3) }, { id: 'r3', parentId: 't2', createdAt: at(4) }];
    expect(assembleThread(tops, replies).map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([['t1', ['r1', 'r2']], ['t2', ['r3']]]);
  });
});

describe('who may do what', () => {
  const live = { authorId: 'me', deletedAt: null, hiddenAt: null };
  const hidden = { ...live, hiddenAt: new Date() };
  it('lets only the author edit a live, unhidden comment and delete a live one', () => {
    expect([canEditComment('me', live), canEditComment('other', live), canEditComment(null, live), canEditComment('me', hidden), canEditComment('me', { ...live, deletedAt: new Date() })]).toEqual([true, false, false, false, false]);
    expect([canDeleteComment('me', hidden), canDeleteComment('other', live), canDeleteComment('me', { ...live, deletedAt: new Date() })]).toEqual([true, false, false]);
  });
  it('shows a hidden comment to its author and moderators only', () => {
    expect([isVisibleTo('me', hidden, false), isVisibleTo('other', hidden, false), isVisibleTo(null, hidden, false), isVisibleTo('other', hidden, true), isVisibleTo('other', live, false)]).toEqual([true, false, false, true, true]);
  });
  it('counts admins and the serving caisse’s moderators and staff as moderators, not other caisses’', () => {
    expect(isCommentModerator({ id: 'a', roles: [{ role: 'admin', caisseId: null }] }, [])).toBe(true);
    expect(isCommentModerator({ id: 'm', roles: [{ role: 'moderator', caisseId: 'c1' }] }, ['c1'])).toBe(true);
    expect(isCommentModerator({ id: 's', roles: [{ role: 'staff', caisseId: 'c1' }] }, ['c1'])).toBe(true);
    expect(isCommentModerator({ id: 'm', roles: [{ role: 'moderator', caisseId: 'c2' }] }, ['c1'])).toBe(false);
  });
});

describe('notificationPlan', () => {
  it('tells each person once, mention first, never the author', () => {
    expect(notificationPlan({ authorId: 'a', mentioned: ['b', 'a', 'c'], repliedToAuthorId: 'b', teamIds: ['c', 'd', 'a'], topLevel: true })).toEqual([
      { userId: 'b', kind: 'comment.mention' }, { userId: 'c', kind: 'comment.mention' }, { userId: 'd', kind: 'comment.new' },
    ]);
  });
  it('tells the person replied to, and not the team, of a reply', () => {
    expect(notificationPlan({ authorId: 'a', mentioned: [], repliedToAuthorId: 'b', teamIds: ['c'], topLevel: false })).toEqual([{ userId: 'b', kind: 'comment.reply' }]);
  });
});
