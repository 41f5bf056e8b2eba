import { describe, expect, it } from 'vitest';
import { FIELD_VISIBILITIES, PROFILE_FIELDS, type FieldVisibility, type ProfilePrivacy } from '../auth/auth.domain.js';
import { presentPerson, presentPersonAs, type PersonSource, type PersonView } from './people.presenter.js';
import { narrowViewer, VIEWER_KINDS, type ViewerKind } from './people.policy.js';

function person(visibility: FieldVisibility): PersonSource {
  const privacy = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, visibility])) as ProfilePrivacy;
  return {
    id: 'owner-id', handle: 'lea', displayName: 'Léa', bio: 'Bio', skills: ['menuiserie'], interests: ['jardins'],
    links: [{ label: 'Site', url: 'https://example.org' }], photoKey: 'AbCdEfGhIjKlMnOpQrStUvWx.webp', privacy,
    territory: { slug: 'villeray', name: 'Villeray' },
  };
}

const VISIBLE: Record<ProfilePrivacy[keyof ProfilePrivacy], ViewerKind[]> = {
  public: ['visitor', 'member', 'owner'],
  members: ['member', 'owner'],
  private: ['owner'],
};

const FIELD_OF: Record<(typeof PROFILE_FIELDS)[number], keyof PersonView> = {
  photo: 'photoUrl', bio: 'bio', skills: 'skills', interests: 'interests', territory: 'territory', links: 'links',
};

const viewerFor: Record<ViewerKind, { id: string } | null> = { visitor: null, member: { id: 'someone-else' }, owner: { id: 'owner-id' } };

describe('presentPerson: visibility × viewer', () => {
  for (const visibility of FIELD_VISIBILITIES) {
    for (const kind of VIEWER_KINDS) {
      const expectVisible = VISIBLE[visibility].includes(kind);
      it(`${expectVisible ? 'shows' : 'hides'} ${visibility} fields to the ${kind}`, () => {
        const view = presentPerson(person(visibility), viewerFor[kind]);
        expect(view.handle).toBe('lea');
        expect(view.displayName).toBe('Léa');
        for (const field of PROFILE_FIELDS) {
          const value = view[FIELD_OF[field]];
          if (expectVisible) expect(value, field).not.toBeNull();
          else expect(value, field).toBeNull();
        }
      });
    }
  }

  it('returns the values themselves when visible', () => {
    const view = presentPerson(person('public'), null);
    expect(view).toEqual({
      handle: 'lea', displayName: 'Léa', photoUrl: '/media/AbCdEfGhIjKlMnOpQrStUvWx.webp', bio: 'Bio', skills: ['menuiserie'], interests: ['jardins'],
      territory: { slug: 'villeray', name: 'Villeray' }, links: [{ label: 'Site', url: 'https://example.org' }],
    });
  });

  it('applies each field its own setting', () => {
    const source = { ...person('private'), privacy: { photo: 'public', bio: 'members', skills: 'private', interests: 'public', territory: 'members', links: 'private' } as ProfilePrivacy };
    const view = presentPersonAs(source, 'member');
    expect([view.photoUrl !== null, view.bio !== null, view.skills !== null, view.interests !== null, view.territory !== null, view.links !== null]).toEqual([true, true, false, true, true, false]);
  });

  it('never carries e-mail, birth year, hashes or suspension, whatever the row holds', () => {
    const row = { ...person('public'), email: 'lea@example.test', passwordHash: 'argon2id$secret', birthYear: 1990, suspendedAt: new Date(), privacy: person('public').privacy };
    const view = presentPersonAs(row, 'owner');
    expect(Object.keys(view).sort()).toEqual(['bio', 'displayName', 'handle', 'interests', 'links', 'photoUrl', 'skills', 'territory']);
    expect(JSON.stringify(view)).not.toMatch(/lea@example|argon2|1990/);
  });
});

describe('narrowViewer', () => {
  it('lets a preview narrow the view but never widen it', () => {
    expect(narrowViewer('owner', 'visitor')).toBe('visitor');
    expect(narrowViewer('owner', 'member')).toBe('member');
    expect(narrowViewer('visitor', 'owner')).toBe('visitor');
    expect(narrowViewer('member', undefined)).toBe('member');
  });
});
