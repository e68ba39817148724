/*
 * The README's pictures of the main screens: small PNGs made from the screenshots the e2e
 * journeys save in test-results/ (npm run screenshots runs those journeys first). Palette PNGs
 * 960 px wide keep each picture well under 150 KB, so the repository stays small.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const ROOT = path.resolve(import.meta.dirname, '..');
const FROM = path.join(ROOT, 'test-results');
const TO = path.join(ROOT, 'docs', 'screenshots');

/** test-results name → docs name; the README links the docs names. */
export const SHOTS: Record<string, string> = {
  'journey-01-start.png': 'start.png',
  'journey-03-import-mapping.png': 'import.png',
  'journey-05-tree-editor.png': 'main.png',
  'journey-06-add-result.png': 'add-result.png',
  'journey-08-gaps.png': 'gaps.png',
  'journey-10-binder-preview.png': 'binder.png',
  'journey-11-binder-results.png': 'binder-results.png',
  'bad-input-report.png': 'bad-input.png',
  'backup-restore-dialog.png': 'restore.png',
};

async function main(): Promise<void> {
  const missing = Object.keys(SHOTS).filter((name) => !fs.existsSync(path.join(FROM, name)));
  if (missing.length) {
    console.error(`缺少截图：${missing.join('、')}。请先运行 npm run screenshots（它会先跑端到端测试）。`);
    process.exit(1);
  }
  fs.mkdirSync(TO, { recursive: true });
  for (const [from, to] of Object.entries(SHOTS)) {
    const out = path.join(TO, to);
    await sharp(path.join(FROM, from))
      .resize({ width: 960 })
      .png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 })
      .toFile(out);
    console.log(`${to}  ${Math.round(fs.statSync(out).size / 1024)} KB`);
  }
}

await main();
