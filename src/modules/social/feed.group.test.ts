import { describe, expect, it } from 'vitest';
import { decodeCursor } from '../../platform/pagination.js';
import { MAX_GROUP, groupActivities, groupKey, groupedPage } from './feed.group.js';

const a = (kind: string, project: string | null, subject: string, subjectType = 'pledge') => ({ kind, project_id: project, subject_type: subjectType, subject_id: subject });

describe('groupActivities', () => {
  it('folds consecutive activities of one kind on one project', () => {
    const rows = [a('pledge_fulfilled', 'p1', 's1'), a('pledge_fulfilled', 'p1', 's2'), a('pledge_fulfilled', 'p1', 's3'), a('need_met', 'p1', 'n1', 'need')];
    const groups = groupActivities(rows);
    expect(groups.map((g) => g.length)).toEqual([3, 1]);
    expect(groups[0]!.map((r) => r.subject_id)).toEqual(['s1', 's2', 's3']);
  });

  it('never merges across another item, another project or another kind', () => {
    const rows = [a('pledge_fulfilled', 'p1', 's1'), a('pledge_fulfilled', 'p2', 's2'), a('pledge_fulfilled', 'p1', 's3'), a('project_update', 'p1', 'u1', 'update'), a('pledge_fulfilled', 'p1', 's4')];
    expect(groupActivities(rows).map((g) => g.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('groups activities without a project only on the same subject', () => {
    expect(groupActivities([a('offer_published', null, 'o1', 'offer'), a('offer_published', null, 'o2', 'offer')]).length).toBe(2);
    expect(groupKey(a('board_item_added', null, 'b1', 'board'))).toBe(groupKey(a('board_item_added', null, 'b1', 'board')));
  });

  it('keeps an empty page empty', () => {
    expect(groupActivities([])).toEqual([]);
  });
});

describe('groupedPage', () => {
  // newest first: a run of 60 on p1, one on p2, three on p1
  const rows = [...Array.from({ length: 60 }, () => 'p1'), 'p2', 'p1', 'p1', 'p1'].map((p, i) => ({ ...a('pledge_fulfilled', p, `s${i}`), id: `r${String(i).padStart(3, '0')}`, cursor_at: new Date(Date.UTC(2026, 0, 1) - i * 1000).toISOString() }));
  const fetch = (take: number, after: { id: string } | undefined) => {
    const start = after ? rows.findIndex((r) => r.id === after.id) + 1 : 0;
    return Promise.resolve(rows.slice(start, start + take));
  };
  const all = async (limit: number) => {
    const out: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: { groups: { id: string }[][]; nextCursor: string | null } = await groupedPage(fetch, limit, cursor ? decodeCursor(cursor) : undefined);
      expect(res.groups.length).toBeLessThanOrEqual(limit);
      out.push(...res.groups.map((g) => g.map((r) => r.id)));
      cursor = res.nextCursor;
    } while (cursor);
    return out;
  };

  it('reads on past a chunk to finish a group, caps runs, and gives the same groups for every page size', async () => {
    const whole = await all(100);
    expect(whole.map((g) => g.length)).toEqual([MAX_GROUP, 10, 1, 3]);
    for (const limit of [1, 2, 3]) expect(await all(limit)).toEqual(whole);
  });
});
