/** The longest handle the platform generates; lookups accept the same pattern (HANDLE_LOOKUP). */
export const HANDLE_MAX = 40;
/** What a personal page address may be: generated handles, the ones people choose, and older ones. */
export const HANDLE_LOOKUP = /^[a-z0-9-]{1,64}$/;

/** Turns a display name into a URL handle: "Marie-Ève Tremblay" → "marie-eve-tremblay". */
export function slugify(value: string, max = HANDLE_MAX): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || 'membre';
}

/** `root` shortened so that `root-suffix` still fits in HANDLE_MAX characters. */
function withSuffix(root: string, suffix: string): string {
  const room = HANDLE_MAX - suffix.length - 1;
  const head = root.slice(0, room).replace(/-+$/g, '') || 'membre'.slice(0, room);
  return `${head}-${suffix}`;
}

/** A free handle for a name: the slug, else the slug with a counter (then a random suffix), never longer than HANDLE_MAX. */
export async function uniqueHandle(base: string, exists: (h: string) => Promise<boolean>): Promise<string> {
  const root = slugify(base);
  if (!(await exists(root))) return root;
  for (let i = 2; i < 50; i++) {
    const candidate = withSuffix(root, String(i));
    if (!(await exists(candidate))) return candidate;
  }
  return withSuffix(root, Math.random().toString(36).slice(2, 8).padEnd(6, '0'));
}
