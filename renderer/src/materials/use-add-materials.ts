import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { AddReport } from '../../../shared/materials/api-types';
import { api, preload } from '../api';
import { errorText } from '../errors';
import { readAsBase64 } from '../systems/file-io';
import { applyRetry, mergeReports, retryOutcome, type RetryOutcome } from './add-report';
import { uploadName } from './dropped-files';
import { useAddJobResults } from './use-add-job-results';

/** The bridge caps one request at 10 MB; bigger batches go in several jobs. */
const BATCH_BYTES = 6 * 1024 * 1024;

type Source = { file: File; indicatorIds: number[] };

/**
 * Adding files: from the browser the bytes are uploaded in batches; each batch is a job in
 * the jobs bar, and its report (added / 已存在 / failed per file) opens when it is done.
 * A failed encrypted PDF can be tried again with its password from that report.
 */
export function useAddMaterials(): {
  addFiles: (files: File[], indicatorIds: number[]) => Promise<void>;
  report: AddReport | null;
  closeReport: () => void;
  retryWithPassword: (path: string, password: string) => Promise<RetryOutcome>;
} {
  const { message } = App.useApp();
  const [report, setReport] = useState<AddReport | null>(null);
  const { awaitJob } = useAddJobResults((r) => setReport((prev) => mergeReports(prev, r)));
  // The report names uploads by a temp path the core has already removed, so trying one again
  // means sending its bytes again: the browser's File objects are kept while their report is open.
  const sources = useRef(new Map<string, Source>());
  const lastTarget = useRef<number[]>([]);

  const addFiles = useCallback(
    async (files: File[], indicatorIds: number[]) => {
      lastTarget.current = indicatorIds;
      try {
        // The desktop app adds from where the files are (folders are walked by the core, dates and
        // folder names kept); only what has no path on disk is sent as bytes.
        const host = preload;
        const paths = host ? files.map((f) => host.pathForFile(f)) : [];
        if (paths.length && paths.every(Boolean)) {
          await api.call('materials.add', { paths, indicatorIds });
          return;
        }
        for (const file of files) sources.current.set(uploadName(file), { file, indicatorIds });
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
          batch.push({ fileName: uploadName(file), dataBase64: await readAsBase64(file) });
          bytes += file.size;
        }
        await send();
      } catch (e) {
        void message.error(errorText(e));
      }
    },
    [message],
  );

  const retryWithPassword = async (path: string, password: string): Promise<RetryOutcome> => {
    const source = sourceOf(sources.current, path);
    const result = await awaitJob(async () =>
      source
        ? api.call('materials.upload', {
            files: [{ fileName: uploadName(source.file), dataBase64: await readAsBase64(source.file) }],
            indicatorIds: source.indicatorIds,
            password,
          })
        : // Added from a path on this computer (the desktop app): the file is still where it was.
          api.call('materials.add', { paths: [path], indicatorIds: lastTarget.current, password }),
    );
    setReport((prev) => (prev ? applyRetry(prev, path, result) : prev));
    return retryOutcome(result);
  };

  const closeReport = () => {
    setReport(null);
    sources.current.clear();
  };

  return { addFiles, report, closeReport, retryWithPassword };
}

/**
 * The file the browser sent for a report's path: the core keeps an upload's name, with up to
 * three of its folders, at the end of the path, so two 报告.pdf of different folders stay apart.
 */
function sourceOf(sources: Map<string, Source>, reported: string): Source | undefined {
  const parts = (p: string) => p.split(/[\\/]/).filter(Boolean);
  const tail = parts(reported);
  for (const [name, source] of sources) {
    const own = parts(name).slice(-4);
    if (own.join('/') === tail.slice(-own.length).join('/')) return source;
  }
  return undefined;
}
