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

/** The entries this request may see, in menu order. */
export function navigationFor(abilities: RequestContext['abilities']): NavEntry[] {
  return entries.filter((entry) => !entry.requires || abilities?.[entry.requires] === true);
}
