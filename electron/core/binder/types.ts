import type { Caption } from '../../../shared/materials/api-types';
import type { ProgressUpdate } from '../jobs/job-manager';

/*
 * The binder's plain data: what a binding plan holds (the index preview the UI shows before
 * building), the options of a run, and what a run reports. Field names of BindResult are
 * the CLI's public JSON (issue 6): volumes[].{file,pages,bytes,index[].{code,title,itemId,
 * startPage,endPage}}; more fields may be added, none renamed.
 */

/** How volumes are cut: one per top-level indicator, per second-level one, or one for the whole system. */
export type BindBy = 'top' | 'second' | 'all';

/** Where stamped page numbers go. `outer-*`: the outer corner (right on front pages, left on back pages when duplex). */
export type NumberPosition = 'outer-top' | 'outer-bottom' | 'bottom-center';

export type PlanOptions = {
  /** The system to bind (default: the project's first). */
  systemId?: number;
  by?: BindBy;
  /** Bind exactly these indicators (each with its subtree) as one volume each; overrides `by`. */
  indicatorIds?: number[];
  /** Item pages per volume before a volume is split at an item boundary (default 300). */
  maxPages?: number;
  /**
   * Also split a volume at an item boundary before its files would pass this many bytes
   * (estimated from the stored files' sizes); undefined: no size split.
   */
  maxVolumeBytes?: number;
  /**
   * An item linked to several indicators: `repeat` (default) binds it in every section;
   * `reference` binds it at its first place in binding order and lists it elsewhere in the
   * 卷内目录 (and on dividers) as 见第X卷第Y页, X being the volume's number in the run.
   */
  linkedItems?: LinkedItems;
  /**
   * 2: consecutive single-image photo items of a section share an A4 page, one above the
   * other, each with its caption (default 1). In the plan because it changes the numbering.
   */
  photosPerPage?: 1 | 2;
};

export type LinkedItems = 'repeat' | 'reference';

export type LayoutOptions = {
  /** Printed on both sides (default true): back pages mirror the binding margin and the number corner. */
  duplex?: boolean;
  numberPosition?: NumberPosition;
  /** Binding margin in millimetres (default 25) kept free of content on the binding edge. */
  bindingMarginMm?: number;
  /** A font file for all text (e.g. C:\Windows\Fonts\simfang.ttf); default 黑体 on Windows, else bundled Noto Sans SC. */
  fontFile?: string | null;
  /** 保管期限 on the cover (default 定期10年). */
  retention?: string;
  /** 立卷人 / 检查人 on the 备考表. */
  filer?: string;
  checker?: string;
  /** 立卷时间, YYYY-MM-DD (default: today). Also the day gap findings are checked for. */
  date?: string;
  /** 档号 prefix, e.g. "Z001-WS·2026-D10"; the volume's number is appended. Empty: no 档号. */
  archiveCode?: string;
  /** A divider page (code, title, 测评内容, 材料要求, the items that follow) before each indicator's items. */
  dividers?: boolean;
  /** Warn when a volume is larger than this many bytes (default 100 MB). */
  sizeLimitBytes?: number;
  /** Also write 卷脊.pdf with a spine label per volume, this wide (mm): 20, 30, 40 or 50; 0/undefined: none. */
  spineWidthMm?: number;
};

export type BindOptions = PlanOptions &
  LayoutOptions & {
    outDir: string;
    signal?: AbortSignal;
    onProgress?: (update: ProgressUpdate) => void;
  };

/** One stored file of an item, as bound: the converted copy when there is one. */
export type PlanFile = {
  fileId: number;
  /** The stored blob that is read (converted copy for Office/encrypted PDF/HEIC). */
  sha256: string;
  mime: string;
  originalName: string;
  /** The user's quarter turn, degrees clockwise. */
  rotation: number;
  pageCount: number;
  /** Size of the stored blob that is read, the estimate of what it adds to a volume. */
  bytes: number;
};

export type PlanItem = {
  itemId: number;
  title: string;
  titleMadeUp: boolean;
  docNo: string;
  responsible: string;
  /** YYYY-MM-DD or null. */
  date: string | null;
  type: string;
  note: string;
  caption: Caption;
  files: PlanFile[];
  /** Pages as recorded in the database (the real count is known once the files are read). */
  pages: number;
  /** Stamped numbers this item is expected to get (preview); 0 for a reference (seeAlso). */
  startPage: number;
  endPage: number;
  /** Sum of the files' bytes (the size-split estimate). */
  bytes: number;
  /**
   * Set when linkedItems is 'reference' and the item is bound at an earlier place: it is
   * listed here, not bound, as 见第 volume 卷第 page 页 (volume: the seq of that volume;
   * page: its expected start page there, the real one once built).
   */
  seeAlso: SeeAlso | null;
};

export type SeeAlso = { volume: number; page: number };

export type PlanIndicator = { id: number; code: string; title: string };

/** The items linked directly to one indicator, under the headings of its ancestors inside the volume. */
export type PlanSection = {
  indicator: PlanIndicator & { content: string; requirement: string };
  /** Ancestors between the volume's root (excluded) and this indicator (excluded), top first. */
  trail: PlanIndicator[];
  items: PlanItem[];
};

export type VolumePlan = {
  /** Position in the run, 1-based (file names sort in this order). */
  seq: number;
  /** The indicator the volume is for; null when the whole system is one volume. */
  root: PlanIndicator | null;
  /** 案卷题名. */
  title: string;
  /** 第 part 卷 共 parts 卷 of this title. */
  part: number;
  parts: number;
  sections: PlanSection[];
  /** Items bound in the volume (references not counted). */
  itemCount: number;
  /** Item pages expected (front matter and 备考表 not included). */
  pageCount: number;
  /** Indicator ids whose open gap findings belong in this volume's 备考表 (the root's subtree). */
  indicatorIds: number[];
};

export type BindPlan = {
  systemId: number;
  systemName: string;
  edition: string;
  /** 全宗名称: the unit the project belongs to. */
  unitName: string;
  year: number;
  volumes: VolumePlan[];
  /** Volumes with nothing to bind (no items linked), by indicator. */
  empty: PlanIndicator[];
  /** As planned (the builder pairs photos by the same rule). */
  photosPerPage: 1 | 2;
  linkedItems: LinkedItems;
};

export type IndexEntry = { code: string; title: string; itemId: number; startPage: number; endPage: number };

/** A 卷内目录 row pointing to where the item is bound (linkedItems 'reference'): 见第 volume 卷第 page 页. */
export type ReferenceEntry = { code: string; title: string; itemId: number; volume: number; page: number };

export type BindProblem = {
  itemId: number;
  title: string;
  /** The file that could not be read ('' when the item as a whole failed). */
  file: string;
  message: string;
  /** The volume file it was left out of. */
  volume: string;
};

export type BoundVolume = {
  /** Position in the run (the NN of the file name; the X of 见第X卷第Y页). */
  seq: number;
  file: string;
  /** Pages in the file (front matter, item pages, 备考表). */
  pages: number;
  bytes: number;
  index: IndexEntry[];
  title: string;
  part: number;
  parts: number;
  /** Stamped (item) pages. */
  itemPages: number;
  /** Rows of the 卷内目录 that refer to an item bound elsewhere (not in `index`). */
  references: ReferenceEntry[];
};

export type BindResult = {
  volumes: BoundVolume[];
  problems: BindProblem[];
  /** Chinese sentences: a volume over the size limit, indicators with nothing to bind … */
  warnings: string[];
  /** 卷脊.pdf when asked for. */
  spine?: string;
};
