/** What grouping needs to know of an activity. */
export type Groupable = { kind: string; project_id: string | null; subject_type: string; subject_id: string };

/** Activities of one kind about the same thing (the project, else the subject itself) share a key. */
export function groupKey(a: Groupable): string {
  return `${a.kind}|${a.project_id ? `project:${a.project_id}` : `${a.subject_type}:${a.subject_id}`}`;
}

/**
 * Folds runs of consecutive activities with the same key into one group ("3 neighbours pledged to …").
 * Order is kept; only neighbours are merged, so the feed stays chronological.
 */
export function groupActivities<T extends Groupable>(rows: readonly T[]): T[][] {
  const groups: T[][] = [];
  let last: string | null = null;
  for (const row of rows) {
    const key = groupKey(row);
    const current = groups[groups.length - 1];
    if (current && key === last) current.push(row);
    else groups.push([row]);
    last = key;
  }
  return groups;
}
