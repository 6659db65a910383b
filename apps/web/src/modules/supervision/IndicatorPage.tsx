import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  Alert, App as AntApp, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Result, Row, Skeleton, Space, Table, Tag,
  Typography, Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CameraOutlined, DeleteOutlined, LinkOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang, type Lang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { actionLabel } from '../plan/format';
import { upload, type FileMeta, type IndicatorDetail } from './api';
import { COLOURS } from './ColourTag';
import { BehindTag, SourceTag, targetText, towardTarget, valueText } from './WorkIndicator';
import { fileSize, fmtNum, WorkProgress } from './WorkShared';
import { bi, dateTime, todayIso, useRoles } from './shared';

const EChart = lazy(() => import('../../app/components/EChart').then((m) => ({ default: m.EChart })));

type History = IndicatorDetail['history'][number];

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const parseDay = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The baseline → target line the server judges pace by: straight, or along the pace curve. */
function paceLine(i: IndicatorDetail): [string, number][] {
  if (i.baselineValue === null || !i.baselineOn || i.targetValue === null) return [];
  const from = parseDay(i.baselineOn);
  const to = parseDay(`${i.year}-12-31`);
  const curve = i.paceCurve ?? [[0, 0], [1, 100]];
  return curve.map(([x, y]) => [isoDay(from + Math.round(((to - from) / DAY) * x) * DAY), i.baselineValue! + ((i.targetValue! - i.baselineValue!) * y) / 100]);
}

function chartOption(lang: Lang, i: IndicatorDetail) {
  const points = new Map<string, number>();
  for (const h of [...i.history].reverse()) points.set(h.asOf, h.value);
  if (i.value !== null && i.asOf && !points.has(i.asOf)) points.set(i.asOf, i.value);
  const values = [...points].sort(([a], [b]) => a.localeCompare(b));
  const pace = paceLine(i);
  const name = (zh: string, en: string) => (lang === 'zh' ? `${zh} ${en}` : `${en} ${zh}`);
  return {
    grid: { left: 56, right: 32, top: 48, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: i.unit ?? '', scale: true },
    series: [
      {
        name: name('实际值', 'Value'), type: 'line', data: values, symbolSize: 8, lineStyle: { width: 2.5 }, itemStyle: { color: COLOURS.blue.hex },
        markLine: i.targetValue === null ? undefined : {
          symbol: 'none', silent: true, lineStyle: { type: 'dotted', color: COLOURS.green.hex },
          label: { formatter: name('2027 目标', 'target'), position: 'insideEndTop' }, data: [{ yAxis: i.targetValue }],
        },
      },
      ...(pace.length ? [{ name: name('进度线', 'Pace line'), type: 'line', data: pace, symbol: 'none', lineStyle: { type: 'dashed', color: COLOURS.closed.hex }, itemStyle: { color: COLOURS.closed.hex } }] : []),
    ],
  };
}

