import {
  AppstoreOutlined,
  AuditOutlined,
  FolderAddOutlined,
  PlusOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Empty, Segmented, Tooltip, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { GapIndicatorResult } from '../../../shared/gaps/model';
import type { Material } from '../../../shared/materials/api-types';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { useAction } from '../hooks/use-action';
import { useFileDrop } from '../hooks/use-file-drop';
import { GapTag } from '../gaps/GapMark';
import { BatchBar } from '../materials/BatchBar';
import { MaterialList, type ListSort } from '../materials/MaterialList';
import { OrderButtons } from '../materials/OrderButtons';
import { placed, type NewOrder } from '../materials/order';
import { Thumb } from '../materials/Thumb';
import { TrashActions } from '../materials/TrashActions';
import { READ_ONLY_HINT, useReadOnly } from '../review/read-only';
import type { Selection } from './IndicatorPane';

type Props = {
  hasSystem: boolean;
  selection: Selection;
  indicator: IndicatorNode | null;
  /** The indicator's 查漏补缺 result, beside its name. */
  gap?: GapIndicatorResult;
  items: Material[];
  loading: boolean;
  selectedIds: number[];
  onSelectIds: (ids: number[]) => void;
  indicators: IndicatorNode[];
  onChanged: () => void;
  onAddFiles: (files: File[], indicatorIds: number[]) => Promise<void>;
  /** Saves the indicator's items in this order. */
  onArrange: (ids: number[]) => Promise<void>;
  /** Opens 审阅 on the selected indicator. */
  onReview?: () => void;
};

type View = 'list' | 'grid';

function describe(
  hasSystem: boolean,
  selection: Selection,
  indicator: IndicatorNode | null,
): { title: string; empty: string } {
  if (indicator)
    return {
      title: `${indicator.code} ${indicator.title}`,
      empty: '这个指标下还没有材料。点“添加材料”，或把文件拖到这里。',
    };
  if (selection?.kind === 'unsorted')
    return { title: '待归类', empty: '没有待归类的材料。添加后还没归到指标下的材料会放在这里。' };
  if (selection?.kind === 'trash')
    return { title: '回收站', empty: '回收站是空的。删除的材料会先放在这里，可以恢复。' };
  if (!hasSystem) return { title: '材料', empty: '请先导入测评体系，再按指标添加材料' };
  return { title: '材料', empty: '在左侧选择一个指标，查看和添加它的材料' };
}

/** The pixel height left for the list, which its virtual scrolling needs. */
function useBodyHeight(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(400);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(Math.max(120, el.clientHeight - 40)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}

/** Centre pane: the selected indicator's (or the inbox's) items; files dropped here are added to it. */
export function MaterialsPane({
  hasSystem,
  selection,
  indicator,
  gap,
  items,
  loading,
  selectedIds,
  onSelectIds,
  indicators,
  onChanged,
  onAddFiles,
  onArrange,
  onReview,
}: Props) {
  const readOnly = useReadOnly();
  const [view, setView] = useState<View>('list');
  const [sort, setSort] = useState<ListSort>(null);
  const [bodyRef, height] = useBodyHeight();
  const { run } = useAction();
  const { title, empty } = describe(hasSystem, selection, indicator);
  const canAdd = !readOnly && (indicator !== null || selection?.kind === 'unsorted');
  const target = indicator ? [indicator.id] : [];
  const addHint = canAdd
    ? ''
    : readOnly
      ? READ_ONLY_HINT
      : hasSystem
        ? '请先在左侧选择指标或“待归类”'
        : '请先导入测评体系';
  const drop = useFileDrop(
    () => (canAdd ? 'here' : null),
    (files) => void onAddFiles(files, target),
  );
  const ids = items.map((m) => m.id);
  const arrange = (next: NewOrder) => {
    if (next) void run(() => onArrange(next));
  };
  const inTrash = selection?.kind === 'trash';
  /** What changes the list (order, batch edits, trash actions) is off in 只读审阅. */
  const editable = !readOnly;
  const afterTrashAction = () => {
    onSelectIds([]);
    onChanged();
  };

  return (
    <main className={drop.over ? 'tz-pane tz-pane-centre tz-dropping' : 'tz-pane tz-pane-centre'} {...drop.dropProps}>
      <div className="tz-pane-header tz-indicator-header">
        <span className="tz-indicator-title">{title}</span>
        <span className="tz-indicator-facts">
          {gap && <IndicatorGap gap={gap} />}
          <span className="tz-muted">{items.length} 件</span>
        </span>
      </div>
      <div className="tz-toolbar">
        <AddButton
          folder={false}
          hint={addHint || '选择文件添加到这里；也可以把文件直接拖进来，或拖到左侧的指标上'}
          disabled={!canAdd}
          onFiles={(files) => void onAddFiles(files, target)}
        />
        <AddButton
          folder
          hint={addHint || '选一个文件夹，连同子文件夹里的文件一起添加（文件夹名含指标编号的会建议关联）'}
          disabled={!canAdd}
          onFiles={(files) => void onAddFiles(files, target)}
        />
        <Tooltip title="列表便于排序和批量修改；缩略图便于挑照片">
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'list', label: '列表', icon: <UnorderedListOutlined /> },
              { value: 'grid', label: '缩略图', icon: <AppstoreOutlined /> },
            ]}
          />
        </Tooltip>
        {inTrash && editable && <TrashActions ids={[]} total={items.length} onDone={afterTrashAction} />}
        {indicator && editable && (
          <OrderButtons
            ids={ids}
            openId={selectedIds.length === 1 ? selectedIds[0] : null}
            sorted={view === 'list' && sort !== null}
            onArrange={arrange}
            onClearSort={() => setSort(null)}
          />
        )}
        {indicator && onReview && (
          <Tooltip title="逐件查看这个指标（含下级指标）的材料，标记合格或需补充">
            <Button icon={<AuditOutlined />} onClick={onReview}>
              审阅
            </Button>
          </Tooltip>
        )}
      </div>
      {inTrash && editable && selectedIds.length > 0 && (
        <div className="tz-batch-bar" role="toolbar" aria-label="回收站批量操作">
          <span className="tz-batch-count">已选 {selectedIds.length} 件</span>
          <TrashActions ids={selectedIds} total={items.length} onDone={afterTrashAction} />
        </div>
      )}
      {!inTrash && editable && selectedIds.length > 1 && (
        <BatchBar
          items={items.filter((m) => selectedIds.includes(m.id))}
          indicators={indicators}
          onDone={(keep) => {
            if (!keep) onSelectIds([]);
            onChanged();
          }}
        />
      )}
      <div className="tz-pane-body tz-centre-body" ref={bodyRef}>
        {items.length === 0 && !loading ? (
          <Empty className="tz-empty" description={empty} />
        ) : view === 'list' ? (
          <MaterialList
            items={items}
            loading={loading}
            selectedIds={selectedIds}
            onSelectIds={onSelectIds}
            onOpen={(id) => onSelectIds([id])}
            height={height}
            sort={sort}
            onSort={setSort}
            onMove={indicator && editable ? (id, over, after) => arrange(placed(ids, id, over, after)) : undefined}
          />
        ) : (
          <div className="tz-grid">
            {items.map((m) => (
              <button
                type="button"
                key={m.id}
                className={selectedIds.includes(m.id) ? 'tz-grid-item tz-grid-item-on' : 'tz-grid-item'}
                onClick={() => onSelectIds([m.id])}
              >
                {m.files[0] && <Thumb sha256={m.files[0].sha256} mime={m.files[0].mime} size={132} />}
                <span className="tz-grid-title">{m.title}</span>
              </button>
            ))}
          </div>
        )}
      </div>
    </main>
  );
}

