import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { useFormSubmit } from '../../../app/useFormSubmit';
import { bi } from '../../supervision/shared';
import { dateProps, notAfterToday, required, requiredValue } from '../stock/forms';
import type { StrainFull } from './api';
import { CHECK_KINDS } from './labels';

type Dialog = 'receive' | 'check' | 'reject' | 'withdraw' | null;

/** One small form in a modal, posted to the strain's action. */
function ActionModal({ title, path, onClose, onDone, children, initial, testId }: {
  title: { zh: string; en: string }; path: string; onClose: () => void; onDone: () => void; children: React.ReactNode; initial?: Record<string, unknown>; testId: string;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(path, v);
    message.success(bi(lang, { zh: `${title.zh}：已完成`, en: `${title.en}: done` }));
    onDone();
  });
  return (
    <Modal open title={<Bi zh={title.zh} en={title.en} />} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      okText={bi(lang, { zh: '确定', en: 'OK' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': `${testId}-ok` } as never}>
      <Form form={form} layout="vertical" initialValues={initial}>{children}</Form>
    </Modal>
  );
}

/**
 * The deposit's next steps for the caller (what the server says it may do): receive, record a
 * test, mark checked, accession, reject with the reason; withdraw (the depositor before receipt,
 * a curator an accessioned strain with the reason).
 */
export function DepositActions({ s, onDone, size = 'small' }: { s: StrainFull; onDone: () => void; size?: 'small' | 'middle' }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const may = s.may;
  if (!may) return null;
  const base = `/api/strains/${s.id}`;
  const done = () => { setDialog(null); onDone(); };
  const direct = async (path: string, ok: { zh: string; en: string }) => {
    try {
      await api.post(`${base}/${path}`, {});
      message.success(bi(lang, ok));
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <Space wrap size={4}>
      {may.receive && <Button size={size} type="primary" onClick={() => setDialog('receive')} data-testid="records-action-receive"><Bi zh="接收" en="Receive" /></Button>}
      {may.recordCheck && <Button size={size} onClick={() => setDialog('check')} data-testid="records-action-check"><Bi zh="记录检测" en="Record a test" /></Button>}
      {may.markChecked && (
        <Popconfirm title={bi(lang, { zh: '三项检测最新一次均合格？', en: 'Have the latest three tests passed?' })} onConfirm={() => direct('mark-checked', { zh: '已判定检测合格', en: 'Marked checked' })}>
          <Button size={size} data-testid="records-action-mark-checked"><Bi zh="判定合格" en="Mark checked" /></Button>
        </Popconfirm>
      )}
      {may.accession && (
        <Popconfirm title={bi(lang, { zh: '赋予下一个 CQMCC 保藏编号？编号一经赋予永不重复使用。', en: 'Give the next CQMCC number? A number is never given again.' })} onConfirm={() => direct('accession', { zh: '已保藏', en: 'Accessioned' })}>
          <Button size={size} type="primary" data-testid="records-action-accession"><Bi zh="保藏编号" en="Accession" /></Button>
        </Popconfirm>
      )}
      {may.reject && <Button size={size} danger onClick={() => setDialog('reject')} data-testid="records-action-reject"><Bi zh="不予保藏" en="Reject" /></Button>}
      {may.withdraw && <Button size={size} onClick={() => setDialog('withdraw')} data-testid="records-action-withdraw"><Bi zh="撤回" en="Withdraw" /></Button>}

      {dialog === 'receive' && (
        <ActionModal title={{ zh: '接收保藏材料', en: 'Receive the material' }} path={`${base}/receive`} onClose={() => setDialog(null)} onDone={done} initial={{ receivedOn: today }} testId="records-receive">
          <Form.Item name="receivedOn" label={<Bi zh="接收日期" en="Received on" />} rules={requiredValue(lang, '请选择日期', 'Choose the date')} {...dateProps}><DatePicker disabledDate={notAfterToday} /></Form.Item>
          <Form.Item name="receivedConditionZh" label={<Bi zh="到货状况" en="Condition" />} rules={required(lang, '请填写到货状况', 'Say in what condition it arrived')}><Input data-testid="records-receive-condition" /></Form.Item>
          <Form.Item name="receivedMaterialZh" label={<Bi zh="收到的材料" en="What arrived" />} rules={required(lang, '请填写收到的材料', 'Say what arrived')}><Input placeholder="冻干管 2 支" data-testid="records-receive-material" /></Form.Item>
        </ActionModal>
      )}
      {dialog === 'check' && (
        <ActionModal title={{ zh: '记录检测', en: 'Record a test' }} path={`${base}/checks`} onClose={() => setDialog(null)} onDone={done} initial={{ testedOn: today, passed: true, kind: 'purity' }} testId="records-check">
          <Form.Item name="kind" label={<Bi zh="检测项目" en="Test" />} rules={requiredValue(lang, '请选择', 'Choose one')}>
            <Select options={Object.entries(CHECK_KINDS).map(([value, n]) => ({ value, label: bi(lang, n) }))} data-testid="records-check-kind" />
          </Form.Item>
          <Form.Item name="passed" label={<Bi zh="结论" en="Verdict" />}><Radio.Group options={[{ value: true, label: bi(lang, { zh: '合格', en: 'Passed' }) }, { value: false, label: bi(lang, { zh: '不合格', en: 'Failed' }) }]} /></Form.Item>
          <Form.Item name="methodZh" label={<Bi zh="方法" en="Method" />} rules={required(lang, '请填写方法', 'Name the method')}><Input placeholder="平板划线 / 16S rRNA 测序" data-testid="records-check-method" /></Form.Item>
          <Form.Item name="resultZh" label={<Bi zh="结果" en="Result" />} rules={required(lang, '请填写结果', 'Write the result')}><Input.TextArea rows={2} data-testid="records-check-result" /></Form.Item>
          <Form.Item name="testedOn" label={<Bi zh="检测日期" en="Tested on" />} rules={requiredValue(lang, '请选择日期', 'Choose the date')} {...dateProps}><DatePicker disabledDate={notAfterToday} /></Form.Item>
        </ActionModal>
      )}
      {dialog === 'reject' && (
        <ActionModal title={{ zh: '不予保藏', en: 'Reject the deposit' }} path={`${base}/reject`} onClose={() => setDialog(null)} onDone={done} testId="records-reject">
          <Form.Item name="reasonZh" label={<Bi zh="理由（保藏单位可见）" en="Reason (the depositor reads it)" />} rules={required(lang, '请说明理由', 'Say why')}><Input.TextArea rows={3} data-testid="records-reject-reason" /></Form.Item>
        </ActionModal>
      )}
      {dialog === 'withdraw' && (
        <ActionModal title={{ zh: '撤回', en: 'Withdraw' }} path={`${base}/withdraw`} onClose={() => setDialog(null)} onDone={done} testId="records-withdraw">
          <Form.Item name="reasonZh" label={<Bi zh="理由" en="Reason" />} rules={s.status === 'accessioned' ? required(lang, '撤销保藏须说明理由', 'Say why the strain is withdrawn') : []}
            extra={s.status === 'accessioned' ? bi(lang, { zh: '保藏编号保留，不再赋予其他菌种', en: 'The accession stays on the record and is never given again' }) : undefined}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
    </Space>
  );
}
