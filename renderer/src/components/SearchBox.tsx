import { SearchOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';

/**
 * The global search field; Ctrl+K focuses it from anywhere. Searching arrives with the
 * indicator and material data, so for now every query honestly has no match.
 */
export function SearchBox() {
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [focused, setFocused] = useState(false);

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

  const showResults = focused && text.trim() !== '';

  return (
    <div className="tz-search">
      <Input
        ref={input}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText('');
            input.current?.blur();
          }
        }}
        placeholder="搜索指标、材料 (Ctrl+K)"
        prefix={<SearchOutlined className="tz-muted" />}
        allowClear
        aria-label="搜索指标、材料"
        role="combobox"
        aria-expanded={showResults}
        aria-controls="tz-search-results"
      />
      {showResults && (
        <div id="tz-search-results" className="tz-search-results" role="listbox">
          <div className="tz-search-empty">
            <SearchOutlined />
            <span>暂无匹配的指标或材料</span>
          </div>
        </div>
      )}
    </div>
  );
}
