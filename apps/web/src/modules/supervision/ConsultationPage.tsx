import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Result, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MessageOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, qs } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import type { Consultation, ConsultationComment } from './api';
import { DISPOSITION, options, WINDOW } from './PubLabels';
import { MissingResult, NamedTag, useAction } from './PubShared';
import { dateTime, ExportButton, useTaskForce } from './shared';

const CONTACT_LABELS: [string, string][] = [['channelZh', '意见反馈渠道 Channel'], ['contactName', '联系人 Contact'], ['phone', '电话 Phone'], ['email', '电子邮箱 E-mail']];

/**
 * One consultation: the draft as plain text, the window, and — while it is open — a comment form
 * anyone may use without signing in. The task force reads and answers the comments.
 */
export default function ConsultationPage() {
  const { id } = useParams();
  const taskForce = useTaskForce();
  const { confirm } = useAction();
  const c = useApi<Consultation>(id ? `/api/consultations/${id}` : null);
  const d = c.data;

  if (c.error instanceof ApiError && c.error.status === 404) {
    return <MissingResult error={c.error} backTo="/consultations" backZh="返回征求意见列表" backEn="All consultations" />;
  }

  const publish = () => d && confirm({
    title: `发布「${d.titleZh}」？`, content: `发布后公众即可查阅，并在 ${d.opensOn} 至 ${d.closesOn} 期间提交意见。（Publishing makes the draft public.）`,
    okText: '发布 Publish', ok: '已发布（Published）', testId: 'consultation-publish-ok',
    action: () => api.post(`/api/consultations/${d.id}/publish`), after: c.reload,
  });

  const contact = CONTACT_LABELS.filter(([k]) => d?.contact?.[k]);

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/consultations">征求意见 Consultations</Link> }, { title: d?.code ?? '…' }]} />
      <LoadState loading={c.loading && !d} error={c.error} reload={c.reload}>
        {d && (
          <>
            <PageHeader title={{ zh: d.titleZh, en: 'Public consultation' }}
              tags={(
                <Space size={4} wrap>
                  <Tag className="mono">{d.code}</Tag>
                  {d.status === 'draft' && <Tag color="orange">草稿 Draft</Tag>}
                  <NamedTag n={WINDOW[d.window]} testId="consultation-window" />
                  <Tag>{d.opensOn} 至 {d.closesOn}</Tag>
                </Space>
              )}
              description={d.summaryZh ?? undefined}
              extra={taskForce && d.status === 'draft' && <Button type="primary" icon={<SendOutlined />} onClick={publish} data-testid="consultation-publish"><Bi zh="发布" en="Publish" /></Button>} />
            {d.status === 'draft' && <Alert className="panel-alert" type="warning" showIcon title="草稿：仅工作专班可见，发布后公众方可查阅和提交意见。（Draft: only the task force sees it until published.）" />}
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={15}>
                <Card className="panel" title={<Bi zh="征求意见稿" en="Draft text" />} styles={{ body: { maxHeight: 640, overflow: 'auto' } }}>
                  <DraftText text={d.draftText ?? ''} />
                </Card>
              </Col>
              <Col xs={24} xl={9}>
                <Space orientation="vertical" size={16} className="full-width">
                  <CommentPanel consultation={d} onReceived={c.reload} />
                  <Card className="panel" size="small" title={<Bi zh="征求意见信息" en="About" />}>
                    <Descriptions column={1} size="small" items={[
                      { key: 'window', label: '意见期 Window', children: `${d.opensOn} 至 ${d.closesOn}` },
                      { key: 'count', label: '收到意见 Received', children: `${d.comments} 条${taskForce && d.answered !== undefined ? `，已答复 ${d.answered} 条` : ''}` },
                      ...contact.map(([k, label]) => ({ key: k, label, children: d.contact![k] })),
                    ]} />
                  </Card>
                </Space>
              </Col>
            </Row>
            {taskForce && <CommentsTable consultation={d} onAnswered={c.reload} />}
          </>
        )}
      </LoadState>
    </>
  );
}

