import { useEffect } from 'react';
import { App as AntApp, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../app/api';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useApi } from '../../app/useApi';
import { useLang } from '../../app/i18n';
import type { Organisation, User } from './api';
import { useNames } from './format';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  organisationId?: string | null;
  roles: string[];
  password?: string;
  confirm?: string;
  disabled?: boolean;
}

export const USERNAME_RE = /^[a-zA-Z0-9_.-]{3,40}$/;
export const PASSWORD_MIN = 10;

/** The same rules the server applies (identity/model.ts), checked before the request is sent. */
export function passwordRules(t: TFunction, usernameField?: string) {
  return [
    { required: true, message: t('auth.passwordRequired') },
    { min: PASSWORD_MIN, message: t('admin.passwordMin', { min: PASSWORD_MIN }) },
    ...(usernameField ? [({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, value: string) => {
        const u = String(getFieldValue(usernameField) ?? '').toLowerCase();
        return value && u && value.toLowerCase().includes(u) ? Promise.reject(new Error(t('admin.passwordHasUsername'))) : Promise.resolve();
      },
    })] : []),
  ];
}

/** Create a user, or edit one's name, e-mail, organisation, roles and whether the account is disabled. */
export function UserFormModal({ user, onClose, onSaved }: { user?: User; onClose: () => void; onSaved: (u: User) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const names = useNames();
  const orgs = useApi<Organisation[]>('/api/admin/organisations?limit=500');
  const editing = !!user;

  useEffect(() => {
    if (user) form.setFieldsValue({ ...user, email: user.email ?? undefined });
  }, [user, form]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const common = { displayName: v.displayName.trim(), email: v.email?.trim() || null, organisationId: v.organisationId ?? null, roles: v.roles };
    const saved = editing
      ? await api.patch<User>(`/api/admin/users/${user.id}`, { ...common, disabled: !!v.disabled })
      : await api.post<User>('/api/admin/users', { ...common, username: v.username.trim(), password: v.password });
    message.success(editing ? t('admin.userSaved') : t('admin.userCreated', { username: saved.username }));
    onSaved(saved);
  });

  return (
    <Modal open title={editing ? t('admin.editUser', { username: user.username }) : t('admin.newUser')} width={620}
      okText={editing ? t('common.save') : t('common.create')} cancelText={t('common.cancel')}
      onOk={submit} confirmLoading={saving} onCancel={onClose} destroyOnHidden mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as never}>
      <Form form={form} name="user" layout="vertical" className="modal-form" initialValues={{ roles: [], disabled: false }}>
        {!editing && (
          <Form.Item name="username" label={t('auth.username')} extra={t('admin.usernameRule')}
            rules={[{ required: true, message: t('auth.usernameRequired') }, { pattern: USERNAME_RE, message: t('admin.usernameRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, whitespace: true, message: t('admin.displayNameRequired') }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('admin.email')} rules={[{ type: 'email', message: t('admin.emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('admin.organisation')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={orgs.loading} placeholder={t('admin.organisationPlaceholder')}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: lang === 'en' && o.nameEn ? o.nameEn : o.nameZh }))} />
        </Form.Item>
        <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('admin.rolesRequired') }]}>
          <Select mode="multiple" placeholder={t('admin.rolesPlaceholder')}
            options={Object.keys(names.meta?.roles ?? {}).map((r) => ({ value: r, label: names.role(r) }))} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="password" label={t('admin.initialPassword')} extra={t('admin.passwordRuleFull', { min: PASSWORD_MIN })}
              dependencies={['username']} rules={passwordRules(t, 'username')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label={t('auth.confirmPassword')} dependencies={['password']}
              rules={[{ required: true, message: t('auth.passwordRequired') }, ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
              })]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        {editing && (
          <Form.Item name="disabled" label={t('admin.disabled')} valuePropName="checked" extra={t('admin.disabledHint')}>
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** An administrator sets a new password for a user (who should change it after signing in). */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/admin/users/${user.id}/password`, { password: v.password });
    message.success(t('admin.passwordReset', { username: user.username }));
    onClose();
  });
  return (
    <Modal open title={t('admin.resetPasswordFor', { username: user.username })} okText={t('admin.resetPassword')} cancelText={t('common.cancel')}
      onOk={submit} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form form={form} name="reset" layout="vertical" className="modal-form">
        <Form.Item name="password" label={t('auth.newPassword')} extra={t('admin.passwordRuleFull', { min: PASSWORD_MIN })}
          rules={[...passwordRules(t), {
            validator: (_, value: string) => value && value.toLowerCase().includes(user.username.toLowerCase())
              ? Promise.reject(new Error(t('admin.passwordHasUsername'))) : Promise.resolve(),
          }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('auth.confirmPassword')} dependencies={['password']}
          rules={[{ required: true, message: t('auth.passwordRequired') }, ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
          })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
