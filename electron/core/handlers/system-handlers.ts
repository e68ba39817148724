import fs from 'node:fs';
import path from 'node:path';
import type { FileInput } from '../../../shared/ipc/contract-systems';
import { AppError } from '../../../shared/ipc/result';
import type { CoreContext } from '../context';
import type { HandlerTable } from '../rpc/dispatcher';
import { editionMatch, applyEditionMapping } from '../systems/edition-mapping';
import { ImportSources, parseImportFile } from '../systems/import-sources';
import { commit, overview, preview } from '../systems/import-service';
import { deletePerson, importPeople, listPeople, savePerson } from '../systems/people-repo';
import { importSample, sampleWorkbook, SAMPLE_WORKBOOK_NAME } from '../systems/sample';
import { systemWorkbook } from '../systems/system-export';
import {
  deleteSystem,
  getIndicators,
  getSystem,
  listSystems,
  setApplicable,
  toSystemFile,
  updateIndicator,
  updateSystem,
} from '../systems/system-repo';
import { deliverFile } from './deliver-file';
import { requireProject, requireWritable } from './require-project';

function readInput(input: FileInput): { fileName: string; bytes: Uint8Array } {
  if ('path' in input) {
    try {
      return { fileName: path.basename(input.path), bytes: fs.readFileSync(input.path) };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT') throw new AppError('NOT_FOUND', `找不到文件《${input.path}》。它可能已被移动或删除。`);
      if (code === 'EISDIR') throw new AppError('INVALID_INPUT', `《${input.path}》是文件夹，请选择一个表格文件。`);
      throw e;
    }
  }
  return { fileName: input.fileName, bytes: Buffer.from(input.dataBase64, 'base64') };
}

/** Saves to the chosen path (atomically) or hands the bytes back for a browser download. */
export function systemHandlers(ctx: CoreContext): HandlerTable {
  const sources = new ImportSources();
  const changed = () => ctx.bus.emit({ type: 'project.changed', dir: ctx.session.current()?.dir ?? null });
  return {
    'systems.list': () => listSystems(requireProject(ctx).db),
    'systems.tree': ({ systemId }) => {
      const db = requireProject(ctx).db;
      return { system: getSystem(db, systemId), indicators: getIndicators(db, systemId) };
    },
    'systems.importOpen': (input) => {
      const { fileName, bytes } = readInput(input);
      return overview(sources.add(parseImportFile(fileName, bytes)));
    },
    'systems.importPreview': ({ sourceId, sheet, mapping }) => preview(sources.get(sourceId), sheet, mapping),
    'systems.importCommit': ({ sourceId, sheet, mapping, meta }) => {
      const result = commit(requireWritable(ctx), sources.get(sourceId), sheet, mapping, meta);
      changed();
      return result;
    },
    'systems.importSample': () => {
      const result = importSample(requireWritable(ctx));
      changed();
      return result;
    },
    'systems.sampleWorkbook': ({ path: target }) => deliverFile(SAMPLE_WORKBOOK_NAME, sampleWorkbook(), target),
    'systems.update': ({ systemId, patch }) => {
      const result = updateSystem(requireWritable(ctx), systemId, patch);
      changed();
      return result;
    },
    'systems.delete': ({ systemId }) => {
      const result = deleteSystem(requireWritable(ctx), systemId);
      changed();
      return result;
    },
    'systems.export': ({ systemId, format, path: target }) => {
      const file = toSystemFile(requireProject(ctx).db, systemId);
      const base = `${file.system.name}${file.system.edition ? `（${file.system.edition}）` : ''}`.replace(
        /[\\/:*?"<>|]/g,
        '_',
      );
      if (format === 'json') {
        return deliverFile(`${base}.json`, Buffer.from(JSON.stringify(file, null, 2), 'utf8'), target);
      }
      return deliverFile(`${base}.xlsx`, systemWorkbook(file), target);
    },
    'systems.editionMatch': ({ fromSystemId, toSystemId }) =>
      editionMatch(requireProject(ctx).db, fromSystemId, toSystemId),
    'systems.editionApply': ({ fromSystemId, toSystemId, pairs }) => {
      const result = applyEditionMapping(requireWritable(ctx), fromSystemId, toSystemId, pairs);
      changed();
      return result;
    },
    'indicators.update': ({ id, patch }) => updateIndicator(requireWritable(ctx), id, patch),
    'indicators.setApplicable': ({ ids, applicable }) => setApplicable(requireWritable(ctx), ids, applicable),
    'people.list': () => listPeople(requireProject(ctx).db),
    'people.save': (input) => savePerson(requireWritable(ctx), input),
    'people.delete': ({ id }) => {
      deletePerson(requireWritable(ctx), id);
      return {};
    },
    'people.import': ({ sourceId, sheet }) => {
      const source = sources.get(sourceId);
      if (source.kind === 'json') throw new AppError('INVALID_INPUT', '人员名单请用 Excel 或 CSV 表格导入。');
      const grid = source.table.sheets[sheet];
      if (!grid) throw new AppError('INVALID_INPUT', `表格《${source.fileName}》没有第 ${sheet + 1} 个工作表。`);
      return importPeople(requireWritable(ctx), grid.rows);
    },
  };
}
