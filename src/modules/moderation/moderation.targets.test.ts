import { describe, expect, it } from 'vitest';
import { reportTargets } from '../../platform/report-targets.js';
import { REPORT_TARGETS } from './moderation.domain.js';

// The registry is filled from the module descriptors by src/catalogues.ts (loaded by the test setup).
describe('report targets declared by the modules', () => {
  it('cover exactly the target types reports and actions may store', () => {
    expect(reportTargets().map((d) => d.type).sort()).toEqual([...REPORT_TARGETS].sort());
  });

  it('give a person a way to be suspended, and content a table to hide in', () => {
    for (const d of reportTargets()) {
      if (d.effect === 'suspend') expect(d.suspend, d.type).toBeTypeOf('function');
      else expect(d.suspend, d.type).toBeUndefined();
      expect(d.table, d.type).toMatch(/^[a-z_]+$/);
    }
  });
});
