import { DeleteOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { DOC_TYPES } from '../../../shared/materials/doc-types';
import {
  MATERIAL_STATUSES,
  STATUS_LABELS,
  type Caption,
  type Material,
  type MaterialPatch,
  type MaterialStatus,
} from '../../../shared/materials/api-types';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';
import { CaptionFields } from './CaptionFields';
import { LinkPicker } from './LinkPicker';
import { useUndo } from './use-undo';
import { MaterialHistory } from './MaterialHistory';
import { useReadOnly } from '../review/read-only';
import { MaterialPages, type PageFocus } from './MaterialPages';
import { TextField } from './TextField';

const DATE_SOURCES: Record<string, string> = {
  exif: '照片拍摄时间',
  filename: '文件名',
  pdf: 'PDF 创建日期',
  user: '手工填写',
};
const EDITABLE = ['title', 'responsible', 'docNo', 'date', 'type', 'classification', 'note', 'activity'] as const;
type Draft = Pick<Material, (typeof EDITABLE)[number] | 'caption'>;
/** The fields typed into a text box. */
type TextKey = 'title' | 'responsible' | 'docNo' | 'classification' | 'note' | 'activity';
/** Two fields side by side in an editor row. */
const HALF = { flex: 1 };

const draftOf = (m: Material): Draft =>
  ({ ...Object.fromEntries(EDITABLE.map((k) => [k, m[k]])), caption: m.caption }) as Draft;

/** The changed fields only; of the caption only the changed parts, which the core merges into the rest. */
function patchOf(material: Material, draft: Draft): MaterialPatch {
  const out: Record<string, unknown> = {};
  for (const k of EDITABLE) if (draft[k] !== material[k]) out[k] = draft[k];
  const caption = (Object.keys(draft.caption) as (keyof Caption)[]).filter(
    (k) => draft.caption[k] !== material.caption[k],
  );
  if (caption.length) out.caption = Object.fromEntries(caption.map((k) => [k, draft.caption[k]]));
  return out as MaterialPatch;
}

/** 照片说明 belongs to photos; an item is a photo when its first file is a picture. */
const isPhoto = (m: Material) => m.files[0]?.mime.startsWith('image/') ?? false;

type Props = {
  material: Material;
  indicators: IndicatorNode[];
  onChanged: () => void;
  /** A page to show large at once (a search hit's page). */
  openPage?: PageFocus;
};

/** Right pane for one item: its pages and files, description (题名、日期、文号、照片说明…), status, links, history, trash. */
export function MaterialDetail({ material, indicators, onChanged, openPage }: Props) {
  const { message } = App.useApp();
  const undoable = useUndo();
  const readOnly = useReadOnly();
  const [draft, setDraft] = useState<Draft>(draftOf(material));
  const [comment, setComment] = useState(material.statusComment);
  const [busy, setBusy] = useState(false);
  // Reset only when the saved description changed: turning or reordering a file reloads the
  // item too, and must not throw away what the user is typing.
  const saved = JSON.stringify(draftOf(material));
  useEffect(() => {
    setDraft(JSON.parse(saved) as Draft);
  }, [saved]);
  useEffect(() => {
    setComment(material.statusComment);
  }, [material.statusComment]);

  const patch = useMemo(() => patchOf(material, draft), [draft, material]);
  const dirty = Object.keys(patch).length > 0;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });
  /** A text field's label, value and setter, bound to one field of the draft. */
  const text = (k: TextKey, label: string) => ({ label, value: draft[k], onChange: (v: string) => set(k, v) });
  const byId = useMemo(() => new Map(indicators.map((n) => [n.id, n])), [indicators]);

  /** Does the work and says so; with `undo`, the message offers 撤销 for a few seconds. */
  const attempt = async (work: () => Promise<unknown>, done?: string, undo?: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      if (done && undo) undoable(done, undo, onChanged);
      else if (done) void message.success(done);
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const ids = [material.id];
  const suggested = useLinkSuggestions(material);
  const suggestions = readOnly ? [] : suggested;
  return (
    <div className="tz-editor tz-material-detail">
      <div className="tz-editor-scroll">
        <MaterialPages material={material} onChanged={onChanged} openPage={openPage} />
        <Form layout="vertical" size="small" className="tz-editor-form">
          <TextField {...text('title', '题名')} maxRows={3} />
          <div className="tz-editor-row">
            <Form.Item
              label="日期"
              style={HALF}
              extra={
                material.dateSource && draft.date === material.date
                  ? `来自${DATE_SOURCES[material.dateSource] ?? material.dateSource}`
                  : undefined
              }
            >
              <DatePicker
                value={draft.date ? dayjs(draft.date) : null}
                onChange={(d) => set('date', d ? d.format('YYYY-MM-DD') : null)}
                style={{ width: '100%' }}
                aria-label="日期"
              />
            </Form.Item>
            <Form.Item label="类型" style={HALF}>
              <Select
                value={draft.type || undefined}
                onChange={(v: string) => set('type', v)}
                options={DOC_TYPES.map((t) => ({ value: t, label: t }))}
                aria-label="类型"
                placeholder="选择类型"
              />
            </Form.Item>
          </div>
          <div className="tz-editor-row">
            <TextField {...text('docNo', '文号')} style={HALF} />
            <TextField {...text('responsible', '责任者')} style={HALF} />
          </div>
          <div className="tz-editor-row">
            <TextField {...text('activity', '活动')} style={HALF} placeholder="同一活动的材料填同一名称" />
            <TextField {...text('classification', '密级')} style={{ width: 90 }} />
          </div>
          <TextField {...text('note', '备注')} maxRows={4} />
          {isPhoto(material) && <CaptionFields value={draft.caption} onChange={(caption) => set('caption', caption)} />}
          <Form.Item label="整理状态">
            <Select<MaterialStatus>
              value={material.status}
              options={MATERIAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              onChange={(status) => {
                if (status === 'incomplete' && !comment.trim()) {
                  void message.warning('请先在下面写明还缺什么，再设为“待补充”');
                  return;
                }
                void attempt(
                  () => api.call('materials.setStatus', { ids, status, comment }),
                  `已设为“${STATUS_LABELS[status]}”`,
                );
              }}
              aria-label="整理状态"
            />
            <Input.TextArea
              className="tz-status-comment"
              autoSize={{ minRows: 1, maxRows: 3 }}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder="审核意见 / 还缺什么"
              aria-label="审核意见"
            />
          </Form.Item>
          <Form.Item label="关联指标">
            <div className="tz-links">
              {material.indicatorIds.length === 0 && <span className="tz-muted">未关联（在“待归类”中）</span>}
              {suggestions.map((sug) => {
                const n = byId.get(sug.indicatorId);
                return n ? (
                  <Tag
                    key={`s${sug.indicatorId}`}
                    color="gold"
                    className="tz-suggested-link"
                    title={`“${sug.matched}”中有${sug.by === 'code' ? '指标编码' : '指标名称'}`}
                    onClick={() =>
                      void attempt(() => api.call('materials.link', { ids, indicatorId: n.id }), `已关联到 ${n.code}`)
                    }
                  >
                    建议：{n.code} {n.title}（点击关联）
                  </Tag>
                ) : null;
              })}
              {material.indicatorIds.map((id) => {
                const n = byId.get(id);
                return (
                  <Tag
                    key={id}
                    closable={!readOnly}
                    onClose={(e) => {
                      e.preventDefault();
                      void attempt(
                        () => api.call('materials.unlink', { ids, indicatorId: id }),
                        n ? `已取消与 ${n.code} 的关联` : '已取消关联',
                        () => api.call('materials.link', { ids, indicatorId: id }),
                      );
                    }}
                  >
                    {n ? `${n.code} ${n.title}` : `指标 ${id}`}
                  </Tag>
                );
              })}
            </div>
            <LinkPicker
              indicators={indicators}
              onPick={(indicatorId) => void attempt(() => api.call('materials.link', { ids, indicatorId }), '已关联')}
            />
          </Form.Item>
        </Form>
        <MaterialHistory material={material} indicators={indicators} />
      </div>
      <div className="tz-editor-actions">
        {material.deletedAt ? (
          <Button
            icon={<RollbackOutlined />}
            onClick={() => void attempt(() => api.call('materials.restore', { ids }), '已恢复')}
          >
            恢复
          </Button>
        ) : (
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={() =>
              void attempt(
                () => api.call('materials.trash', { ids }),
                '已移到回收站',
                () => api.call('materials.restore', { ids }),
              )
            }
          >
            删除
          </Button>
        )}
        <span className="tz-spacer" />
        <Button onClick={() => setDraft(draftOf(material))} disabled={!dirty || busy}>
          撤销修改
        </Button>
        <Button
          type="primary"
          disabled={!dirty}
          loading={busy}
          onClick={() => void attempt(() => api.call('materials.update', { ids, patch }), '已保存')}
        >
          保存
        </Button>
      </div>
    </div>
  );
}

type Suggestion = { materialId: number; indicatorId: number; by: 'code' | 'title'; matched: string };

/** Links suggested by the item's folder and file names, refreshed when its links change. */
function useLinkSuggestions(material: Material): Suggestion[] {
  const [list, setList] = useState<Suggestion[]>([]);
  const key = `${material.id}:${material.indicatorIds.join(',')}`;
  useEffect(() => {
    let live = true;
    void api
      .tryCall('materials.suggestLinks', { ids: [material.id] })
      .then((r) => live && setList(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [key, material.id]);
  return list;
}