/** One indicator: its value and pace, its history with evidence, and how it is reported or set. */
export default function IndicatorPage() {
  const { code } = useParams();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { taskForce } = useRoles();
  const ind = useApi<IndicatorDetail>(code ? `/api/indicators/${encodeURIComponent(code)}` : null);
  const [snapping, setSnapping] = useState(false);
  const i = ind.data;
  const option = useMemo(() => (i ? chartOption(lang, i) : null), [i, lang]);

  if (ind.error instanceof ApiError && ind.error.status === 404) {
    return <Result status="404" title={bi(lang, { zh: `指标 ${code} 不存在`, en: `No indicator ${code}` })}
      extra={<Button type="primary" onClick={() => navigate('/supervision/indicators')}><Bi zh="返回指标" en="Back to indicators" /></Button>} />;
  }

  const snapshot = async () => {
    setSnapping(true);
    try {
      const r = await api.post<{ recorded: number; asOf: string }>('/api/indicators/snapshot');
      message.success(bi(lang, { zh: `已记录 ${r.recorded} 项计算指标（${r.asOf}）`, en: `Recorded ${r.recorded} computed values (${r.asOf})` }));
      ind.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSnapping(false);
    }
  };

  const columns: ColumnsType<History> = [
    { title: <Bi zh="截至" en="As of" />, dataIndex: 'asOf', width: 110 },
    { title: <Bi zh="数值" en="Value" />, dataIndex: 'value', width: 130, align: 'right', render: (v: number) => (i ? valueText(lang, i, v) : v) },
    { title: <Bi zh="来源" en="Source" />, dataIndex: 'source', width: 90, render: (s: string) => <SourceTag source={s === 'computed' ? 'computed' : 'reported'} /> },
    { title: <Bi zh="证据说明" en="Evidence" />, key: 'evidence',
      render: (_, h) => (
        <div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{h.evidenceZh ?? '—'}</div>
          {h.file && <a href={`/api/files/${h.file.id}`} download={h.file.name}><PaperClipOutlined /> {h.file.name}</a>}
          {h.source === 'computed' && h.drillDown && <div><Link to={h.drillDown}><LinkOutlined /> {bi(lang, { zh: '明细记录', en: 'Records' })}</Link></div>}
        </div>
      ) },
    { title: <Bi zh="填报人" en="By" />, key: 'who', width: 200,
      render: (_, h) => h.recordedByName || h.organisationNameZh
        ? <div>{h.recordedByName ?? '—'}{h.organisationNameZh && <div className="cell-sub">{h.organisationNameZh}</div>}</div>
        : <Typography.Text type="secondary">{bi(lang, { zh: '系统', en: 'System' })}</Typography.Text> },
    { title: <Bi zh="记录时间" en="Recorded" />, dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
  ];

  const pct = i ? towardTarget(i, i.value) : null;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/supervision"><Bi zh="督办" en="Supervision" /></Link> },
        { title: <Link to="/supervision/indicators"><Bi zh="指标监测" en="Indicators" /></Link> },
        { title: code },
      ]} />
      <LoadState loading={ind.loading && !i} error={ind.error} reload={ind.reload}>
        {i && (
          <>
            <PageHeader title={{ zh: i.indicatorZh, en: i.indicatorEn }}
              tags={
                <Space size={[6, 6]} wrap>
                  <Link to={`/supervision/indicators#action-${i.actionNo}`}><Tag color="blue" className="action-tag">{actionLabel(lang, i.actionNo)}</Tag></Link>
                  <SourceTag source={i.source} />
                  <BehindTag i={i} />
                  <Tag className="mono">{i.code}</Tag>
                </Space>
              }
              description={i.statementZh}
              extra={taskForce && (
                <Button icon={<CameraOutlined />} loading={snapping} onClick={() => void snapshot()} data-testid="indicator-snapshot"><Bi zh="记录今日计算值" en="Snapshot" /></Button>
              )} />
            {i.behind && i.behindReason && (
              <Alert type="warning" showIcon className="panel-alert" title={<Bi zh="滞后于进度线" en="Behind the pace line" />} data-testid="indicator-behind-reason"
                description={<>{lang === 'zh' ? i.behindReason.zh : i.behindReason.en}<div className="cell-sub">{lang === 'zh' ? i.behindReason.en : i.behindReason.zh}</div></>} />
            )}
            <Card className="panel">
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
                { key: 'target', label: <Bi zh="2027 年目标" en="2027 target" />, children: <span className="goal-cell">{targetText(lang, i)}</span> },
                { key: 'value', label: <Bi zh="当前值" en="Current value" />,
                  children: i.value === null ? <Typography.Text type="secondary">{bi(lang, { zh: '尚未填报', en: 'Not yet reported' })}</Typography.Text>
                    : <span><Typography.Text strong>{valueText(lang, i, i.value)}</Typography.Text>{i.asOf && <Typography.Text type="secondary">{lang === 'zh' ? `（截至 ${i.asOf}）` : ` (as of ${i.asOf})`}</Typography.Text>}</span> },
                { key: 'basis', label: <Bi zh="数据依据" en="Basis" />,
                  children: <span>{lang === 'zh' ? i.basisZh : i.basisEn}{i.source === 'computed' && i.drillDown && <> · <Link to={i.drillDown} data-testid="indicator-drilldown"><Bi zh="查看明细记录" en="See the records" /></Link></>}</span> },
                { key: 'baseline', label: <Bi zh="基线" en="Baseline" />,
                  children: i.baselineValue === null ? <Typography.Text type="secondary">{bi(lang, { zh: '未设置', en: 'Not set' })}</Typography.Text> : `${valueText(lang, i, i.baselineValue)}（${i.baselineOn}）` },
                { key: 'expected', label: <Bi zh="此时应达" en="Expected by now" />, children: i.expected === null ? '—' : valueText(lang, i, Math.round(i.expected * 100) / 100) },
                { key: 'progress', label: <Bi zh="目标完成度" en="Toward target" />,
                  children: pct === null ? '—' : <WorkProgress pct={pct} expected={towardTarget(i, i.expected)} behind={i.behind} width={220} /> },
              ]} />
            </Card>
            <Card className="panel section" title={<Bi zh="变化趋势" en="Trend" />}>
              {option && (i.history.length || i.value !== null) ? (
                <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
                  <EChart option={option} height={300} testId="indicator-chart" ariaLabel={bi(lang, { zh: `${i.indicatorZh}变化趋势`, en: `${i.indicatorEn} over time` })} />
                </Suspense>
              ) : <Empty description={bi(lang, { zh: '尚无数值，填报或记录后将显示趋势', en: 'No values yet; the trend appears once values are recorded' })} />}
              {i.baselineValue === null && i.value !== null && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {bi(lang, { zh: '未设置基线，图中不显示进度线，也不判断是否滞后。', en: 'No baseline: no pace line is drawn and pace is not judged.' })}
                </Typography.Paragraph>
              )}
            </Card>
            <Row gutter={[16, 16]} className="section">
              {i.source === 'reported' && (
                <Col xs={24} xl={taskForce ? 12 : 24}><ReportValueCard indicator={i} onDone={ind.reload} /></Col>
              )}
              {taskForce && (
                <Col xs={24} xl={i.source === 'reported' ? 12 : 24}><SettingCard indicator={i} onDone={ind.reload} /></Col>
              )}
            </Row>
            <Card className="panel section" title={<span><Bi zh="历史记录与证据" en="History and evidence" /><Tag className="count-tag">{i.history.length}</Tag></span>}>
              <Table<History> rowKey="id" size="middle" columns={columns} dataSource={i.history} scroll={{ x: 900 }}
                pagination={i.history.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                locale={{ emptyText: <Empty description={i.source === 'reported'
                  ? bi(lang, { zh: '尚无填报记录，请在上方“填报指标值”中填报并附证据。', en: 'Nothing reported yet; report a value with evidence above.' })
                  : bi(lang, { zh: '尚无历史记录；工作专班可点击“记录今日计算值”保存当日数值。', en: 'No history yet; the task force can take a snapshot of today\'s value.' })} /> }} />
            </Card>
          </>
        )}
      </LoadState>
    </>
  );
}

