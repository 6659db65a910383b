import { App as AntApp, Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { labelFilter } from '../supervision/PubShared';
import { bi, one } from '../supervision/shared';
import type { ProjectBoard, ServiceRequestRow, ServiceRoute } from './api.deals';
import { SERVICE_KINDS, type ServiceKind } from './labels.deals';

interface Values { category: string; titleZh: string; detailZh: string; greenChannel: boolean; projectId?: string }

/**
 * 提交一站式服务申请: a party picks the category (which names the responsible body and its days),
 * says what it needs, may ask for the green channel (half the days) and link one of its pilot
 * projects.
 */
export function ServiceRequestModal({ routes, initialCategory, onClose, onDone }: {
  routes: ServiceRoute[]; initialCategory?: string; onClose: () => void; onDone: (r: ServiceRequestRow) => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('category', form);
  const green = Form.useWatch('greenChannel', form);
  const projects = useApi<ProjectBoard>('/api/pilot/projects/board?status=active');
  const route = routes.find((r) => r.category === category);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const r = await api.post<ServiceRequestRow>('/api/pilot/services/requests', {
      category: v.category, titleZh: v.titleZh.trim(), detailZh: v.detailZh.trim(), greenChannel: !!v.greenChannel, projectId: v.projectId ?? null,
    });
    message.success(bi(lang, { zh: `已提交申请 ${r.code}，转 ${route?.organisationNameZh ?? '承办机构'} 办理`, en: `Filed ${r.code}; sent to ${route?.organisationNameZh ?? 'the responsible body'}` }));
    onDone(r);
  });

  const kinds = Object.keys(SERVICE_KINDS) as ServiceKind[];
  const options = kinds.map((k) => ({
    label: bi(lang, SERVICE_KINDS[k]),
    options: routes.filter((r) => r.kind === k).map((r) => ({ value: r.category, label: `${one(lang, { zh: r.nameZh, en: r.nameEn })} · ${r.organisationNameZh}` })),
  })).filter((g) => g.options.length);
  const projectOptions = (projects.data?.stages ?? []).flatMap((s) => s.projects).map((p) => ({ value: p.id, label: `${p.code} ${p.nameZh}` }));

  return (
    <Modal open width={680} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="提交一站式服务申请" en="File a one-stop service request" />} okText={bi(lang, { zh: '提交', en: 'File' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'pilot-service-request-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="service-request" initialValues={{ category: initialCategory, greenChannel: false }}>
        <Form.Item name="category" label={<Bi zh="服务类别" en="Category" />} rules={[{ required: true, message: bi(lang, { zh: '请选择服务类别', en: 'Choose a category' }) }]}>
          <Select showSearch={{ filterOption: labelFilter }} options={options} data-testid="pilot-service-request-category" popupMatchSelectWidth={420} />
        </Form.Item>
        {route && (
          <Alert type="info" showIcon className="panel-alert" data-testid="pilot-service-request-route"
            title={lang === 'zh'
              ? `承办：${route.organisationNameZh} · 时限 ${green ? route.greenChannelDays : route.slaDays} 天${green ? `（绿色通道，原 ${route.slaDays} 天）` : ''}`
              : `Handled by ${route.organisationNameZh} · ${green ? route.greenChannelDays : route.slaDays} days${green ? ` (green channel; normally ${route.slaDays})` : ''}`} />
        )}
        <Form.Item name="titleZh" label={<Bi zh="标题" en="Title" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写标题', en: 'Give a title' }) }, { max: 200 }]}>
          <Input maxLength={200} data-testid="pilot-service-request-title" placeholder={bi(lang, { zh: '例如：500 L 发酵中试车间环评审批', en: 'e.g. environmental approval for a 500 L fermentation pilot plant' })} />
        </Form.Item>
        <Form.Item name="detailZh" label={<Bi zh="申请内容" en="What you need" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明申请内容', en: 'Say what you need' }) }, { max: 4000 }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="pilot-service-request-detail" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 }}>
          <Form.Item name="greenChannel" valuePropName="checked" label={<Bi zh="绿色通道" en="Green channel" />}
            extra={one(lang, { zh: '重点项目可申请，办理时限减半', en: 'For priority projects: half the days' })}>
            <Switch data-testid="pilot-service-request-green" />
          </Form.Item>
          <Form.Item name="projectId" label={<Bi zh="关联中试项目（可选）" en="Pilot project (optional)" />}>
            <Select allowClear showSearch={{ filterOption: labelFilter }} loading={projects.loading} options={projectOptions} data-testid="pilot-service-request-project"
              notFoundContent={bi(lang, { zh: '本机构暂无进行中的中试项目', en: 'No active pilot project of yours' })} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
