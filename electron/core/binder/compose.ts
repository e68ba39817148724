import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../pdf/cjk-font';
import { wrapText } from '../pdf/text-wrap';
import type { Project } from '../project/project';
import {
  coverText,
  dividerText,
  drawCover,
  drawDivider,
  drawIndex,
  drawNotes,
  FIXED_TEXT,
  indexPageCount,
  indexText,
  notesText,
  type CoverModel,
  type DividerModel,
  type Fonts,
  type IndexModel,
  type IndexRow,
  type NotesModel,
} from './front-matter';
import { addItemPages, addPhotoPair, type ItemPage, type ItemPagesResult } from './item-pages';
import { A4_PORTRAIT, fromDisplay, numberOrigin, type FrameOptions } from './page-frame';
import { aheadPages, ImagePreparer } from './image-ahead';
import { Prefetcher } from './prefetch';
import { appendContent, textContent } from './raw-content';
import { setOpening, writeOutline, writePageLabels, type LabelRange, type OutlineNode } from './pdf-structure';
import { labelOf, pairedWithPrevious } from './plan';
import type { BindPlan, IndexEntry, PlanItem, PlanSection, ReferenceEntry, SeeAlso, VolumePlan } from './types';

/*
 * One volume, in two passes. First the items: pages copied or laid out in order, each
 * given its stamped number, while unreadable files are noted. Then, with every string of
 * the volume known (problems included), the font is cut to those characters once and all
 * text is drawn: numbers, captions, cover, 卷内目录 (its rows linking to their pages),
 * 备考表; then bookmarks, page labels, metadata. Nothing depends on the clock or chance,
 * so the same project state gives the same bytes.
 *
 * A planned reference (linkedItems 'reference') is not bound: its row says 见第X卷第Y页 with
 * the page its first place really got, from `boundAt`, which every volume fills as it binds
 * (the plan's page is only an estimate: a file may turn out unreadable or longer).
 */

export type VolumeSettings = FrameOptions & {
  fontFile: string | null;
  retention: string;
  filer: string;
  checker: string;
  /** 立卷时间 and the day gap findings are as of, YYYY-MM-DD. */
  date: string;
  archiveCode: string;
  dividers: boolean;
};

/** Open gap findings per indicator id, already as sentences. */
export type Findings = Map<number, { label: string; messages: string[] }>;

export type ComposeContext = {
  project: Project;
  plan: BindPlan;
  settings: VolumeSettings;
  findings: Findings;
  imageCache: string;
  signal?: AbortSignal;
  onPage?: () => void;
  /**
   * Where each item was first bound in this run (volume seq, real start page): read for
   * reference rows, added to for items bound here. Shared by the volumes of one run.
   */
  boundAt?: Map<number, SeeAlso>;
};

export type ComposedVolume = {
  bytes: Uint8Array;
  pages: number;
  itemPages: number;
  index: IndexEntry[];
  /** Rows pointing to an item bound elsewhere. */
  references: ReferenceEntry[];
  problems: { itemId: number; title: string; file: string; message: string }[];
};

type Bound = { section: PlanSection; item: PlanItem; pages: ItemPage[] };
type Reference = { section: PlanSection; item: PlanItem; ref: SeeAlso };
/** A 卷内目录 row: an item bound here, or a pointer to where it is bound. */
type Row = Bound | Reference;

const isBound = (r: Row): r is Bound => 'pages' in r;
const seeText = (ref: SeeAlso) => `见第${ref.volume}卷第${ref.page}页`;

const NUMBER_SIZE = 10.5;
const CAPTION_SIZE = 10.5;

/** 2025-09-15 → 20250915 (the 8-digit 日期 of 卷内目录). */
export const eightDigits = (date: string | null): string => (date ? date.replace(/-/g, '').slice(0, 8) : '');

const printedTitle = (item: PlanItem) => (item.titleMadeUp ? `[${item.title}]` : item.title);

