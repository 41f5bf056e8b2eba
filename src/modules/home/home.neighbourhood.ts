import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale, T } from '../../platform/i18n/i18n.js';
import { followingFeed, type FeedTerritory } from '../social/feed.service.js';
import type { FeedItemView } from '../social/feed.presenter.js';
import { listTerritoryProjects } from '../projects/projects.list.service.js';
import type { ProjectCardView } from '../projects/projects.presenter.js';
import { listMyPledges } from '../pledges/pledges.queries.service.js';

/** A pledge waiting on this person, as the home page lists it. */
export type PendingPledge = { id: string; needTitle: string; projectTitle: string; projectLanguage: Locale | null; url: string; status: string };

/** The signed-in home: their neighbourhood and follows (feed), what waits on them, projects near them. */
export type NeighbourhoodHome = {
  home: FeedTerritory | null;
  feed: FeedItemView[];
  moreFeed: boolean;
  toAnswer: PendingPledge[];
  myOpen: PendingPledge[];
  projects: ProjectCardView[];
};

const FEED = 6;
const PLEDGES = 5;
const PROJECTS = 6;

function pending(items: { pledge: { id: string; status: string; need: { title: string }; project: { title: string; language?: Locale } } }[]): PendingPledge[] {
  return items.map(({ pledge }) => ({ id: pledge.id, needTitle: pledge.need.title, projectTitle: pledge.project.title, projectLanguage: pledge.project.language ?? null, url: `/engagements/${pledge.id}`, status: pledge.status }));
}

/** Loads the signed-in home in two steps: the feed, pledges and home territory in parallel, then the projects near them. */
export async function loadNeighbourhood(deps: Deps, actor: Actor, locale: Locale, t: T): Promise<NeighbourhoodHome> {
  const [feed, received, mine] = await Promise.all([
    followingFeed(deps, actor, locale, t, FEED),
    listMyPledges(deps, actor, { scope: 'received', status: 'proposed', limit: PLEDGES }),
    listMyPledges(deps, actor, { scope: 'mine', status: 'accepted', limit: PLEDGES }),
  ]);
  const projects = feed.home ? await listTerritoryProjects(deps, feed.home.id, PROJECTS, locale) : [];
  return { home: feed.home, feed: feed.items, moreFeed: feed.nextCursor !== null, toAnswer: pending(received.items), myOpen: pending(mine.items), projects };
}
