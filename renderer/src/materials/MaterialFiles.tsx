import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  RotateLeftOutlined,
  RotateRightOutlined,
  ScissorOutlined,
} from '@ant-design/icons';
import { Button, Popconfirm, Tag, Tooltip } from 'antd';
import type { MaterialFile } from '../../../shared/materials/api-types';
import type { FileActions } from './use-file-actions';

/** 向左转 / 向右转 for one file; also in the large preview (with words there), where a sideways page is noticed. */
export function RotateButtons({
  file,
  actions,
  labelled = false,
}: {
  file: MaterialFile;
  actions: FileActions;
  labelled?: boolean;
}) {
  const button = (label: string, icon: React.ReactNode, by: 90 | -90) => (
    <Tooltip title={labelled ? undefined : label}>
      <Button
        size={labelled ? 'middle' : 'small'}
        type={labelled ? 'default' : 'text'}
        icon={icon}
        aria-label={label}
        disabled={actions.busy}
        onClick={() => void actions.rotate(file, by)}
      >
        {labelled && label}
      </Button>
    </Tooltip>
  );
  return (
    <>
      {button('向左转', <RotateLeftOutlined />, -90)}
      {button('向右转', <RotateRightOutlined />, 90)}
    </>
  );
}

type RowProps = { file: MaterialFile; index: number; count: number; actions: FileActions };

function FileRow({ file, index, count, actions }: RowProps) {
  const pages = Math.max(1, file.pageCount);
  return (
    <li className="tz-file-row" aria-label={file.originalName}>
      <span className="tz-file-name" title={file.sourcePath || file.originalName}>
        {count > 1 && <span className="tz-file-no">{index + 1}.</span>}
        {file.originalName}
      </span>
      <span className="tz-file-facts">
        {pages} 页
        {file.rotation !== 0 && (
          <Tag className="tz-inline-tag" color="blue">
            已旋转 {file.rotation}°
          </Tag>
        )}
      </span>
      <span className="tz-file-actions">
        <RotateButtons file={file} actions={actions} />
        {count > 1 && (
          <>
            <Tooltip title="上移">
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label="上移"
                disabled={actions.busy || index === 0}
                onClick={() => void actions.move(file, -1)}
              />
            </Tooltip>
            <Tooltip title="下移">
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label="下移"
                disabled={actions.busy || index === count - 1}
                onClick={() => void actions.move(file, 1)}
              />
            </Tooltip>
            {/* Words, not a tooltip: a tooltip would lie over the confirmation's buttons. */}
            <Popconfirm
              title={`把《${file.originalName}》拆成单独的一件？`}
              description="新的一件沿用现在的题名、日期和关联指标，之后可以再修改。"
              okText="拆分"
              cancelText="取消"
              onConfirm={() => actions.split(file)}
            >
              <Button size="small" type="text" icon={<ScissorOutlined />} disabled={actions.busy}>
                拆分
              </Button>
            </Popconfirm>
          </>
        )}
      </span>
    </li>
  );
}

/** The item's files in binding order, each with its page count, turn, and the per-file actions. */
export function MaterialFiles({ files, actions }: { files: MaterialFile[]; actions: FileActions }) {
  return (
    <ul className="tz-file-list" aria-label="文件">
      {files.map((f, i) => (
        <FileRow key={f.id} file={f} index={i} count={files.length} actions={actions} />
      ))}
    </ul>
  );
}
