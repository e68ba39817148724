import { describe, expect, it } from 'vitest';
import { EMPTY_CAPTION, type Material } from '../../shared/materials/api-types';
import { revertPatches } from '../../shared/materials/revert-patch';

const item = (id: number, over: Partial<Material>): Material => ({
  id,
  title: `材料${id}`,
  titleMadeUp: false,
  responsible: '',
  docNo: '',
  date: null,
  dateSource: null,
  type: '',
  pages: 1,
  classification: '',
  note: '',
  activity: '',
  caption: EMPTY_CAPTION,
  status: 'collected',
  statusComment: '',
  createdAt: '',
  updatedAt: '',
  deletedAt: null,
  files: [],
  indicatorIds: [],
  ...over,
});

describe('revertPatches (撤销 of a batch edit)', () => {
  it('restores only the touched fields, grouping items with the same earlier values', () => {
    const items = [
      item(1, { responsible: '文明办', date: '2026-03-05', type: '照片' }),
      item(2, { responsible: '文明办', date: '2026-03-05', type: '通知' }),
      item(3, { responsible: '', date: null }),
    ];
    expect(revertPatches(items, { responsible: '宣传办', date: '2026-04-01' })).toEqual([
      { ids: [1, 2], patch: { responsible: '文明办', date: '2026-03-05' } },
      { ids: [3], patch: { responsible: '', date: null } },
    ]);
  });

  it('restores only the parts of 照片说明 the edit changed', () => {
    const items = [item(1, { caption: { time: '3月5日', place: '社区', people: '志愿者', subject: '清扫' } })];
    expect(revertPatches(items, { caption: { place: '广场' } })).toEqual([
      { ids: [1], patch: { caption: { place: '社区' } } },
    ]);
  });
});
