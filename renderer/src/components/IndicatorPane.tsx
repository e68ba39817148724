import {
  DeleteOutlined,
  ExperimentOutlined,
  FileExcelOutlined,
  InboxOutlined,
  PartitionOutlined,
} from '@ant-design/icons';
import { Button, Empty, Tooltip } from 'antd';

/** What the centre pane shows: an indicator (later), the inbox, or the trash. */
export type Selection = { kind: 'unsorted' } | { kind: 'trash' } | null;

type Props = {
  hasSystem: boolean;
  selection: Selection;
  onSelect: (selection: Selection) => void;
};

/** Left pane: the 测评体系 tree, with 待归类 and 回收站 always at the bottom. */
export function IndicatorPane({ hasSystem, selection, onSelect }: Props) {
  return (
    <nav className="tz-pane tz-pane-left" aria-label="测评体系">
      <div className="tz-pane-header">
        <span className="tz-pane-title">
          <PartitionOutlined /> 测评体系
        </span>
      </div>
      <div className="tz-pane-body tz-tree-area">
        {hasSystem ? null : (
          // UI.md's sentence "还没有测评体系 — 导入Excel 或 打开示例", with its two verbs as the buttons.
          <Empty className="tz-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有测评体系">
            <div className="tz-empty-actions">
              <Tooltip title="即将提供">
                <Button type="primary" size="small" icon={<FileExcelOutlined />} disabled>
                  导入Excel
                </Button>
              </Tooltip>
              <span className="tz-muted">或</span>
              <Tooltip title="即将提供">
                <Button size="small" icon={<ExperimentOutlined />} disabled>
                  打开示例
                </Button>
              </Tooltip>
            </div>
          </Empty>
        )}
      </div>
      <div className="tz-fixed-nodes">
        <button
          type="button"
          className={selection?.kind === 'unsorted' ? 'tz-node tz-node-active' : 'tz-node'}
          onClick={() => onSelect({ kind: 'unsorted' })}
        >
          <InboxOutlined />
          <span className="tz-node-label">待归类</span>
          {/* Nothing can be added before materials import exists, so the inbox is empty by construction. */}
          <span className="tz-node-count">(0)</span>
        </button>
        <button
          type="button"
          className={selection?.kind === 'trash' ? 'tz-node tz-node-active' : 'tz-node'}
          onClick={() => onSelect({ kind: 'trash' })}
        >
          <DeleteOutlined />
          <span className="tz-node-label">回收站</span>
        </button>
      </div>
    </nav>
  );
}
