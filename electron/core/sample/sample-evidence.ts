import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import type { MaterialPatch } from '../../../shared/materials/api-types';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../pdf/cjk-font';
import { wrapText } from '../pdf/text-wrap';
import { minimalDocx } from './minimal-docx';

/*
 * The sample's evidence, made up here: born-digital notices (红头), a landscape table,
 * photos with EXIF dates (one stored sideways with an EXIF turn), a meeting record
 * photographed page by page, and a Word file when LibreOffice can convert it.
 */

/** A made-up activity photo: sky, ground, a red banner and a row of people. */
async function activityPhoto(seed: number, exifDate: string, sideways = false): Promise<Buffer> {
  const w = 1600;
  const h = 1200;
  const people = Array.from({ length: 7 }, (_, i) => {
    const x = 260 + i * 180 + ((seed * 37 + i * 53) % 40);
    const shirt = ['#2f5d9e', '#c0392b', '#27ae60', '#8e44ad', '#d35400'][(seed + i) % 5];
    return `<circle cx="${x}" cy="700" r="48" fill="#e8c4a0"/><rect x="${x - 60}" y="750" width="120" height="230" rx="30" fill="${shirt}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb2e5"/><stop offset="1" stop-color="#d9ecfa"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#sky)"/>
    <rect y="${h * 0.62}" width="${w}" height="${h * 0.38}" fill="#9a9a8a"/>
    <rect x="${200 + (seed % 5) * 20}" y="260" width="1200" height="150" fill="#c62828"/>
    <rect x="${240 + (seed % 5) * 20}" y="300" width="1120" height="70" fill="#f5d76e" opacity="0.35"/>
    ${people}
  </svg>`;
  let img = sharp(Buffer.from(svg));
  // Stored turned a quarter anticlockwise with EXIF orientation 6 ("turn right to view"), as phones do.
  if (sideways) img = sharp(await img.rotate(270).png().toBuffer());
  img = img
    .jpeg({ quality: 82 })
    .withExif({ IFD0: { Make: 'Demo', Model: 'Phone' }, IFD2: { DateTimeOriginal: exifDate } });
  if (sideways) img = img.withMetadata({ orientation: 6 });
  return img.toBuffer();
}

/** A handwritten-looking page of a meeting record, photographed (A4 at 150 dpi). */
async function recordPage(page: number): Promise<Buffer> {
  const w = 1240;
  const h = 1754;
  const lines = Array.from({ length: 26 }, (_, i) => {
    const len = 640 + ((page * 131 + i * 71) % 290);
    return `<rect x="150" y="${330 + i * 52}" width="${i % 7 === 6 ? len / 2 : len}" height="7" rx="3" fill="#2b3a67" opacity="0.75"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#f3efe4"/>
    <rect x="120" y="120" width="${w - 240}" height="${h - 240}" fill="#fffdf6"/>
    ${page === 1 ? `<rect x="420" y="180" width="400" height="26" fill="#2b3a67"/>` : ''}
    ${lines}
    <rect x="${w / 2 - 30}" y="${h - 200}" width="60" height="14" fill="#555"/>
  </svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 80 })
    .withExif({ IFD2: { DateTimeOriginal: '2025:10:12 16:40:00' } })
    .toBuffer();
}

type Doc = { header?: string; docNo?: string; title: string; paragraphs: string[]; pages?: number };

/** A born-digital A4 notice with Chinese text (红头 when it has a header). */
async function noticePdf(d: Doc): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const all = [d.header, d.docNo, d.title, ...d.paragraphs].join('') + '第页共';
  const font = await embedCjkFont(doc, all, cjkFontFile('regular'));
  const bold = await embedCjkFont(doc, all, cjkFontFile('bold'));
  const W = 595.28;
  const H = 841.89;
  const left = 80;
  const width = W - left - 75;
  let page = doc.addPage([W, H]);
  let y = H - 90;
  const centre = (text: string, size: number, f = bold, colour = rgb(0, 0, 0)) => {
    page.drawText(text, { x: (W - f.widthOfTextAtSize(text, size)) / 2, y, size, font: f, color: colour });
  };
  if (d.header) {
    centre(d.header, 30, bold, rgb(0.8, 0.1, 0.1));
    y -= 40;
    if (d.docNo) centre(d.docNo, 12, font);
    y -= 14;
    page.drawLine({ start: { x: left, y }, end: { x: W - 75, y }, thickness: 2, color: rgb(0.8, 0.1, 0.1) });
    y -= 50;
  }
  for (const line of wrapText(d.title, bold, 18, width)) {
    centre(line, 18);
    y -= 30;
  }
  y -= 10;
  const perPage = Math.ceil(d.paragraphs.length / (d.pages ?? 1));
  d.paragraphs.forEach((p, i) => {
    if (i > 0 && i % perPage === 0) {
      page = doc.addPage([W, H]);
      y = H - 90;
    }
    wrapText(p, font, 13, width - 26).forEach((line, k) => {
      page.drawText(line, { x: left + (k === 0 ? 26 : 0), y, size: 13, font });
      y -= 24;
    });
    y -= 6;
  });
  doc.setTitle(d.title);
  doc.setCreationDate(new Date('2025-09-01T00:00:00Z'));
  return Buffer.from(await saveWithCjkFonts(doc, { useObjectStreams: true }));
}

/** A landscape table (成员分工表): a page that must stay landscape and readable. */
async function landscapeTablePdf(): Promise<Buffer> {
  const rows = [
    ['职务', '姓名', '单位及职务', '分工'],
    ['组长', '吴明', '街道党工委书记', '全面负责创建工作'],
    ['副组长', '李强', '街道办事处主任', '协助组长，负责日常调度'],
    ['成员', '张丽', '街道文明办主任', '台账资料收集与审核'],
    ['成员', '王芳', '街道宣传办干事', '宣传报道与信息报送'],
    ['成员', '陈刚', '街道城管科科长', '市容环境整治'],
    ['成员', '赵敏', '社区事务办主任', '社区创建工作指导'],
  ];
  const title = '示例街道创建全国文明城市工作领导小组成员分工表';
  const doc = await PDFDocument.create({ updateMetadata: false });
  const all = title + rows.flat().join('');
  const font = await embedCjkFont(doc, all, cjkFontFile('regular'));
  const bold = await embedCjkFont(doc, all, cjkFontFile('bold'));
  const [W, H] = [841.89, 595.28];
  const page = doc.addPage([W, H]);
  page.drawText(title, { x: (W - bold.widthOfTextAtSize(title, 18)) / 2, y: H - 70, size: 18, font: bold });
  const widths = [90, 90, 220, 340];
  const x0 = (W - widths.reduce((a, b) => a + b, 0)) / 2;
  let y = H - 110;
  for (const [r, row] of rows.entries()) {
    let x = x0;
    row.forEach((cell, c) => {
      page.drawRectangle({ x, y: y - 40, width: widths[c]!, height: 40, borderColor: rgb(0, 0, 0), borderWidth: 0.8 });
      page.drawText(cell, { x: x + 10, y: y - 26, size: 13, font: r === 0 ? bold : font });
      x += widths[c]!;
    });
    y -= 40;
  }
  doc.setCreationDate(new Date('2025-08-16T00:00:00Z'));
  return Buffer.from(await saveWithCjkFonts(doc, { useObjectStreams: true }));
}

/** One generated file, the indicators it goes to (by code) and the metadata a user would type. */
export type Evidence = {
  file: string;
  bytes: Buffer;
  codes: string[];
  patch: MaterialPatch;
};

/** Every sample file: `items` one item each, `record` the three photographed pages of one meeting record. */
export async function sampleEvidence(office: boolean): Promise<{ items: Evidence[]; record: Buffer[] }> {
  const leadNotice = await noticePdf({
    header: '示例街道办事处文件',
    docNo: '示街发〔2025〕12号',
    title: '关于成立示例街道创建全国文明城市工作领导小组的通知',
    pages: 2,
    paragraphs: [
      '各社区居委会、街道各科室：',
      '为加强对创建全国文明城市工作的组织领导，经街道党工委研究，决定成立示例街道创建全国文明城市工作领导小组。现将有关事项通知如下。',
      '一、领导小组由街道党工委书记任组长，办事处主任任副组长，各科室负责人为成员，统筹推进辖区创建工作。',
      '二、领导小组下设办公室，设在街道文明办，负责日常联络、督查通报和台账资料的收集整理。',
      '三、各社区要明确一名创建工作联络员，按月报送工作进展，确保各项测评指标落实到位。',
      '四、领导小组每季度召开一次工作会议，研究解决创建工作中的重点难点问题。',
      '特此通知。',
      '示例街道办事处　2025年8月15日',
    ],
  });
  const briefing = await noticePdf({
    title: '道德讲堂活动简报（第3期）',
    paragraphs: [
      '10月18日上午，示例街道在新时代文明实践站举办“孝老爱亲”主题道德讲堂，社区居民、志愿者共60余人参加。',
      '活动通过唱歌曲、学模范、诵经典、谈体会、送吉祥五个环节，讲述身边好人的感人故事，引导居民崇德向善。',
      '参加活动的居民纷纷表示，要向身边好人学习，从小事做起，弘扬文明新风。',
    ],
  });
  const plan = await noticePdf({
    header: '示例街道办事处文件',
    docNo: '示街发〔2025〕20号',
    title: '关于开展学雷锋志愿服务月活动的实施方案',
    paragraphs: [
      '为弘扬雷锋精神，推动志愿服务常态化，结合街道实际，制定本方案。',
      '一、活动时间：2026年3月1日至3月31日。',
      '二、活动内容：开展环境清洁、关爱老人、文明交通劝导、政策宣讲等志愿服务。',
      '三、工作要求：各社区要精心组织，做好活动记录和照片留存，活动结束后报送总结。',
    ],
  });
  const items: Evidence[] = [
    {
      file: '关于成立创建工作领导小组的通知.pdf',
      bytes: leadNotice,
      codes: ['A1.1.1'],
      patch: { docNo: '示街发〔2025〕12号', responsible: '示例街道办事处', date: '2025-08-15', type: '通知' },
    },
    {
      file: '领导小组成员分工表.pdf',
      bytes: await landscapeTablePdf(),
      codes: ['A1.1.1'],
      patch: { responsible: '示例街道文明办', date: '2025-08-16', type: '台账' },
    },
    {
      file: '领导小组第三季度会议照片.jpg',
      bytes: await activityPhoto(1, '2025:10:12 15:20:00'),
      codes: ['A1.1.2'],
      patch: {
        responsible: '示例街道文明办',
        type: '照片',
        caption: {
          time: '2025年10月12日',
          place: '街道三楼会议室',
          people: '吴明、李强及领导小组成员',
          subject: '召开创建工作领导小组第三季度会议',
        },
      },
    },
    {
      file: '道德讲堂活动简报.pdf',
      bytes: briefing,
      codes: ['A2.3.2', 'A2.1.2'],
      patch: { responsible: '示例街道宣传办', date: '2025-10-18', type: '简报' },
    },
    {
      file: '道德讲堂现场照片.jpg',
      bytes: await activityPhoto(2, '2025:10:18 09:40:00'),
      codes: ['A2.3.2'],
      patch: {
        responsible: '示例街道宣传办',
        type: '照片',
        caption: {
          time: '2025年10月18日',
          place: '新时代文明实践站',
          people: '社区居民、志愿者60余人',
          subject: '“孝老爱亲”主题道德讲堂',
        },
      },
    },
    {
      file: '道德讲堂合影（手机竖拍）.jpg',
      bytes: await activityPhoto(3, '2025:10:18 11:05:00', true),
      codes: ['A2.3.2'],
      patch: {
        responsible: '示例街道宣传办',
        type: '照片',
        caption: {
          time: '2025年10月18日',
          place: '新时代文明实践站门前',
          people: '参加道德讲堂的居民代表',
          subject: '活动结束后合影留念',
        },
      },
    },
    {
      file: '学雷锋志愿服务月实施方案.pdf',
      bytes: plan,
      codes: ['A4.2.1'],
      patch: { docNo: '示街发〔2025〕20号', responsible: '示例街道办事处', date: '2026-02-20', type: '方案' },
    },
    {
      file: '学雷锋志愿服务照片.jpg',
      bytes: await activityPhoto(4, '2026:03:05 10:10:00'),
      codes: ['A4.2.1'],
      patch: {
        responsible: '示例街道团工委',
        type: '照片',
        caption: {
          time: '2026年3月5日',
          place: '幸福社区',
          people: '街道青年志愿者',
          subject: '学雷锋日清扫楼道、慰问独居老人',
        },
      },
    },
    {
      file: '重复发送的照片.jpg',
      bytes: await activityPhoto(5, '2026:03:05 10:12:00'),
      codes: ['A4.2.1'],
      patch: { type: '照片' },
    },
  ];
  if (office) {
    items.push({
      file: '2026年创建工作实施方案.docx',
      bytes: minimalDocx(
        [
          '示例街道2026年创建全国文明城市工作实施方案',
          '一、指导思想：以社会主义核心价值观为引领，坚持为民利民惠民，推动创建工作常态长效。',
          '二、工作目标：测评指标全面达标，群众满意度明显提升，台账资料规范完整。',
          '三、主要任务：加强组织领导，完善工作机制，深化思想道德建设，提升城市环境品质。',
          '四、保障措施：落实工作责任，强化督查考核，加大宣传力度。',
        ],
        { halfPoints: 28 },
      ),
      codes: ['A1.2.1'],
      patch: { responsible: '示例街道办事处', date: '2026-01-10', type: '方案' },
    });
  }
  const record = await Promise.all([1, 2, 3].map(recordPage));
  return { items, record };
}
