import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { searchRepository } from './search.repository.js';
import { presentHit, type SearchHit } from './search.presenter.js';
import { SEARCH_TYPES, type SearchPosition, type SearchRow, type SearchType } from './search.types.js';
import type { TSearchQuery } from './search.schemas.js';

export type SearchPage = { items: SearchHit[]; nextCursor: string | null };
export type SearchSection = { type: SearchType; items: SearchHit[]; more: boolean };

const invalidCursor = () => new AppError('VALIDATION_FAILED', { fields: { cursor: { key: 'validation.invalid' } } });

export function encodePosition(p: SearchPosition): string {
  return Buffer.from(JSON.stringify({ t: p.type, at: p.at, id: p.id })).toString('base64url');
}

export function decodePosition(cursor: string | undefined): SearchPosition | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; at?: unknown; id?: unknown };
    const type = SEARCH_TYPES.find((s) => s === v.t);
    if (type && typeof v.at === 'string' && typeof v.id === 'string' && !Number.isNaN(Date.parse(v.at))) return { type, at: v.at, id: v.id };
  } catch {
    /* fall through */
  }
  throw invalidCursor();
}

/**
 * One search across projects, offers, organisations and people (accent-insensitive), in that
 * order and newest first within each type; pages run on from one type into the next.
 */
export async function search(deps: Pick<Deps, 'db'>, actor: Actor | null, query: TSearchQuery): Promise<SearchPage> {
  const types = query.type ? [query.type] : [...SEARCH_TYPES];
  const position = decodePosition(query.cursor);
  const start = position ? types.indexOf(position.type) : 0;
  if (start < 0) throw invalidCursor();
  const rows: SearchRow[] = [];
  for (const type of types.slice(start)) {
    rows.push(...(await searchRepository.ofType(deps.db, type, query.q, actor !== null, query.limit + 1 - rows.length, position)));
    if (rows.length > query.limit) break;
  }
  if (rows.length <= query.limit) return { items: rows.map(presentHit), nextCursor: null };
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1]!;
  return { items: items.map(presentHit), nextCursor: encodePosition({ type: last.type, at: last.cursorAt, id: last.id }) };
}

/** The first few matches of each type, for the search page's sections (with whether there are more). */
export async function searchSections(deps: Pick<Deps, 'db'>, actor: Actor | null, q: string, perType: number): Promise<SearchSection[]> {
  const sections: SearchSection[] = [];
  for (const type of SEARCH_TYPES) {
    const rows = await searchRepository.ofType(deps.db, type, q, actor !== null, perType + 1);
    sections.push({ type, items: rows.slice(0, perType).map(presentHit), more: rows.length > perType });
  }
  return sections;
}
