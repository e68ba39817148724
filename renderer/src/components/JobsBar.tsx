import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  LoadingOutlined,
} from '@ant-design/icons';
import { App, Button, Popover, Progress } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { errorText } from '../errors';
import { formatBytes } from '../format';
import { outcomeText, useJobs, type JobView, type Tone } from '../hooks/use-jobs';
import { JobHistory } from './JobHistory';

const TONE_ICON: Record<Tone, ReactNode> = {
  success: <CheckCircleFilled className="tz-tone-success" />,
  warning: <ExclamationCircleFilled className="tz-tone-warning" />,
  error: <CloseCircleFilled className="tz-tone-error" />,
  info: <InfoCircleFilled className="tz-tone-info" />,
};

/** Bottom bar: every long job with real progress and 取消; a short status line otherwise. */
export function JobsBar({ project }: { project: ProjectInfo }) {
  const { jobs, cancel } = useJobs();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState<ReadonlySet<string>>(new Set());

  const onCancel = async (jobId: string) => {
    setCancelling((s) => new Set(s).add(jobId));
    try {
      await cancel(jobId);
    } catch (e) {
      void message.error(errorText(e));
      setCancelling((s) => {
        const next = new Set(s);
        next.delete(jobId);
        return next;
      });
    }
  };

  return (
    <footer className="tz-jobs" aria-label="任务">
      <div className="tz-jobs-list" aria-live="polite">
        {jobs.length === 0 ? (
          <span className="tz-muted">就绪</span>
        ) : (
          jobs.map((job) =>
            job.status === 'running' ? (
              <RunningJob
                key={job.jobId}
                job={job}
                cancelling={cancelling.has(job.jobId)}
                onCancel={() => void onCancel(job.jobId)}
              />
            ) : (
              <FinishedJob key={job.jobId} job={job} />
            ),
          )
        )}
      </div>
      <JobHistory />
      <div className="tz-jobs-summary tz-muted">
        材料 {project.counts.materials} 件 · 文件 {project.counts.files} 个 · {formatBytes(project.storeBytes)}
      </div>
    </footer>
  );
}

function RunningJob({ job, cancelling, onCancel }: { job: JobView; cancelling: boolean; onCancel: () => void }) {
  const percent = job.total > 0 ? Math.floor((job.current / job.total) * 100) : 0;
  return (
    <span className="tz-job" title={job.message || undefined}>
      <LoadingOutlined className="tz-tone-info" />
      <span className="tz-job-title">{job.title}</span>
      {job.total > 0 && (
        <span className="tz-job-count">
          {job.current}/{job.total}
        </span>
      )}
      <Progress className="tz-job-progress" percent={percent} size="small" showInfo={false} status="active" />
      {job.message && <span className="tz-job-message">{job.message}</span>}
      <Button size="small" type="link" onClick={onCancel} disabled={cancelling}>
        {cancelling ? '正在取消…' : '取消'}
      </Button>
    </span>
  );
}

function FinishedJob({ job }: { job: JobView }) {
  const tone = job.outcome?.tone ?? 'success';
  const text = <span className="tz-job-outcome">{outcomeText(job)}</span>;
  const details = job.outcome?.details ?? [];
  return (
    <span className={job.leaving ? 'tz-job tz-job-leaving' : 'tz-job'}>
      {TONE_ICON[tone]}
      {details.length > 0 ? (
        <Popover
          title={job.outcome?.detailsTitle}
          content={
            <ul className="tz-job-details">
              {details.slice(0, 20).map((d) => (
                <li key={d}>{d}</li>
              ))}
              {details.length > 20 && <li>……共 {details.length} 个</li>}
            </ul>
          }
        >
          {text}
        </Popover>
      ) : (
        text
      )}
    </span>
  );
}
