/** The following feed's grouping of repetitive items and its cursor paging (the rest: feed.test.ts). */
import { describe, expect, it } from 'vitest';
import { createProject } from '../helpers/factories.js';
import { type ActivityKind } from '../../src/modules/social/social.domain.js';
import { activity, api, ctx, feed, follow, person, territory, useFeedApp } from './feed.fixtures.js';

useFeedApp();

describe('the following feed: grouping and paging', () => {
  it('groups consecutive repetitive items with plurals, and not across other items', async () => {
    const reader = await person();
    const reader2 = await person({ locale: 'en' });
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: 'Cuisine collective' });
    const other = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: 'Autre' });
    for (const r of [reader, reader2]) { await follow(r.s, 'project', project.id); await follow(r.s, 'project', other.id); }
    const data = { projectTitle: 'Cuisine collective' };
    const lone = await activity({ projectId: project.id, data });
    await activity({ kind: 'need_met', projectId: other.id, subjectType: 'need', data: { projectTitle: 'Autre', needTitle: 'n' } });
    const run = [await activity({ projectId: project.id, data }), await activity({ projectId: project.id, data }), await activity({ projectId: project.id, data })];
    const items = (await feed(reader.s, 'scope=following')).items;
    expect(items.map((i) => i.count)).toEqual([3, 1, 1]);
    expect(items[0]!.activityIds).toEqual([...run].reverse());
    expect(items[0]!.text).toBe('3 voisin·e·s ont tenu leur engagement envers Cuisine collective');
    expect(items[2]!.activityIds).toEqual([lone]);
    expect((await feed(reader2.s, 'scope=following')).items[0]!.text).toBe('3 neighbours followed through on their pledges to Cuisine collective');
  });

  it('pages with a stable cursor: nothing repeated or skipped while new activity arrives', async () => {
    const reader = await person();
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id });
    await follow(reader.s, 'project', project.id);
    const kinds: ActivityKind[] = ['project_update', 'need_met'];
    const created: string[] = [];
    for (let i = 0; i < 25; i++) created.push(await activity({ kind: kinds[i % 2], projectId: project.id, subjectType: i % 2 ? 'need' : 'update', data: { projectTitle: 'P', title: `n${i}` } }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await feed(reader.s, `scope=following&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.items.flatMap((i) => i.activityIds));
      cursor = res.nextCursor;
      if (pages === 0) await activity({ kind: 'project_update', projectId: project.id, subjectType: 'update', data: { projectTitle: 'P', title: 'newer' } });
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
    expect((await api(reader.s, 'GET', '/api/v1/feed?scope=following&cursor=garbage')).statusCode).toBe(400);
    expect((await api(reader.s, 'GET', '/api/v1/feed?scope=following&limit=101')).statusCode).toBe(400);
  });

  it('groups the same way whatever the page size: pages of 1, 2, 3, 7 concatenate to the page of 50', async () => {
    const reader = await person();
    const promoter = await person();
    const [p1, p2] = [await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id }), await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id })];
    await follow(reader.s, 'project', p1.id);
    await follow(reader.s, 'project', p2.id);
    // runs of 3, 2, 1, 4, 2, 1, 3 activities (newest last), alternating projects and kinds
    const plan: [string, ActivityKind, number][] = [[p1.id, 'pledge_fulfilled', 3], [p2.id, 'pledge_fulfilled', 2], [p1.id, 'need_met', 1], [p1.id, 'pledge_fulfilled', 4], [p2.id, 'need_met', 2], [p2.id, 'pledge_fulfilled', 1], [p1.id, 'pledge_fulfilled', 3]];
    for (const [projectId, kind, n] of plan) for (let i = 0; i < n; i++) await activity({ kind, projectId, subjectType: kind === 'need_met' ? 'need' : 'pledge', data: { projectTitle: 'P', needTitle: 'n' } });
    const whole = await feed(reader.s, 'scope=following&limit=50');
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((i) => i.count)).toEqual([3, 1, 2, 4, 1, 2, 3]);
    for (const limit of [1, 2, 3, 7]) {
      const groups: string[][] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await feed(reader.s, `scope=following&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.items.length).toBeLessThanOrEqual(limit);
        groups.push(...res.items.map((i) => i.activityIds));
        cursor = res.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(groups, `limit=${limit}`).toEqual(whole.items.map((i) => i.activityIds));
      expect(pages).toBe(Math.ceil(7 / limit));
    }
  });
});
