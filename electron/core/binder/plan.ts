import type { Database } from 'better-sqlite3';
import { captionSchema, EMPTY_CAPTION, type Caption } from '../../../shared/materials/api-types';
import { AppError } from '../../../shared/ipc/result';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { defaultSystemId } from '../gaps/gap-service';
import { getIndicators, getSystem } from '../systems/system-repo';
import { sharesPhotoPage } from './item-pages';
import type { BindPlan, PlanFile, PlanIndicator, PlanItem, PlanOptions, PlanSection, VolumePlan } from './types';

/*
 * The binding plan: which volumes, which items in which order, and the page numbers they
 * are expected to get. It reads the database only, so the UI can show it as the index
 * preview before anything is built, and the builder follows it exactly.
 *
 * Order: indicator tree order; within an indicator the user's order (material_links.sort),
 * then date (undated last), then item number. Left out: items 已剔除 or in the trash, and
 * indicators that do not apply to this unit (with everything under them). An item linked
 * to several indicators appears in each section by default: linking is how offices say
 * "this also serves there", and inspectors read one indicator at a time. With linkedItems
 * 'reference' it is bound once, at its first place in binding order, and only listed
 * (见第X卷第Y页) elsewhere: thinner volumes when much is shared. Volumes are built in plan
 * order, so that first place is always built before any row pointing to it.
 */

export const DEFAULT_MAX_PAGES = 300;
/** What a volume holds besides its items' files (cover, index, 备考表, the cut fonts), for the size split. */
export const FRONT_MATTER_BYTES = 256 * 1024;

type ItemRow = {
  indicator_id: number;
  id: number;
  title: string;
  title_made_up: number;
  doc_no: string;
  responsible: string;
  date: string | null;
  type: string;
  note: string;
  caption: string;
};

type FileRow = {
  material_id: number;
  id: number;
  sha256: string;
  converted_sha256: string | null;
  original_name: string;
  rotation: number;
  page_count: number;
  mime: string;
  converted_mime: string | null;
  size: number;
  converted_size: number | null;
};

function parseCaption(json: string): Caption {
  try {
    return captionSchema.parse({ ...EMPTY_CAPTION, ...(JSON.parse(json) as object) });
  } catch {
    return { ...EMPTY_CAPTION };
  }
}

const brief = (n: IndicatorNode): PlanIndicator => ({ id: n.id, code: n.code, title: n.title });

/** `code title`, or the title alone when the edition has no codes. */
export const labelOf = (n: { code: string; title: string }): string => (n.code ? `${n.code} ${n.title}` : n.title);

