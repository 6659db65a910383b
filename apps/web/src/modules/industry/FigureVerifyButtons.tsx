import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import type { Figure } from './api';
import { money } from './format';

/** 核实 / 退回 a self-reported year of figures: the district (or the task force) decides; a return says why. */
export function FigureVerifyButtons({ figure, enterpriseName, onDone }: { figure: Figure; enterpriseName?: string; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const verify = async () => {
    setBusy(true);
    try {
      await api.post(`/api/industry/figures/${figure.id}/verify`, { decision: 'verify' });
      message.success(bi(lang, { zh: `已核实 ${figure.year} 年数据`, en: `Verified the ${figure.year} figures` }));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/industry/figures/${figure.id}/verify`, { decision: 'reject', reason: v.reason.trim() });
    message.success(bi(lang, { zh: '已退回，企业可修改后重新报送', en: 'Returned; the enterprise may correct and resubmit' }));
    setReturning(false);
    onDone();
  });

  return (
    <>
      <Space size={4}>
        <Popconfirm title={bi(lang, { zh: `核实${enterpriseName ? ` ${enterpriseName}` : ''} ${figure.year} 年数据？`, en: `Verify the ${figure.year} figures?` })}
          description={bi(lang, { zh: `营业收入 ${money(lang, figure.revenueWan)}；核实后计入目标`, en: `Revenue ${money(lang, figure.revenueWan)}; counts toward the targets once verified` })}
          onConfirm={verify} okText={bi(lang, { zh: '核实', en: 'Verify' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}>
          <Button size="small" type="primary" loading={busy} data-testid={`figure-verify-${figure.id}`}>{one(lang, { zh: '核实', en: 'Verify' })}</Button>
        </Popconfirm>
        <Button size="small" danger onClick={() => setReturning(true)} data-testid={`figure-reject-${figure.id}`}>{one(lang, { zh: '退回', en: 'Return' })}</Button>
      </Space>
      {returning && (
        <Modal open onCancel={() => setReturning(false)} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
          title={<Bi zh={`退回 ${figure.year} 年经营数据`} en={`Return the ${figure.year} figures`} />}
          okText={bi(lang, { zh: '退回', en: 'Return' })} okButtonProps={{ danger: true, 'data-testid': 'figure-reject-ok' } as never} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}>
          <Form form={form} layout="vertical" className="modal-form">
            <Form.Item name="reason" label={<Bi zh="退回理由" en="Why" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明退回理由', en: 'Say why' }) }]}>
              <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3 }} data-testid="figure-reject-reason"
                placeholder={bi(lang, { zh: '例如：营业收入与统计部门数据不符，请附审计报告后重新报送', en: 'e.g. revenue differs from the statistics bureau; attach the audit report and resubmit' })} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
