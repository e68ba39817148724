import { FileTextOutlined } from '@ant-design/icons';
import { Empty } from 'antd';

/** Right pane: the selected material's preview and fields. */
export function DetailPane() {
  return (
    <aside className="tz-pane tz-pane-right" aria-label="材料详情">
      <div className="tz-pane-header">
        <span className="tz-pane-title">
          <FileTextOutlined /> 材料详情
        </span>
      </div>
      <div className="tz-pane-body tz-detail-body">
        <Empty className="tz-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择一件材料查看详情" />
      </div>
    </aside>
  );
}
