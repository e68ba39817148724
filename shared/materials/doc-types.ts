/*
 * The kinds of evidence offices file (DOMAIN.md "Evidence"), used as the default 类型 list
 * and guessed from a file's name: the user corrects it in batch when the guess is wrong.
 */

export const DOC_TYPES = [
  '方案',
  '通知',
  '制度',
  '会议记录',
  '照片',
  '总结',
  '简报',
  '宣传资料',
  '台账',
  '责任书',
  '问卷',
  '检查记录',
  '整改材料',
  '媒体报道',
  '证书',
  '其他',
] as const;

const BY_NAME: [RegExp, (typeof DOC_TYPES)[number]][] = [
  [/方案|计划|实施意见|工作要点/, '方案'],
  [/通知|通告|函|决定|批复|请示/, '通知'],
  [/制度|规定|办法|章程|守则|公约/, '制度'],
  [/会议记录|纪要|会议/, '会议记录'],
  [/总结|汇报|报告/, '总结'],
  [/简报|信息|通报|快报/, '简报'],
  [/倡议书|一封信|海报|横幅|展板|宣传/, '宣传资料'],
  [/台账|登记|花名册|名单|统计表|签到/, '台账'],
  [/责任书|责任状|承诺书/, '责任书'],
  [/问卷|调查表/, '问卷'],
  [/检查|督查|巡查/, '检查记录'],
  [/整改/, '整改材料'],
  [/报道|新闻|截图/, '媒体报道'],
  [/证书|奖状|表彰|荣誉/, '证书'],
];

/**
 * A first guess from the name. A picture is a 照片 whatever it shows ("会议照片" is a photo
 * of a meeting, not minutes); only a scan named as a document (通知、方案…) is that document.
 */
export function guessDocType(name: string, isImage: boolean): string {
  if (isImage && /照片|图片|相片|合影|现场/.test(name)) return '照片';
  for (const [re, type] of BY_NAME) if (re.test(name)) return type;
  return isImage ? '照片' : '';
}
