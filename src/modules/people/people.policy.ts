import type { FieldVisibility } from '../auth/auth.domain.js';

/** Who is looking at a personal page, from the least to the most privileged. */
export const VIEWER_KINDS = ['visitor', 'member', 'owner'] as const;
export type ViewerKind = (typeof VIEWER_KINDS)[number];

export function viewerKind(personId: string, viewer: { id: string } | null): ViewerKind {
  if (!viewer) return 'visitor';
  return viewer.id === personId ? 'owner' : 'member';
}

/** 'public' → everyone, 'members' → any signed-in person, 'private' → only the owner. */
export function canSeeField(visibility: FieldVisibility, kind: ViewerKind): boolean {
  switch (visibility) {
    case 'public':
      return true;
    case 'members':
      return kind !== 'visitor';
    case 'private':
      return kind === 'owner';
  }
}

/** A preview can only narrow what a viewer sees, never widen it. */
export function narrowViewer(kind: ViewerKind, preview: ViewerKind | undefined): ViewerKind {
  if (!preview) return kind;
  return VIEWER_KINDS.indexOf(preview) < VIEWER_KINDS.indexOf(kind) ? preview : kind;
}
