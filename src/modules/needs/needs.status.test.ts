import { describe, expect, it } from 'vitest';
import { needProgress, needStatus } from './needs.status.js';

const open = { quantity: 10, closedAt: null };

describe('needStatus', () => {
  it('is open while nothing is accepted, even with proposals waiting', () => {
    expect(needStatus(open, { accepted: 0, proposed: 0 })).toBe('open');
    expect(needStatus(open, { accepted: 0, proposed: 8 })).toBe('open');
  });
  it('is partly met once something is accepted or fulfilled, met at the quantity', () => {
    expect(needStatus(open, { accepted: 1, proposed: 0 })).toBe('partly_met');
    expect(needStatus(open, { accepted: 9, proposed: 0 })).toBe('partly_met');
    expect(needStatus(open, { accepted: 10, proposed: 0 })).toBe('met');
    expect(needStatus(open, { accepted: 12, proposed: 0 })).toBe('met');
  });
  it('is pending when proposals waiting for an answer cover what accepted help leaves', () => {
    expect(needStatus(open, { accepted: 0, proposed: 10 })).toBe('pending');
    expect(needStatus(open, { accepted: 9, proposed: 5 })).toBe('pending');
    expect(needStatus(open, { accepted: 6, proposed: 3 })).toBe('partly_met');
    expect(needProgress(open, { accepted: 6, proposed: 4 })).toMatchObject({ status: 'pending', remaining: 4, available: 0 });
  });
  it('is closed when closed by hand, whatever the pledges', () => {
    const closed = { quantity: 10, closedAt: new Date() };
    expect(needStatus(closed, { accepted: 0, proposed: 0 })).toBe('closed');
    expect(needStatus(closed, { accepted: 10, proposed: 0 })).toBe('closed');
  });
});

describe('needProgress', () => {
  it('counts what remains and the percentage', () => {
    expect(needProgress(open, { accepted: 6, proposed: 2 })).toEqual({ status: 'partly_met', accepted: 6, proposed: 2, remaining: 4, available: 2, percent: 60, oversubscribed: false });
  });
  it('never shows more than 100 % and says when it is over-subscribed', () => {
    const p = needProgress(open, { accepted: 15, proposed: 0 });
    expect([p.percent, p.remaining, p.oversubscribed, p.status]).toEqual([100, 0, true, 'met']);
    expect(needProgress(open, { accepted: 10, proposed: 0 }).oversubscribed).toBe(false);
  });
  it('rounds down, so 99.9 % is not shown as done', () => {
    expect(needProgress({ quantity: 1000, closedAt: null }, { accepted: 999, proposed: 0 }).percent).toBe(99);
  });
});
