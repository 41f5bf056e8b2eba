import { describe, expect, it } from 'vitest';
import { canCurate, canEditBoard, canViewBoard, curatingCaisses, isBoardModerator, moveOne, reorderPlan, type BoardActor, type ItemKey, type PolicyBoard } from './boards.policy.js';

const person = (id: string, roles: { role: 'staff' | 'moderator' | 'admin'; caisseId: string | null }[] = []): BoardActor => ({ id, roles });
const owner = person('owner');
const stranger = person('stranger');
const staffA = person('staff-a', [{ role: 'staff', caisseId: 'caisse-a' }]);
const staffB = person('staff-b', [{ role: 'staff', caisseId: 'caisse-b' }]);
const moderatorA = person('mod-a', [{ role: 'moderator', caisseId: 'caisse-a' }]);
const caisseAdminA = person('cadmin-a', [{ role: 'admin', caisseId: 'caisse-a' }]);
const admin = person('admin', [{ role: 'admin', caisseId: null }]);
const serving = ['caisse-a'];

const board = (o: Partial<PolicyBoard> = {}): PolicyBoard => ({ ownerId: 'owner', visibility: 'public', curated: false, caisseId: null, hidden: false, ...o });

describe('who sees a board', () => {
  it('shows a public board to everyone, visitors included', () => {
    for (const actor of [null, owner, stranger, staffB, admin]) expect(canViewBoard(actor, board(), serving)).toBe(true);
  });

  it('shows a private board to its owner only — not to moderators nor admins', () => {
    const b = board({ visibility: 'private' });
    expect(canViewBoard(owner, b, serving)).toBe(true);
    for (const actor of [null, stranger, staffA, moderatorA, admin]) expect(canViewBoard(actor, b, serving)).toBe(false);
  });

  it('shows a hidden board to its owner and the moderators of its territory only', () => {
    const b = board({ hidden: true });
    for (const actor of [owner, moderatorA, staffA, caisseAdminA, admin]) expect(canViewBoard(actor, b, serving)).toBe(true);
    for (const actor of [null, stranger, staffB]) expect(canViewBoard(actor, b, serving)).toBe(false);
    expect(isBoardModerator(moderatorA, [])).toBe(false);
  });
});

describe('who edits a board', () => {
  it('lets the owner edit, nobody else, on a personal board', () => {
    expect(canEditBoard(owner, board(), serving)).toBe(true);
    for (const actor of [null, stranger, staffA, admin]) expect(canEditBoard(actor, board(), serving)).toBe(false);
  });

  it('lets the staff of a curated board’s caisse and global admins keep it, not other caisses nor moderators', () => {
    const b = board({ curated: true, caisseId: 'caisse-a', ownerId: 'staff-a' });
    for (const actor of [staffA, caisseAdminA, admin, person('staff-a2', [{ role: 'staff', caisseId: 'caisse-a' }])]) expect(canEditBoard(actor, b, serving)).toBe(true);
    for (const actor of [null, stranger, staffB, moderatorA]) expect(canEditBoard(actor, b, serving)).toBe(false);
  });
});

describe('who curates', () => {
  it('lets staff and caisse admins of a serving caisse curate, and global admins anywhere a caisse serves', () => {
    expect(canCurate(staffA, serving)).toBe(true);
    expect(canCurate(caisseAdminA, serving)).toBe(true);
    expect(canCurate(admin, serving)).toBe(true);
    expect(curatingCaisses(staffA, ['caisse-b', 'caisse-a'])).toEqual(['caisse-a']);
  });

  it('refuses visitors, members, moderators, staff of another caisse, and territories no caisse serves', () => {
    for (const actor of [null, stranger, moderatorA, staffB]) expect(canCurate(actor, serving)).toBe(false);
    expect(canCurate(admin, [])).toBe(false);
  });
});

const k = (itemId: string, itemType: ItemKey['itemType'] = 'project'): ItemKey => ({ itemType, itemId });

describe('reordering', () => {
  const current = [k('a'), k('b'), k('h'), k('c', 'offer')];
  const visible = new Set(['project:a', 'project:b', 'offer:c']);

  it('applies a permutation of the visible items and keeps hidden ones after them', () => {
    expect(reorderPlan(current, visible, [k('c', 'offer'), k('a'), k('b')])).toEqual([k('c', 'offer'), k('a'), k('b'), k('h')]);
  });

  it('refuses duplicates, missing items, hidden items and strangers', () => {
    expect(reorderPlan(current, visible, [k('a'), k('a'), k('b'), k('c', 'offer')])).toBeNull();
    expect(reorderPlan(current, visible, [k('a'), k('b')])).toBeNull();
    expect(reorderPlan(current, visible, [k('a'), k('b'), k('c', 'offer'), k('h')])).toBeNull();
    expect(reorderPlan(current, visible, [k('a'), k('b'), k('c', 'offer'), k('z')])).toBeNull();
    expect(reorderPlan(current, visible, [k('a'), k('b'), k('c')])).toBeNull();
  });

  it('moves one item a step, and not past either end', () => {
    const order = [k('a'), k('b'), k('c')];
    expect(moveOne(order, k('b'), 'up')).toEqual([k('b'), k('a'), k('c')]);
    expect(moveOne(order, k('b'), 'down')).toEqual([k('a'), k('c'), k('b')]);
    expect(moveOne(order, k('a'), 'up')).toBeNull();
    expect(moveOne(order, k('c'), 'down')).toBeNull();
    expect(moveOne(order, k('z'), 'down')).toBeNull();
  });
});
