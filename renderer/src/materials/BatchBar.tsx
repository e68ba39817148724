import { EditOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { DOC_TYPES } from '../../../shared/materials/doc-types';
import {
  MATERIAL_STATUSES,
  STATUS_LABELS,
  type Material,
  type MaterialPatch,
  type MaterialStatus,
} from '../../../shared/materials/api-types';
import { revertPatches } from '../../../shared/materials/revert-patch';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';
import { BatchEditModal } from './BatchEditModal';
import { LinkPicker } from './LinkPicker';
import { useUndo } from './use-undo';

type Props = {
  /** The chosen items, as the list shows them (their values before an edit, for 撤销). */
  items: Material[];
  indicators: IndicatorNode[];
  onDone: (keepSelection: boolean) => void;
};

/** What can be done to many items at once: link, fill in, type, status, merge into one 件, delete — each undoable. */
export function BatchBar({ items, indicators, onDone }: Props) {
  const { message, modal } = App.useApp();
  const undoable = useUndo();
  const [editing, setEditing] = useState(false);
  const ids = items.map((m) => m.id);

  /** Does the work, then says so with 撤销 (which runs `undo` and reloads). */
  const run = async (work: () => Promise<unknown>, done: string, undo: () => Promise<unknown>, keep = true) => {
    try {
      await work();
      undoable(done, undo, () => onDone(keep));
      onDone(keep);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  /** Puts the chosen items' fields back as they were before `patch`. */
  const revert = (patch: MaterialPatch) => async () => {
    for (const group of revertPatches(items, patch)) await api.call('materials.update', group);
  };
  const update = (patch: MaterialPatch, done: string) =>
    run(() => api.call('materials.update', { ids, patch }), done, revert(patch));

  const merge = () =>
    modal.confirm({
      title: `把选中的 ${ids.length} 件合并为一件？`,
      content: '合并后按列表顺序成为一件材料的各页（例如逐页拍的会议记录）。如合并错了，可在材料详情的“文件”里拆分。',
      okText: '合并',
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.call('materials.merge', { ids });
          void message.success('已合并为一件');
          onDone(false);
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });

  return (
    <div className="tz-batch-bar" role="toolbar" aria-label="批量操作">
      <span className="tz-batch-count">已选 {ids.length} 件</span>
      <div className="tz-batch-link">
        <LinkPicker
          indicators={indicators}
          placeholder="批量关联到指标…"
          onPick={(indicatorId) => {
            const added = items.filter((m) => !m.indicatorIds.includes(indicatorId)).map((m) => m.id);
            void run(
              () => api.call('materials.link', { ids, indicatorId }),
              `已关联 ${ids.length} 件`,
              () => (added.length ? api.call('materials.unlink', { ids: added, indicatorId }) : Promise.resolve()),
            );
          }}
        />
      </div>
      <Tooltip title="为选中的材料统一填写责任者、日期、活动、照片说明等">
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
          批量填写…
        </Button>
      </Tooltip>
      <Select<string>
        size="small"
        placeholder="类型改为…"
        // An action, not a filter: null (not undefined, which antd takes as "keep your own") shows the placeholder again.
        value={null}
        options={DOC_TYPES.map((t) => ({ value: t, label: t }))}
        onChange={(type) => void update({ type }, `已把 ${ids.length} 件的类型改为“${type}”`)}
        style={{ width: 110 }}
        aria-label="批量修改类型"
      />
      <Select<MaterialStatus>
        size="small"
        placeholder="状态改为…"
        value={null}
        options={MATERIAL_STATUSES.filter((s) => s !== 'incomplete').map((s) => ({
          value: s,
          label: STATUS_LABELS[s],
        }))}
        onChange={(status) => {
          void run(
            () => api.call('materials.setStatus', { ids, status, comment: '' }),
            `已设为“${STATUS_LABELS[status]}”`,
            async () => {
              // Each item back to its own status with its own comment (待补充 needs one): one call
              // for all items that had the same.
              const groups = new Map<string, { status: MaterialStatus; comment: string; ids: number[] }>();
              for (const m of items) {
                const key = `${m.status}\u0000${m.statusComment}`;
                const group = groups.get(key) ?? { status: m.status, comment: m.statusComment, ids: [] };
                group.ids.push(m.id);
                groups.set(key, group);
              }
              for (const group of groups.values()) await api.call('materials.setStatus', group);
            },
          );
        }}
        style={{ width: 110 }}
        aria-label="批量修改状态"
      />
      <Space size={4}>
        <Tooltip title="把逐页拍摄或扫描的几件合成一件材料">
          <Button size="small" onClick={merge}>
            合并为一件
          </Button>
        </Tooltip>
        <Tooltip title="移到回收站（可恢复）">
          <Button
            size="small"
            danger
            onClick={() =>
              void run(
                () => api.call('materials.trash', { ids }),
                `已把 ${ids.length} 件移到回收站`,
                () => api.call('materials.restore', { ids }),
                false,
              )
            }
          >
            删除
          </Button>
        </Tooltip>
      </Space>
      <BatchEditModal
        open={editing}
        count={ids.length}
        onCancel={() => setEditing(false)}
        onSubmit={async (patch) => {
          await api.call('materials.update', { ids, patch });
          setEditing(false);
          undoable(`已为 ${ids.length} 件填写`, revert(patch), () => onDone(true));
          onDone(true);
        }}
      />
    </div>
  );
}
