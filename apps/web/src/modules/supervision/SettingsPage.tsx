import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Form, InputNumber, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { api, errorMessage, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import type { RollupColour, Settings } from './api';
import { ColourTag } from './ColourTag';
import { bi, dateTime } from './shared';

interface Mail { id: string; toAddress: string; subject: string; bodyText: string; status: 'pending' | 'sent' | 'recorded' | 'failed'; error: string | null; createdAt: string; sentAt: string | null }
interface RunResult { asOf: string; reminders: number; mail: { sent: number; recorded: number; failed: number } }

const MAIL_STATUS: Record<Mail['status'], { zh: string; en: string; color: string }> = {
  sent: { zh: '已发送', en: 'Sent', color: 'green' },
  recorded: { zh: '未配置 SMTP，仅记录', en: 'Recorded only (no SMTP)', color: 'default' },
  failed: { zh: '发送失败', en: 'Failed', color: 'red' },
  pending: { zh: '待发送', en: 'Pending', color: 'blue' },
};
const PAGE = 20;

/** The colour rules in words, with the task force's current numbers in them. */
function rules(s: Settings): { colour: RollupColour; zh: string; en: string }[] {
  return [
    { colour: 'red', zh: '已超过完成时限，或进展报告已过报送截止日仍未报送。', en: 'Past its due date, or a progress report is past its deadline and not submitted.' },
    { colour: 'yellow', zh: `实际进度比按计划此时应达的进度落后超过 ${s.paceTolerancePct} 个百分点，或关联指标滞后于其进度线。`, en: `Progress more than ${s.paceTolerancePct} points behind where the schedule says it should be, or its indicator is behind its line.` },
    { colour: 'blue', zh: `距完成时限或下次报告截止日不超过 ${s.nearDays} 天。`, en: `Its due date or next report deadline is within ${s.nearDays} days.` },
    { colour: 'green', zh: '以上均不符合：按计划正常推进。', en: 'None of the above: on track.' },
    { colour: 'closed', zh: '已完成并经工作专班验收销号。', en: 'Done and accepted by the task force.' },
  ];
}

/** 督办设置: the colour thresholds, the reminder lead time, a manual reminder pass and the mail it sent. */
export default function SettingsPage() {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const settings = useApi<Settings>('/api/supervision/settings');
  const [form] = Form.useForm<Settings>();
  const [offset, setOffset] = useState(0);
  // One more than a page: the outbox answers without a total, so the extra row says a next page exists.
  const outbox = useApi<Mail[]>(`/api/mail-outbox${qs({ limit: PAGE + 1, offset })}`);
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<RunResult | null>(null);
  const live = Form.useWatch([], form) as Partial<Settings> | undefined;

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const saved = await api.patch<Settings>('/api/supervision/settings', v);
    form.setFieldsValue(saved);
    message.success(bi(lang, { zh: '督办设置已保存，状态颜色按新设置计算', en: 'Settings saved; colours now follow them' }));
  });

  const run = async () => {
    setRunning(true);
    try {
      const r = await api.post<RunResult>('/api/supervision/reminders/run');
      setRan(r);
      message.success(bi(lang, { zh: `已发出提醒 ${r.reminders} 条`, en: `${r.reminders} reminders made` }));
      setOffset(0);
      outbox.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  const shown = { ...settings.data, ...live } as Settings;
  const rows = outbox.data ?? [];
  const columns: ColumnsType<Mail> = [
    { title: <Bi zh="收件人" en="To" />, dataIndex: 'toAddress', width: 220, render: (t: string) => <span className="mono">{t}</span> },
    { title: <Bi zh="主题" en="Subject" />, dataIndex: 'subject' },
    { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 200,
      render: (s: Mail['status'], m) => {
        const n = MAIL_STATUS[s] ?? { zh: s, en: s, color: 'default' };
        const tag = <Tag color={n.color} data-status={s}>{lang === 'zh' ? n.zh : n.en}</Tag>;
        return m.error ? <Tooltip title={m.error}>{tag}</Tooltip> : tag;
      } },
    { title: <Bi zh="时间" en="Time" />, key: 'time', width: 160, render: (_, m) => dateTime(m.sentAt ?? m.createdAt) },
  ];

  return (
    <>
      <PageHeader title={{ zh: '督办设置', en: 'Supervision settings' }}
        description={bi(lang, { zh: '状态颜色的判定阈值和提醒的提前天数。修改后，所有页面的红黄蓝绿状态即按新设置计算。', en: 'The thresholds behind the status colours and how early reminders go out. Changes apply to every page at once.' })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card className="panel" title={<Bi zh="阈值与提醒" en="Thresholds and reminders" />}>
            <LoadState loading={settings.loading && !settings.data} error={settings.error} reload={settings.reload} rows={4}>
              <Form form={form} layout="vertical" name="supervisionSettings" disabled={saving} onFinish={submit} requiredMark={false}>
                <Form.Item name="nearDays" label={<Bi zh="临期提示天数" en="Due-soon window (days)" />} rules={[{ required: true, type: 'integer', min: 0, max: 90, message: bi(lang, { zh: '须为 0–90 的整数', en: 'An integer 0–90' }) }]}
                  extra={bi(lang, { zh: '距时限不超过此天数时标为蓝色（临期）。', en: 'Items this close to a deadline turn blue.' })}>
                  <InputNumber min={0} max={90} precision={0} suffix={lang === 'zh' ? '天' : 'days'} style={{ width: 200 }} data-testid="settings-near-days" />
                </Form.Item>
                <Form.Item name="reminderDaysBefore" label={<Bi zh="提前提醒天数" en="Remind days before" />} rules={[{ required: true, type: 'integer', min: 0, max: 90, message: bi(lang, { zh: '须为 0–90 的整数', en: 'An integer 0–90' }) }]}
                  extra={bi(lang, { zh: '截止日前此天数起提醒责任单位；当天及逾期后也会提醒。默认 3 天。', en: 'Owners are reminded this many days ahead, on the day and after. Default 3.' })}>
                  <InputNumber min={0} max={90} precision={0} suffix={lang === 'zh' ? '天' : 'days'} style={{ width: 200 }} data-testid="settings-reminder-days" />
                </Form.Item>
                <Form.Item name="paceTolerancePct" label={<Bi zh="滞后容差" en="Pace tolerance" />} rules={[{ required: true, type: 'number', min: 0, max: 50, message: bi(lang, { zh: '须在 0–50 之间', en: 'Between 0 and 50' }) }]}
                  extra={bi(lang, { zh: '进度落后计划超过此百分点时标为黄色（滞后）。', en: 'Items further behind their schedule than this turn yellow.' })}>
                  <InputNumber min={0} max={50} step={1} suffix="%" style={{ width: 200 }} data-testid="settings-pace-tolerance" />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="settings-save"><Bi zh="保存" en="Save" /></Button>
              </Form>
            </LoadState>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card className="panel" title={<Bi zh="状态颜色规则" en="How colours are decided" />} style={{ height: '100%' }}>
            {settings.data ? (
              <>
                <Typography.Paragraph type="secondary">
                  {bi(lang, { zh: '状态由平台按规则自动判定，不可手工填写；依次判断，先符合者为准。任务和行动取其所属工作要点中最严重的颜色。', en: 'Colours are worked out by the platform, never typed in; the first rule that applies wins. A task or action takes the worst colour of its work points.' })}
                </Typography.Paragraph>
                <Descriptions column={1} size="small" bordered>
                  {rules(shown).map((r) => (
                    <Descriptions.Item key={r.colour} label={<ColourTag colour={r.colour} />} styles={{ label: { width: 110 } }}>
                      {lang === 'zh' ? r.zh : r.en}<div className="bi-aside" style={{ marginLeft: 0 }}>{lang === 'zh' ? r.en : r.zh}</div>
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              </>
            ) : <Skeleton active paragraph={{ rows: 5 }} />}
          </Card>
        </Col>
      </Row>

      <section className="section">
        <Card className="panel" title={<Bi zh="提醒与邮件" en="Reminders and mail" />}
          extra={<Space>
            <Button icon={<ReloadOutlined />} onClick={outbox.reload} aria-label={bi(lang, { zh: '刷新发件箱', en: 'Refresh outbox' })} />
            <Button type="primary" icon={<SendOutlined />} loading={running} onClick={run} data-testid="reminders-run"><Bi zh="立即发送提醒" en="Run reminders now" /></Button>
          </Space>}>
          <Typography.Paragraph type="secondary">
            {bi(lang, { zh: '平台每日自动检查时限并提醒责任单位（站内通知和邮件）；同一提醒只发一次，可随时手动执行。未配置 SMTP 时，邮件仅记录在发件箱中。', en: 'The platform checks deadlines daily and reminds owners (in-app and by mail); each reminder is made once, so running it again is safe. Without SMTP, mail is only recorded here.' })}
          </Typography.Paragraph>
          {ran && (
            <Alert type="success" showIcon closable className="panel-alert" onClose={() => setRan(null)} data-testid="reminders-result"
              title={bi(lang, { zh: `${ran.asOf}：新发提醒 ${ran.reminders} 条`, en: `${ran.asOf}: ${ran.reminders} new reminders` })}
              description={bi(lang, { zh: `邮件：已发送 ${ran.mail.sent}，仅记录 ${ran.mail.recorded}，失败 ${ran.mail.failed}`, en: `Mail: ${ran.mail.sent} sent, ${ran.mail.recorded} recorded, ${ran.mail.failed} failed` })} />
          )}
          <Table<Mail>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows.slice(0, PAGE)}
            loading={outbox.loading}
            scroll={{ x: 760 }}
            expandable={{ expandedRowRender: (m) => <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 12.5 }}>{m.bodyText}</pre> }}
            pagination={{
              current: offset / PAGE + 1, pageSize: PAGE, showSizeChanger: false,
              total: offset + Math.min(rows.length, PAGE) + (rows.length > PAGE ? 1 : 0),
              onChange: (p) => setOffset((p - 1) * PAGE), simple: true,
            }}
            locale={{ emptyText: outbox.error ? outbox.error.message : bi(lang, { zh: '发件箱为空。点击“立即发送提醒”后，发出的邮件会列在这里。', en: 'The outbox is empty. Mail appears here after reminders run.' }) }}
            data-testid="mail-outbox"
          />
        </Card>
      </section>
    </>
  );
}