interface ValueForm { value: number; asOf: Dayjs; evidenceZh: string }

/** A reported indicator's new value, with the evidence behind it. */
function ReportValueCard({ indicator: i, onDone }: { indicator: IndicatorDetail; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ValueForm>();
  const [file, setFile] = useState<FileMeta | null>(null);
  const [uploading, setUploading] = useState(false);
  const today = todayIso();

  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/indicators/${encodeURIComponent(i.code)}/values`, { value: v.value, asOf: v.asOf.format('YYYY-MM-DD'), evidenceZh: v.evidenceZh.trim(), fileId: file?.id ?? null });
    message.success(bi(lang, { zh: '已填报', en: 'Reported' }));
    form.resetFields();
    setFile(null);
    onDone();
  });

  const attach = async (f: File) => {
    setUploading(true);
    try {
      setFile(await upload<FileMeta>('/api/files', f));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card className="panel" title={<Bi zh="填报指标值" en="Report a value" />}>
      <Form form={form} layout="vertical" name="indicatorValue" initialValues={{ asOf: dayjs(today) }} disabled={saving}>
        <Space size={16} wrap align="start">
          <Form.Item name="value" label={i.quantified ? <Bi zh={`数值${i.unit ? `（${i.unit}）` : ''}`} en="Value" /> : <Bi zh="完成比例（%）" en="Share done (%)" />}
            rules={[{ required: true, message: bi(lang, { zh: '请填写数值', en: 'Enter the value' }) }]}>
            <InputNumber min={i.quantified ? undefined : 0} max={i.quantified ? undefined : 100} style={{ width: 180 }} suffix={i.quantified ? undefined : '%'} data-testid="indicator-value" />
          </Form.Item>
          <Form.Item name="asOf" label={<Bi zh="截至日期" en="As of" />} rules={[{ required: true, message: bi(lang, { zh: '请选择日期', en: 'Choose the date' }) }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(today), 'day')} data-testid="indicator-asof" />
          </Form.Item>
        </Space>
        <Form.Item name="evidenceZh" label={<Bi zh="证据说明" en="Evidence" />}
          rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '填报须附证据说明', en: 'A reported value needs evidence' }) }, { max: 2000 }]}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="indicator-evidence"
            placeholder={bi(lang, { zh: '说明数据来源，如统计口径、文件名称和文号', en: 'Where the figure comes from: source, document, reference' })} />
        </Form.Item>
        <Form.Item label={<Bi zh="证明文件（可选）" en="Supporting file (optional)" />}>
          {file ? (
            <Space>
              <a href={`/api/files/${file.id}`} download={file.name}><PaperClipOutlined /> {file.name}</a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fileSize(file.sizeBytes)}</Typography.Text>
              <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => setFile(null)} aria-label={bi(lang, { zh: '移除', en: 'Remove' })} />
            </Space>
          ) : (
            <Upload showUploadList={false} maxCount={1} beforeUpload={(f) => { void attach(f); return false; }}>
              <Button icon={<UploadOutlined />} loading={uploading}><Bi zh="上传文件" en="Attach a file" /></Button>
            </Upload>
          )}
        </Form.Item>
        <Button type="primary" onClick={() => void submit()} loading={saving} disabled={uploading} data-testid="indicator-report-submit"><Bi zh="填报" en="Report" /></Button>
      </Form>
    </Card>
  );
}

interface SettingForm { baselineValue?: number | null; baselineOn?: Dayjs | null; paceCurve?: { x: number; y: number }[] }

const S_CURVE = [[0, 0], [0.25, 10], [0.5, 35], [0.75, 70], [1, 100]];

/** The task force's baseline and pace line, against which "behind" is judged. */
function SettingCard({ indicator: i, onDone }: { indicator: IndicatorDetail; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SettingForm>();

  useEffect(() => {
    form.setFieldsValue({
      baselineValue: i.baselineValue, baselineOn: i.baselineOn ? dayjs(i.baselineOn) : null,
      paceCurve: (i.paceCurve ?? []).map(([x, y]) => ({ x, y })),
    });
  }, [i, form]);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const curve = (v.paceCurve ?? []).filter((p) => p && p.x !== undefined && p.y !== undefined).map((p): [number, number] => [p.x, p.y]).sort((a, b) => a[0] - b[0]);
    await api.put(`/api/indicators/${encodeURIComponent(i.code)}/setting`, {
      baselineValue: v.baselineValue ?? null, baselineOn: v.baselineOn ? v.baselineOn.format('YYYY-MM-DD') : null, paceCurve: curve.length ? curve : null,
    });
    message.success(bi(lang, { zh: '已保存基线与进度线', en: 'Baseline and pace line saved' }));
    onDone();
  });

  return (
    <Card className="panel" title={<Bi zh="基线与进度线" en="Baseline and pace line" />}>
      <Form form={form} layout="vertical" name="indicatorSetting" disabled={saving}>
        <Space size={16} wrap align="start">
          <Form.Item name="baselineValue" label={<Bi zh={`基线值${i.unit ? `（${i.unit}）` : ''}`} en="Baseline value" />} dependencies={['baselineOn']}
            rules={[({ getFieldValue }) => ({
              validator: (_, v: number | null | undefined) => ((v === null || v === undefined) !== !getFieldValue('baselineOn')
                ? Promise.reject(new Error(bi(lang, { zh: '基线值与基线日期须同时填写', en: 'Value and date go together' }))) : Promise.resolve()),
            })]}>
            <InputNumber style={{ width: 180 }} data-testid="indicator-baseline-value" />
          </Form.Item>
          <Form.Item name="baselineOn" label={<Bi zh="基线日期" en="Baseline date" />}>
            <DatePicker data-testid="indicator-baseline-on" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {bi(lang, {
            zh: `进度线：从基线到 ${i.year} 年底目标的时间比例（0–1）与应完成比例（%）。不填则为直线。`,
            en: `Pace line: share of the time from baseline to the end of ${i.year} (0–1) and share of the way expected (%). Empty means a straight line.`,
          })}
        </Typography.Paragraph>
        <Form.List name="paceCurve">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline">
                  <Form.Item name={[name, 'x']} rules={[{ required: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}>
                    <InputNumber min={0} max={1} step={0.05} placeholder={bi(lang, { zh: '时间比例', en: 'Time share' })} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'y']} rules={[{ required: true, message: bi(lang, { zh: '必填', en: 'Required' }) }]}>
                    <InputNumber min={0} max={100} step={5} suffix="%" placeholder={bi(lang, { zh: '进度', en: 'Done' })} style={{ width: 130 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={bi(lang, { zh: '删除', en: 'Remove' })} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Space wrap style={{ margin: '4px 0 16px' }}>
                <Button size="small" icon={<PlusOutlined />} onClick={() => add(fields.length ? undefined : { x: 0, y: 0 })}><Bi zh="添加点" en="Add a point" /></Button>
                <Button size="small" onClick={() => form.setFieldValue('paceCurve', S_CURVE.map(([x, y]) => ({ x, y })))}><Bi zh="前缓后快" en="Slow start" /></Button>
                <Button size="small" onClick={() => form.setFieldValue('paceCurve', [])}><Bi zh="直线" en="Straight line" /></Button>
              </Space>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" onClick={() => void submit()} loading={saving} data-testid="indicator-setting-save"><Bi zh="保存" en="Save" /></Button>
          {i.baselineValue !== null && <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>{bi(lang, { zh: `当前基线 ${fmtNum(i.baselineValue, lang)}`, en: `Current baseline ${fmtNum(i.baselineValue, lang)}` })}</Typography.Text>}
        </div>
      </Form>
    </Card>
  );
}
