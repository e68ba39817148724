import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { GAP_STATUS_LABELS, type GapResult, type GapStatus } from '../../../shared/gaps/model';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../pdf/cjk-font';
import { wrapText } from '../pdf/text-wrap';
import type { GapReportRow } from './gap-workbook';

/*
 * The gap report as a printable A4 PDF: title and totals, then each indicator with its
 * findings, with who is responsible; "第 n 页 共 m 页" at the foot of every page.
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { left: 56, right: 48, top: 56, bottom: 56 };
const COLOURS: Record<GapStatus, [number, number, number]> = {
  complete: [0.16, 0.5, 0.2],
  partial: [0.75, 0.45, 0.05],
  missing: [0.75, 0.1, 0.1],
  none: [0.45, 0.45, 0.45],
};

type Meta = { unitName: string; systemName: string; window: string; generatedAt: string };

export async function gapReportPdf(result: GapResult, rows: GapReportRow[], meta: Meta): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`查漏补缺报告 - ${meta.systemName}`);
  doc.setAuthor(meta.unitName);
  doc.setSubject(meta.systemName);
  doc.setCreator('台账通');
  doc.setProducer('台账通');
  // A fixed date: the same project state gives the same file.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const s = result.summary;
  const totals = `末级指标：齐全 ${s.complete}，部分 ${s.partial}，缺失 ${s.missing}，无要求 ${s.none}；问题 ${rows.length} 条`;
  // Every character drawn must be in the subset: the fixed words, the totals, and the data.
  const allText = [
    '查漏补缺报告单位测评体系期间生成时间第页共收集人审核人责任单位未指定：，（）【】· 0123456789',
    ...Object.values(GAP_STATUS_LABELS),
    totals,
    ...Object.values(meta),
    ...rows.flatMap((r) => [r.code, r.title, r.message, r.collector, r.reviewer, r.unit]),
  ].join('');
  const font = await embedCjkFont(doc, allText, cjkFontFile('regular'));
  const bold = await embedCjkFont(doc, allText, cjkFontFile('bold'));

  const width = A4[0] - MARGIN.left - MARGIN.right;
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN.top;
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN.bottom) newPage();
  };
  const line = (text: string, f: PDFFont, size: number, indent = 0, colour: [number, number, number] = [0, 0, 0]) => {
    for (const l of wrapText(text, f, size, width - indent)) {
      ensure(size * 1.5);
      page.drawText(l, { x: MARGIN.left + indent, y: y - size, size, font: f, color: rgb(...colour) });
      y -= size * 1.55;
    }
  };

  newPage();
  line('查漏补缺报告', bold, 20);
  y -= 6;
  line(`单位：${meta.unitName}`, font, 10.5);
  line(`测评体系：${meta.systemName}`, font, 10.5);
  line(`测评期间：${meta.window}    生成时间：${meta.generatedAt}`, font, 10.5);
  y -= 4;
  line(totals, bold, 11);
  y -= 8;

  let current = '';
  for (const r of rows) {
    const key = `${r.code} ${r.title}`;
    if (key !== current) {
      current = key;
      y -= 4;
      ensure(40);
      line(`${key}【${GAP_STATUS_LABELS[r.status]}】`, bold, 11, 0, COLOURS[r.status]);
      const who = [
        `收集人：${r.collector || '未指定'}`,
        `审核人：${r.reviewer || '未指定'}`,
        r.unit ? `责任单位：${r.unit}` : '',
      ]
        .filter(Boolean)
        .join('    ');
      line(who, font, 9, 12, [0.35, 0.35, 0.35]);
    }
    line(`· ${r.message}`, font, 10, 12);
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const text = `第 ${i + 1} 页 共 ${pages.length} 页`;
    const w = font.widthOfTextAtSize(text, 9);
    p.drawText(text, { x: (A4[0] - w) / 2, y: 30, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
  });
  return saveWithCjkFonts(doc, { useObjectStreams: true });
}
