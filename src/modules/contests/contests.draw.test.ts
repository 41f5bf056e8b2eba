import { describe, expect, it } from 'vitest';
import { canonicalEntryList, commitmentOf, drawRound, pick, sha256Hex, verifyDraw, DRAW_ALGORITHM, type EntryLine, type PublishedDraw } from './contests.draw.js';

const SEED = 'a'.repeat(64);
const ENTRIES: EntryLine[] = [{ pseudonym: 'K7Q2M9XD', entries: 3 }, { pseudonym: 'B3N8T4WZ', entries: 1 }, { pseudonym: 'P5R6H2JC', entries: 5 }, { pseudonym: 'D9V3L7FA', entries: 2 }];

function published(seed = SEED, entries = ENTRIES): PublishedDraw {
  const first = drawRound({ seedHex: seed, entries, slots: [0, 1], startCounter: 0 });
  const redraw = drawRound({ seedHex: seed, entries, slots: [1], excluded: first.winners.map((w) => w.pseudonym!), startCounter: first.nextCounter });
  return {
    algorithm: DRAW_ALGORITHM, contest: 'concours-test', commitment: commitmentOf(seed), seed,
    entryList: { sha256: sha256Hex(canonicalEntryList('concours-test', entries)), entries },
    slots: [{ slot: 0, prize: 'A' }, { slot: 1, prize: 'B' }],
    rounds: [{ round: 0, slots: [0, 1], startCounter: 0, nextCounter: first.nextCounter, winners: first.winners }, { round: 1, slots: [1], startCounter: first.nextCounter, nextCounter: redraw.nextCounter, winners: redraw.winners }],
  };
}

/** Regularised upper incomplete gamma Q(a, x) (Numerical Recipes: series below a+1, continued fraction above). */
function gammaQ(a: number, x: number): number {
  const lnGammaA = lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - lnGammaA);
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGammaA) * h;
}

