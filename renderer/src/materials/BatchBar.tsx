import { App, Button, Select, Space } from 'antd';
import { DOC_TYPES } from '../../../shared/materials/doc-types';
import { MATERIAL_STATUSES, STATUS_LABELS, type MaterialStatus } from '../../../shared/materials/api-types';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';
import { LinkPicker } from './LinkPicker';

type Props = { ids: number[]; indicators: IndicatorNode[]; onDone: (keepSelection: boolean) => void };

/** What can be done to many items at once: link, type, status, merge into one 件, delete. */
export function BatchBar({ ids, indicators, onDone }: Props) {
  const { message } = App.useApp();
  const run = async (work: () => Promise<unknown>, done: string, keepSelection = true) => {
    try {
      await work();
      void message.success(done);
      onDone(keepSelection);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <div className="tz-batch-bar" role="toolbar" aria-label="批量操作">
      <span className="tz-batch-count">已选 {ids.length} 件</span>
      <div className="tz-batch-link">
        <LinkPicker
          indicators={indicators}
          placeholder="批量关联到指标…"
          onPick={(indicatorId) =>
            void run(() => api.call('materials.link', { ids, indicatorId }), `已关联 ${ids.length} 件`)
          }
        />
      </div>
      <Select<string>
        size="small"
        placeholder="类型改为…"
        value={undefined}
        options={DOC_TYPES.map((t) => ({ value: t, label: t }))}
        onChange={(type) =>
          void run(
            () => api.call('materials.update', { ids, patch: { type } }),
            `已把 ${ids.length} 件的类型改为“${type}”`,
          )
        }
        style={{ width: 110 }}
        aria-label="批量修改类型"
      />
      <Select<MaterialStatus>
        size="small"
        placeholder="状态改为…"
        value={undefined}
        options={MATERIAL_STATUSES.filter((s) => s !== 'incomplete').map((s) => ({
          value: s,
          label: STATUS_LABELS[s],
        }))}
        onChange={(status) =>
          void run(
            () => api.call('materials.setStatus', { ids, status, comment: '' }),
            `已设为“${STATUS_LABELS[status]}”`,
          )
        }
        style={{ width: 110 }}
        aria-label="批量修改状态"
      />
      <Space size={4}>
        <Button
          size="small"
          onClick={() => void run(() => api.call('materials.merge', { ids }), '已合并为一件', false)}
        >
          合并为一件
        </Button>
        <Button
          size="small"
          danger
          onClick={() => void run(() => api.call('materials.trash', { ids }), `已把 ${ids.length} 件移到回收站`, false)}
        >
          删除
        </Button>
      </Space>
    </div>
  );
}