/** The draft is plain text: one React text node per paragraph, never HTML. */
function DraftText({ text }: { text: string }) {
  const paragraphs = useMemo(() => text.split(/\n+/).map((p) => p.trim()).filter(Boolean), [text]);
  if (!paragraphs.length) return <Empty description="征求意见稿暂无正文（No text）" />;
  return (
    <div data-testid="consultation-draft" style={{ lineHeight: 1.9, fontSize: 15 }}>
      {paragraphs.map((p, i) => <p key={i} style={{ whiteSpace: 'pre-wrap', textIndent: '2em', margin: '0 0 8px' }}>{p}</p>)}
    </div>
  );
}

interface CommentValues { body: string; authorName?: string; organisationName?: string; contact?: string; sectionRef?: string }

function CommentPanel({ consultation: c, onReceived }: { consultation: Consultation; onReceived: () => void }) {
  const [form] = Form.useForm<CommentValues>();
  const [received, setReceived] = useState<string | null>(null);
  const [limited, setLimited] = useState<string | null>(null);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    setLimited(null);
    try {
      const r = await api.post<{ receivedZh: string; receivedEn: string }>(`/api/consultations/${c.id}/comments`, {
        body: v.body, authorName: v.authorName?.trim() || null, organisationName: v.organisationName?.trim() || null,
        contact: v.contact?.trim() || null, sectionRef: v.sectionRef?.trim() || null,
      });
      setReceived(`${r.receivedZh}（${r.receivedEn}）`);
      form.resetFields();
      onReceived();
    } catch (e) {
      // Too many comments from one address: say so where the form is, not only in a passing toast.
      if (e instanceof ApiError && e.status === 429) { setLimited(e.message); return; }
      throw e;
    }
  });

  if (c.status !== 'published') return null;
  if (c.window === 'closed') {
    return <Alert type="info" showIcon data-testid="consultation-closed" title={`征求意见已于 ${c.closesOn} 截止，感谢关注。`} description={`The comment window closed on ${c.closesOn}.`} />;
  }
  if (c.window === 'upcoming') {
    return <Alert type="info" showIcon title={`征求意见将于 ${c.opensOn} 开始，届时可提交意见。`} description={`Comments open on ${c.opensOn}.`} />;
  }
  if (received) {
    return (
      <Card className="panel">
        <Result status="success" title="意见已收到" subTitle={received} data-testid="consultation-comment-received"
          extra={<Button onClick={() => setReceived(null)}>继续提交意见 Another comment</Button>} />
      </Card>
    );
  }
  return (
    <Card className="panel" title={<span><MessageOutlined /> <Bi zh="提交意见建议" en="Comment" /></span>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        无需登录。意见将由工作专班逐条研究答复；联系方式仅用于就意见与您沟通，不公开。（No sign-in needed. Contact details are used only to reach you about your comment.）
      </Typography.Paragraph>
      {limited && <Alert type="error" showIcon className="panel-alert" title={limited} data-testid="consultation-rate-limited" />}
      <Form form={form} layout="vertical" name="comment">
        <Form.Item name="sectionRef" label={<Bi zh="涉及条款（可选）" en="Section (optional)" />} rules={[{ max: 100 }]}>
          <Input placeholder="如：第三部分第（二）条" maxLength={100} />
        </Form.Item>
        <Form.Item name="body" label={<Bi zh="意见建议" en="Your comment" />} rules={[{ required: true, whitespace: true, message: '请填写意见建议 (required)' }, { max: 2000 }]}>
          <Input.TextArea rows={6} maxLength={2000} showCount data-testid="consultation-comment-body" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="authorName" label={<Bi zh="姓名（可选）" en="Name" />} rules={[{ max: 50 }]}><Input maxLength={50} /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="organisationName" label={<Bi zh="单位（可选）" en="Organisation" />} rules={[{ max: 100 }]}><Input maxLength={100} /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="contact" label={<Bi zh="联系方式（可选）" en="Contact (optional)" />} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder="电话或电子邮箱 Phone or e-mail" />
        </Form.Item>
        <Button type="primary" block icon={<SendOutlined />} loading={saving} onClick={submit} data-testid="consultation-comment-submit">提交意见 Submit</Button>
      </Form>
    </Card>
  );
}

const PAGE = 20;

