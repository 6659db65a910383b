import { useEffect, useState } from 'react';
import {
  Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Result, Row, Space, Steps, Switch, Table,
  Tag, Timeline, Typography, Upload,
} from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PaperClipOutlined, PlusOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { upload, type FileMeta, type Figure, type ReportDetail } from './api';
import { fileSize, fmtNum, fmtPct, FREQUENCY_NAMES, LateTag, ReportStateTag, useTaskOptions } from './WorkShared';
import { bi, dateTime, type Named } from './shared';

interface Values { textZh: string; progressPct: number; complete: boolean; figures: { nameZh: string; value: number; unit?: string | null }[] }

const TEXT_MAX = 5000;
const FILES_MAX = 10;
const EVENT_NAMES: Record<string, Named & { color: string }> = {
  draft: { zh: '起草', en: 'Drafted', color: 'gray' },
  edit: { zh: '修改', en: 'Edited', color: 'gray' },
  submit: { zh: '报送', en: 'Submitted', color: 'blue' },
  resubmit: { zh: '重新报送', en: 'Resubmitted', color: 'blue' },
  return: { zh: '退回', en: 'Returned', color: 'red' },
  accept: { zh: '审核通过', en: 'Accepted', color: 'green' },
};

/** Like fieldErrors, but keeps list paths ("/figures/0/nameZh") so the error sits beside its row. */
function deepFieldErrors(err: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(err instanceof ApiError)) return [];
  return err.details.filter((d) => d.path.length > 1).map((d) => ({
    name: d.path.slice(1).split('/').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)),
    errors: [d.message],
  }));
}

const FileLink = ({ f }: { f: FileMeta }) => (
  <a href={`/api/files/${f.id}`} download={f.name} data-testid={`report-file-${f.id}`}><PaperClipOutlined /> {f.name}</a>
);

