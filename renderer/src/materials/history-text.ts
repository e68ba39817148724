import { STATUS_LABELS, type MaterialStatus } from '../../../shared/materials/api-types';

export type HistoryEntry = { at: string; userName: string; action: string; detail: Record<string, unknown> };

/** Names the audit log only knows by number. */
export type HistoryNames = { indicator: (id: number) => string | null; file: (id: number) => string | null };

export type HistoryLine = { text: string; kind: 'comment' | 'status' | 'change' };

const FIELD_LABELS: Record<string, string> = {
  title: '题名',
  responsible: '责任者',
  docNo: '文号',
  date: '日期',
  type: '类型',
  classification: '密级',
  note: '备注',
  activity: '活动',
  caption: '照片说明',
};

/** Longer values are left out: the line should stay one glance long. */
const SHOWN_VALUE_CHARS = 30;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function describeField(key: string, value: unknown): string {
  const label = FIELD_LABELS[key] ?? key;
  if (key === 'caption' || typeof value !== 'string') return label;
  if (value === '') return `${label}（清空）`;
  return value.length <= SHOWN_VALUE_CHARS ? `${label}为“${value}”` : label;
}

function describeUpdate(detail: Record<string, unknown>): string {
  const patch = (detail.patch ?? {}) as Record<string, unknown>;
  const fields = Object.keys(patch).map((k) => describeField(k, patch[k]));
  const many = list(detail.ids).length > 1 ? `（批量修改，共 ${list(detail.ids).length} 件）` : '';
  return `修改了${fields.join('、') || '描述'}${many}`;
}

function indicatorPart(detail: Record<string, unknown>, names: HistoryNames): string {
  const id = num(detail.indicatorId);
  return (id !== null && names.indicator(id)) || '指标';
}

function fileName(detail: Record<string, unknown>, names: HistoryNames): string {
  const id = num(detail.fileId);
  const name = id !== null ? names.file(id) : null;
  return name ? `文件《${name}》` : '一个文件（已不在这件材料中）';
}

/** One audit entry as a sentence an office worker reads without help, never an action code. */
export function historyLine(entry: HistoryEntry, names: HistoryNames): HistoryLine {
  const d = entry.detail;
  switch (entry.action) {
    case 'material.comment':
      return { kind: 'comment', text: `发表意见：${str(d.text)}` };
    case 'material.status': {
      const label = str(d.label) || STATUS_LABELS[d.to as MaterialStatus] || '新状态';
      return { kind: 'status', text: `将状态改为 ${label}${str(d.comment) ? `：${str(d.comment)}` : ''}` };
    }
    case 'material.add': {
      const linked = list(d.indicatorIds)
        .map((id) => (typeof id === 'number' ? names.indicator(id) : null))
        .filter((n): n is string => n !== null);
      return {
        kind: 'change',
        text: `添加了文件《${str(d.file) || '未命名'}》${linked.length ? `，关联到 ${linked.join('、')}` : ''}`,
      };
    }
    case 'material.update':
      return { kind: 'change', text: describeUpdate(d) };
    case 'material.link':
      return { kind: 'change', text: `关联到 ${indicatorPart(d, names)}` };
    case 'material.unlink':
      return { kind: 'change', text: `取消了与 ${indicatorPart(d, names)} 的关联` };
    case 'material.trash':
      return { kind: 'change', text: '移到了回收站' };
    case 'material.restore':
      return { kind: 'change', text: '从回收站恢复' };
    case 'material.merge':
      return { kind: 'change', text: `把另外 ${list(d.merged).length} 件材料合并进来` };
    case 'material.split':
      return { kind: 'change', text: `拆出 ${list(d.fileIds).length} 个文件，成为新的一件` };
    case 'material.reorder':
      return { kind: 'change', text: '调整了文件顺序' };
    case 'material.rotate': {
      const degrees = num(d.degrees) ?? 0;
      const how = degrees === 0 ? '转回原来的方向' : `顺时针旋转 ${degrees}°`;
      return { kind: 'change', text: `将${fileName(d, names)}${how}` };
    }
    default:
      return { kind: 'change', text: '做了其他修改' };
  }
}
