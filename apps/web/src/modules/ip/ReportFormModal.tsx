import { App as AntApp, Alert, Button, Form, Input, Modal, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { upload, type FileMeta } from '../supervision/api';
import { bi } from '../supervision/shared';
import type { Report } from './api';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
interface Values { infringerZh: string; descriptionZh: string; files: UploadFile[] }

/** 举报侵权: the alleged infringer, what happened, evidence files; the report goes to the IP operations centre. */
export function ReportFormModal({ right, onClose, onDone }: { right: { id: string; number: string; titleZh: string }; onClose: () => void; onDone: (r: Report) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const fileIds: string[] = [];
    for (const f of v.files ?? []) if (f.originFileObj) fileIds.push((await upload<FileMeta>('/api/files', f.originFileObj)).id);
    const r = await api.post<Report>('/api/ip/reports', { ipRightId: right.id, infringerZh: v.infringerZh.trim(), descriptionZh: v.descriptionZh.trim(), fileIds });
    message.success(bi(lang, { zh: `举报 ${r.code} 已提交，知识产权运营中心将受理`, en: `Report ${r.code} sent to the IP operations centre` }));
    onDone(r);
  });
  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="举报侵权" en="Report an infringement" />} okText={bi(lang, { zh: '提交举报', en: 'Send' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'ip-report-ok' } as never}>
      <Alert type="info" showIcon className="panel-alert" title={`${right.number} ${right.titleZh}`}
        description={bi(lang, { zh: '举报将转重庆市知识产权运营中心受理；权利人可看到举报内容和处理进展，但看不到举报人身份。', en: 'The report goes to the Chongqing IP Operations Centre; the holders see it and its progress, not who reported it.' })} />
      <Form form={form} layout="vertical" className="modal-form" name="ipReport" initialValues={{ files: [] }}>
        <Form.Item name="infringerZh" label={<Bi zh="涉嫌侵权方" en="Alleged infringer" />} rules={[{ required: true, whitespace: true }]}><Input maxLength={300} data-testid="ip-report-infringer" /></Form.Item>
        <Form.Item name="descriptionZh" label={<Bi zh="侵权情况" en="What happened" />} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={5} maxLength={8000} data-testid="ip-report-description" /></Form.Item>
        <Form.Item name="files" label={<Bi zh="证据材料（每个不超过 10 MB）" en="Evidence (≤ 10 MB each)" />} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
          <Upload multiple maxCount={10} beforeUpload={(f) => {
            if (f.size > MAX_FILE_BYTES) { message.error(bi(lang, { zh: '文件不能超过 10 MB', en: 'At most 10 MB' })); return Upload.LIST_IGNORE; }
            return false; // sent with the report
          }}>
            <Button icon={<UploadOutlined />}><Bi zh="选择文件" en="Choose files" /></Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
