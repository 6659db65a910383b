import { useState, type CSSProperties } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import type { Notice, Paragraph } from './api';
import { NOTICE_KIND, NOTICE_STATUS } from './PubLabels';
import { chineseDate, MissingResult, NamedTag, useAction } from './PubShared';
import { ExportButton, useTaskForce } from './shared';

/** One notice, shown as the official document it prints as; the task force edits, approves and publishes it. */
export default function NoticePage() {
  const { id } = useParams();
  const taskForce = useTaskForce();
  const { confirm } = useAction();
  const notice = useApi<Notice>(id ? `/api/notices/${id}` : null);
  const [editing, setEditing] = useState(false);
  const n = notice.data;

  if (notice.error instanceof ApiError && notice.error.status === 404) {
    return <MissingResult error={notice.error} backTo="/notices" backZh="返回通报列表" backEn="All notices" />;
  }

  const approve = () => confirm({
    title: '审定这份通报？', content: '审定后不能再修改内容，可随后发布。（Once approved the text no longer changes; it can then be published.）',
    okText: '审定 Approve', ok: '已审定（Approved）', testId: 'notice-approve-ok',
    action: () => api.post(`/api/notices/${id}/approve`), after: notice.reload,
  });
  const publish = () => confirm({
    title: '发布这份通报？', content: '发布后通报对公众公开，并按年度顺序编定文号、确定印发日期，不可撤回。（Publishing makes the notice public and gives it a number and date.）',
    okText: '发布 Publish', ok: '已发布（Published）', testId: 'notice-publish-ok',
    action: () => api.post(`/api/notices/${id}/publish`), after: notice.reload,
  });

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/notices">通报 Notices</Link> }, { title: n?.number ?? n?.periodLabel ?? '…' }]} />
      <LoadState loading={notice.loading && !n} error={notice.error} reload={notice.reload}>
        {n && (
          <>
            <PageHeader title={{ zh: n.titleZh, en: 'Notice' }}
              tags={(
                <Space size={4} wrap>
                  <NamedTag n={NOTICE_KIND[n.kind]} />
                  <NamedTag n={NOTICE_STATUS[n.status]} testId="notice-status" />
                  <Tag>{n.periodLabel}</Tag>
                  {n.number && <Tag color="red" data-testid="notice-number">{n.number}</Tag>}
                  {n.issuedOn && <Tag>印发 {n.issuedOn}</Tag>}
                </Space>
              )}
              extra={(
                <>
                  <ExportButton path={`/api/notices/${n.id}/docx`} fallbackName={`${n.number ?? '通报草稿'} ${n.titleZh}.docx`} zh="下载 Word" en="Word" testId="notice-download" />
                  {taskForce && n.status === 'draft' && (
                    <>
                      <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="notice-edit"><Bi zh="编辑" en="Edit" /></Button>
                      <Button type="primary" icon={<CheckOutlined />} onClick={approve} data-testid="notice-approve"><Bi zh="审定" en="Approve" /></Button>
                    </>
                  )}
                  {taskForce && n.status === 'approved' && (
                    <Button type="primary" icon={<SendOutlined />} onClick={publish} data-testid="notice-publish"><Bi zh="发布" en="Publish" /></Button>
                  )}
                </>
              )} />
            {n.status === 'draft' && taskForce && (
              <Alert className="panel-alert" type="warning" showIcon title="草稿：仅工作专班可见。请核对数据与表述后审定，审定后发布。（Draft, seen only by the task force: check it, approve, then publish.）" />
            )}
            {n.status === 'approved' && taskForce && (
              <Alert className="panel-alert" type="info" showIcon title="已审定：发布后对公众公开并编定文号。（Approved: publishing makes it public and numbers it.）" />
            )}
            <OfficialDocument notice={n} />
          </>
        )}
      </LoadState>
      {n && editing && <EditModal notice={n} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); notice.reload(); }} />}
    </>
  );
}

const RED = '#d40000';
const SONG = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "STSong", "SimSun", "宋体", serif';
const FANG = '"FangSong_GB2312", "FangSong", "STFangsong", "仿宋", serif';
const HEI = '"SimHei", "STHeiti", "黑体", sans-serif';
const KAI = '"KaiTi_GB2312", "KaiTi", "STKaiti", "楷体", serif';

const paper: CSSProperties = {
  background: '#fff', color: '#000', maxWidth: 880, margin: '0 auto 32px', padding: '56px 64px 64px',
  boxShadow: '0 2px 14px rgba(20, 40, 80, .12)', border: '1px solid #e6eaf2', fontFamily: FANG, fontSize: 16, lineHeight: 1.9,
};
const body: CSSProperties = { textIndent: '2em', margin: 0, whiteSpace: 'pre-wrap', textAlign: 'justify' };

