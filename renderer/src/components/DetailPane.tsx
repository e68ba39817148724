import { FileTextOutlined, OrderedListOutlined, PartitionOutlined } from '@ant-design/icons';
import type { GapIndicatorResult } from '../../../shared/gaps/model';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { IndicatorEditor } from '../systems/IndicatorEditor';
import { MaterialDetail } from '../materials/MaterialDetail';
import type { PageFocus } from '../materials/MaterialPages';
import { EditArea } from '../review/read-only';
import type { Material } from '../../../shared/materials/api-types';

type Props = {
  indicator: IndicatorNode | null;
  /** It has no children: only leaves are checked against their rules. */
  isLeaf: boolean;
  gap: GapIndicatorResult | undefined;
  checking: boolean;
  /** The centre pane's items (the indicator's), so hovering a finding needs no call for them. */
  items: Material[];
  material: Material | null;
  /** A page of `material` to show large at once (a search hit's page). */
  openPage?: PageFocus;
  indicators: IndicatorNode[];
  onMaterialChanged: () => void;
  levelName: string;
  onSaved: (node: IndicatorNode) => void;
  onTreeChanged: () => void;
  /** What the pane shows while no one item or indicator is open (工作步骤, or the ticked items), and its title. */
  idle: React.ReactNode;
  idleTitle: string;
};

/** Right pane: the selected indicator's requirements and people (materials' details come with materials). */
export function DetailPane({
  indicator,
  isLeaf,
  gap,
  checking,
  items,
  material,
  openPage,
  indicators,
  levelName,
  onSaved,
  onTreeChanged,
  onMaterialChanged,
  idle,
  idleTitle,
}: Props) {
  return (
    <aside className="tz-pane tz-pane-right" aria-label={material ? '材料详情' : indicator ? '指标详情' : idleTitle}>
      <div className="tz-pane-header">
        <span className="tz-pane-title">
          {material ? (
            <>
              <FileTextOutlined /> 材料详情
            </>
          ) : indicator ? (
            <>
              <PartitionOutlined /> 指标详情
            </>
          ) : (
            <>
              <OrderedListOutlined /> {idleTitle}
            </>
          )}
        </span>
      </div>
      {/* 只读审阅: every field and action of the editors below is off (paging through pages stays on). */}
      <EditArea>
        <div className="tz-pane-body tz-detail-body">
          {material ? (
            <MaterialDetail
              key={material.id}
              material={material}
              indicators={indicators}
              onChanged={onMaterialChanged}
              openPage={openPage}
            />
          ) : indicator ? (
            <IndicatorEditor
              key={indicator.id}
              node={indicator}
              isLeaf={isLeaf}
              gap={gap}
              checking={checking}
              items={items}
              levelName={levelName}
              onSaved={onSaved}
              onTreeChanged={onTreeChanged}
            />
          ) : (
            idle
          )}
        </div>
      </EditArea>
    </aside>
  );
}
