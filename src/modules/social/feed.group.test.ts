import { describe, expect, it } from 'vitest';
import { groupActivities, groupKey } from './feed.group.js';

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
