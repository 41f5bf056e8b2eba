import { z } from 'zod';
import type { Locale, T } from '../../platform/i18n/i18n.js';
import { NEED_KINDS } from '../needs/needs.domain.js';
import type { MatchCandidate, MatchReason, TerritoryName } from './matching.score.js';
import type { NeedMatches, NeedNearYou } from './matching.service.js';

const ZPlace = z.object({ slug: z.string(), name: z.string() });
export const ZMatchReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), offerKind: z.enum(NEED_KINDS), skills: z.array(z.string()), territory: ZPlace.nullable(), partner: z.boolean() }),
  z.object({ kind: z.literal('person'), skills: z.array(z.string()), territory: ZPlace.nullable() }),
]);

export const ZMatch = z.object({
  type: z.enum(['offer', 'person']),
  score: z.number().int(),
  /** Why, as structured parts (territory named in the request's language)… */
  reason: ZMatchReason,
  /** …and as a sentence built from them, in the request's language. */
  reasonText: z.string(),
  offer: z.object({ id: z.string(), title: z.string(), kind: z.enum(NEED_KINDS), url: z.string() }).nullable(),
  person: z.object({ handle: z.string(), displayName: z.string(), url: z.string() }),
  organisation: z.object({ slug: z.string(), name: z.string(), partner: z.boolean() }).nullable(),
  /** Where to start a conversation about this need with the person. */
  contactUrl: z.string(),
});
export type MatchView = z.output<typeof ZMatch>;
export const ZMatchList = z.object({ items: z.array(ZMatch), nextCursor: z.null() });

const placeName = (p: TerritoryName | null, locale: Locale) => (p ? (locale === 'en' ? p.nameEn : p.nameFr) : null);

/** "and 2 other skills" when more than one skill is shared. */
function more(t: T, skills: string[]): string {
  return skills.length > 1 ? t('matching.reason.more', { count: skills.length - 1 }) : '';
}

/** The reason as a sentence in the reader's language, built from its parts. */
export function reasonText(t: T, locale: Locale, reason: MatchReason | NeedNearYou['reason']): string {
  const territory = placeName(reason.territory, locale);
  const skill = reason.skills[0] ?? null;
  const where = territory ? 'In' : '';
  if (reason.kind === 'offer') {
    const kind = t(`matching.kindNoun.${reason.offerKind}`);
    const base = skill ? t(`matching.reason.offerSkill${where}`, { skill, territory }) + more(t, reason.skills) : t(`matching.reason.offerKind${where}`, { kind, territory });
    return reason.partner ? `${base}${t('matching.reason.partner')}` : base;
  }
  const who = reason.kind === 'person' ? 'person' : 'need';
  return t(`matching.reason.${who}Skill${where}`, { skill: skill ?? '', territory }) + more(t, reason.skills);
}

function presentReason(reason: MatchReason, locale: Locale): MatchView['reason'] {
  const territory = reason.territory ? { slug: reason.territory.slug, name: placeName(reason.territory, locale)! } : null;
  return reason.kind === 'offer' ? { ...reason, skills: [...reason.skills], territory } : { kind: 'person', skills: [...reason.skills], territory };
}

export function presentMatch(c: MatchCandidate, needId: string, t: T, locale: Locale): MatchView {
  return {
    type: c.type,
    score: c.score,
    reason: presentReason(c.reason, locale),
    reasonText: reasonText(t, locale, c.reason),
    offer: c.offer ? { ...c.offer, url: `/offres/${c.offer.id}` } : null,
    person: { handle: c.person.handle, displayName: c.person.displayName, url: `/membres/${c.person.handle}` },
    organisation: c.organisation,
    contactUrl: `/messages/nouveau?a=${encodeURIComponent(c.person.handle)}&contexte=need:${encodeURIComponent(needId)}`,
  };
}

export function presentMatches(matches: NeedMatches, t: T, locale: Locale): MatchView[] {
  return matches.candidates.map((c) => presentMatch(c, matches.need.id, t, locale));
}