/** One progress report: the owner writes and submits it; the task force returns or accepts it. */
export default function ReportPage() {
  const { id } = useParams();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const report = useApi<ReportDetail>(id ? `/api/reports/${id}` : null);
  const tasks = useTaskOptions();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileMeta[]>([]);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [review, setReview] = useState<'return' | 'accept' | null>(null);

  const r = report.data;
  const steps = r?.steps ?? [];
  const editable = steps.includes('edit');

  // The form starts from the server's copy each time it arrives (after a save, too).
  useEffect(() => {
    if (!r) return;
    setFiles(r.files);
    if (!r.steps.includes('edit')) return;
    form.setFieldsValue({ textZh: r.textZh, progressPct: r.progressPct, complete: r.complete, figures: r.figures.map((f) => ({ ...f, unit: f.unit ?? undefined })) });
  }, [r, form]);

  if (report.error instanceof ApiError && report.error.status === 404) {
    return <Result status="404" title={bi(lang, { zh: '进展报告不存在或无权查看', en: 'No such report, or not yours to see' })}
      extra={<Button type="primary" onClick={() => navigate('/supervision/reports')}><Bi zh="返回进展报送" en="Back to reports" /></Button>} />;
  }

  const content = (v: Values) => ({
    textZh: v.textZh ?? '', progressPct: v.progressPct ?? 0, complete: !!v.complete, fileIds: files.map((f) => f.id),
    figures: (v.figures ?? []).map((f): Figure => ({ nameZh: f.nameZh.trim(), value: f.value, unit: f.unit?.trim() || null })),
  });

  /** Saves, and with `andSubmit` submits; the form shows the server's field problems beside their fields. */
  const save = async (andSubmit: boolean) => {
    if (!r) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (andSubmit && !v.textZh?.trim()) {
      form.setFields([{ name: 'textZh', errors: [bi(lang, { zh: '报送前须填写进展情况', en: 'Describe the progress before submitting' })] }]);
      return;
    }
    setBusy(andSubmit ? 'submit' : 'save');
    try {
      // Submitting what is already saved needs no edit (and no "edited" line in the timeline).
      const next = content(v);
      const saved = { textZh: r.textZh, progressPct: r.progressPct, complete: r.complete, fileIds: r.fileIds, figures: r.figures.map((f) => ({ nameZh: f.nameZh, value: f.value, unit: f.unit ?? null })) };
      if (!andSubmit || JSON.stringify(next) !== JSON.stringify(saved)) await api.patch(`/api/reports/${r.id}`, next);
      if (andSubmit) await api.post(`/api/reports/${r.id}/submit`);
      message.success(andSubmit
        ? bi(lang, r.state === 'returned' ? { zh: '已重新报送', en: 'Resubmitted' } : { zh: '已报送', en: 'Submitted' })
        : bi(lang, { zh: '已保存', en: 'Saved' }));
      report.reload();
    } catch (e) {
      const fields = deepFieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      message.error(errorMessage(e));
      report.reload();
    } finally {
      setBusy(null);
    }
  };

  const attach = async (file: File) => {
    if (files.length + uploading >= FILES_MAX) {
      message.warning(bi(lang, { zh: `最多 ${FILES_MAX} 个附件`, en: `At most ${FILES_MAX} attachments` }));
      return;
    }
    setUploading((n) => n + 1);
    try {
      const meta = await upload<FileMeta>('/api/files', file);
      setFiles((fs) => [...fs, meta]);
    } catch (e) {
      message.error(`${file.name}：${errorMessage(e)}`);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const stepItems = r ? [
    { title: <Bi zh="草稿" en="Draft" />, status: 'finish' as const },
    r.state === 'returned'
      ? { title: <Bi zh="已退回" en="Returned" />, status: 'error' as const, content: bi(lang, { zh: '待修改后重新报送', en: 'To be revised and resubmitted' }) }
      : { title: <Bi zh="已报送" en="Submitted" />, status: r.state === 'draft' ? 'wait' as const : r.state === 'submitted' ? 'process' as const : 'finish' as const,
          content: r.submittedAt ? dateTime(r.submittedAt) : undefined },
    { title: <Bi zh="已审核通过" en="Accepted" />, status: r.state === 'accepted' ? 'finish' as const : 'wait' as const, content: r.acceptedAt ? dateTime(r.acceptedAt) : undefined },
  ] : [];

  const task = r ? tasks.title(r.workPoint.taskNo) : undefined;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/supervision"><Bi zh="督办" en="Supervision" /></Link> },
        { title: <Link to="/supervision/reports"><Bi zh="进展报送" en="Progress reports" /></Link> },
        { title: r ? `${r.workPoint.code} · ${r.periodLabel}` : '…' },
      ]} />
      <LoadState loading={report.loading && !r} error={report.error} reload={report.reload}>
        {r && (
          <>
            <PageHeader title={{ zh: `${r.periodLabel} 进展报告 · ${r.workPoint.titleZh}`, en: `${r.periodLabel} progress report · ${r.workPoint.titleZh}` }}
              tags={<Space size={[6, 6]} wrap><ReportStateTag state={r.state} /><LateTag late={r.late} />{r.complete && <Tag color="green">{bi(lang, { zh: '申请销号', en: 'Reported complete' })}</Tag>}</Space>}
              extra={(steps.includes('return') || steps.includes('accept')) && (
                <Space>
                  {steps.includes('return') && <Button danger onClick={() => setReview('return')} data-testid="report-return"><Bi zh="退回" en="Return" /></Button>}
                  {steps.includes('accept') && <Button type="primary" onClick={() => setReview('accept')} data-testid="report-accept"><Bi zh="审核通过" en="Accept" /></Button>}
                </Space>
              )} />
            {r.state === 'returned' && (
              <Alert type="error" showIcon className="panel-alert" data-testid="report-review-comment"
                title={<Bi zh={`已退回${r.returnedCount > 1 ? `（第 ${r.returnedCount} 次）` : ''}，审核意见`} en={`Returned${r.returnedCount > 1 ? ` (${r.returnedCount}×)` : ''}: review comment`} />}
                description={<div style={{ whiteSpace: 'pre-wrap' }}>{r.reviewComment}</div>} />
            )}
            {r.state === 'accepted' && r.reviewComment && (
              <Alert type="success" showIcon className="panel-alert" title={<Bi zh="审核意见" en="Review comment" />} description={<div style={{ whiteSpace: 'pre-wrap' }}>{r.reviewComment}</div>} />
            )}
            <Card className="panel">
              <Steps items={stepItems} size="small" style={{ marginBottom: 20 }} data-testid="report-steps" />
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
                { key: 'wp', label: <Bi zh="工作要点" en="Work point" />, span: 2,
                  children: <Link to={`/supervision/work-points/${r.workPoint.id}`}><span className="mono">{r.workPoint.code}</span> {r.workPoint.titleZh}</Link> },
                { key: 'task', label: <Bi zh="重点任务" en="Task" />, children: <Link to={`/plan/tasks/${r.workPoint.taskNo}`}>{r.workPoint.taskNo}. {task ? (lang === 'zh' ? task.titleZh : task.titleEn) : ''}</Link> },
                { key: 'period', label: <Bi zh="报送期" en="Period" />, children: `${r.periodLabel}（${r.periodStart} — ${r.periodEnd}）` },
                { key: 'deadline', label: <Bi zh="报送截止" en="Deadline" />, children: <Space size={6}>{r.deadline}<LateTag late={r.late} /></Space> },
                { key: 'frequency', label: <Bi zh="报送频次" en="Reporting" />, children: FREQUENCY_NAMES[r.workPoint.frequency] ? bi(lang, FREQUENCY_NAMES[r.workPoint.frequency]) : r.workPoint.frequency },
                { key: 'first', label: <Bi zh="首次报送" en="First submitted" />, children: dateTime(r.firstSubmittedAt) },
                { key: 'updated', label: <Bi zh="最后修改" en="Last changed" />, children: dateTime(r.updatedAt) },
                { key: 'returned', label: <Bi zh="退回次数" en="Times returned" />, children: r.returnedCount },
              ]} />
            </Card>
            <Row gutter={[16, 16]} className="section">
              <Col xs={24} xl={16}>
                {editable ? (
                  <Card className="panel" title={<Bi zh="填写进展" en="Write the report" />}>
                    <Form form={form} layout="vertical" name="report" disabled={!!busy}>
                      <Form.Item name="textZh" label={<Bi zh="进展情况" en="Progress" />} rules={[{ max: TEXT_MAX }]}>
                        <Input.TextArea maxLength={TEXT_MAX} showCount autoSize={{ minRows: 6, maxRows: 18 }} data-testid="report-text"
                          placeholder={bi(lang, { zh: '写明本期完成的工作、取得的成果、存在的问题和下一步安排。', en: 'What was done this period, results, problems, and next steps.' })} />
                      </Form.Item>
                      <Space size={32} wrap align="start">
                        <Form.Item name="progressPct" label={<Bi zh="完成进度（%）" en="Done (%)" />} rules={[{ required: true, message: bi(lang, { zh: '请填写进度', en: 'Enter the progress' }) }, { type: 'number', min: 0, max: 100 }]}>
                          <InputNumber min={0} max={100} step={5} suffix="%" style={{ width: 140 }} data-testid="report-progress" />
                        </Form.Item>
                        <Form.Item name="complete" label={<Bi zh="已完成，申请销号" en="Done: ask to close out" />} valuePropName="checked"
                          extra={bi(lang, { zh: '审核通过后工作要点销号', en: 'Closes the work point once accepted' })}>
                          <Switch data-testid="report-complete" />
                        </Form.Item>
                      </Space>
                      <div style={{ marginTop: 8 }}><Typography.Text strong><Bi zh="数据" en="Figures" /></Typography.Text></div>
                      <Form.List name="figures">
                        {(fields, { add, remove }) => (
                          <div style={{ marginTop: 8 }}>
                            {fields.map(({ key, name }) => (
                              <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                                <Form.Item name={[name, 'nameZh']} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写名称', en: 'Name it' }) }, { max: 60 }]}>
                                  <Input placeholder={bi(lang, { zh: '名称，如 入库菌种', en: 'Name' })} maxLength={60} style={{ width: 240 }} />
                                </Form.Item>
                                <Form.Item name={[name, 'value']} rules={[{ required: true, message: bi(lang, { zh: '请填写数值', en: 'Enter a value' }) }]}>
                                  <InputNumber placeholder={bi(lang, { zh: '数值', en: 'Value' })} style={{ width: 140 }} />
                                </Form.Item>
                                <Form.Item name={[name, 'unit']} rules={[{ max: 20 }]}>
                                  <Input placeholder={bi(lang, { zh: '单位', en: 'Unit' })} maxLength={20} style={{ width: 100 }} />
                                </Form.Item>
                                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label={bi(lang, { zh: '删除', en: 'Remove' })} />
                              </Space>
                            ))}
                            <Form.Item>
                              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ nameZh: '', value: undefined, unit: '' })} disabled={fields.length >= 20} data-testid="report-add-figure">
                                <Bi zh="添加数据" en="Add a figure" />
                              </Button>
                            </Form.Item>
                          </div>
                        )}
                      </Form.List>
                      <div><Typography.Text strong><Bi zh="附件" en="Attachments" /></Typography.Text></div>
                      <div style={{ margin: '8px 0 20px' }}>
                        {files.length > 0 && (
                          <List size="small" bordered style={{ marginBottom: 8 }} dataSource={files} renderItem={(f) => (
                            <List.Item actions={[<Button key="rm" type="text" size="small" icon={<DeleteOutlined />} aria-label={bi(lang, { zh: '移除', en: 'Remove' })}
                              onClick={() => setFiles((fs) => fs.filter((x) => x.id !== f.id))} />]}>
                              <FileLink f={f} /> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fileSize(f.sizeBytes)}</Typography.Text>
                            </List.Item>
                          )} />
                        )}
                        <Upload multiple showUploadList={false} beforeUpload={(file) => { void attach(file); return false; }} disabled={!!busy || files.length >= FILES_MAX}>
                          <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={!!busy || files.length >= FILES_MAX} data-testid="report-attach">
                            <Bi zh="上传附件" en="Attach files" />
                          </Button>
                        </Upload>
                        <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                          {bi(lang, { zh: `最多 ${FILES_MAX} 个，每个不超过 10 MB；保存后生效`, en: `Up to ${FILES_MAX}, 10 MB each; kept when you save` })}
                        </Typography.Text>
                      </div>
                      <Space wrap>
                        <Button icon={<SaveOutlined />} onClick={() => void save(false)} loading={busy === 'save'} disabled={uploading > 0} data-testid="report-save">
                          <Bi zh="保存" en="Save" />
                        </Button>
                        {steps.includes('submit') && (
                          <Button type="primary" icon={<SendOutlined />} onClick={() => void save(true)} loading={busy === 'submit'} disabled={uploading > 0} data-testid="report-submit">
                            {r.state === 'returned' ? <Bi zh="重新报送" en="Resubmit" /> : <Bi zh="报送" en="Submit" />}
                          </Button>
                        )}
                      </Space>
                    </Form>
                  </Card>
                ) : (
                  <Card className="panel" title={<Bi zh="报告内容" en="The report" />}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="report-text-view">
                      {r.textZh || <Typography.Text type="secondary">{bi(lang, { zh: '尚未填写进展情况', en: 'No text yet' })}</Typography.Text>}
                    </Typography.Paragraph>
                    <Descriptions size="small" column={2} items={[
                      { key: 'pct', label: <Bi zh="完成进度" en="Done" />, children: `${fmtPct(r.progressPct)}%` },
                      { key: 'complete', label: <Bi zh="申请销号" en="Reported complete" />, children: r.complete ? bi(lang, { zh: '是', en: 'Yes' }) : bi(lang, { zh: '否', en: 'No' }) },
                    ]} />
                    <Typography.Title level={5}><Bi zh="数据" en="Figures" /></Typography.Title>
                    {r.figures.length ? (
                      <Table<Figure> size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={r.figures} style={{ marginBottom: 16 }} columns={[
                        { title: <Bi zh="名称" en="Name" />, dataIndex: 'nameZh' },
                        { title: <Bi zh="数值" en="Value" />, dataIndex: 'value', align: 'right', render: (v: number) => fmtNum(v, lang) },
                        { title: <Bi zh="单位" en="Unit" />, dataIndex: 'unit', render: (u?: string | null) => u || '—' },
                      ]} />
                    ) : <Typography.Paragraph type="secondary">{bi(lang, { zh: '未填报数据', en: 'No figures' })}</Typography.Paragraph>}
                    <Typography.Title level={5}><Bi zh="附件" en="Attachments" /></Typography.Title>
                    {r.files.length ? (
                      <List size="small" dataSource={r.files} renderItem={(f) => (
                        <List.Item><FileLink f={f} /> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fileSize(f.sizeBytes)}</Typography.Text></List.Item>
                      )} />
                    ) : <Typography.Text type="secondary">{bi(lang, { zh: '无附件', en: 'No attachments' })}</Typography.Text>}
                  </Card>
                )}
              </Col>
              <Col xs={24} xl={8}>
                <Card className="panel" title={<Bi zh="办理记录" en="History" />}>
                  {r.events.length ? (
                    <Timeline data-testid="report-timeline" items={r.events.map((e) => {
                      const n = EVENT_NAMES[e.action] ?? { zh: e.action, en: e.action, color: 'gray' };
                      return {
                        key: e.id, color: n.color,
                        title: dateTime(e.at),
                        content: (
                          <div data-action={e.action}>
                            <Typography.Text strong>{lang === 'zh' ? n.zh : n.en}</Typography.Text><span className="bi-aside">{lang === 'zh' ? n.en : n.zh}</span>
                            <div className="cell-sub">{e.actorName}</div>
                            {e.comment && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{e.comment}</div>}
                          </div>
                        ),
                      };
                    })} />
                  ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无记录', en: 'Nothing yet' })} />}
                </Card>
              </Col>
            </Row>
          </>
        )}
      </LoadState>
      {review && r && <ReviewModal kind={review} reportId={r.id} onClose={() => setReview(null)} onDone={() => { setReview(null); report.reload(); }} />}
    </>
  );
}

