import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { STATUS_LABELS, type Material, type MaterialStatus } from '../../../shared/materials/api-types';
import { Thumb } from './Thumb';

const STATUS_COLORS: Record<MaterialStatus, string> = {
  collected: 'default',
  selected: 'blue',
  rejected: 'red',
  incomplete: 'gold',
  organized: 'green',
};

type Props = {
  items: Material[];
  loading: boolean;
  selectedIds: number[];
  onSelectIds: (ids: number[]) => void;
  onOpen: (id: number) => void;
  height: number;
};

/** The items of the selection as a sortable, multi-select, virtualised list. */
export function MaterialList({ items, loading, selectedIds, onSelectIds, onOpen, height }: Props) {
  const columns: ColumnsType<Material> = [
    {
      title: '',
      key: 'thumb',
      width: 64,
      render: (_, m) => (m.files[0] ? <Thumb sha256={m.files[0].sha256} mime={m.files[0].mime} /> : null),
    },
    {
      title: '题名',
      dataIndex: 'title',
      sorter: (a, b) => a.title.localeCompare(b.title, 'zh-Hans-CN'),
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
      sorter: (a, b) => (a.date ?? '').localeCompare(b.date ?? ''),
      render: (d: string | null) => d ?? <span className="tz-muted">无日期</span>,
    },
    { title: '类型', dataIndex: 'type', width: 90, sorter: (a, b) => a.type.localeCompare(b.type, 'zh-Hans-CN') },
    { title: '页数', dataIndex: 'pages', width: 64, align: 'right' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 86,
      render: (s: MaterialStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
    },
  ];
  return (
    <Table<Material>
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
      onRow={(m) => ({ onClick: () => onOpen(m.id) })}
      rowClassName={(m) => (selectedIds.length === 1 && selectedIds[0] === m.id ? 'tz-row-open' : '')}
      locale={{ emptyText: ' ' }}
    />
  );
}
