import type { PDFArray } from 'pdf-lib';
import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

/*
 * What makes a bound volume navigable, written as plain PDF objects (pdf-lib has no API for
 * them): bookmarks, page labels matching the stamped numbers, index rows that link to their
 * page, and opening with the bookmarks panel at 100 %.
 */

/** Jump to a page keeping the reader's zoom. */
function destination(doc: PDFDocument, page: PDFPage): PDFArray {
  return doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]);
}

/** Text strings (titles, labels) as UTF-16: Chinese survives every viewer. */
const text = (s: string) => PDFHexString.fromText(s);

export type OutlineNode = { title: string; page: PDFPage; children: OutlineNode[] };

/** Writes the outline; every entry open, so the panel shows sections with their items. */
export function writeOutline(doc: PDFDocument, nodes: OutlineNode[]): void {
  if (nodes.length === 0) return;
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const count = (list: OutlineNode[]): number => list.reduce((n, c) => n + 1 + count(c.children), 0);
  const writeLevel = (list: OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((node, i) => {
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), text(node.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), destination(doc, node.page));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (node.children.length > 0) {
        const { first, last } = writeLevel(node.children, refs[i]!);
        dict.set(PDFName.of('First'), first);
        dict.set(PDFName.of('Last'), last);
        dict.set(PDFName.of('Count'), PDFNumber.of(count(node.children)));
      }
      ctx.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]! };
  };
  const { first, last } = writeLevel(nodes, rootRef);
  ctx.assign(
    rootRef,
    ctx.obj({ Type: 'Outlines', First: first, Last: last, Count: PDFNumber.of(count(nodes)) }) as PDFDict,
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}

/** A run of pages sharing one labelling: a fixed prefix, optionally followed by numbers from `start`. */
export type LabelRange = { from: number; prefix?: string; numbered?: boolean; start?: number };

/** /PageLabels, so a viewer's page box shows 封面, 目录1, 1, 2 … 备考表 like the paper. */
export function writePageLabels(doc: PDFDocument, ranges: LabelRange[]): void {
  const ctx = doc.context;
  const nums: unknown[] = [];
  for (const r of ranges) {
    const dict = ctx.obj({}) as PDFDict;
    if (r.numbered) {
      dict.set(PDFName.of('S'), PDFName.of('D'));
      if (r.start !== undefined && r.start !== 1) dict.set(PDFName.of('St'), PDFNumber.of(r.start));
    }
    if (r.prefix) dict.set(PDFName.of('P'), text(r.prefix));
    nums.push(PDFNumber.of(r.from), dict);
  }
  const labels = ctx.obj({}) as PDFDict;
  labels.set(PDFName.of('Nums'), ctx.obj(nums as PDFDict[]));
  doc.catalog.set(PDFName.of('PageLabels'), ctx.register(labels));
}

/** A clickable area on `page` that jumps to `target` (an index row). */
export function addLink(
  doc: PDFDocument,
  page: PDFPage,
  rect: { x: number; y: number; width: number; height: number },
  target: PDFPage,
): void {
  const ctx = doc.context;
  const annot = ctx.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    Border: [0, 0, 0],
  }) as PDFDict;
  annot.set(PDFName.of('Dest'), destination(doc, target));
  annot.set(PDFName.of('P'), page.ref);
  page.node.addAnnot(ctx.register(annot));
}

/** Opens on the first page at 100 % with the bookmarks panel showing. */
export function setOpening(doc: PDFDocument): void {
  const first = doc.getPage(0);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  doc.catalog.set(
    PDFName.of('OpenAction'),
    doc.context.obj([first.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNumber.of(1)]),
  );
}

/**
 * Links inside a copied page that jump within its own source would drag the rest of that
 * source along (and point nowhere useful): they are removed before copying. Web links stay.
 */
export function dropInternalLinks(source: PDFDocument): void {
  for (const page of source.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const goTo = action?.get(PDFName.of('S')) === PDFName.of('GoTo');
      if (annot.has(PDFName.of('Dest')) || goTo) annots.remove(i);
    }
  }
}
