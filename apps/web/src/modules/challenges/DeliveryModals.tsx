import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { BoardItem } from './api';
import { verdictProblems } from './BoardModel';
import { formFields } from './ChallengeModel';
import { VERDICTS } from './labels';

/** Dates are kept as YYYY-MM-DD in the forms, as the server writes them; the pickers work in dayjs. */
export const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};
const today = () => dayjs().format('YYYY-MM-DD');
const required = (lang: 'zh' | 'en') => [{ required: true, message: bi(lang, { zh: '必填', en: 'Required' }) }];

type Award = Pick<BoardItem, 'id' | 'code' | 'leadNameZh' | 'contractNo' | 'contractSignedOn' | 'payableWan' | 'paidWan'>;

/** 登记合同: the contract number and the day it was signed (the plan's milestones are made from it the first time). */
export function ContractModal({ award, onClose, onDone }: { award: Award; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ contractNo: string; signedOn: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/awards/${award.id}/contract`, v);
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh={`登记合同 ${award.code}`} en={`Record the contract of ${award.code}`} />}>
      <Form form={form} layout="vertical" initialValues={{ contractNo: award.contractNo ?? '', signedOn: award.contractSignedOn ?? today() }}>
        <Form.Item name="contractNo" label={<Bi zh="合同编号" en="Contract number" />} rules={required(lang)}><Input maxLength={60} data-testid="contract-no" /></Form.Item>
        <Form.Item name="signedOn" label={<Bi zh="签订日期" en="Signed on" />} {...dateProps} rules={required(lang)}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记拨付: an amount paid on a day with its voucher, optionally against a milestone; the server keeps the total within what the award may be paid. */
export function PaymentModal({ award, milestones = [], onClose, onDone }: { award: Award; milestones?: { id: string; titleZh: string }[]; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<{ amountWan: number; paidOn: string; voucherNo: string; milestoneId?: string; noteZh?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/awards/${award.id}/tranches`, { ...v, milestoneId: v.milestoneId ?? null, noteZh: v.noteZh?.trim() || null });
    onDone();
  });
  const left = Math.max(0, Math.round((award.payableWan - award.paidWan) * 100) / 100);
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh={`登记拨付 ${award.code}`} en={`Record a payment to ${award.code}`} />}>
      <Typography.Paragraph type="secondary">{bi(lang, { zh: `可拨付 ${award.payableWan} 万元，已拨付 ${award.paidWan} 万元，尚余 ${left} 万元`, en: `May be paid ${award.payableWan}, paid ${award.paidWan}, ${left} left (10k yuan)` })}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ paidOn: today() }}>
        <Form.Item name="amountWan" label={<Bi zh="金额（万元）" en="Amount (10k yuan)" />} rules={required(lang)}><InputNumber min={0} max={left || undefined} style={{ width: '100%' }} data-testid="payment-amount" /></Form.Item>
        <Form.Item name="paidOn" label={<Bi zh="拨付日期" en="Paid on" />} {...dateProps} rules={required(lang)}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="voucherNo" label={<Bi zh="凭证号" en="Voucher" />} rules={required(lang)}><Input maxLength={60} /></Form.Item>
        {milestones.length > 0 && <Form.Item name="milestoneId" label={<Bi zh="对应节点" en="Milestone" />}><Select allowClear options={milestones.map((m) => ({ value: m.id, label: m.titleZh }))} /></Form.Item>}
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />}><Input maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

interface VerdictValues { titleZh: string; heldOn: string; noteZh?: string; verdicts: { awardId: string; verdict?: string; mergeIntoAwardId?: string | null; reasonZh?: string }[] }

/** 记录评估: a review (mid-term or other) with a verdict for every team still running — continue, stop, or merge into a team that continues. */
export function VerdictModal({ challengeId, teams, onClose, onDone }: { challengeId: string; teams: BoardItem[]; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const [form] = Form.useForm<VerdictValues>();
  const verdicts = Form.useWatch('verdicts', form) ?? [];
  const { submit, saving } = useFormSubmit(form, async () => {
    const v = form.getFieldsValue(true) as VerdictValues;
    const problems = verdictProblems(v.verdicts);
    if (problems.length) {
      form.setFields(formFields(problems) as never);
      throw new Error(problems[0].message);
    }
    await api.post(`/api/challenges/${challengeId}/delivery-reviews`, {
      titleZh: v.titleZh, heldOn: v.heldOn, noteZh: v.noteZh?.trim() || null,
      verdicts: v.verdicts.map((x) => ({ awardId: x.awardId, verdict: x.verdict, mergeIntoAwardId: x.verdict === 'merge' ? x.mergeIntoAwardId ?? null : null, reasonZh: x.reasonZh?.trim() || null })),
    });
    onDone();
  });
  return (
    <Modal open width={860} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden title={<Bi zh="记录评估与团队结论" en="Record a review and each team's verdict" />}>
      <Form form={form} layout="vertical" initialValues={{ titleZh: '中期评估', heldOn: today(), verdicts: teams.map((t) => ({ awardId: t.id, verdict: 'continue' })) }}>
        <Form.Item name="titleZh" label={<Bi zh="评估名称" en="Review" />} rules={required(lang)}><Input maxLength={200} /></Form.Item>
        <Form.Item name="heldOn" label={<Bi zh="评估日期" en="Held on" />} {...dateProps} rules={required(lang)}><DatePicker /></Form.Item>
        <Form.List name="verdicts">
          {(rows, _ops, { errors }) => (
            <>
              <Table size="small" pagination={false} rowKey="key" dataSource={rows} columns={[
                { title: <Bi zh="团队" en="Team" />, key: 'team', width: 200, render: (_, row) => <div><span className="mono">{teams[row.name]?.code}</span><div className="cell-sub">{teams[row.name]?.leadNameZh}</div></div> },
                { title: <Bi zh="结论" en="Verdict" />, key: 'verdict', width: 250, render: (_, row) => (
                  <Form.Item name={[row.name, 'verdict']} noStyle><Radio.Group optionType="button" size="small" options={Object.entries(VERDICTS).map(([value, n]) => ({ value, label: lang === 'zh' ? n.zh : n.en }))} /></Form.Item>
                ) },
                { title: <Bi zh="并入" en="Merge into" />, key: 'merge', width: 160, render: (_, row) => verdicts[row.name]?.verdict === 'merge' && (
                  <Form.Item name={[row.name, 'mergeIntoAwardId']} style={{ margin: 0 }}><Select style={{ width: 140 }} options={teams.filter((t) => t.id !== teams[row.name]?.id).map((t) => ({ value: t.id, label: t.code }))} /></Form.Item>
                ) },
                { title: <Bi zh="理由" en="Reason" />, key: 'reason', render: (_, row) => <Form.Item name={[row.name, 'reasonZh']} style={{ margin: 0 }}><Input maxLength={2000} placeholder={bi(lang, { zh: '终止或合并须说明', en: 'Required for stop or merge' })} /></Form.Item> },
              ]} />
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Form.Item name="noteZh" label={<Bi zh="评估说明" en="Note" />} style={{ marginTop: 12 }}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}
