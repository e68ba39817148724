import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Tooltip } from 'antd';
import { useState } from 'react';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import type { Selection } from './IndicatorPane';

type Props = { hasSystem: boolean; selection: Selection; indicator: IndicatorNode | null };

type View = 'list' | 'grid';

function describe(
  hasSystem: boolean,
  selection: Selection,
  indicator: IndicatorNode | null,
): { title: string; empty: string } {
  if (indicator) {
    return { title: `${indicator.code} ${indicator.title}`, empty: '这个指标下还没有材料。添加材料的功能即将提供。' };
  }
  if (selection?.kind === 'unsorted')
    return { title: '待归类', empty: '没有待归类的材料。添加后还没归到指标下的材料会放在这里。' };
  if (selection?.kind === 'trash')
    return { title: '回收站', empty: '回收站是空的。删除的材料会先放在这里，可以恢复。' };
  if (!hasSystem) return { title: '材料', empty: '请先导入测评体系，再按指标添加材料' };
  return { title: '材料', empty: '在左侧选择一个指标，查看和添加它的材料' };
}

/** Centre pane: the selected indicator's title, the toolbar, and its materials. */
export function MaterialsPane({ hasSystem, selection, indicator }: Props) {
  const [view, setView] = useState<View>('list');
  const { title, empty } = describe(hasSystem, selection, indicator);
  // Materials are always added to an indicator (or the inbox); neither can hold any yet.
  const addHint = hasSystem ? '请先在左侧选择指标' : '请先导入测评体系';

  return (
    <main className="tz-pane tz-pane-centre">
      <div className="tz-pane-header tz-indicator-header">
        <span className="tz-indicator-title">{title}</span>
        <span className="tz-muted">0 件</span>
      </div>
      <div className="tz-toolbar">
        <Tooltip title={addHint}>
          <Button type="primary" icon={<PlusOutlined />} disabled>
            添加材料
          </Button>
        </Tooltip>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: '列表', icon: <UnorderedListOutlined /> },
            { value: 'grid', label: '缩略图', icon: <AppstoreOutlined /> },
          ]}
        />
      </div>
      <div className="tz-pane-body tz-centre-body">
        <Empty className="tz-empty" description={empty} />
      </div>
    </main>
  );
}
