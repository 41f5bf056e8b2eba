import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The auditable draw of a contest (ADR 0022), with no dependency beyond node:crypto so anyone can
 * recompute it (`scripts/verify-draw.ts`). Commit–reveal:
 * 1. at publication the platform draws a secret seed (32 random bytes) and publishes
 *    `commitment = sha256(seed bytes)` (hex);
 * 2. at the end of the period the entry list is frozen and published: pseudonyms with their entry
 *    counts, sorted by pseudonym, in one canonical JSON file whose sha256 is published too;
 * 3. at the draw the seed is revealed and winners follow from the seed and the list alone:
 *    the n-th random number is `HMAC-SHA256(key = seed bytes, message = "draw:" + n)`, read as the
 *    big-endian integer of its first 6 bytes (0 ≤ x < 2^48). To pick in [0, T) without bias, x is
 *    rejected when x ≥ 2^48 − (2^48 mod T) and the next n is used; else the pick is x mod T.
 *    For each prize slot in published order, T is the total of entries of the people who have not
 *    won yet; walking the list in canonical order, the first person whose cumulative entries exceed
 *    the pick wins that slot and leaves the pool (nobody wins twice).
 * 4. a redraw (unclaimed prize) continues the same stream where the previous round stopped and
 *    excludes everyone who already won, in any round.
 */
export const DRAW_ALGORITHM = 'ec-draw-v1';

export type EntryLine = { pseudonym: string; entries: number };
export type WinnerLine = { slot: number; pseudonym: string | null; counter: number | null };
export type DrawRound = { round: number; slots: number[]; startCounter: number; nextCounter: number; winners: WinnerLine[] };
export type PublishedDraw = {
  algorithm: string;
  contest: string;
  commitment: string;
  seed: string | null;
  entryList: { sha256: string; entries: EntryLine[] } | null;
  /** Prize slots in published order: slot i is the i-th unit of the prizes, in order. */
  slots: { slot: number; prize: string }[];
  rounds: DrawRound[];
};

const RANGE = 2 ** 48;

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A new secret seed (hex of 32 random bytes). */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** What is published before the period ends: sha256 of the seed's 32 bytes, in hex. */
export function commitmentOf(seedHex: string): string {
  return sha256Hex(Buffer.from(seedHex, 'hex'));
}

/** Entry lines sorted by pseudonym (code-unit order), people with no entry left out. */
function sortEntries(entries: readonly EntryLine[]): EntryLine[] {
  return entries.filter((e) => e.entries > 0).map((e) => ({ pseudonym: e.pseudonym, entries: e.entries })).sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
}

/** The canonical entry list file: this exact JSON text (no spaces, keys in this order) is what its sha256 covers. */
export function canonicalEntryList(contest: string, entries: readonly EntryLine[]): string {
  return JSON.stringify({ algorithm: DRAW_ALGORITHM, contest, entries: sortEntries(entries) });
}

/** The unbiased integer in [0, total) from the stream, starting at `counter`; returns the counter used and the next one. */
export function pick(seed: Buffer, total: number, counter: number): { value: number; used: number; next: number } {
  if (!Number.isSafeInteger(total) || total <= 0 || total > RANGE) throw new RangeError('total out of range');
  const limit = RANGE - (RANGE % total);
  for (let n = counter; ; n++) {
    const x = createHmac('sha256', seed).update(`draw:${n}`).digest().readUIntBE(0, 6);
    if (x < limit) return { value: x % total, used: n, next: n + 1 };
  }
}

/** One round: a winner per slot, weighted by entries, skipping anyone in `excluded` (and each new winner). */
export function drawRound(o: { seedHex: string; entries: readonly EntryLine[]; slots: readonly number[]; excluded?: Iterable<string>; startCounter: number }): { winners: WinnerLine[]; nextCounter: number } {
  const seed = Buffer.from(o.seedHex, 'hex');
  const out = new Set(o.excluded ?? []);
  const list = sortEntries(o.entries);
  let counter = o.startCounter;
  const winners: WinnerLine[] = [];
  for (const slot of o.slots) {
    const pool = list.filter((e) => !out.has(e.pseudonym));
    const total = pool.reduce((s, e) => s + e.entries, 0);
    if (total === 0) {
      winners.push({ slot, pseudonym: null, counter: null });
      continue;
    }
    const r = pick(seed, total, counter);
    counter = r.next;
    let acc = 0;
    const winner = pool.find((e) => (acc += e.entries) > r.value)!;
    out.add(winner.pseudonym);
    winners.push({ slot, pseudonym: winner.pseudonym, counter: r.used });
  }
  return { winners, nextCounter: counter };
}

export type Verification = { ok: boolean; problems: string[] };

/** Recomputes a published draw from its public data only: the commitment, the list's hash and every round. */
export function verifyDraw(d: PublishedDraw): Verification {
  const problems: string[] = [];
  if (d.algorithm !== DRAW_ALGORITHM) problems.push(`unknown algorithm ${d.algorithm}`);
  if (!d.seed || !/^[0-9a-f]{64}$/.test(d.seed)) return { ok: false, problems: [...problems, 'the seed is not revealed (or is not 32 bytes of hex)'] };
  if (commitmentOf(d.seed) !== d.commitment) problems.push('sha256(seed) differs from the published commitment');
  if (!d.entryList) return { ok: false, problems: [...problems, 'no entry list'] };
  if (sha256Hex(canonicalEntryList(d.contest, d.entryList.entries)) !== d.entryList.sha256) problems.push('the entry list differs from its published sha256');
  const excluded: string[] = [];
  let counter = 0;
  for (const round of d.rounds) {
    if (round.startCounter !== counter) problems.push(`round ${round.round} starts at ${round.startCounter}, expected ${counter}`);
    const again = drawRound({ seedHex: d.seed, entries: d.entryList.entries, slots: round.slots, excluded, startCounter: counter });
    round.winners.forEach((w, i) => {
      const expected = again.winners[i];
      if (!expected || expected.slot !== w.slot || expected.pseudonym !== w.pseudonym) problems.push(`round ${round.round}, slot ${w.slot}: published ${w.pseudonym ?? 'nobody'}, recomputed ${expected?.pseudonym ?? 'nobody'}`);
    });
    if (round.winners.length !== again.winners.length) problems.push(`round ${round.round}: ${round.winners.length} winners published, ${again.winners.length} recomputed`);
    if (round.nextCounter !== again.nextCounter) problems.push(`round ${round.round} ends at ${round.nextCounter}, recomputed ${again.nextCounter}`);
    for (const w of again.winners) if (w.pseudonym) excluded.push(w.pseudonym);
    counter = again.nextCounter;
  }
  return { ok: problems.length === 0, problems };
}
