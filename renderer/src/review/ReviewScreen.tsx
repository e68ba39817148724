import {
  AuditOutlined,
  CheckCircleFilled,
  CheckOutlined,
  ExclamationCircleFilled,
  ExportOutlined,
  LeftOutlined,
  MinusCircleOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Input, Spin, Tag, TreeSelect, type InputRef } from 'antd';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { ReviewItem } from '../../../shared/ipc/contract-review';
import { STATUS_LABELS } from '../../../shared/materials/api-types';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';
import { formatDateTime } from '../format';
import { useIndicatorOptions } from '../search/indicator-options';
import { useReadOnly } from './read-only';
import { ReviewPages } from './ReviewPages';
import { useReview } from './use-review';
import './review.css';

type Props = {
  open: boolean;
  onClose: () => void;
  indicators: IndicatorNode[];
  /** The indicator to start with (the one selected in the main window). */
  startId: number | null;
  /** Shows the item in the main window (its indicator selected, its details open). */
  onShowItem: (materialId: number) => void;
};

function Verdict({ item }: { item: ReviewItem }) {
  if (!item.review)
    return (
      <span className="tz-verdict tz-verdict-none">
        <MinusCircleOutlined /> 未审
      </span>
    );
  return item.review.verdict === 'ok' ? (
    <span className="tz-verdict tz-verdict-ok">
      <CheckCircleFilled /> 合格
    </span>
  ) : (
    <span className="tz-verdict tz-verdict-needs">
      <ExclamationCircleFilled /> 需补充
    </span>
  );
}

/** Keys typed into a text box are the user's words, not commands. */
const typing = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));

/**
 * 审阅: an indicator's evidence, item after item in binding order, pages large; the reviewer
 * marks each 合格 or 需补充 (with what is missing: the item becomes 待补充 and its 收集人 is
 * told in the app). ← / → (or K / J) go through the items. In 只读审阅 it is for looking only.
 */
