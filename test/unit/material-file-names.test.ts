import { describe, expect, it } from 'vitest';
import { dateFromName, parseDocNo, titleFromFileName } from '../../shared/materials/file-names';

describe('what a file name tells', () => {
  it.each([
    ['3.关于开展志愿服务活动的通知.docx', '关于开展志愿服务活动的通知', false],
    ['（三）创建工作领导小组会议记录.pdf', '创建工作领导小组会议记录', false],
    ['01-道德讲堂活动照片.JPG', '道德讲堂活动照片', false],
    ['二、工作方案 .doc', '工作方案', false],
    ['ＡＢＣ社区　宣传栏.png', 'ABC社区 宣传栏', false],
    ['IMG_20240315_093012.jpg', 'IMG 20240315 093012', true],
    ['微信图片_20240315101010.jpg', '微信图片 20240315101010', true],
  ])('%s → title %s', (name, title, madeUp) => {
    expect(titleFromFileName(name)).toEqual({ title, madeUp });
  });

  it.each([
    ['关于印发方案的通知（固卫字[2019]142号）', '固卫字[2019]142号'],
    ['文明办〔2020〕5号 通知', '文明办〔2020〕5号'],
    ['旬创办函字【2021】28号.pdf', '旬创办函字【2021】28号'],
    ['街道发(2022)3号', '街道发(2022)3号'],
    ['2024年工作总结', ''],
  ])('%s → 文号 %s', (text, no) => {
    expect(parseDocNo(text)).toBe(no);
  });

  it.each([
    ['IMG_20240315_093012.jpg', '2024-03-15'],
    ['活动照片2024.3.15.jpg', '2024-03-15'],
    ['2024-03-15 会议.pdf', '2024-03-15'],
    ['2024年3月5日志愿服务.docx', '2024-03-05'],
    ['scan_2024_11_02.pdf', '2024-11-02'],
    ['编号20241345.pdf', null],
    ['第12345678号', null],
    ['工作方案.docx', null],
  ])('%s → date %s', (name, date) => {
    expect(dateFromName(name)).toBe(date);
  });
});
