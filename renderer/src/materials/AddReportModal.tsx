import { Modal, Result, Table, Tag } from 'antd';
import type { AddReport } from '../../../shared/materials/api-types';

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** 添加结果: what was added, what was already there (已存在), and each file that failed and why. */
export function AddReportModal({ report, onClose }: { report: AddReport | null; onClose: () => void }) {
  const rows = report
    ? [
        ...report.failed.map((f) => ({ key: `f${f.path}`, name: baseName(f.path), state: '失败', detail: f.message })),
        ...report.duplicates.map((d) => ({
          key: `d${d.path}`,
          name: baseName(d.path),
          state: '已存在',
          detail: `与材料 ${d.existingId} 完全相同，未重复添加`,
        })),
        ...report.added.map((a) => ({ key: `a${a.id}`, name: a.title, state: '已添加', detail: `${a.pages} 页` })),
      ]
    : [];
  const color: Record<string, string> = { 失败: 'red', 已存在: 'gold', 已添加: 'green' };
  return (
    <Modal
      title="添加结果"
      open={report !== null}
      onCancel={onClose}
      onOk={onClose}
      okText="知道了"
      cancelButtonProps={{ style: { display: 'none' } }}
      width={760}
    >
      {report && (
        <>
          <Result
            className="tz-add-result"
            status={report.failed.length ? 'warning' : 'success'}
            title={`已添加 ${report.added.length} 件${report.duplicates.length ? `，已存在 ${report.duplicates.length} 件` : ''}${report.failed.length ? `，${report.failed.length} 个文件未能添加` : ''}`}
            subTitle={report.failed.length ? '未能添加的文件不影响其他文件。请按说明处理后再添加。' : undefined}
          />
          <Table
            size="small"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={rows}
            columns={[
              { title: '文件', dataIndex: 'name', width: 220, ellipsis: true },
              { title: '结果', dataIndex: 'state', width: 80, render: (s: string) => <Tag color={color[s]}>{s}</Tag> },
              { title: '说明', dataIndex: 'detail' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
