import { Descriptions, Drawer, Typography } from 'antd';
import type { AppInfo } from '../hooks/use-app-info';

type DrawerProps = { open: boolean; onClose: () => void };

export function SettingsDrawer({ open, onClose, appInfo }: DrawerProps & { appInfo: AppInfo | null }) {
  return (
    <Drawer title="设置" open={open} onClose={onClose} size={420}>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 116, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'user', label: '使用人', children: appInfo?.userName ?? '—' },
          { key: 'version', label: '程序版本', children: appInfo?.version ?? '—' },
          {
            key: 'data',
            label: '设置保存位置',
            children: appInfo ? (
              <Typography.Text copyable={{ text: appInfo.dataDir, tooltips: ['复制', '已复制'] }} className="tz-path">
                {appInfo.dataDir}
              </Typography.Text>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="tz-drawer-note">
        使用人会记入每一项修改的操作记录。项目资料保存在各自的项目文件夹中，不在这里。
      </Typography.Paragraph>
    </Drawer>
  );
}
