import type { RequestContext } from '../http/context.js';

/** One entry of the main navigation, contributed by a module's descriptor (src/platform/module.ts). */
export type NavEntry = {
  /** What a page passes as `<Layout nav=…>` to mark the entry current. */
  key: string;
  href: string;
  /** i18n key of the label. */
  label: string;
  /** Position in the menu, smallest first. */
  order: number;
  /** Shown only to people with this computed ability (RequestContext.abilities). */
  requires?: keyof NonNullable<RequestContext['abilities']>;
};

let entries: readonly NavEntry[] = [];

/** Set once by the composition root (app.ts) from the module list; platform knows no feature. */
export function registerNavigation(list: readonly NavEntry[]): void {
  const keys = new Set<string>();
  for (const entry of list) {
    if (keys.has(entry.key)) throw new Error(`navigation entry "${entry.key}" is defined twice`);
    keys.add(entry.key);
  }
  entries = [...list].sort((a, b) => a.order - b.order);
}

/**
 * What the wide header row holds at 1024 px beside the brand and the account actions, counted in
 * characters of the translated labels, each entry costing its label plus `NAV_GAP` for the space
 * between links. The entries beyond it fold under "Plus" / "More" (`NAV_MORE` characters), so the
 * header keeps one row whatever the person's roles and the language; phones list them all (app.css).
 */
export const NAV_ROW_BUDGET = 48;
const NAV_GAP = 1.5;
const NAV_MORE = 6;

/** The entries shown in the header row, in menu order, and those folded under "More" (none when all fit). */
export function splitNavigation(list: readonly NavEntry[], labelOf: (entry: NavEntry) => string, budget = NAV_ROW_BUDGET): { inline: NavEntry[]; more: NavEntry[] } {
  const cost = (entry: NavEntry) => labelOf(entry).length + NAV_GAP;
  if (list.reduce((sum, entry) => sum + cost(entry), 0) <= budget + NAV_MORE) return { inline: [...list], more: [] };
  let used = 0;
  let n = 0;
  while (n < list.length && used + cost(list[n]!) <= budget) used += cost(list[n++]!);
  return { inline: list.slice(0, n), more: list.slice(n) };
}

/** The entries this request may see, in menu order. */
export function navigationFor(abilities: RequestContext['abilities']): NavEntry[] {
  return entries.filter((entry) => !entry.requires || abilities?.[entry.requires] === true);
}