function lnGamma(z: number): number {
  const g = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let x = z;
  let y = z;
  let tmp = x + 5.5;
  tmp -= (x + 0.5) * Math.log(tmp);
  let ser = 1.000000000190015;
  for (const c of g) ser += c / ++y;
  x = z;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

/** Chi-square goodness of fit of observed counts against weights; returns the p-value. */
function chiSquarePValue(observed: number[], weights: number[]): number {
  const n = observed.reduce((s, v) => s + v, 0);
  const w = weights.reduce((s, v) => s + v, 0);
  const stat = observed.reduce((s, o, i) => {
    const e = (n * weights[i]!) / w;
    return s + ((o - e) ** 2) / e;
  }, 0);
  return gammaQ((observed.length - 1) / 2, stat / 2);
}

const WEIGHTED: EntryLine[] = [{ pseudonym: 'AAAAAAAA', entries: 1 }, { pseudonym: 'BBBBBBBB', entries: 2 }, { pseudonym: 'CCCCCCCC', entries: 3 }, { pseudonym: 'DDDDDDDD', entries: 4 }];
const DRAWS = 20_000;
const fixedSeed = (i: number) => sha256Hex(`fairness-seed:${i}`);

function tally(picker: (seedHex: string) => string): number[] {
  const counts = new Map(WEIGHTED.map((e) => [e.pseudonym, 0]));
  for (let i = 0; i < DRAWS; i++) {
    const p = picker(fixedSeed(i));
    counts.set(p, counts.get(p)! + 1);
  }
  return WEIGHTED.map((e) => counts.get(e.pseudonym)!);
}

describe('the auditable draw', () => {
  it('commits to the seed bytes with sha256', () => {
    expect(commitmentOf(SEED)).toBe(sha256Hex(Buffer.alloc(32, 0xaa)));
  });

  it('gives the same winners for the same seed and list, whatever the order the list is given in', () => {
    const a = drawRound({ seedHex: SEED, entries: ENTRIES, slots: [0, 1, 2], startCounter: 0 });
    const b = drawRound({ seedHex: SEED, entries: [...ENTRIES].reverse(), slots: [0, 1, 2], startCounter: 0 });
    expect(b).toEqual(a);
    expect(new Set(a.winners.map((w) => w.pseudonym)).size).toBe(3);
  });

  it('never picks the same person twice and leaves slots empty when the pool runs out', () => {
    const r = drawRound({ seedHex: SEED, entries: ENTRIES.slice(0, 2), slots: [0, 1, 2], startCounter: 0 });
    expect(r.winners.filter((w) => w.pseudonym).map((w) => w.pseudonym).sort()).toEqual(['B3N8T4WZ', 'K7Q2M9XD']);
    expect(r.winners[2]).toEqual({ slot: 2, pseudonym: null, counter: null });
  });

  it('rejects draws above the largest multiple of the total (unbiased range reduction)', () => {
    const seed = Buffer.from(SEED, 'hex');
    const r = pick(seed, 3, 0);
    expect(r.value).toBeGreaterThanOrEqual(0);
    expect(r.value).toBeLessThan(3);
    expect(r.next).toBe(r.used + 1);
    expect(() => pick(seed, 0, 0)).toThrow(RangeError);
  });

  it('verifies a genuine draw with its redraw', () => {
    expect(verifyDraw(published())).toEqual({ ok: true, problems: [] });
  });

  it('fails verification when the seed, the list, a winner or the redraw counter is changed', () => {
    const otherSeed = published();
    otherSeed.seed = 'b'.repeat(64);
    expect(verifyDraw(otherSeed).problems.join()).toMatch(/commitment/);

    const moreEntries = published();
    moreEntries.entryList!.entries = ENTRIES.map((e, i) => (i === 0 ? { ...e, entries: e.entries + 1 } : e));
    expect(verifyDraw(moreEntries).problems.join()).toMatch(/sha256/);

    const swapped = published();
    const winner = swapped.rounds[0]!.winners[0]!;
    winner.pseudonym = ENTRIES.find((e) => e.pseudonym !== winner.pseudonym && !swapped.rounds.some((r) => r.winners.some((w) => w.pseudonym === e.pseudonym)))!.pseudonym;
    expect(verifyDraw(swapped).ok).toBe(false);

    const restarted = published();
    restarted.rounds[1]!.startCounter = 0;
    expect(verifyDraw(restarted).ok).toBe(false);
  });

  it('a different seed with the same list changes the outcome of many draws (the seed matters)', () => {
    const outcomes = new Set(Array.from({ length: 20 }, (_, i) => drawRound({ seedHex: fixedSeed(i), entries: ENTRIES, slots: [0], startCounter: 0 }).winners[0]!.pseudonym));
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('is fair: 20,000 one-winner draws over weights 1, 2, 3, 4 fit the weights (chi-square p > 0.001)', () => {
    const observed = tally((seedHex) => drawRound({ seedHex, entries: WEIGHTED, slots: [0], startCounter: 0 }).winners[0]!.pseudonym!);
    const p = chiSquarePValue(observed, [1, 2, 3, 4]);
    expect(p).toBeGreaterThan(0.001);
  });

  it('the same test catches a biased picker (one that ignores the entry counts)', () => {
    const uniform = (seedHex: string) => WEIGHTED[pick(Buffer.from(seedHex, 'hex'), WEIGHTED.length, 0).value]!.pseudonym;
    const p = chiSquarePValue(tally(uniform), [1, 2, 3, 4]);
    expect(p).toBeLessThan(0.001);
  });

  it('the p-value function agrees with known chi-square quantiles', () => {
    // 3 degrees of freedom: P(X > 7.815) = 0.05, P(X > 16.266) = 0.001.
    expect(gammaQ(1.5, 7.815 / 2)).toBeCloseTo(0.05, 3);
    expect(gammaQ(1.5, 16.266 / 2)).toBeCloseTo(0.001, 4);
  });
});
