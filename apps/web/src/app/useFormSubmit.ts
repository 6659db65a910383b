import { useState } from 'react';
import { App as AntApp } from 'antd';
import type { FormInstance } from 'antd';
import { errorMessage, fieldErrors } from './api';

/**
 * The one way a form is sent: validate locally, send, and on failure put the server's field
 * details beside their fields and its message in a toast. `saving` drives the OK button.
 */
export function useFormSubmit<V>(form: FormInstance<V>, send: (values: V) => Promise<void>) {
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows its own field errors
    }
    setSaving(true);
    try {
      await send(values);
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { submit, saving };
}
