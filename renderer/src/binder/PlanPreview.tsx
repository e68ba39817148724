import { Alert, Collapse, Empty, Spin, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { BindPlanView } from '../../../shared/ipc/contract-binder';

type Volume = BindPlanView['volumes'][number];
type PlanItem = Volume['sections'][number]['items'][number];

type Row =
  | { kind: 'heading'; key: string; text: string }
  | { kind: 'item'; key: string; seq: number; item: PlanItem; last: boolean };

const label = (n: { code: string; title: string }) => (n.code ? `${n.code} ${n.title}` : n.title);

/** 卷内目录 dates are 8 digits (20260305), the archival convention. */
const indexDate = (date: string | null) => (date ? date.replaceAll('-', '') : '');

/** The heading of a volume: 第n卷 题名 · x件 · 约y页. */
export function volumeLabel(v: Pick<Volume, 'seq' | 'title' | 'part' | 'parts'>): string {
  return `第${v.seq}卷 ${v.title}${v.parts > 1 ? `（共${v.parts}卷之第${v.part}卷）` : ''}`;
}

function rowsOf(volume: Volume): Row[] {
  const rows: Row[] = [];
  let seq = 0;
  const total = volume.sections.reduce((n, s) => n + s.items.length, 0);
  volume.sections.forEach((section, i) => {
    rows.push({
      kind: 'heading',
      key: `h${i}-${section.indicator.id}`,
      text: [...section.trail, section.indicator].map(label).join(' › '),
    });
    for (const item of section.items) {
      seq++;
      rows.push({ kind: 'item', key: `i${i}-${item.itemId}`, seq, item, last: seq === total });
    }
  });
  return rows;
}

const headingSpan = (r: Row, span: number) => ({ colSpan: r.kind === 'heading' ? span : 1 });
const hiddenForHeading = (r: Row) => ({ colSpan: r.kind === 'heading' ? 0 : 1 });

const COLUMNS: TableColumnsType<Row> = [
  {
    title: '序号',
    key: 'seq',
    width: 56,
    align: 'center',
    onCell: (r) => headingSpan(r, 6),
    render: (_, r) =>
      r.kind === 'heading' ? <span className="tz-binder-heading">{r.text}</span> : <span>{r.seq}</span>,
  },
  {
    title: '文号',
    key: 'docNo',
    width: 150,
    onCell: hiddenForHeading,
    render: (_, r) => r.kind === 'item' && r.item.docNo,
  },
  {
    title: '责任者',
    key: 'responsible',
    width: 120,
    onCell: hiddenForHeading,
    render: (_, r) => r.kind === 'item' && r.item.responsible,
  },
  {
    title: '题名',
    key: 'title',
    onCell: hiddenForHeading,
    render: (_, r) =>
      r.kind === 'item' &&
      (r.item.titleMadeUp ? (
        <span title="这个题名是整理时拟写的，目录中写在方括号里">[{r.item.title}]</span>
      ) : (
        r.item.title
      )),
  },
  {
    title: '日期',
    key: 'date',
    width: 88,
    onCell: hiddenForHeading,
    render: (_, r) => r.kind === 'item' && indexDate(r.item.date),
  },
  {
    title: '页号',
    key: 'page',
    width: 96,
    align: 'right',
    onCell: hiddenForHeading,
    render: (_, r) => {
      if (r.kind !== 'item') return null;
      const { startPage, endPage, seeAlso } = r.item;
      // Bound at an earlier place (一件只装订一次): the row points there instead of a page here.
      if (seeAlso) return <span className="tz-muted">{`见第${seeAlso.volume}卷第${seeAlso.page}页`}</span>;
      // 卷内目录 convention: the page an item starts on; the last item shows its start–end.
      const text = r.last && endPage > startPage ? `${startPage}–${endPage}` : String(startPage);
      return (
        <span className="tz-binder-page" title={`第${startPage}–${endPage}页，共${endPage - startPage + 1}页`}>
          {text}
        </span>
      );
    },
  },
];

function VolumeIndex({ volume }: { volume: Volume }) {
  const rows = useMemo(() => rowsOf(volume), [volume]);
  return (
    <Table<Row>
      className="tz-binder-index"
      size="small"
      rowKey="key"
      bordered
      pagination={false}
      dataSource={rows}
      columns={COLUMNS}
      rowClassName={(r) => (r.kind === 'heading' ? 'tz-binder-heading-row' : '')}
    />
  );
}

/** The index preview: each volume with its 卷内目录 as it will be printed. */
export function PlanPreview({
  plan,
  planning,
  error,
  hint,
}: {
  plan: BindPlanView | null;
  planning: boolean;
  error: string | null;
  /** Why there is no plan (no system, nothing picked). */
  hint: string | null;
}) {
  const [openKeys, setOpenKeys] = useState<string[] | null>(null);
  if (hint) return <Empty className="tz-empty" description={hint} />;
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!plan) return <Spin className="tz-binder-spin" description="正在编排…" />;

  const volumes = plan.volumes;
  const items = volumes.reduce((n, v) => n + v.itemCount, 0);
  const pages = volumes.reduce((n, v) => n + v.pageCount, 0);
  // 卷内目录 prints a 责任者 for every item: say how many would be blank before they are printed.
  const noResponsible = volumes.reduce(
    (n, v) => n + v.sections.reduce((m, s) => m + s.items.filter((i) => !i.responsible.trim()).length, 0),
    0,
  );
  // The first volume opens by itself; after that, what the user opened stays open.
  const active = openKeys ?? (volumes[0] ? [String(volumes[0].seq)] : []);

  return (
    <div className="tz-binder-preview" aria-busy={planning}>
      <div className="tz-binder-preview-summary" role="status">
        {volumes.length > 0 ? (
          <>
            共 <b>{volumes.length}</b> 卷 · {items} 件材料 · 约 {pages} 页
          </>
        ) : (
          '没有可装订的材料'
        )}
        {planning && (
          <span className="tz-muted">
            <Spin size="small" /> 正在更新…
          </span>
        )}
      </div>
      {plan.empty.length > 0 && (
        <Alert
          className="tz-binder-empty-alert"
          type="warning"
          showIcon
          title={`${plan.empty.length} 个指标还没有可装订的材料，不会生成案卷`}
          description={plan.empty.map(label).join('、')}
        />
      )}
      {noResponsible > 0 && (
        <Alert
          className="tz-binder-responsible-alert"
          type="info"
          showIcon
          title={`${noResponsible} 件材料没有填写责任者，卷内目录中这一栏会空着。可在材料详情中填写；在材料列表中勾选多件，可一次填好。`}
        />
      )}
      {volumes.length === 0 ? (
        <Empty
          className="tz-empty"
          description="所选范围内还没有可装订的材料。请先把材料添加到指标下（已剔除和回收站中的材料不装订）。"
        />
      ) : (
        <Collapse
          className="tz-binder-volumes"
          activeKey={active}
          onChange={(keys) => setOpenKeys(Array.isArray(keys) ? keys : [keys])}
          destroyOnHidden
          items={volumes.map((v) => ({
            key: String(v.seq),
            label: (
              <span className="tz-binder-volume-label">
                <span className="tz-binder-volume-title">{volumeLabel(v)}</span>
                <span className="tz-muted">
                  {' '}
                  · {v.itemCount}件 · 约{v.pageCount}页
                </span>
              </span>
            ),
            children: <VolumeIndex volume={v} />,
          }))}
        />
      )}
    </div>
  );
}
