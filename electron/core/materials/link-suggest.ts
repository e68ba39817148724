import type { Database } from 'better-sqlite3';
import { toHalfWidth } from '../../../shared/systems/normalize';

/*
 * Offices often sort files into folders named after indicators ("A1.2 志愿服务", "5.3.2
 * 文化中心开放") or put a code in the file name. Those names suggest links; the user
 * confirms each one (a folder named 志愿服务 may hold photos for three indicators).
 */

export type LinkSuggestion = { materialId: number; indicatorId: number; by: 'code' | 'title'; matched: string };

type Indicator = { id: number; parentId: number | null; code: string; title: string };

const norm = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();

/**
 * The part of a stored source path a user named: files the browser uploaded sit in the
 * project's temp folder under upload-<uuid>/<n>/ (material-handlers' writeUploads), and those
 * names must not suggest anything ("…-a21f-…" looked like code A2).
 */
const UPLOAD_PREFIX = /^.*[\\/]upload-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[\\/]\d+[\\/]/i;
const userPart = (p: string) => p.replace(UPLOAD_PREFIX, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function suggestLinks(db: Database, materialIds: number[]): LinkSuggestion[] {
  const indicators = db
    .prepare(
      'SELECT id, parent_id AS parentId, code, title FROM indicators WHERE applicable = 1 ORDER BY system_id, sort',
    )
    .all() as Indicator[];
  // Longest codes first, so "A1.2.3" wins over "A1.2" in the same name.
  const byCode = indicators.filter((i) => i.code).sort((a, b) => b.code.length - a.code.length);
  const titled = indicators.filter((i) => norm(i.title).length >= 4);
  const paths = db.prepare('SELECT source_path FROM material_files WHERE material_id = ? ORDER BY position').pluck();
  const linked = db.prepare('SELECT indicator_id FROM material_links WHERE material_id = ?').pluck();
  const parentOf = new Map(indicators.map((i) => [i.id, i.parentId]));
  const ancestors = (id: number): number[] => {
    const up: number[] = [];
    for (let p = parentOf.get(id); p != null; p = parentOf.get(p)) up.push(p);
    return up;
  };
  const out: LinkSuggestion[] = [];
  for (const materialId of materialIds) {
    const already = new Set(linked.all(materialId) as number[]);
    const segments = (paths.all(materialId) as string[])
      .flatMap((p) => userPart(p).split(/[\\/]/).slice(-4))
      .map(toHalfWidth);
    const found = new Map<number, LinkSuggestion>();
    for (const seg of segments) {
      const code = byCode.find((i) =>
        new RegExp(`(^|[^A-Za-z0-9.])${escape(i.code)}(?![A-Za-z0-9]|\\.[0-9])`, 'i').test(seg),
      );
      if (code && !found.has(code.id))
        found.set(code.id, { materialId, indicatorId: code.id, by: 'code', matched: seg });
      const flat = norm(seg);
      for (const i of titled) {
        if (!found.has(i.id) && flat.includes(norm(i.title)))
          found.set(i.id, { materialId, indicatorId: i.id, by: 'title', matched: seg });
      }
    }
    // "A4 志愿服务/A4.2.1 学雷锋/照片.jpg" means A4.2.1: an indicator whose descendant is also
    // suggested is left out (evidence counts where it is linked, and the leaf is what is checked).
    const above = new Set([...found.keys()].flatMap((id) => ancestors(id)));
    for (const s of found.values()) if (!already.has(s.indicatorId) && !above.has(s.indicatorId)) out.push(s);
  }
  return out;
}
