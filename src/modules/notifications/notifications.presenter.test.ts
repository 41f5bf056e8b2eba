import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.js';
import { notificationText, presentNotification, safeUrl, textKey } from './notifications.presenter.js';

describe('notification presenter', () => {
  it('maps kinds to catalogue keys', () => {
    expect(textKey('pledge.accepted')).toBe('pledges.notification.accepted');
    expect(textKey('comment.mention')).toBe('notifications.kind.comment.mention');
    expect(textKey('weird')).toBe('notifications.kind.fallback');
    expect(textKey('a.b.c')).toBe('notifications.kind.fallback');
  });

  it('renders in each language, with plurals, defaults and a fallback for unknown kinds', () => {
    const fr = translator('fr');
    const en = translator('en');
    expect(notificationText(fr, 'message.new', { actorName: 'Léa', count: 2 })).toBe('2 nouveaux messages de Léa.');
    expect(notificationText(en, 'message.new', { actorName: 'Léa' })).toBe('New message from Léa.');
    expect(notificationText(fr, 'comment.new', { subjectTitle: 'Jardin' })).toBe('Quelqu’un a commenté « Jardin ».');
    expect(notificationText(en, 'pledge.unknown_event', {})).toBe('You have a new notification.');
  });

  it('keeps only same-site urls and whitelisted data', () => {
    expect(safeUrl('/messages/1')).toBe('/messages/1');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) expect(safeUrl(bad)).toBe('/notifications');
    const view = presentNotification({ id: 'n1', kind: 'pledge.accepted', url: '/engagements/p', createdAt: new Date('2026-11-29T12:00:00Z'), readAt: null, data: { needTitle: 'Bois', email: 'x@example.test', pledgeId: 'p' } }, translator('fr'));
    expect(view.data).toEqual({ needTitle: 'Bois', pledgeId: 'p' });
    expect(view).toMatchObject({ createdAt: '2026-11-29T12:00:00.000Z', readAt: null, text: 'Votre engagement pour « Bois » a été accepté.' });
  });
});
