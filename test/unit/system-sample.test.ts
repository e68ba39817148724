import { describe, expect, it } from 'vitest';
import { systemFileSchema } from '../../shared/systems/model';
import { SAMPLE_SYSTEM } from '../../shared/systems/sample-system';

describe('the built-in sample system', () => {
  const list = SAMPLE_SYSTEM.indicators;
  const byKey = new Map(list.map((d, i) => [d.key, { d, i }]));

  it('is a valid system file of 8 / ~30 / ~80 indicators', () => {
    expect(systemFileSchema.parse(SAMPLE_SYSTEM)).toEqual(SAMPLE_SYSTEM);
    expect([1, 2, 3].map((l) => list.filter((d) => d.level === l).length)).toEqual([8, 28, 80]);
  });

  it('is a well-formed tree with hierarchical codes', () => {
    expect(new Set(list.map((d) => d.code)).size).toBe(list.length);
    list.forEach((d, i) => {
      if (d.parentKey === null) return expect(d.level).toBe(1);
      const parent = byKey.get(d.parentKey)!;
      expect(parent.i).toBeLessThan(i);
      expect(d.level).toBe(parent.d.level + 1);
      expect(d.code.startsWith(`${parent.d.code}.`)).toBe(true);
    });
  });

  it('has periodic requirements, responsible people and a subset, as real systems do', () => {
    const leaves = list.filter((d) => d.level === 3);
    expect(
      leaves.filter((d) => /每周|每月|每季度|每半年|每年|全年|不少于|至少/.test(d.requirement)).length,
    ).toBeGreaterThanOrEqual(20);
    expect(leaves.every((d) => d.collector && d.requirement && d.methods.length > 0)).toBe(true);
    expect(list.filter((d) => d.level === 1).every((d) => d.reviewer && d.score)).toBe(true);
    expect(list.filter((d) => !d.applicable)).toHaveLength(2);
  });
});
