import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Empty, Form, Modal, Radio, Segmented, Select, Table, Typography, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';
import type { Notice } from './api';
import { NOTICE_KIND, NOTICE_STATUS } from './PubLabels';
import { NamedTag } from './PubShared';
import { ExportButton, useTaskForce } from './shared';

type NoticeRow = Pick<Notice, 'id' | 'number' | 'kind' | 'periodLabel' | 'titleZh' | 'status' | 'issuedOn' | 'createdAt' | 'publishedAt'>;
const PAGE = 20;

/** 通报: published notices for everyone; the task force also sees drafts and drafts new ones from a quarter's records. */
export default function NoticesPage() {
  const taskForce = useTaskForce();
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const [drafting, setDrafting] = useState(false);
  const list = useApi<{ total: number; items: NoticeRow[] }>(`/api/notices${qs({ status: taskForce ? status : undefined, limit: PAGE, offset: (page - 1) * PAGE })}`);

  const columns: ColumnsType<NoticeRow> = [
    { title: <Bi zh="文号" en="Number" />, dataIndex: 'number', width: 190,
      render: (v: string | null) => (v ? <span data-testid="notice-number">{v}</span> : <Typography.Text type="secondary">未编号 Unnumbered</Typography.Text>) },
    { title: <Bi zh="标题" en="Title" />, dataIndex: 'titleZh', render: (v: string, n) => <Link to={`/notices/${n.id}`} className="cell-main">{v}</Link> },
    { title: <Bi zh="类别" en="Kind" />, dataIndex: 'kind', width: 140, render: (v: string) => <NamedTag n={NOTICE_KIND[v]} /> },
    { title: <Bi zh="所属期" en="Period" />, dataIndex: 'periodLabel', width: 100 },
    { title: <Bi zh="印发日期" en="Issued on" />, dataIndex: 'issuedOn', width: 120, render: (v: string | null) => v ?? '—' },
    ...(taskForce ? [{ title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 100, render: (v: string) => <NamedTag n={NOTICE_STATUS[v]} testId="notice-status" /> }] : []),
    { title: <Bi zh="下载" en="Download" />, key: 'docx', width: 130,
      render: (_, n) => <ExportButton path={`/api/notices/${n.id}/docx`} fallbackName={`${n.number ?? '通报草稿'} ${n.titleZh}.docx`} zh="下载 Word" en="Word" type="link" size="small" icon={false} testId={`notice-docx-${n.id}`} /> },
  ];

  return (
    <>
      <PageHeader title={{ zh: '通报', en: 'Notices' }}
        description="工作专班按季度通报行动计划推进情况，对按时报送、进展良好的单位予以表扬，对报送不及时、事项逾期的单位予以督促或批评。（Quarterly notices on progress, commendations and criticisms, issued by the task force.）"
        extra={<Space>
          <ExportButton path="/api/notices/export.xlsx" fallbackName="通报.xlsx" testId="notices-export" />
          {taskForce && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)} data-testid="notice-draft">
              <Bi zh="依据数据起草" en="Draft from data" />
            </Button>
          )}
        </Space>} />
      <Card className="panel">
        {taskForce && (
          <div className="table-toolbar">
            <Segmented value={status} onChange={(v) => { setStatus(v); setPage(1); }} data-testid="notice-filter-status"
              options={[{ value: '', label: '全部 All' }, ...Object.entries(NOTICE_STATUS).map(([value, n]) => ({ value, label: `${n.zh} ${n.en}` }))]} />
          </div>
        )}
        <Table<NoticeRow>
          rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 960 }}
          onRow={(n) => ({ 'data-testid': `notice-row-${n.id}`, 'data-status': n.status }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 份` }}
          locale={{ emptyText: list.error ? <Empty description={list.error.message} /> : (
            <Empty description={taskForce
              ? (status ? '没有该状态的通报。（No notices in this state.）' : '尚无通报。依据一个季度的报送和红黄灯数据起草第一份通报。（No notices yet: draft one from a quarter\'s records.）')
              : '暂无已发布的通报。（No notices have been published yet.）'}>
              {taskForce && !status && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)}>依据数据起草 Draft from data</Button>}
            </Empty>
          ) }}
        />
      </Card>
      {drafting && <DraftModal onClose={() => setDrafting(false)} />}
    </>
  );
}

/** The current quarter and the seven before it, newest first (2026-Q4, 2026-Q3, …). */
function recentQuarters(now = new Date(), n = 8) {
  let y = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) { q = 4; y -= 1; }
  }
  return out;
}

function DraftModal({ onClose }: { onClose: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ kind: Notice['kind']; quarter: string }>();
  const quarters = useMemo(() => recentQuarters(), []);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    const n = await api.post<Notice>('/api/notices', v);
    message.success('已起草通报，请审阅修改（Drafted: review and edit it）');
    navigate(`/notices/${n.id}`);
  });
  return (
    <Modal open width={600} title={<Bi zh="依据数据起草通报" en="Draft a notice from data" />} onOk={submit} confirmLoading={saving} onCancel={onClose}
      okText="起草 Draft" cancelText="取消 Cancel" destroyOnHidden mask={{ closable: false }} okButtonProps={{ 'data-testid': 'notice-draft-ok' } as never}>
      <Typography.Paragraph type="secondary">
        系统依据所选季度的进展报送按时率、红黄灯事项及其责任单位自动生成通报草稿和附件表格，起草后可修改、审定、发布。
        （The draft is written from the quarter's on-time rates and red and yellow items, with tables attached; edit, approve and publish it afterwards.）
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="notice-draft" initialValues={{ kind: 'progress', quarter: quarters[1] }}>
        <Form.Item name="kind" label={<Bi zh="通报类别" en="Kind" />} rules={[{ required: true }]}>
          <Radio.Group optionType="button" data-testid="notice-draft-kind"
            options={Object.entries(NOTICE_KIND).map(([value, n]) => ({ value, label: `${n.zh} ${n.en}` }))} />
        </Form.Item>
        <Form.Item name="quarter" label={<Bi zh="季度" en="Quarter" />} rules={[{ required: true }]} extra="默认为上一个完整季度（Defaults to the last full quarter）">
          <Select data-testid="notice-draft-quarter" options={quarters.map((q) => ({ value: q, label: `${q.slice(0, 4)} 年第 ${q.slice(-1)} 季度（${q}）` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

