import { Table, Tag } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { useRef } from 'react';
import type { TableRef } from 'antd';
import { STATUS_LABELS, type Material, type MaterialStatus } from '../../../shared/materials/api-types';
import { DragSurface } from '../components/DragSurface';
import { DragHandle } from './DragHandle';
import { Thumb } from './Thumb';
import { useRowDrag } from './use-row-drag';

const STATUS_COLORS: Record<MaterialStatus, string> = {
  collected: 'default',
  selected: 'blue',
  rejected: 'red',
  incomplete: 'gold',
  organized: 'green',
};

type SortKey = 'title' | 'date' | 'type';
/** A column sort the user chose; null is the list's own (binding) order. */
export type ListSort = { key: SortKey; order: 'ascend' | 'descend' } | null;

type Props = {
  items: Material[];
  loading: boolean;
  selectedIds: number[];
  onSelectIds: (ids: number[]) => void;
  onOpen: (id: number) => void;
  height: number;
  sort: ListSort;
  onSort: (sort: ListSort) => void;
  /** Given where the list has an order of its own to change (an indicator's items): a row dropped on another. */
  onMove?: (id: number, target: number, after: boolean) => void;
};

const zh = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');

/** The items of the selection as a sortable, multi-select, virtualised list; rows can be dragged into order. */
export function MaterialList({
  items,
  loading,
  selectedIds,
  onSelectIds,
  onOpen,
  height,
  sort,
  onSort,
  onMove,
}: Props) {
  const table = useRef<TableRef>(null);
  const drag = useRowDrag(table, (id, target, after) => onMove?.(id, target, after));
  const sortable = (key: SortKey, compare: (a: Material, b: Material) => number): ColumnType<Material> => ({
    key,
    sorter: compare,
    sortOrder: sort?.key === key ? sort.order : null,
  });

  const columns: ColumnsType<Material> = [
    ...(onMove
      ? [
          {
            title: '',
            key: 'drag',
            width: 32,
            className: 'tz-drag-cell',
            render: (_: unknown, m: Material) => (
              <DragHandle
                disabled={sort !== null}
                dragging={drag.draggedId !== null}
                dragProps={drag.handleProps(m.id)}
              />
            ),
          },
        ]
      : []),
    Table.SELECTION_COLUMN,
    {
      title: '',
      key: 'thumb',
      width: 64,
      render: (_, m) => (m.files[0] ? <Thumb sha256={m.files[0].sha256} mime={m.files[0].mime} /> : null),
    },
    {
      title: '题名',
      dataIndex: 'title',
      ...sortable('title', (a, b) => zh(a.title, b.title)),
      render: (title: string, m) => (
        <span className="tz-material-title">
          {title}
          {m.titleMadeUp && <Tag className="tz-inline-tag">待改题名</Tag>}
        </span>
      ),
    },
    {
      title: '日期',
      dataIndex: 'date',
      width: 110,
      ...sortable('date', (a, b) => (a.date ?? '').localeCompare(b.date ?? '')),
      render: (d: string | null) => d ?? <span className="tz-muted">无日期</span>,
    },
    { title: '类型', dataIndex: 'type', width: 90, ...sortable('type', (a, b) => zh(a.type, b.type)) },
    { title: '页数', dataIndex: 'pages', width: 64, align: 'right' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 86,
      render: (s: MaterialStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
    },
  ];

  // ↑/↓ (Home/End) open the previous/next item in the order shown, so the list works without a mouse.
  const shown = (() => {
    const compare = sort && columns.find((c) => c.key === sort.key)?.sorter;
    if (typeof compare !== 'function') return items;
    const sign = sort?.order === 'descend' ? -1 : 1;
    return [...items].sort((a, b) => sign * compare(a, b));
  })();
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, (at: number) => number> = {
      ArrowDown: (at) => at + 1,
      ArrowUp: (at) => (at < 0 ? 0 : at - 1),
      Home: () => 0,
      End: () => shown.length - 1,
    };
    const move = moves[e.key];
    // Keys typed in a checkbox or a field inside the list keep their own meaning.
    if (!move || shown.length === 0 || (e.target as HTMLElement).closest('input, textarea, button')) return;
    e.preventDefault();
    const at = selectedIds.length === 1 ? shown.findIndex((m) => m.id === selectedIds[0]) : -1;
    const next = shown[Math.min(shown.length - 1, Math.max(0, move(at)))]!;
    onOpen(next.id);
    table.current?.scrollTo({ key: next.id });
  };

  const rowClass = (m: Material) =>
    [
      selectedIds.length === 1 && selectedIds[0] === m.id ? 'tz-row-open' : '',
      drag.draggedId === m.id ? 'tz-row-dragged' : '',
      drag.mark?.id === m.id ? (drag.mark.after ? 'tz-drop-after' : 'tz-drop-before') : '',
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <div
      className="tz-material-list-wrap"
      {...(onMove ? drag.listProps : {})}
      tabIndex={0}
      role="group"
      aria-label="材料列表（↑↓ 逐件查看）"
      onKeyDown={onKeyDown}
    >
      <Table<Material>
        ref={table}
        className="tz-material-list"
        size="small"
        rowKey="id"
        virtual
        scroll={{ y: height, x: 600 }}
        pagination={false}
        loading={loading}
        columns={columns}
        dataSource={items}
        rowSelection={{
          selectedRowKeys: selectedIds,
          onChange: (keys) => onSelectIds(keys.map(Number)),
          columnWidth: 36,
        }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          onSort(s?.order ? { key: s.columnKey as SortKey, order: s.order } : null);
        }}
        onRow={(m) => ({ onClick: () => onOpen(m.id) })}
        rowClassName={rowClass}
        locale={{ emptyText: ' ' }}
      />
      {drag.draggedId !== null && <DragSurface />}
    </div>
  );
}
