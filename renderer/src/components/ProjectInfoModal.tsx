import { Descriptions, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { api } from '../api';
import { formatBytes, formatDateTime } from '../format';

type Props = { open: boolean; onClose: () => void };

/** 项目信息: read fresh each time it opens, so the counts are never stale. */
export function ProjectInfoModal({ open, onClose }: Props) {
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.tryCall('projects.current', {}).then((result) => {
      if (!live) return;
      if (result.ok) setInfo(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [open]);

  return (
    <Modal
      title="项目信息"
      open={open}
      onCancel={onClose}
      footer={null}
      width={600}
      afterClose={() => {
        setInfo(null);
        setError(null);
      }}
    >
      {error ? (
        <Typography.Text type="danger">{error}</Typography.Text>
      ) : (
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 120 } }}
          items={
            info
              ? [
                  { key: 'name', label: '单位名称', children: info.name },
                  { key: 'year', label: '年度', children: `${info.year}年` },
                  {
                    key: 'dir',
                    label: '项目文件夹',
                    children: (
                      <Typography.Text
                        copyable={{ text: info.dir, tooltips: ['复制路径', '已复制'] }}
                        className="tz-path"
                      >
                        {info.dir}
                      </Typography.Text>
                    ),
                  },
                  { key: 'created', label: '创建时间', children: formatDateTime(info.createdAt) },
                  { key: 'systems', label: '测评体系', children: `${info.counts.systems} 套` },
                  { key: 'indicators', label: '指标', children: `${info.counts.indicators} 个` },
                  { key: 'materials', label: '材料', children: `${info.counts.materials} 件` },
                  {
                    key: 'files',
                    label: '文件',
                    children: `${info.counts.files} 个，共 ${formatBytes(info.storeBytes)}`,
                  },
                  { key: 'schema', label: '数据版本', children: String(info.schemaVersion) },
                ]
              : [{ key: 'loading', label: '单位名称', children: '正在读取…' }]
          }
        />
      )}
    </Modal>
  );
}
