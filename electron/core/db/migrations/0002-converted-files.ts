import type { Database } from 'better-sqlite3';

/**
 * Office files (doc/docx/wps/xls…) are kept as they came and converted once to PDF; the
 * PDF is stored like an original (by hash) and named here, so previews and binding never
 * convert again. page_texts holds the text of each page for search (filled where a text
 * layer exists; OCR can fill it later for scans).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE material_files ADD COLUMN converted_sha256 TEXT REFERENCES blobs(sha256);

    CREATE TABLE page_texts (
      sha256 TEXT NOT NULL,
      page INTEGER NOT NULL,
      text TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT 'pdf',
      PRIMARY KEY (sha256, page)
    ) STRICT;
  `);
}
