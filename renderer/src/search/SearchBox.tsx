import {
  FileTextOutlined,
  FilterOutlined,
  LoadingOutlined,
  PartitionOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Input, Tooltip, type InputRef } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/ipc/contract-search';
import { Snippet } from './Snippet';
import { useSearch } from './use-search';
import './search.css';

type Props = {
  /** The system shown in the tree: its indicators are the ones found. */
  systemId: number | null;
  onOpen: (hit: SearchHit) => void;
  /** Opens 高级搜索 with what is typed so far. */
  onAdvanced: (text: string) => void;
};

/** Hits shown under the box; 高级搜索 lists more. */
const LIMIT = 20;

const plain = (s: string) => s.replace(/[«»]/g, '');

/** One hit: what it is (icon and word, not the icon alone), its code and title, and where the words were found. */
export function HitLine({ hit }: { hit: SearchHit }) {
  const isIndicator = hit.kind === 'indicator';
  // A title match comes back as the title with the words marked: show that in place of the title.
  const titleSnippet = hit.snippet !== undefined && plain(hit.snippet) === hit.title;
  const detail = hit.snippet !== undefined && !titleSnippet ? hit.snippet : null;
  return (
    <>
      <span className={isIndicator ? 'tz-hit-kind tz-hit-kind-indicator' : 'tz-hit-kind tz-hit-kind-material'}>
        {isIndicator ? <PartitionOutlined /> : <FileTextOutlined />}
        {isIndicator ? '指标' : '材料'}
      </span>
      <span className="tz-hit-body">
        <span className="tz-hit-title">
          {hit.code && <span className="tz-hit-code">{hit.code}</span>}
          {titleSnippet ? <Snippet text={hit.snippet!} /> : hit.title}
        </span>
        {(detail || hit.page !== undefined) && (
          <span className="tz-hit-detail">
            {hit.page !== undefined && <span className="tz-hit-page">第{hit.page}页</span>}
            {detail && <Snippet text={detail} />}
          </span>
        )}
      </span>
    </>
  );
}

/**
 * The global search field (UI.md top bar; Ctrl+K focuses it from anywhere). Indicators and
 * materials in one ranked list as the user types, never making typing wait; ↑/↓ choose,
 * Enter opens the hit in place, Esc closes the list (and a second Esc clears the box).
 */
export function SearchBox({ systemId, onOpen, onAdvanced }: Props) {
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = text.trim();
  const result = useSearch(typed ? { text: typed, limit: LIMIT, ...(systemId ? { systemId } : {}) } : null);
  const hits = typed ? result.hits : [];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const showResults = open && typed !== '';
  const waiting = result.searching || result.answered !== typed;
  /** Enter pressed before the answer to the last keys came: open its best hit when it comes. */
  const enterPending = useRef(false);
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    input.current?.blur();
    onOpen(hit);
  };

  // A new answer starts at its best hit.
  const onAnswer = useEffectEvent(() => {
    setActive(0);
    if (enterPending.current && !waiting) {
      enterPending.current = false;
      if (showResults) choose(result.hits[0]);
    }
  });
  useEffect(() => onAnswer(), [result.hits, result.answered]);
  const advanced = () => {
    setOpen(false);
    onAdvanced(typed);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!showResults) {
        setOpen(true);
        return;
      }
      const by = e.key === 'ArrowDown' ? 1 : -1;
      if (hits.length) setActive((i) => (i + by + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!showResults) setOpen(true);
      // Typed fast, then Enter: the hits shown answer older keys; wait for the answer to these.
      else if (waiting) enterPending.current = true;
      else choose(hits[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (showResults) setOpen(false);
      else {
        setText('');
        input.current?.blur();
      }
    }
  };

  const activeId = showResults && hits[active] ? `tz-search-hit-${active}` : undefined;

  return (
    <div className="tz-search">
      <Input
        ref={input}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          enterPending.current = false;
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        placeholder="搜索指标、材料 (Ctrl+K)"
        prefix={
          showResults && waiting ? <LoadingOutlined className="tz-muted" /> : <SearchOutlined className="tz-muted" />
        }
        suffix={
          <Tooltip title="高级搜索：按类型、状态、日期、指标、人员筛选">
            <button
              type="button"
              className="tz-search-advanced-button"
              aria-label="高级搜索"
              onMouseDown={(e) => e.preventDefault()}
              onClick={advanced}
            >
              <FilterOutlined />
            </button>
          </Tooltip>
        }
        allowClear
        aria-label="搜索指标、材料"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showResults}
        aria-controls="tz-search-results"
        aria-activedescendant={activeId}
      />
      {showResults && (
        // Clicks inside must not take the focus from the box (that would close the list first).
        <div className="tz-search-results" onMouseDown={(e) => e.preventDefault()}>
          {hits.length > 0 ? (
            <ul id="tz-search-results" role="listbox" aria-label="搜索结果" className="tz-search-list">
              {hits.map((hit, i) => (
                <li
                  key={`${hit.kind}:${hit.id}`}
                  id={`tz-search-hit-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'tz-search-hit tz-search-hit-active' : 'tz-search-hit'}
                  onMouseMove={() => i !== active && setActive(i)}
                  onClick={() => choose(hit)}
                >
                  <HitLine hit={hit} />
                </li>
              ))}
            </ul>
          ) : (
            <div id="tz-search-results" role="listbox" aria-label="搜索结果" className="tz-search-empty">
              {result.error ? (
                <span>{result.error}</span>
              ) : waiting ? (
                <span>正在搜索…</span>
              ) : (
                <>
                  <SearchOutlined />
                  <span>
                    暂无匹配的指标或材料
                    <span className="tz-muted">（可以换个说法，或输入编码、拼音首字母）</span>
                  </span>
                </>
              )}
            </div>
          )}
          <div className="tz-search-foot">
            <span className="tz-muted">↑↓ 选择 · Enter 打开 · Esc 关闭</span>
            <button type="button" className="tz-link-button" onClick={advanced}>
              <FilterOutlined /> 高级搜索…
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
