import { useState } from 'react';
import { App as AntApp, Button, Form, InputNumber, Modal, Select, Table } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { labelFilter } from '../supervision/PubShared';
import { bi, one, useOrganisations } from '../supervision/shared';
import type { ServiceRoute, ServiceStats } from './api.deals';
import { daysText, sharePct } from './labels.deals';
import { ServiceKindTag } from './ServiceTags';

/** The task force re-routes a category to another body or changes its days; requests already filed keep theirs. */
function RouteModal({ route, onClose, onSaved }: { route: ServiceRoute; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ organisationId: string; slaDays: number }>();
  const orgs = useOrganisations(true);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.put(`/api/pilot/services/routes/${route.category}`, { organisationId: v.organisationId, slaDays: v.slaDays });
    message.success(bi(lang, { zh: `已调整「${route.nameZh}」`, en: `Changed ${route.nameEn}` }));
    onSaved();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`调整承办：${route.nameZh}`} en={`Route: ${route.nameEn}`} />} okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'pilot-service-route-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="service-route" initialValues={{ organisationId: route.organisationId, slaDays: route.slaDays }}>
        <Form.Item name="organisationId" label={<Bi zh="承办机构" en="Responsible body" />} rules={[{ required: true, message: bi(lang, { zh: '请选择承办机构', en: 'Choose the body' }) }]}
          extra={one(lang, { zh: '该机构的部门用户将办理此类申请；已提交的申请仍由原机构办理。', en: 'Its unit users handle these requests; requests already filed stay with their body.' })}>
          <Select showSearch={{ filterOption: labelFilter }} loading={orgs.loading} data-testid="pilot-service-route-org"
            options={[
              ...(orgs.data?.some((o) => o.id === route.organisationId) ? [] : [{ value: route.organisationId, label: route.organisationNameZh }]),
              ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.nameZh })),
            ]} />
        </Form.Item>
        <Form.Item name="slaDays" label={<Bi zh="办理时限（自然日）" en="Days to handle (calendar days)" />}
          extra={one(lang, { zh: '绿色通道减半（向上取整，至少 1 天）。', en: 'The green channel halves it (rounded up, at least a day).' })}
          rules={[{ required: true, message: bi(lang, { zh: '请填写时限', en: 'Give the days' }) }]}>
          <InputNumber min={1} max={365} precision={0} className="full-width" data-testid="pilot-service-route-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 承办路由: each category, its kind, the body responsible and its days (and on the green channel),
 * with the category's public figures beside them when they are loaded.
 */
export function ServiceRoutes({ routes, stats, canEdit, onChanged }: { routes: ServiceRoute[]; stats?: ServiceStats; canEdit: boolean; onChanged: () => void }) {
  const lang = useLang();
  const [editing, setEditing] = useState<ServiceRoute | null>(null);
  const figures = new Map((stats?.categories ?? []).map((c) => [c.category, c]));
  const fig = (r: ServiceRoute) => figures.get(r.category);
  return (
    <>
      <Table<ServiceRoute> rowKey="category" size="small" dataSource={routes} pagination={false} data-testid="pilot-service-routes" scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-category': r.category } as never)}
        columns={[
          { title: <Bi zh="服务类别" en="Category" />, render: (_: unknown, r) => <span>{one(lang, { zh: r.nameZh, en: r.nameEn })}<span className="bi-aside">{lang === 'zh' ? r.nameEn : r.nameZh}</span></span> },
          { title: <Bi zh="类型" en="Kind" />, dataIndex: 'kind', width: 150, render: (k: string) => <ServiceKindTag kind={k} /> },
          { title: <Bi zh="承办机构" en="Responsible body" />, dataIndex: 'organisationNameZh' },
          { title: <Bi zh="时限" en="Days" />, dataIndex: 'slaDays', width: 90, align: 'right', render: (d: number) => (lang === 'zh' ? `${d} 天` : `${d} d`) },
          { title: <Bi zh="绿色通道" en="Green channel" />, dataIndex: 'greenChannelDays', width: 120, align: 'right', render: (d: number) => (lang === 'zh' ? `${d} 天` : `${d} d`) },
          ...(stats ? [
            { title: <Bi zh="申请" en="Requests" />, key: 'requests', width: 80, align: 'right' as const, render: (_: unknown, r: ServiceRoute) => fig(r)?.requests ?? 0 },
            { title: <Bi zh="办结" en="Done" />, key: 'done', width: 80, align: 'right' as const, render: (_: unknown, r: ServiceRoute) => fig(r)?.done ?? 0 },
            { title: <Bi zh="用时中位数" en="Median" />, key: 'median', width: 110, align: 'right' as const, render: (_: unknown, r: ServiceRoute) => daysText(lang, fig(r)?.medianDays) },
            { title: <Bi zh="按时办结率" en="In time" />, key: 'within', width: 110, align: 'right' as const, render: (_: unknown, r: ServiceRoute) => sharePct(fig(r)?.withinSlaShare) },
          ] : []),
          ...(canEdit ? [{
            title: '', width: 90, render: (_: unknown, r: ServiceRoute) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`pilot-service-route-edit-${r.category}`}><Bi zh="调整" en="Edit" /></Button>
            ),
          }] : []),
        ]} />
      {editing && <RouteModal route={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); onChanged(); }} />}
    </>
  );
}
