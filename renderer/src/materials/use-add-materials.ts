import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { AddReport } from '../../../shared/materials/api-types';
import { api } from '../api';
import { errorText } from '../errors';
import { useCoreEvent } from '../hooks/use-core-event';
import { readAsBase64 } from '../systems/file-io';

/** The bridge caps one request at 10 MB; bigger batches go in several jobs. */
const BATCH_BYTES = 6 * 1024 * 1024;

/**
 * Adding files: from the browser the bytes are uploaded in batches; each batch is a job in
 * the jobs bar, and its report (added / 已存在 / failed per file) opens when it is done.
 */
export function useAddMaterials(): {
  addFiles: (files: File[], indicatorIds: number[]) => Promise<void>;
  report: AddReport | null;
  closeReport: () => void;
} {
  const { message } = App.useApp();
  const [report, setReport] = useState<AddReport | null>(null);

  // Every add job reports here, whichever window or batch started it (one user per project);
  // listening by kind also catches a job that finishes before its start call returns.
  useCoreEvent((event) => {
    if (event.type !== 'job.done' || event.kind !== 'materials.add') return;
    const r = event.result as AddReport;
    setReport((prev) =>
      prev
        ? {
            added: [...prev.added, ...r.added],
            duplicates: [...prev.duplicates, ...r.duplicates],
            failed: [...prev.failed, ...r.failed],
          }
        : r,
    );
  });

  const addFiles = useCallback(
    async (files: File[], indicatorIds: number[]) => {
      try {
        let batch: { fileName: string; dataBase64: string }[] = [];
        let bytes = 0;
        const send = async () => {
          if (batch.length === 0) return;
          await api.call('materials.upload', { files: batch, indicatorIds });
          batch = [];
          bytes = 0;
        };
        for (const file of files) {
          if (bytes + file.size > BATCH_BYTES) await send();
          batch.push({ fileName: file.name, dataBase64: await readAsBase64(file) });
          bytes += file.size;
        }
        await send();
      } catch (e) {
        void message.error(errorText(e));
      }
    },
    [message],
  );

  return { addFiles, report, closeReport: () => setReport(null) };
}