export function ReviewScreen({ open, onClose, indicators, startId, onShowItem }: Props) {
  const { message } = App.useApp();
  const readOnly = useReadOnly();
  const [indicatorId, setIndicatorId] = useState<number | null>(startId);
  const [index, setIndex] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const commentBox = useRef<InputRef>(null);
  const review = useReview(indicatorId, open);
  const treeData = useIndicatorOptions(indicators);
  const byId = useMemo(() => new Map(indicators.map((n) => [n.id, n])), [indicators]);
  const items = review.items;
  const item = items[Math.min(index, items.length - 1)];
  const currentId = item?.material.id;

  // Each opening starts at the indicator selected in the main window.
  useEffect(() => {
    if (!open) return;
    setIndicatorId(startId);
    setIndex(0);
  }, [open, startId]);
  // The comment box shows the item's own 需补充 note, to change or keep.
  useEffect(() => {
    setComment(item?.review?.verdict === 'needs' ? item.review.comment : '');
  }, [currentId, item?.review?.verdict, item?.review?.comment]);

  const go = (by: 1 | -1) => {
    if (!items.length) return;
    setIndex((i) => Math.max(0, Math.min(items.length - 1, i + by)));
  };
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    // A page preview or dialog above the screen has the keys.
    if (document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')) return;
    const key = e.key.toLowerCase();
    if (key === 'arrowright' || key === 'j') {
      e.preventDefault();
      go(1);
    } else if (key === 'arrowleft' || key === 'k') {
      e.preventDefault();
      go(-1);
    }
  });
  useEffect(() => {
    if (!open) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [open]);

  const mark = async (verdict: 'ok' | 'needs') => {
    if (!item) return;
    if (verdict === 'needs' && !comment.trim()) {
      void message.warning('请先在“审阅意见”中写明还缺什么，收集人会收到这条意见');
      commentBox.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await api.call('review.mark', {
        itemId: item.material.id,
        verdict,
        comment: verdict === 'needs' ? comment.trim() : '',
        ...(indicatorId !== null ? { indicatorId } : {}),
      });
      review.replace({ ...item, material: r.material, review: r.review });
      if (verdict === 'ok') void message.success(`《${r.material.title}》合格`);
      else
        void message.success(
          `《${r.material.title}》已设为“待补充”，已通知${r.notified.length ? r.notified.join('、') : '收集人'}`,
        );
      if (index < items.length - 1) setIndex(index + 1);
      else void message.info('这是本指标的最后一件材料');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const counts = {
    ok: items.filter((i) => i.review?.verdict === 'ok').length,
    needs: items.filter((i) => i.review?.verdict === 'needs').length,
  };
  const under = item ? byId.get(item.indicatorId) : undefined;
  const m = item?.material;

  return (
    <Drawer
      title={
        <span>
          <AuditOutlined /> 审阅
        </span>
      }
      open={open}
      onClose={onClose}
      size="calc(100vw - 40px)"
      className="tz-review-drawer"
      destroyOnHidden
    >
      <div className="tz-review">
        <div className="tz-review-bar">
          <span className="tz-review-bar-label">审阅指标</span>
          <TreeSelect<number>
            className="tz-review-picker"
            showSearch
            treeNodeFilterProp="title"
            value={indicatorId ?? undefined}
            onChange={(id) => {
              setIndicatorId(id ?? null);
              setIndex(0);
            }}
            treeData={treeData}
            treeDefaultExpandAll={false}
            placeholder="选择要审阅的指标（含下级指标）"
            popupMatchSelectWidth={420}
            aria-label="审阅指标"
          />
          {items.length > 0 && (
            <>
              <span className="tz-review-progress" role="status">
                第 {Math.min(index, items.length - 1) + 1}/{items.length} 件
              </span>
              <span className="tz-muted">
                合格 {counts.ok} · 需补充 {counts.needs} · 未审 {items.length - counts.ok - counts.needs}
              </span>
            </>
          )}
          <span className="tz-spacer" />
          <Button icon={<LeftOutlined />} onClick={() => go(-1)} disabled={!item || index === 0}>
            上一件
          </Button>
          <Button onClick={() => go(1)} disabled={!item || index >= items.length - 1}>
            下一件 <RightOutlined />
          </Button>
        </div>
        {review.error ? (
          <Alert type="error" showIcon title={review.error} />
        ) : indicatorId === null ? (
          <Empty className="tz-empty" description="选择一个指标，逐件查看它和下级指标的全部材料" />
        ) : review.loading && items.length === 0 ? (
          <Spin className="tz-review-spin" />
        ) : !item || !m ? (
          <Empty className="tz-empty" description="这个指标下还没有可审阅的材料（已剔除和回收站中的不算）" />
        ) : (
          <div className="tz-review-body">
            <ol className="tz-review-list" aria-label="材料（装订顺序）">
              {items.map((it, i) => (
                <li key={it.material.id}>
                  <button
                    type="button"
                    className={i === index ? 'tz-review-list-item tz-review-list-item-on' : 'tz-review-list-item'}
                    aria-current={i === index ? 'true' : undefined}
                    title={it.material.title}
                    onClick={() => setIndex(i)}
                  >
                    <span className="tz-review-list-no">{i + 1}</span>
                    <span className="tz-review-list-title">{it.material.title}</span>
                    <Verdict item={it} />
                  </button>
                </li>
              ))}
            </ol>
            <div className="tz-review-preview" key={m.id}>
              <ReviewPages material={m} />
            </div>
            <aside className="tz-review-side" aria-label="审阅">
              <h3 className="tz-review-title">{m.title}</h3>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'i', label: '指标', children: under ? `${under.code} ${under.title}` : '' },
                  { key: 'd', label: '日期', children: m.date ?? '无日期' },
                  { key: 't', label: '类型', children: m.type || '—' },
                  ...(m.docNo ? [{ key: 'n', label: '文号', children: m.docNo }] : []),
                  ...(m.responsible ? [{ key: 'r', label: '责任者', children: m.responsible }] : []),
                  { key: 'p', label: '页数', children: `${m.pages} 页` },
                  {
                    key: 's',
                    label: '状态',
                    children: (
                      <span>
                        <Tag>{STATUS_LABELS[m.status]}</Tag>
                        {m.statusComment && <span className="tz-muted">{m.statusComment}</span>}
                      </span>
                    ),
                  },
                ]}
              />
              <div className="tz-review-verdict">
                <Verdict item={item} />
                {item.review && (
                  <span className="tz-muted">
                    {item.review.by} · {formatDateTime(item.review.at)}
                  </span>
                )}
              </div>
              {readOnly ? (
                <Alert type="info" showIcon title="只读审阅：只能查看，不能标记合格或需补充。" />
              ) : (
                <>
                  <label className="tz-review-comment-label" htmlFor="tz-review-comment">
                    审阅意见（标“需补充”时必填，会通知收集人）
                  </label>
                  <Input.TextArea
                    id="tz-review-comment"
                    ref={commentBox}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    autoSize={{ minRows: 3, maxRows: 6 }}
                    placeholder="例如：缺少会议签到表；照片没有说明"
                    aria-label="审阅意见"
                  />
                  <div className="tz-review-actions">
                    <Button
                      type="primary"
                      className="tz-review-ok"
                      icon={<CheckOutlined />}
                      loading={busy}
                      onClick={() => void mark('ok')}
                    >
                      合格
                    </Button>
                    <Button
                      danger
                      icon={<ExclamationCircleFilled />}
                      disabled={busy}
                      onClick={() => void mark('needs')}
                    >
                      需补充
                    </Button>
                  </div>
                </>
              )}
              <div className="tz-review-hint tz-muted">键盘：← → 或 K J 切换上一件、下一件</div>
              <Button
                type="link"
                size="small"
                icon={<ExportOutlined />}
                className="tz-review-show"
                onClick={() => onShowItem(m.id)}
              >
                在主窗口中打开这件材料
              </Button>
            </aside>
          </div>
        )}
      </div>
    </Drawer>
  );
}