function span(dates: string[]): string {
  const months = dates.map((d) => d.slice(0, 7)).sort();
  if (months.length === 0) return '';
  const fmt = (m: string) => `${m.slice(0, 4)}年${m.slice(5, 7)}月`;
  const [first, last] = [months[0]!, months.at(-1)!];
  return first === last ? fmt(first) : `${fmt(first)}—${fmt(last)}`;
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function indexModel(volume: VolumePlan, all: Row[], pageOf: Map<number, PDFPage>): IndexModel {
  const rows: IndexRow[] = [];
  let path: number[] = [];
  const lastBound = all.reduce((at, r, i) => (isBound(r) ? i : at), -1);
  let seq = 0;
  all.forEach((b, i) => {
    const chain = [...b.section.trail, b.section.indicator];
    // Headings for each level that changes from the previous row's path.
    let same = 0;
    while (same < chain.length && same < path.length && chain[same]!.id === path[same]) same++;
    if (same < chain.length || path.length !== chain.length) {
      for (let d = same; d < chain.length; d++) rows.push({ kind: 'heading', text: labelOf(chain[d]!), depth: d });
    }
    path = chain.map((c) => c.id);
    if (!isBound(b)) {
      // Not a 件 of this volume, so no 序号 (the last 序号 stays the cover's 件数) and no 页号.
      rows.push({
        kind: 'item',
        cells: [
          '',
          b.item.docNo,
          b.item.responsible,
          `${printedTitle(b.item)}（${seeText(b.ref)}）`,
          eightDigits(b.item.date),
          '',
          b.item.note,
        ],
        target: b.ref.volume === volume.seq ? (pageOf.get(b.ref.page) ?? null) : null,
      });
      return;
    }
    const first = b.pages[0]!.number;
    const last = b.pages.at(-1)!.number;
    const pages = i === lastBound && last !== first ? `${first}-${last}` : String(first);
    rows.push({
      kind: 'item',
      cells: [
        String(++seq),
        b.item.docNo,
        b.item.responsible,
        printedTitle(b.item),
        eightDigits(b.item.date),
        pages,
        b.item.note,
      ],
      target: b.pages[0]!.page,
    });
  });
  const volumeNo = `第 ${volume.part} 卷 共 ${volume.parts} 卷`;
  return { caption: `案卷题名：${volume.title}    ${volumeNo}`, rows };
}

function drawCaption(p: ItemPage, font: PDFFont): void {
  if (!p.caption) return;
  let y = p.caption.rect.y + p.caption.rect.height - CAPTION_SIZE;
  for (const line of wrapText(p.caption.text, font, CAPTION_SIZE, p.caption.rect.width)) {
    if (y < p.caption.rect.y) break;
    p.page.drawText(line, { x: p.caption.rect.x, y, size: CAPTION_SIZE, font });
    y -= CAPTION_SIZE * 1.6;
  }
}

function outline(bound: Bound[]): OutlineNode[] {
  const top: OutlineNode[] = [];
  const byId = new Map<number, OutlineNode>();
  for (const b of bound) {
    let level = top;
    for (const ind of [...b.section.trail, b.section.indicator]) {
      let node = byId.get(ind.id);
      if (!node || !level.includes(node)) {
        node = { title: labelOf(ind), page: b.pages[0]!.page, children: [] };
        byId.set(ind.id, node);
        level.push(node);
      }
      level = node.children;
    }
    level.push({ title: printedTitle(b.item), page: b.pages[0]!.page, children: [] });
  }
  return top;
}

export async function composeVolume(ctx: ComposeContext, volume: VolumePlan): Promise<ComposedVolume> {
  const { plan, settings } = ctx;
  const doc = await PDFDocument.create({ updateMetadata: false });

  // Pass 1: the items, numbered from 1 in order.
  const rows: Row[] = [];
  const bound: Bound[] = [];
  const problems: ComposedVolume['problems'] = [];
  const dividerPages: { page: PDFPage; section: PlanSection }[] = [];
  /** What each page after the front matter is: an item page (its number) or a divider. */
  const kinds: (number | 'divider')[] = [];
  let photos = 0;
  let next = 1;
  const prefetch = new Prefetcher(
    volume.sections.flatMap((s) =>
      s.items.filter((i) => !i.seeAlso).flatMap((i) => i.files.map((f) => ctx.project.store.pathOf(f.sha256))),
    ),
  );
  const itemContext = {
    project: ctx.project,
    doc,
    frame: settings,
    imageCache: ctx.imageCache,
    signal: ctx.signal,
    onPage: ctx.onPage,
    read: (file: string) => prefetch.read(file),
    images: new ImagePreparer(
      aheadPages(volume.sections, plan.photosPerPage, (sha) => ctx.project.store.pathOf(sha)),
      { cacheDir: ctx.imageCache, frame: settings, signal: ctx.signal },
    ),
  };
  const boundAt = ctx.boundAt ?? new Map<number, SeeAlso>();
  for (const section of volume.sections) {
    if (settings.dividers) {
      dividerPages.push({ page: doc.addPage([A4_PORTRAIT.width, A4_PORTRAIT.height]), section });
      kinds.push('divider');
    }
    const paired = pairedWithPrevious(section.items, plan.photosPerPage);
    /** The second photo of a pair, already on the first one's page, waiting for its turn in the list. */
    const laidOut = new Map<PlanItem, ItemPagesResult>();
    for (const [i, item] of section.items.entries()) {
      ctx.signal?.throwIfAborted();
      if (item.seeAlso) {
        const at = boundAt.get(item.itemId);
        // Its first place could not be read: like any unreadable item, it is not listed (the 备考表 there says why).
        if (at) rows.push({ section, item, ref: at });
        continue;
      }
      let res = laidOut.get(item);
      const partner = section.items.slice(i + 1).find((x) => !x.seeAlso);
      if (!res && partner && paired.has(partner)) {
        const pair = await addPhotoPair(itemContext, [item, partner], next);
        // Unreadable: both are bound one by one, so the reason is reported as usual.
        if (pair) {
          res = { pages: [pair[0]!], problems: [], photos: 1 };
          laidOut.set(partner, { pages: [pair[1]!], problems: [], photos: 1 });
          kinds.push(next);
          next += 1;
        }
      }
      if (!res) {
        res = await addItemPages(itemContext, item, next);
        for (const p of res.pages) kinds.push(p.number);
        next += res.pages.length;
      }
      for (const p of res.problems) problems.push({ itemId: item.itemId, title: item.title, ...p });
      if (res.pages.length === 0) continue;
      photos += res.photos;
      const b = { section, item, pages: res.pages };
      bound.push(b);
      rows.push(b);
      if (!boundAt.has(item.itemId)) boundAt.set(item.itemId, { volume: volume.seq, page: res.pages[0]!.number });
    }
  }
  // Work still queued is not needed (on a throw, what is ahead only finishes into the cache).
  itemContext.images.close();
  const itemPages = next - 1;

  // Pass 2: every string, then the font, then the text.
  const dates = bound.map((b) => b.item.date).filter((d): d is string => d !== null);
  const cover: CoverModel = {
    title: volume.title,
    archiveCode: settings.archiveCode ? `${settings.archiveCode}-${String(volume.seq).padStart(3, '0')}` : '',
    rows: [
      ['全宗名称', plan.unitName],
      ['类目名称', [plan.systemName, plan.edition].filter(Boolean).join(' ')],
      ['起止时间', span(dates)],
      ['保管期限', settings.retention],
      ['件数页数', `共 ${bound.length} 件，${itemPages} 页`],
      ['卷号', `第 ${volume.part} 卷 共 ${volume.parts} 卷`],
    ],
  };
  const pageOf = new Map<number, PDFPage>();
  for (const b of bound) for (const p of b.pages) if (!pageOf.has(p.number)) pageOf.set(p.number, p.page);
  const index = indexModel(volume, rows, pageOf);
  const gapLines = volume.indicatorIds.flatMap((id) => {
    const f = ctx.findings.get(id);
    return f ? f.messages.map((m) => `· ${f.label}：${m}`) : [];
  });
  const asOf = chineseDate(settings.date);
  const notes: NotesModel = {
    paragraphs: [
      `本卷共有文件材料 ${bound.length} 件，共 ${itemPages} 页，其中照片 ${photos} 张。`,
      ...(volume.parts > 1 ? [`《${volume.title}》共 ${volume.parts} 卷，本卷为第 ${volume.part} 卷。`] : []),
      ...(settings.dividers ? ['各指标材料前附有分隔页，分隔页不编页号。'] : []),
      ...(problems.length > 0
        ? [
            `以下 ${problems.length} 份文件未能装订（原件仍保存在项目中）：`,
            ...problems.map((p) => `· ${p.title}${p.file && p.file !== p.title ? `（${p.file}）` : ''}：${p.message}`),
          ]
        : []),
      ...(gapLines.length > 0
        ? [`截至${asOf}，查漏补缺发现本卷所涉指标尚有 ${gapLines.length} 条问题：`, ...gapLines]
        : [`截至${asOf}，查漏补缺未发现本卷所涉指标有未解决的问题。`]),
    ],
    more: (left) => `……另有 ${left} 条未列出，完整清单见装订报告和查漏补缺报告。`,
    fields: [
      ['立卷人', settings.filer],
      ['检查人', settings.checker],
      ['立卷时间', asOf],
    ],
  };
  const itemPagesList = bound.flatMap((b) => b.pages);
  // A divider lists what follows it, with the pages (items that could not be read are not there).
  const dividerModels: { page: PDFPage; model: DividerModel }[] = dividerPages.map(({ page, section }) => ({
    page,
    model: {
      heading: labelOf(section.indicator),
      content: section.indicator.content,
      requirement: section.indicator.requirement,
      items: rows
        .filter((b) => b.section === section)
        .map((b, i) => {
          if (!isBound(b)) return `${i + 1}. ${printedTitle(b.item)}（${seeText(b.ref)}）`;
          const first = b.pages[0]!.number;
          const last = b.pages.at(-1)!.number;
          return `${i + 1}. ${printedTitle(b.item)}（第 ${first === last ? first : `${first}-${last}`} 页）`;
        }),
    },
  }));
  const allText = [
    FIXED_TEXT,
    coverText(cover),
    indexText(index),
    notesText(notes),
    ...itemPagesList.map((p) => p.caption?.text ?? ''),
    ...dividerModels.map((d) => dividerText(d.model)),
  ].join('');
  const regularFile = cjkFontFile('regular', settings.fontFile);
  const regular = await embedCjkFont(doc, allText, regularFile);
  const boldFile = cjkFontFile('bold', settings.fontFile);
  const bold = boldFile === regularFile ? regular : await embedCjkFont(doc, allText, boldFile);
  const fonts: Fonts = { regular, bold };

  // Two photos on one page share it: one number, two captions.
  const stamped = new Set<PDFPage>();
  for (const p of itemPagesList) {
    if (stamped.has(p.page)) {
      drawCaption(p, regular);
      continue;
    }
    stamped.add(p.page);
    const label = String(p.number);
    const w = regular.widthOfTextAtSize(label, NUMBER_SIZE);
    const at = numberOrigin(p.frame, w, NUMBER_SIZE);
    const box = p.page.getMediaBox();
    const [x, y] = fromDisplay(p.rotation, box.width, box.height, at.x, at.y);
    appendContent(doc, p.page, textContent(p.page, regular, label, x, y, NUMBER_SIZE, p.rotation));
    drawCaption(p, regular);
  }
  for (const d of dividerModels) drawDivider(d.page, d.model, fonts);

  const indexPages = indexPageCount(index, fonts);
  const coverPage = drawCover(doc, 0, cover, fonts);
  const indexPageList = drawIndex(doc, 1, index, fonts);
  if (indexPageList.length !== indexPages) throw new Error('index pagination changed while drawing');
  const notesPage = drawNotes(doc, notes, fonts);

  writeOutline(doc, [
    { title: '封面', page: coverPage, children: [] },
    { title: '卷内目录', page: indexPageList[0]!, children: [] },
    ...outline(bound),
    { title: '卷内备考表', page: notesPage, children: [] },
  ]);
  const front = 1 + indexPages;
  const labels: LabelRange[] = [
    { from: 0, prefix: '封面' },
    { from: 1, prefix: '目录', numbered: true, start: 1 },
  ];
  kinds.forEach((k, i) => {
    const prev = i === 0 ? undefined : kinds[i - 1];
    if (k === 'divider') labels.push({ from: front + i, prefix: '分隔页' });
    else if (i === 0 || prev === 'divider') labels.push({ from: front + i, numbered: true, start: k });
  });
  labels.push({ from: front + kinds.length, prefix: '备考表' });
  writePageLabels(doc, labels);
  setOpening(doc);

  const when = new Date(`${settings.date}T00:00:00Z`);
  doc.setTitle(volume.parts > 1 ? `${volume.title}（第${volume.part}卷 共${volume.parts}卷）` : volume.title, {
    showInWindowTitleBar: true,
  });
  doc.setAuthor(plan.unitName);
  doc.setSubject(`${plan.systemName}${plan.edition ? `（${plan.edition}）` : ''}`);
  doc.setKeywords([...new Set(volume.sections.map((s) => s.indicator.code).filter(Boolean))]);
  doc.setCreator('台账通');
  doc.setProducer('台账通');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(when);
  doc.setModificationDate(when);

  const bytes = await saveWithCjkFonts(doc, { useObjectStreams: true, addDefaultPage: false });
  return {
    bytes,
    pages: doc.getPageCount(),
    itemPages,
    index: bound.map((b) => ({
      code: b.section.indicator.code,
      title: b.item.title,
      itemId: b.item.itemId,
      startPage: b.pages[0]!.number,
      endPage: b.pages.at(-1)!.number,
    })),
    references: rows
      .filter((r): r is Reference => !isBound(r))
      .map((r) => ({
        code: r.section.indicator.code,
        title: r.item.title,
        itemId: r.item.itemId,
        volume: r.ref.volume,
        page: r.ref.page,
      })),
    problems,
  };
}
