import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, List, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { JobRecord, JobStatus } from '../../../shared/ipc/contract';
import { api } from '../api';
import { formatDateTime } from '../format';
import { describeJob } from '../hooks/job-outcome';
import { useCoreEvent } from '../hooks/use-core-event';

/** Status in words (and colour): 完成 · 有问题 · 失败 · 已取消 · 进行中. */
const STATUS: Record<JobStatus, { label: string; color: string }> = {
  done: { label: '完成', color: 'green' },
  failed: { label: '失败', color: 'red' },
  cancelled: { label: '已取消', color: 'default' },
  running: { label: '进行中', color: 'blue' },
};

function JobRow({ job }: { job: JobRecord }) {
  const outcome = describeJob(job.kind, job.status, job.result, job.error ?? undefined);
  const status =
    job.status === 'done' && outcome.tone === 'warning' ? { label: '有问题', color: 'gold' } : STATUS[job.status];
  const details = outcome.details ?? [];
  return (
    <List.Item className="tz-job-record">
      <div className="tz-job-record-head">
        <Tag color={status.color}>{status.label}</Tag>
        <strong>{job.title}</strong>
        <span className="tz-spacer" />
        <span className="tz-muted">{formatDateTime(job.startedAt)}</span>
      </div>
      {outcome.text && <div className="tz-job-record-text">{outcome.text}</div>}
      {details.length > 0 && (
        <details className="tz-job-record-details">
          <summary>
            {outcome.detailsTitle ?? '详情'}（{details.length}）
          </summary>
          <ul>
            {details.slice(0, 50).map((d) => (
              <li key={d}>{d}</li>
            ))}
            {details.length > 50 && <li>……共 {details.length} 项</li>}
          </ul>
        </details>
      )}
    </List.Item>
  );
}

/**
 * 任务记录: every import, binding, check and backup of this project with what it came to, kept in
 * the project, so a report closed too early (or a job cut off by a crash) can be read again.
 */
export function JobHistory() {
  const [open, setOpen] = useState(false);
  const [jobs, setJobs] = useState<JobRecord[] | null>(null);
  const load = useCallback(async () => {
    const r = await api.tryCall('jobs.history', { limit: 100 });
    setJobs(r.ok ? r.value : []);
  }, []);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  useCoreEvent((event) => {
    if (open && (event.type === 'job.done' || event.type === 'job.failed' || event.type === 'job.cancelled'))
      void load();
  });
  return (
    <>
      <Tooltip title="本项目做过的添加、装订、校验、备份等任务和结果">
        <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => setOpen(true)}>
          任务记录
        </Button>
      </Tooltip>
      <Drawer title="任务记录" open={open} onClose={() => setOpen(false)} size={520} className="tz-job-history">
        {jobs && jobs.length === 0 ? (
          <Empty description="还没有任务。添加材料、装订成卷、校验或备份后，结果会记在这里。" />
        ) : (
          <List loading={jobs === null} dataSource={jobs ?? []} renderItem={(job) => <JobRow job={job} />} />
        )}
      </Drawer>
    </>
  );
}