/** Return (a comment is required, so the owner knows what to change) or accept (a comment is optional). */
function ReviewModal({ kind, reportId, onClose, onDone }: { kind: 'return' | 'accept'; reportId: string; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const returning = kind === 'return';

  const { submit: ok, saving } = useFormSubmit(form, async (v: { comment?: string }) => {
    const comment = v.comment?.trim();
    await api.post(`/api/reports/${reportId}/${kind}`, returning ? { comment } : comment ? { comment } : {});
    message.success(bi(lang, returning ? { zh: '已退回', en: 'Returned' } : { zh: '已审核通过', en: 'Accepted' }));
    onDone();
  });

  return (
    <Modal open onCancel={onClose} onOk={ok} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={returning ? <Bi zh="退回报告" en="Return the report" /> : <Bi zh="审核通过" en="Accept the report" />}
      okText={returning ? bi(lang, { zh: '退回', en: 'Return' }) : bi(lang, { zh: '审核通过', en: 'Accept' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger: returning, 'data-testid': returning ? 'return-ok' : 'accept-ok' } as never}>
      <Form form={form} layout="vertical" name={`review-${kind}`}>
        <Form.Item name="comment" label={returning ? <Bi zh="退回意见" en="What to change" /> : <Bi zh="审核意见（可选）" en="Comment (optional)" />}
          rules={[...(returning ? [{ required: true, whitespace: true, message: bi(lang, { zh: '退回须写明意见', en: 'A return needs a comment' }) }] : []), { max: 2000 }]}>
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} data-testid={returning ? 'return-comment' : 'accept-comment'} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
