/**
 * Recomputes a published contest draw from its public data (ADR 0022):
 *   npx tsx scripts/verify-draw.ts <draw.json | https://…/api/v1/contests/<id>/draw>
 * Checks sha256(seed) = commitment, the entry list against its sha256, and every round's winners.
 * Prints OK (exit 0) or MISMATCH with the reasons (exit 1). Needs nothing beyond node:crypto.
 */
import { readFile } from 'node:fs/promises';
import { verifyDraw, type PublishedDraw } from '../src/modules/contests/contests.draw.js';

async function load(source: string): Promise<PublishedDraw> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    return (await res.json()) as PublishedDraw;
  }
  return JSON.parse(await readFile(source, 'utf8')) as PublishedDraw;
}

async function main(): Promise<number> {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: npx tsx scripts/verify-draw.ts <draw.json | URL>');
    return 2;
  }
  const draw = await load(source);
  const result = verifyDraw(draw);
  if (result.ok) {
    const winners = draw.rounds.flatMap((r) => r.winners).filter((w) => w.pseudonym).length;
    console.log(`OK ${draw.contest}: commitment, entry list and ${draw.rounds.length} round(s) (${winners} winner(s)) recomputed`);
    return 0;
  }
  console.log(`MISMATCH ${draw.contest}`);
  for (const p of result.problems) console.log(`- ${p}`);
  return 1;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => { console.error(err instanceof Error ? err.message : err); process.exitCode = 2; });
