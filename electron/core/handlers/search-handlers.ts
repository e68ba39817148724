import type { CoreContext } from '../context';
import type { HandlerTable } from '../rpc/dispatcher';
import { reindex } from '../search/reindex';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../search/saved-searches';
import { search } from '../search/search-service';
import { requireProject, requireWritable } from './require-project';

export function searchHandlers(ctx: CoreContext): HandlerTable {
  return {
    // Reading only: a project opened read-only (an inspector's copy) searches too.
    'search.query': (input) => search(requireProject(ctx).db, input),
    'search.reindex': () => {
      const project = requireWritable(ctx);
      const jobId = ctx.jobs.start({
        kind: 'search.reindex',
        title: '重建搜索索引',
        run: (job) =>
          reindex(project.db, {
            signal: job.signal,
            onProgress: (current, total, step) =>
              job.progress({ current, total, step, message: step === 'items' ? '材料条目' : '页面文字' }),
          }),
      });
      return { jobId };
    },
    'search.saved': () => listSavedSearches(requireProject(ctx).db),
    'search.save': (input) => saveSearch(requireWritable(ctx), input),
    'search.deleteSaved': ({ id }) => deleteSavedSearch(requireWritable(ctx), id),
  };
}
