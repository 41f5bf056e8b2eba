import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from './calls.domain.js';
import { canRemoveFileAnswer } from './calls.policy.js';

describe('canRemoveFileAnswer', () => {
  it('keeps the file of a required question once the application is submitted, and only then', () => {
    const allowed = (required: boolean) => APPLICATION_STATUSES.filter((s) => canRemoveFileAnswer({ required }, s));
    expect(allowed(false)).toEqual([...APPLICATION_STATUSES]);
    expect(allowed(true)).toEqual(APPLICATION_STATUSES.filter((s) => s !== 'submitted'));
  });
});
