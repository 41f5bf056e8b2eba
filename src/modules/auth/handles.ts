/** Turns a display name into a URL handle: "Marie-Ève Tremblay" → "marie-eve-tremblay". */
export function slugify(value: string, max = 40): string {
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

export async function uniqueHandle(base: string, exists: (h: string) => Promise<boolean>): Promise<string> {
  const root = slugify(base);
  if (!(await exists(root))) return root;
  for (let i = 2; i < 50; i++) {
    const candidate = `${root}-${i}`;
    if (!(await exists(candidate))) return candidate;
  }
  return `${root}-${Math.random().toString(36).slice(2, 8)}`;
}