function filesOf(db: Database, ids: number[]): Map<number, PlanFile[]> {
  const out = new Map<number, PlanFile[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT f.material_id, f.id, f.sha256, f.converted_sha256, f.original_name, f.rotation, f.page_count,
              b.mime, c.mime AS converted_mime, b.size, c.size AS converted_size
       FROM material_files f JOIN blobs b ON b.sha256 = f.sha256 LEFT JOIN blobs c ON c.sha256 = f.converted_sha256
       WHERE f.material_id IN (SELECT value FROM json_each(?)) ORDER BY f.material_id, f.position`,
    )
    .all(JSON.stringify(ids)) as FileRow[];
  for (const r of rows) {
    const converted = r.converted_sha256 !== null && r.converted_mime !== null;
    const list = out.get(r.material_id) ?? [];
    list.push({
      fileId: r.id,
      sha256: converted ? r.converted_sha256! : r.sha256,
      mime: converted ? r.converted_mime! : r.mime,
      originalName: r.original_name,
      rotation: ((r.rotation % 360) + 360) % 360,
      pageCount: Math.max(1, r.page_count),
      bytes: converted ? (r.converted_size ?? 0) : r.size,
    });
    out.set(r.material_id, list);
  }
  return out;
}

/** Items per indicator of the system, in binding order, without rejected or trashed ones. */
function itemsByIndicator(db: Database, systemId: number): Map<number, PlanItem[]> {
  const rows = db
    .prepare(
      `SELECT l.indicator_id, m.id, m.title, m.title_made_up, m.doc_no, m.responsible, m.date, m.type, m.note, m.caption
       FROM material_links l
       JOIN materials m ON m.id = l.material_id
       JOIN indicators i ON i.id = l.indicator_id
       WHERE i.system_id = ? AND m.deleted_at IS NULL AND m.status <> 'rejected'
       ORDER BY l.indicator_id, l.sort, m.date IS NULL, m.date, m.id`,
    )
    .all(systemId) as ItemRow[];
  const files = filesOf(db, [...new Set(rows.map((r) => r.id))]);
  const out = new Map<number, PlanItem[]>();
  for (const r of rows) {
    const itemFiles = files.get(r.id) ?? [];
    const list = out.get(r.indicator_id) ?? [];
    list.push({
      itemId: r.id,
      title: r.title,
      titleMadeUp: r.title_made_up === 1,
      docNo: r.doc_no,
      responsible: r.responsible,
      date: r.date,
      type: r.type,
      note: r.note,
      caption: parseCaption(r.caption),
      files: itemFiles,
      pages: itemFiles.reduce((n, f) => n + f.pageCount, 0),
      startPage: 0,
      endPage: 0,
      bytes: itemFiles.reduce((n, f) => n + f.bytes, 0),
      seeAlso: null,
    });
    out.set(r.indicator_id, list);
  }
  return out;
}

type Tree = {
  nodes: IndicatorNode[];
  byId: Map<number, IndicatorNode>;
  depth: Map<number, number>;
  /** Applicable, and every ancestor applicable too. */
  live: Set<number>;
};

function treeOf(nodes: IndicatorNode[]): Tree {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<number, number>();
  const live = new Set<number>();
  // Tree order: a parent always comes before its children.
  for (const n of nodes) {
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    depth.set(n.id, parent ? depth.get(parent.id)! + 1 : 1);
    if (n.applicable && (!parent || live.has(parent.id))) live.add(n.id);
  }
  return { nodes, byId, depth, live };
}

function ancestors(tree: Tree, id: number): IndicatorNode[] {
  const out: IndicatorNode[] = [];
  for (let n = tree.byId.get(id); n && n.parentId !== null;) {
    n = tree.byId.get(n.parentId);
    if (n) out.unshift(n);
  }
  return out;
}

/** The indicator (and descendants) each volume covers; `own`: only the items linked to the root itself. */
type VolumeScope = { root: IndicatorNode | null; own: boolean };

function scopes(tree: Tree, options: PlanOptions): VolumeScope[] {
  if (options.indicatorIds && options.indicatorIds.length > 0) {
    const chosen = new Set(options.indicatorIds);
    for (const id of chosen) {
      if (!tree.byId.has(id)) {
        throw new AppError('NOT_FOUND', `要装订的指标（编号 ${id}）不在这个测评体系中。请刷新后重新选择。`);
      }
    }
    return tree.nodes.filter((n) => chosen.has(n.id)).map((root) => ({ root, own: false }));
  }
  const by = options.by ?? 'top';
  if (by === 'all') return [{ root: null, own: false }];
  const level = by === 'top' ? 1 : 2;
  const out: VolumeScope[] = [];
  for (const n of tree.nodes) {
    const d = tree.depth.get(n.id)!;
    if (d === level) out.push({ root: n, own: false });
    // Items linked straight to an upper indicator would otherwise belong to no volume.
    else if (d < level) out.push({ root: n, own: true });
  }
  return out;
}

function sectionsOf(tree: Tree, scope: VolumeScope, items: Map<number, PlanItem[]>): PlanSection[] {
  const inScope = (n: IndicatorNode): boolean => {
    if (!scope.root) return true;
    if (scope.own) return n.id === scope.root.id;
    return n.id === scope.root.id || ancestors(tree, n.id).some((a) => a.id === scope.root!.id);
  };
  const out: PlanSection[] = [];
  for (const n of tree.nodes) {
    if (!tree.live.has(n.id) || !inScope(n)) continue;
    const list = items.get(n.id);
    if (!list || list.length === 0) continue;
    const above = ancestors(tree, n.id);
    const from = scope.root ? above.findIndex((a) => a.id === scope.root!.id) + 1 : 0;
    out.push({
      indicator: { ...brief(n), content: n.content, requirement: n.requirement },
      trail: n.id === scope.root?.id ? [] : above.slice(from).map(brief),
      // Copies: the same item in two sections (or volumes) gets its own page numbers in each.
      items: list.map((i) => ({ ...i })),
    });
  }
  return out;
}

/**
 * The items of a section (in order) that go on the page of the bound item before them:
 * the second of each pair of single-image photos when photos go two to a page. The
 * builder pairs by the same rule, so the preview's numbers are the built ones.
 */
export function pairedWithPrevious(items: PlanItem[], photosPerPage: 1 | 2 = 1): Set<PlanItem> {
  const out = new Set<PlanItem>();
  if (photosPerPage !== 2) return out;
  let open: PlanItem | null = null;
  for (const item of items) {
    // A reference takes no page, so it does not part two photos.
    if (item.seeAlso) continue;
    if (!sharesPhotoPage(item)) open = null;
    else if (open) {
      out.add(item);
      open = null;
    } else open = item;
  }
  return out;
}

type Limits = { maxPages: number; maxBytes: number; photosPerPage: 1 | 2 };

/**
 * Cuts a volume's item sequence at item boundaries so no part has more than maxPages item
 * pages or maxBytes of files (unless one item alone does). A photo pair is never parted,
 * and a reference row stays with the item before it.
 */
function split(sections: PlanSection[], limits: Limits): PlanSection[][] {
  // What starting each item adds: a pair's first photo carries the pair.
  const cost = new Map<PlanItem, { pages: number; bytes: number }>();
  for (const s of sections) {
    const paired = pairedWithPrevious(s.items, limits.photosPerPage);
    let last: PlanItem | null = null;
    for (const item of s.items) {
      if (item.seeAlso) cost.set(item, { pages: 0, bytes: 0 });
      else if (paired.has(item)) {
        cost.set(item, { pages: 0, bytes: 0 });
        cost.get(last!)!.bytes += item.bytes;
      } else cost.set(item, { pages: item.pages, bytes: item.bytes });
      if (!item.seeAlso) last = item;
    }
  }
  const parts: PlanSection[][] = [];
  let current: PlanSection[] = [];
  let pages = 0;
  let bytes = 0;
  for (const s of sections) {
    let open: PlanSection | null = null;
    for (const item of s.items) {
      const c = cost.get(item)!;
      const over = pages + c.pages > limits.maxPages || bytes + c.bytes > limits.maxBytes;
      if (pages > 0 && (c.pages > 0 || c.bytes > 0) && over) {
        parts.push(current);
        current = [];
        pages = 0;
        bytes = 0;
        open = null;
      }
      if (!open) {
        open = { ...s, items: [] };
        current.push(open);
      }
      open.items.push(item);
      pages += c.pages;
      bytes += c.bytes;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Numbers the items' expected pages 1… through the volume. */
function number(sections: PlanSection[], photosPerPage: 1 | 2): number {
  let page = 1;
  for (const s of sections) {
    const paired = pairedWithPrevious(s.items, photosPerPage);
    for (const item of s.items) {
      if (item.seeAlso) {
        item.startPage = 0;
        item.endPage = 0;
      } else if (paired.has(item)) {
        item.startPage = page - 1;
        item.endPage = page - 1;
      } else {
        item.startPage = page;
        item.endPage = page + Math.max(1, item.pages) - 1;
        page = item.endPage + 1;
      }
    }
  }
  return page - 1;
}

/** Marks every later place of an item already bound earlier as a reference to its first place. */
function markReferences(sections: PlanSection[], first: Map<number, PlanItem>, refs: Map<PlanItem, PlanItem>): void {
  for (const s of sections) {
    for (const item of s.items) {
      const earlier = first.get(item.itemId);
      if (!earlier) first.set(item.itemId, item);
      else {
        // Filled in once every volume is numbered.
        item.seeAlso = { volume: 0, page: 0 };
        refs.set(item, earlier);
      }
    }
  }
}

function subtreeIds(tree: Tree, scope: VolumeScope): number[] {
  if (!scope.root) return tree.nodes.filter((n) => tree.live.has(n.id)).map((n) => n.id);
  if (scope.own) return [scope.root.id];
  const root = scope.root.id;
  return tree.nodes
    .filter((n) => tree.live.has(n.id) && (n.id === root || ancestors(tree, n.id).some((a) => a.id === root)))
    .map((n) => n.id);
}

/** The plan of a binding run: volumes in order, each with its sections and items. */
export function planBinding(db: Database, options: PlanOptions = {}): BindPlan {
  const systemId = options.systemId ?? defaultSystemId(db);
  if (systemId === null) throw new AppError('NOT_FOUND', '项目里还没有测评体系。请先导入测评体系，再装订成卷。');
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new AppError('INVALID_INPUT', `每卷页数上限“${maxPages}”无效，应为正整数（例如 300）。`);
  }
  const maxBytes = options.maxVolumeBytes ?? Number.POSITIVE_INFINITY;
  if (!(maxBytes > 0)) {
    throw new AppError('INVALID_INPUT', `每卷大小上限“${options.maxVolumeBytes}”无效，应大于 0（例如 50 MB）。`);
  }
  const linked = options.linkedItems ?? 'repeat';
  if (linked !== 'repeat' && linked !== 'reference') {
    throw new AppError('INVALID_INPUT', `多处关联材料的装订方式“${String(linked)}”无效，应为 repeat 或 reference。`);
  }
  const photosPerPage = options.photosPerPage ?? 1;
  if (photosPerPage !== 1 && photosPerPage !== 2) {
    throw new AppError('INVALID_INPUT', `每页照片数“${String(photosPerPage)}”无效，只能是 1 或 2。`);
  }
  // Room for the front matter and fonts, which the stored sizes do not include.
  const limits: Limits = { maxPages, maxBytes: Math.max(1, maxBytes - FRONT_MATTER_BYTES), photosPerPage };
  const firstPlace = new Map<number, PlanItem>();
  const refs = new Map<PlanItem, PlanItem>();
  const system = getSystem(db, systemId);
  const project = db.prepare('SELECT name, year FROM project WHERE id = 1').get() as
    { name: string; year: number } | undefined;
  const tree = treeOf(getIndicators(db, systemId));
  const items = itemsByIndicator(db, systemId);
  const volumes: VolumePlan[] = [];
  const empty: PlanIndicator[] = [];
  for (const scope of scopes(tree, options)) {
    if (scope.root && !tree.live.has(scope.root.id)) continue;
    const sections = sectionsOf(tree, scope, items);
    if (sections.length === 0) {
      if (scope.root && !scope.own) empty.push(brief(scope.root));
      continue;
    }
    if (linked === 'reference') markReferences(sections, firstPlace, refs);
    const title = scope.root ? labelOf(scope.root) : system.name;
    const parts = split(sections, limits);
    parts.forEach((partSections, i) => {
      const pageCount = number(partSections, photosPerPage);
      volumes.push({
        seq: volumes.length + 1,
        root: scope.root ? brief(scope.root) : null,
        title,
        part: i + 1,
        parts: parts.length,
        sections: partSections,
        itemCount: partSections.reduce((n, s) => n + s.items.filter((item) => !item.seeAlso).length, 0),
        pageCount,
        indicatorIds: subtreeIds(tree, scope),
      });
    });
  }
  const volumeOf = new Map<PlanItem, number>();
  for (const v of volumes) for (const s of v.sections) for (const item of s.items) volumeOf.set(item, v.seq);
  for (const [ref, earlier] of refs) ref.seeAlso = { volume: volumeOf.get(earlier)!, page: earlier.startPage };
  return {
    systemId,
    systemName: system.name,
    edition: system.edition,
    unitName: project?.name ?? '',
    year: project?.year ?? new Date().getFullYear(),
    volumes,
    empty,
    photosPerPage,
    linkedItems: linked,
  };
}
