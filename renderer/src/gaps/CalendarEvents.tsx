import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { calendarEventSchema } from '../../../shared/ipc/contract-gaps';
import { api } from '../api';
import { FormDialog } from '../components/FormDialog';
import { errorText } from '../errors';

type CalendarEvent = z.infer<typeof calendarEventSchema>;
type Values = { name: string; date: string; note: string };

/**
 * 自定义活动: the office's own dated events (校运会, 社区文化节 …), which 按节日/活动 rules can
 * name beside the built-in festivals. Changing one re-checks the project (the core says so).
 */
export function CalendarEvents({ onCount }: { onCount?: (n: number) => void }) {
  const { message } = App.useApp();
  const [events, setEvents] = useState<CalendarEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<CalendarEvent | 'new' | null>(null);
  // A fresh form for each opening, so it starts from the event chosen, not the last one typed.
  const [opened, setOpened] = useState(0);
  const edit = (e: CalendarEvent | 'new') => {
    setOpened((n) => n + 1);
    setEditing(e);
  };

  const load = useCallback(async () => {
    const r = await api.tryCall('gaps.events', {});
    if (r.ok) {
      setEvents(r.value);
      setError(null);
      onCount?.(r.value.length);
    } else setError(r.error.message);
  }, [onCount]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (v: Values) => {
    const saved = await api.call('gaps.saveEvent', {
      ...(editing !== 'new' && editing ? { id: editing.id } : {}),
      name: v.name,
      date: v.date,
      note: v.note ?? '',
    });
    setEditing(null);
    void message.success(`已保存“${saved.name}”`);
    await load();
  };

  const remove = async (e: CalendarEvent) => {
    try {
      await api.call('gaps.deleteEvent', { id: e.id });
      void message.success(`已删除“${e.name}”`);
      await load();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const initial: Values =
    editing && editing !== 'new'
      ? { name: editing.name, date: editing.date, note: editing.note }
      : { name: '', date: '', note: '' };

  return (
    <div className="tz-events">
      <div className="tz-events-bar">
        <span className="tz-muted">
          本单位自己的活动（如校运会、社区文化节）。添加后，可在检查规则“按节日/活动”中选用，与春节、中秋等节日一样检查。
        </span>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => edit('new')}>
          添加活动
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<CalendarEvent>
        size="small"
        rowKey="id"
        dataSource={events}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有自定义活动。点“添加活动”，写上活动名称和日期。' }}
        columns={[
          {
            title: '活动名称',
            dataIndex: 'name',
            render: (name: string) => (
              <Space size={6}>
                <CalendarOutlined className="tz-muted" />
                {name}
              </Space>
            ),
          },
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '备注', dataIndex: 'note' },
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_, e) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => edit(e)}>
                  修改
                </Button>
                <Popconfirm
                  title={`删除“${e.name}”？`}
                  description="用到它的检查规则将不再检查这个活动。"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => remove(e)}
                >
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FormDialog<Values>
        key={opened}
        name="calendar-event"
        title={editing === 'new' ? '添加活动' : '修改活动'}
        okText="保存"
        open={editing !== null}
        initialValues={initial}
        onCancel={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          label="活动名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}
        >
          <Input maxLength={100} placeholder="例如：秋季运动会" aria-label="活动名称" />
        </Form.Item>
        <Form.Item
          label="日期"
          name="date"
          rules={[{ required: true, message: '请选择日期' }]}
          getValueProps={(v: string) => ({ value: v ? dayjs(v) : null })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}
        >
          <DatePicker style={{ width: '100%' }} aria-label="日期" placeholder="选择日期" />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input maxLength={500} aria-label="备注" />
        </Form.Item>
      </FormDialog>
    </div>
  );
}