function CommentsTable({ consultation: c, onAnswered }: { consultation: Consultation; onAnswered: () => void }) {
  const [page, setPage] = useState(1);
  const list = useApi<{ total: number; items: ConsultationComment[] }>(`/api/consultations/${c.id}/comments${qs({ limit: PAGE, offset: (page - 1) * PAGE })}`);
  const [answering, setAnswering] = useState<ConsultationComment | null>(null);

  const columns: ColumnsType<ConsultationComment> = [
    { title: '#', key: 'no', width: 50, render: (_, __, i) => (page - 1) * PAGE + i + 1 },
    { title: <Bi zh="提出人" en="From" />, key: 'who', width: 180,
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <span>{[m.organisationName, m.authorName].filter(Boolean).join(' ') || '匿名 Anonymous'}</span>
          {m.contact && <Typography.Text type="secondary">{m.contact}</Typography.Text>}
        </Space>
      ) },
    { title: <Bi zh="涉及条款" en="Section" />, dataIndex: 'sectionRef', width: 130, render: (v: string | null) => v ?? '—' },
    { title: <Bi zh="意见建议" en="Comment" />, dataIndex: 'body',
      render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 4, expandable: 'collapsible' }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v}</Typography.Paragraph> },
    { title: <Bi zh="提出时间" en="Received" />, dataIndex: 'createdAt', width: 140, render: (v: string) => dateTime(v) },
    { title: <Bi zh="处理情况" en="Answer" />, key: 'answer', width: 260,
      render: (_, m) => (m.disposition ? (
        <Space orientation="vertical" size={2}>
          <NamedTag n={DISPOSITION[m.disposition]} testId="comment-disposition" />
          {m.answerZh && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.answerZh}</Typography.Text>}
        </Space>
      ) : <Tag color="default">未答复 Unanswered</Tag>) },
    { title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 90, fixed: 'right',
      render: (_, m) => <Button type="link" size="small" onClick={() => setAnswering(m)} data-testid={`comment-answer-${m.id}`}>{m.answeredAt ? '修改答复' : '答复'}</Button> },
  ];

  return (
    <Card className="panel section" title={<span><Bi zh="收到的意见" en="Comments received" /><Tag className="count-tag">{list.data?.total ?? c.comments}</Tag></span>}
      extra={<ExportButton path={`/api/consultations/${c.id}/feedback.xlsx`} fallbackName="征求意见采纳情况汇总表.xlsx" zh="导出意见采纳情况汇总表" en="Feedback report" testId="consultation-feedback-export" />}>
      <Table<ConsultationComment>
        rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }}
        onRow={(m) => ({ 'data-testid': `comment-row-${m.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : <Empty description={c.window === 'open' ? '尚未收到意见。意见期内收到的意见会显示在这里。（None yet.）' : '未收到意见。（No comments were received.）'} /> }} />
      {answering && <AnswerModal comment={answering} onClose={() => setAnswering(null)} onSaved={() => { setAnswering(null); list.reload(); onAnswered(); }} />}
    </Card>
  );
}

function AnswerModal({ comment, onClose, onSaved }: { comment: ConsultationComment; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ disposition: string; answerZh: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/consultation-comments/${comment.id}/answer`, { disposition: v.disposition, answerZh: v.answerZh.trim() });
    message.success('已答复（Answered）');
    onSaved();
  });
  return (
    <Modal open width={680} title={<Bi zh="答复意见" en="Answer a comment" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="保存 Save" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'comment-answer-ok' } as never}>
      <Card size="small" style={{ marginBottom: 16, background: '#f7f9fc' }}>
        {comment.sectionRef && <Typography.Text type="secondary">{comment.sectionRef}：</Typography.Text>}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{comment.body}</Typography.Paragraph>
      </Card>
      <Form form={form} layout="vertical" name="answer" initialValues={{ disposition: comment.disposition ?? undefined, answerZh: comment.answerZh ?? '' }}>
        <Form.Item name="disposition" label={<Bi zh="处理情况" en="Disposition" />} rules={[{ required: true, message: '请选择处理情况 (required)' }]}>
          <Select options={options(DISPOSITION, lang)} data-testid="comment-disposition-select" />
        </Form.Item>
        <Form.Item name="answerZh" label={<Bi zh="理由说明" en="Answer" />} rules={[{ required: true, whitespace: true, message: '必填 (required)' }, { max: 2000 }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="comment-answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
