import * as XLSX from '@e965/xlsx';

/**
 * A minimal Word document (.docx), one paragraph per entry: the demo's "Word file to
 * convert" and the tests' Office fixture. `halfPoints` sets the text size (28 = 14 pt).
 */
export function minimalDocx(paragraphs: string[], options: { halfPoints?: number } = {}): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  const add = (name: string, text: string) => XLSX.CFB.utils.cfb_add(cfb, name, Buffer.from(text, 'utf8'));
  add(
    '/[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  add(
    '/_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const size = options.halfPoints ? `<w:rPr><w:sz w:val="${options.halfPoints}"/></w:rPr>` : '';
  const body = paragraphs.map((p) => `<w:p><w:r>${size}<w:t>${p}</w:t></w:r></w:p>`).join('');
  add(
    '/word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'zip' }) as Buffer;
}