/** The layout of a Chinese official document (GB/T 9704): red issuer, number, red rule, title, body, signature. */
function OfficialDocument({ notice: n }: { notice: Notice }) {
  return (
    <article style={paper} data-testid="notice-document" aria-label={n.titleZh}>
      <div style={{ color: RED, fontFamily: SONG, fontWeight: 700, fontSize: 32, letterSpacing: 3, textAlign: 'center', lineHeight: 1.3 }}>{n.issuerZh}</div>
      <div style={{ textAlign: 'center', marginTop: 28 }}>{n.number ?? <span style={{ color: '#999' }}>（未编号 · {NOTICE_STATUS[n.status]?.zh}）</span>}</div>
      <div role="separator" style={{ borderTop: `2px solid ${RED}`, margin: '6px 0 32px' }} />
      <h1 style={{ fontFamily: SONG, fontWeight: 700, fontSize: 22, textAlign: 'center', lineHeight: 1.6, margin: '0 0 28px' }}>{n.titleZh}</h1>
      <p style={{ margin: 0 }}>{n.recipientsZh}</p>
      {n.paragraphs.map((p, i) => (typeof p === 'string'
        ? <p key={i} style={body}>{p}</p>
        : <p key={i} style={{ ...body, fontFamily: p.level === 1 ? HEI : KAI, fontWeight: 700 }} data-level={p.level}>{p.heading}</p>))}
      {n.attachments.length > 0 && (
        <div style={{ marginTop: 24, paddingLeft: '2em' }}>
          {n.attachments.map((a, i) => (
            <div key={i} style={{ display: 'flex' }}>
              <span style={{ flex: 'none', visibility: i ? 'hidden' : 'visible' }}>附件：</span>
              <span>{i + 1}. {a.title}</span>
            </div>
          ))}
        </div>
      )}
      <div style={{ textAlign: 'right', marginTop: 48, paddingRight: '2em' }}>
        <div>{n.issuerZh}</div>
        <div>{n.issuedOn ? chineseDate(n.issuedOn) : <span style={{ color: '#999' }}>（发布时确定印发日期）</span>}</div>
      </div>
      {n.attachments.map((a, i) => (
        <section key={i} style={{ marginTop: 48, paddingTop: 32, borderTop: '1px dashed #bbb' }} data-testid="notice-attachment">
          <div style={{ fontFamily: HEI }}>附件{i + 1}</div>
          <h2 style={{ fontFamily: SONG, fontWeight: 700, fontSize: 18, textAlign: 'center', margin: '12px 0 16px' }}>{a.title}</h2>
          <Table size="small" bordered pagination={false} rowKey={(_, r) => String(r)} scroll={{ x: 'max-content' }}
            dataSource={a.rows.map((cells, r) => ({ r, cells }))}
            columns={a.columns.map((c, ci) => ({ title: c, key: ci, render: (_: unknown, row: { cells: (string | number | null)[] }) => row.cells[ci] ?? '' }))}
            locale={{ emptyText: '无（None）' }} />
        </section>
      ))}
    </article>
  );
}

/** One paragraph per line; a line starting with '#' is a heading ('##' a second-level one). */
function toText(ps: Paragraph[]) {
  return ps.map((p) => (typeof p === 'string' ? p : `${p.level === 1 ? '#' : '##'} ${p.heading}`)).join('\n');
}
function fromText(text: string): Paragraph[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const m = /^(#{1,2})\s*(.+)$/.exec(l);
    return m ? { heading: m[2].trim(), level: (m[1].length === 1 ? 1 : 2) as 1 | 2 } : l;
  });
}

function EditModal({ notice, onClose, onSaved }: { notice: Notice; onClose: () => void; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ titleZh: string; recipientsZh: string; text: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.patch(`/api/notices/${notice.id}`, { titleZh: v.titleZh.trim(), recipientsZh: v.recipientsZh.trim(), paragraphs: fromText(v.text) });
    message.success('已保存（Saved）');
    onSaved();
  });
  return (
    <Modal open width={900} title={<Bi zh="编辑通报" en="Edit notice" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="保存 Save" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'notice-edit-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="notice-edit"
        initialValues={{ titleZh: notice.titleZh, recipientsZh: notice.recipientsZh, text: toText(notice.paragraphs) }}>
        <Form.Item name="titleZh" label={<Bi zh="标题" en="Title" />} rules={[{ required: true, whitespace: true, message: '必填 (required)' }, { max: 200 }]}>
          <Input data-testid="notice-edit-title" />
        </Form.Item>
        <Form.Item name="recipientsZh" label={<Bi zh="主送" en="Recipients" />} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="text" label={<Bi zh="正文" en="Body" />}
          extra={<Typography.Text type="secondary">每行一段；以「#」开头的行为一级标题，「##」为二级标题。附件表格由数据生成，不在此修改。（One paragraph per line; '#' starts a heading, '##' a sub-heading.）</Typography.Text>}
          rules={[{ required: true, whitespace: true, message: '正文不能为空 (the body is empty)' },
            { validator: (_, v: string | undefined) => {
              const ps = fromText(v ?? '');
              if (ps.length > 200) return Promise.reject(new Error('不超过 200 段 (at most 200 paragraphs)'));
              if (ps.some((p) => (typeof p === 'string' ? p.length > 5000 : p.heading.length > 200))) return Promise.reject(new Error('每段不超过 5000 字，标题不超过 200 字 (paragraphs ≤ 5000, headings ≤ 200 characters)'));
              return Promise.resolve();
            } }]}>
          <Input.TextArea autoSize={{ minRows: 14, maxRows: 28 }} style={{ fontFamily: FANG, fontSize: 15 }} data-testid="notice-edit-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
