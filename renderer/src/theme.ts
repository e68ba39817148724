import type { ThemeConfig } from 'antd';
import { GAP_STATUS_LABELS, type GapStatus } from '../../shared/gaps/model';

/** A calm, slightly desaturated government-document blue. */
export const PRIMARY = '#1f5fbf';

export const FONT_FAMILY =
  '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Segoe UI", sans-serif';

/**
 * 查漏补缺 results, keyed like the checker's statuses. UI.md: status is always colour *and* a
 * symbol/word, never colour alone, so each entry carries the glyph and the label with it.
 */
export const GAP_STATUS: Record<GapStatus, { label: string; symbol: string; color: string }> = {
  complete: { label: GAP_STATUS_LABELS.complete, symbol: '●', color: '#2e8b57' },
  partial: { label: GAP_STATUS_LABELS.partial, symbol: '◐', color: '#d48806' },
  missing: { label: GAP_STATUS_LABELS.missing, symbol: '○', color: '#cf1322' },
  none: { label: GAP_STATUS_LABELS.none, symbol: '–', color: '#8c8c8c' },
};

export type { GapStatus };

/** Neutral surfaces of the main window. */
export const SURFACE = {
  page: '#f3f5f8',
  pane: '#ffffff',
  paneHeader: '#fafbfc',
  border: '#dde2ea',
  topBar: '#1c3f73',
  muted: '#8a94a6',
} as const;

export const antdTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorSuccess: GAP_STATUS.complete.color,
    colorWarning: GAP_STATUS.partial.color,
    colorError: GAP_STATUS.missing.color,
    fontFamily: FONT_FAMILY,
    // 14px text for readers who are often not young; density comes from tighter controls
    // and paddings instead (antd's compactAlgorithm would drop the text to 12px).
    fontSize: 14,
    controlHeight: 30,
    borderRadius: 4,
    colorBgLayout: SURFACE.page,
    colorBorderSecondary: SURFACE.border,
  },
  components: {
    Button: { fontWeight: 400 },
  },
};
