import { encodeCursor, type Cursor } from '../../platform/pagination.js';

/** What grouping needs to know of an activity. */
export type Groupable = { kind: string; project_id: string | null; subject_type: string; subject_id: string };

/** The most activities one item stands for; a longer run starts a new item. */
export const MAX_GROUP = 50;

/** Activities of one kind about the same thing (the project, else the subject itself) share a key. */
export function groupKey(a: Groupable): string {
  return `${a.kind}|${a.project_id ? `project:${a.project_id}` : `${a.subject_type}:${a.subject_id}`}`;
}

/**
 * Folds runs of consecutive activities with the same key into one group ("3 neighbours pledged to …"),
 * at most MAX_GROUP each. Order is kept; only neighbours are merged, so the feed stays chronological.
 * Runs are counted from the first row, so grouping a suffix that starts on a group's first row
 * gives the same groups as grouping the whole.
 */
export function groupActivities<T extends Groupable>(rows: readonly T[]): T[][] {
  const groups: T[][] = [];
  let last: string | null = null;
  for (const row of rows) {
    const key = groupKey(row);
    const current = groups[groups.length - 1];
    if (current && key === last && current.length < MAX_GROUP) current.push(row);
    else groups.push([row]);
    last = key;
  }
  return groups;
}

type Keyed = Groupable & { id: string; cursor_at: string };

/**
 * A page of `limit` whole groups: rows are read in chunks after the cursor until the group after the
 * last one has begun (so the last group is complete) or the rows run out. The cursor points at the
 * last row of the page's last group, so every page starts on a group's first row and the groups do
 * not depend on the page size: concatenated pages equal one big page.
 */
export async function groupedPage<T extends Keyed>(fetch: (take: number, after: Cursor | undefined) => Promise<T[]>, limit: number, after: Cursor | undefined): Promise<{ groups: T[][]; nextCursor: string | null }> {
  const rows: T[] = [];
  let cursor = after;
  let take = Math.min(limit * 2 + 1, 400);
  for (;;) {
    const chunk = await fetch(take, cursor);
    rows.push(...chunk);
    const groups = groupActivities(rows);
    if (groups.length > limit || chunk.length < take) {
      const page = groups.slice(0, limit);
      const tail = page[page.length - 1]?.at(-1);
      return { groups: page, nextCursor: groups.length > limit && tail ? encodeCursor(tail.cursor_at, tail.id) : null };
    }
    const lastRow = chunk[chunk.length - 1]!;
    cursor = { at: lastRow.cursor_at, id: lastRow.id };
    take = Math.min(take * 2, 400);
  }
}
