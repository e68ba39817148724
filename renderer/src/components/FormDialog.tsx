import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../errors';

type Props<Values> = {
  /** Form name; also ties the dialog's OK button to the form so Enter and OK both submit. */
  name: string;
  title: string;
  okText: string;
  open: boolean;
  initialValues: Values;
  onCancel: () => void;
  /** The action; a thrown error is shown inside the dialog, next to the fields to change. */
  onSubmit: (values: Values) => Promise<void>;
  lead?: ReactNode;
  children: ReactNode;
};

/**
 * A dialog holding one form whose OK button runs an async action: busy state, no closing
 * while it runs, and the action's Chinese error shown in the dialog rather than a toast.
 */
export function FormDialog<Values extends object>(props: Props<Values>) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={props.title}
      open={props.open}
      width={560}
      okText={props.okText}
      cancelText="取消"
      okButtonProps={{ loading: busy, htmlType: 'submit', form: props.name }}
      cancelButtonProps={{ disabled: busy }}
      onCancel={busy ? undefined : props.onCancel}
      mask={{ closable: !busy }}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {props.lead && <p className="tz-modal-lead">{props.lead}</p>}
      <Form<Values>
        name={props.name}
        form={form as FormInstance<Values>}
        layout="vertical"
        requiredMark={false}
        initialValues={props.initialValues}
        onFinish={(values) => void submit(values)}
        disabled={busy}
      >
        {props.children}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
