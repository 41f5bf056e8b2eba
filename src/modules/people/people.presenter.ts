import { z } from 'zod';
import type { users } from '../auth/auth.tables.js';
import { photoUrl, ZLink } from '../me/me.presenter.js';
import { canSeeField, viewerKind, type ViewerKind } from './people.policy.js';

type UserRow = typeof users.$inferSelect;

/** What the presenter needs from a person: the row's public-ish columns and their territory. */
export type PersonSource = Pick<UserRow, 'id' | 'handle' | 'displayName' | 'bio' | 'skills' | 'interests' | 'links' | 'photoKey' | 'privacy'> & {
  territory: { slug: string; name: string } | null;
};

/** A personal page as one viewer may see it; a field hidden from that viewer is null. */
export const ZPerson = z.object({
  handle: z.string(),
  displayName: z.string(),
  photoUrl: z.string().nullable(),
  bio: z.string().nullable(),
  skills: z.array(z.string()).nullable(),
  interests: z.array(z.string()).nullable(),
  territory: z.object({ slug: z.string(), name: z.string() }).nullable(),
  links: z.array(ZLink).nullable(),
});
export type PersonView = z.output<typeof ZPerson>;

/** Whitelists the fields of a person for a kind of viewer, applying each field's visibility. */
export function presentPersonAs(person: PersonSource, kind: ViewerKind): PersonView {
  const show = <V>(field: keyof PersonSource['privacy'], value: V): V | null => (canSeeField(person.privacy[field], kind) ? value : null);
  return {
    handle: person.handle,
    displayName: person.displayName,
    photoUrl: show('photo', photoUrl(person.photoKey)),
    bio: show('bio', person.bio),
    skills: show('skills', [...person.skills]),
    interests: show('interests', [...person.interests]),
    territory: show('territory', person.territory ? { slug: person.territory.slug, name: person.territory.name } : null),
    links: show('links', person.links.map((l) => ({ label: l.label, url: l.url }))),
  };
}

export function presentPerson(person: PersonSource, viewer: { id: string } | null): PersonView {
  return presentPersonAs(person, viewerKind(person.id, viewer));
}
