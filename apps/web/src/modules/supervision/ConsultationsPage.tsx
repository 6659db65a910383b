import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CommentOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';
import type { Consultation } from './api';
import { WINDOW } from './PubLabels';
import { isoOf, NamedTag, useAction, type PickedDate } from './PubShared';
import { ExportButton, useTaskForce } from './shared';

/** 征求意见: drafts put out for public comment within a window; anyone may read and comment. */
export default function ConsultationsPage() {
  const taskForce = useTaskForce();
  const { confirm } = useAction();
  const list = useApi<Consultation[]>('/api/consultations');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);

  const rows = useMemo(() => {
    const s = q.trim().toLowerCase();
    const all = list.data ?? [];
    return s ? all.filter((c) => [c.titleZh, c.code, c.summaryZh ?? ''].some((v) => v.toLowerCase().includes(s))) : all;
  }, [list.data, q]);

  const publish = (c: Consultation) => confirm({
    title: `发布「${c.titleZh}」？`,
    content: `发布后公众即可查阅征求意见稿，并在 ${c.opensOn} 至 ${c.closesOn} 期间提交意见。（Publishing makes the draft public; comments are taken within the window.）`,
    okText: '发布 Publish', ok: '已发布（Published）', testId: 'consultation-publish-ok',
    action: () => api.post(`/api/consultations/${c.id}/publish`), after: list.reload,
  });

  const columns: ColumnsType<Consultation> = [
    { title: <Bi zh="标题" en="Title" />, dataIndex: 'titleZh',
      render: (v: string, c) => (
        <div className="table-title-link">
          <Space size={6} wrap>
            <Link to={`/consultations/${c.id}`} className="cell-main">{v}</Link>
            {c.status === 'draft' && <Tag color="orange">草稿 Draft</Tag>}
          </Space>
          {c.summaryZh && <Typography.Text type="secondary" ellipsis style={{ maxWidth: 560 }}>{c.summaryZh}</Typography.Text>}
        </div>
      ) },
    { title: <Bi zh="编号" en="Code" />, dataIndex: 'code', width: 160, render: (v: string) => <span className="mono" style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    { title: <Bi zh="征求意见期" en="Window" />, key: 'window', width: 220, render: (_, c) => `${c.opensOn} 至 ${c.closesOn}` },
    { title: <Bi zh="状态" en="State" />, dataIndex: 'window', width: 120, render: (v: string) => <NamedTag n={WINDOW[v]} testId="consultation-window" /> },
    { title: <Bi zh="意见" en="Comments" />, dataIndex: 'comments', width: 90, align: 'right', render: (v: number) => <span><CommentOutlined /> {v}</span> },
    { title: <Bi zh="操作" en="Actions" />, key: 'actions', width: 150,
      render: (_, c) => (
        <Space size={0}>
          <Link to={`/consultations/${c.id}`}>{c.window === 'open' && c.status === 'published' ? '查看并提意见' : '查看'}</Link>
          {taskForce && c.status === 'draft' && (
            <Button type="link" size="small" icon={<SendOutlined />} onClick={() => publish(c)} data-testid={`consultation-publish-${c.id}`}>发布</Button>
          )}
        </Space>
      ) },
  ];

  return (
    <>
      <PageHeader title={{ zh: '征求意见', en: 'Public consultation' }}
        description="政策文件起草过程中公开征求社会各界意见。征求意见期内，任何人无需登录即可阅读征求意见稿并提交意见建议；工作专班逐条研究答复，并汇总意见采纳情况。（Drafts open for public comment: anyone may read and comment within the window; the task force answers every comment.）"
        extra={<Space>
          <ExportButton path="/api/consultations/export.xlsx" fallbackName="征求意见.xlsx" testId="consultations-export" />
          {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="consultation-new"><Bi zh="发起征求意见" en="New consultation" /></Button>}
        </Space>} />
      <Card className="panel">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder="搜索标题、编号 Search" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 280 }} data-testid="consultation-search" />
          <Typography.Text type="secondary" className="table-count">共 {rows.length} 项</Typography.Text>
        </div>
        <Table<Consultation>
          rowKey="id" columns={columns} dataSource={rows} loading={list.loading} scroll={{ x: 960 }}
          onRow={(c) => ({ 'data-testid': `consultation-row-${c.code}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : q
            ? <Empty description="没有符合条件的征求意见。（None match.）" />
            : (
              <Empty description={taskForce ? '尚无征求意见。发起一次，上传征求意见稿并设定意见期。（None yet: start one.）' : '目前没有公开征求意见的文件。（No consultations at present.）'}>
                {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发起征求意见 New consultation</Button>}
              </Empty>
            ) }}
        />
      </Card>
      {creating && <NewConsultationModal onClose={() => setCreating(false)} />}
    </>
  );
}

interface Values { titleZh: string; summaryZh?: string; draftText: string; window: [PickedDate, PickedDate] }

function NewConsultationModal({ onClose }: { onClose: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const c = await api.post<Consultation>('/api/consultations', {
      titleZh: v.titleZh.trim(), summaryZh: v.summaryZh?.trim() || null, draftText: v.draftText, opensOn: isoOf(v.window[0]), closesOn: isoOf(v.window[1]),
    });
    message.success('已保存为草稿，核对后发布（Saved as a draft: check it, then publish）');
    navigate(`/consultations/${c.id}`);
  });
  return (
    <Modal open width={860} title={<Bi zh="发起征求意见" en="New consultation" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="保存草稿 Save draft" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'consultation-new-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="consultation">
        <Form.Item name="titleZh" label={<Bi zh="标题" en="Title" />} rules={[{ required: true, whitespace: true, message: '必填 (required)' }, { max: 200 }]}>
          <Input placeholder="如：《……（征求意见稿）》" data-testid="consultation-title" />
        </Form.Item>
        <Form.Item name="summaryZh" label={<Bi zh="说明" en="Summary" />} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="起草背景、征求意见的范围和方式" />
        </Form.Item>
        <Form.Item name="window" label={<Bi zh="征求意见期" en="Comment window" />} rules={[{ required: true, message: '请选择起止日期 (required)' }]}
          extra="起止两日均可提交意见（Comments are taken on both days）">
          <DatePicker.RangePicker className="full-width" data-testid="consultation-window-input" />
        </Form.Item>
        <Form.Item name="draftText" label={<Bi zh="征求意见稿全文" en="Draft text" />} rules={[{ required: true, whitespace: true, message: '必填 (required)' }, { max: 200000 }]}
          extra="粘贴纯文本，每段一行（Paste plain text, one paragraph per line）">
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 20 }} maxLength={200000} showCount data-testid="consultation-draft-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