/** UI.md's header: "齐全 3/3 · 12件"; a leaf shows its status, a branch how many of its leaves are 齐全. */
function IndicatorGap({ gap }: { gap: GapIndicatorResult }) {
  const required = gap.counts.complete + gap.counts.partial + gap.counts.missing;
  const why = gap.findings.find((f) => f.severity !== 'note')?.message;
  return (
    <>
      <GapTag status={gap.status} title={why} />
      {required > 1 && (
        <span className="tz-muted">
          齐全 {gap.counts.complete}/{required}
        </span>
      )}
      <span className="tz-muted">·</span>
    </>
  );
}

/** 添加材料 (files) or 添加文件夹 (a folder with its subfolders), from the system's file picker. */
function AddButton(props: { folder: boolean; hint: string; disabled: boolean; onFiles: (files: File[]) => void }) {
  return (
    <Tooltip title={props.hint}>
      <Upload
        directory={props.folder}
        multiple
        showUploadList={false}
        disabled={props.disabled}
        beforeUpload={(file, list) => {
          // antd calls this once per file; add the whole selection once, on its last file.
          if (file === list[list.length - 1]) props.onFiles(list);
          return false;
        }}
      >
        <Button
          type={props.folder ? 'default' : 'primary'}
          icon={props.folder ? <FolderAddOutlined /> : <PlusOutlined />}
          disabled={props.disabled}
        >
          {props.folder ? '添加文件夹' : '添加材料'}
        </Button>
      </Upload>
    </Tooltip>
  );
}
