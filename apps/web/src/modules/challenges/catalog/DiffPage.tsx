import { Alert, Breadcrumb, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { qs } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { DIFF_COLOURS, DiffCounts, DiffSection, FieldChanges } from '../../../app/components/DiffParts';
import { PageHeader } from '../../../app/PageHeader';
import { useLang } from '../../../app/i18n';
import { useApi } from '../../../app/useApi';
import { bi, one } from '../../supervision/shared';
import { EDITIONS, type Edition, type EditionDiff, type EditionItem, type Page } from './api';
import { NEED_STATUSES } from './labels';
import { valueText } from './NeedModel';
import { NeedFieldTag } from './NeedTags';

const { added: GREEN, removed: RED, changed: ORANGE } = DIFF_COLOURS;


/**
 * 版次对比 /challenges/needs/diff?from=&to=: two editions side by side — needs added, removed (with
 * their status now, e.g. withdrawn) and changed field by field. Without `from`, the previous edition.
 */
export default function DiffPage() {
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const editions = useApi<Page<Edition>>(`${EDITIONS}?limit=100`);
  const list = editions.data?.items ?? [];
  const to = params.get('to') ?? list.find((e) => e.status === 'published')?.id ?? list[0]?.id;
  const from = params.get('from') ?? undefined;
  const diff = useApi<EditionDiff>(to ? `${EDITIONS}/${to}/diff${qs({ from })}` : null);
  const d = diff.data;
  const options = list.map((e) => ({ value: e.id, label: e.titleZh }));
  const set = (k: 'from' | 'to', v?: string) => { const next = new URLSearchParams(params); if (v) next.set(k, v); else next.delete(k); setParams(next, { replace: true }); };
  const need = (x: { needId: string; code?: string; titleZh: string }) => <Link to={`/challenges/needs/${x.needId}`}><span className="mono">{x.code}</span> {x.titleZh}</Link>;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/challenges"><Bi zh="揭榜挂帅" en="Challenges" /></Link> },
        { title: <Link to="/challenges/needs"><Bi zh="技术需求目录" en="Need catalog" /></Link> },
        { title: <Bi zh="版次对比" en="Compare editions" /> },
      ]} />
      <PageHeader title={{ zh: '需求目录版次对比', en: 'Compare catalog editions' }}
        description={bi(lang, { zh: '新版次从上一发布版滚动：沿用其需求，加入此后入库的需求，去掉已撤回的，并采用主管部门的修订。', en: 'An edition rolls from the last: its needs carried over, needs accepted since added, withdrawn ones dropped, revisions taken.' })} />
      <Card className="panel">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder={bi(lang, { zh: '上一版（默认）', en: 'The previous edition (default)' })} value={from} onChange={(v) => set('from', v)} options={options.filter((o) => o.value !== to)} style={{ minWidth: 380 }} data-testid="diff-from" />
          <ArrowRightOutlined />
          <Select value={to} onChange={(v) => set('to', v)} options={options} style={{ minWidth: 380 }} data-testid="diff-to" />
        </Space>
        <LoadState loading={(editions.loading && !editions.data) || (diff.loading && !d)} error={editions.error ?? diff.error} reload={diff.reload}>
          {!to ? <Empty description={bi(lang, { zh: '需求目录尚未发布', en: 'No edition yet' })} /> : d && (
            <div data-testid="need-diff">
              {d.from ? <Typography.Paragraph type="secondary">{d.from.titleZh} → {d.to.titleZh}</Typography.Paragraph>
                : <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '这是首版目录，全部需求均为新增', en: 'The first edition: every need is new' })} />}
              <DiffCounts added={d.added.length} removed={d.removed.length} changed={d.changed.length} unchanged={d.unchanged} />
              {!d.added.length && !d.removed.length && !d.changed.length && <Empty description={bi(lang, { zh: '两个版次相同', en: 'The two editions are the same' })} />}
              {d.added.length > 0 && (
                <DiffSection title={<Bi zh={`新增（${d.added.length}）`} en={`Added (${d.added.length})`} />} colour={GREEN}>
                  <Table<EditionItem> size="small" rowKey="needId" pagination={false} dataSource={d.added} data-testid="diff-added" columns={[
                    { title: <Bi zh="技术需求" en="Need" />, key: 'n', render: (_, x) => need(x) },
                    { title: <Bi zh="技术领域" en="Field" />, key: 'f', width: 180, render: (_, x) => <NeedFieldTag field={x.field} other={x.fieldOtherZh} /> },
                    { title: <Bi zh="提出单位" en="Raised by" />, dataIndex: 'organisationNameZh', width: 240 },
                  ]} />
                </DiffSection>
              )}
              {d.removed.length > 0 && (
                <DiffSection title={<Bi zh={`移出（${d.removed.length}）`} en={`Removed (${d.removed.length})`} />} colour={RED}>
                  <Table<EditionDiff['removed'][number]> size="small" rowKey="needId" pagination={false} dataSource={d.removed} data-testid="diff-removed" columns={[
                    { title: <Bi zh="技术需求" en="Need" />, key: 'n', render: (_, x) => need(x) },
                    { title: <Bi zh="现状态" en="Status now" />, key: 's', width: 140, render: (_, x) => (x.statusNow && NEED_STATUSES[x.statusNow] ? <Tag>{one(lang, NEED_STATUSES[x.statusNow])}</Tag> : '—') },
                    { title: <Bi zh="提出单位" en="Raised by" />, dataIndex: 'organisationNameZh', width: 240 },
                  ]} />
                </DiffSection>
              )}
              {d.changed.length > 0 && (
                <DiffSection title={<Bi zh={`变更（${d.changed.length}）`} en={`Changed (${d.changed.length})`} />} colour={ORANGE}>
                  <Table<EditionDiff['changed'][number]> size="small" rowKey="needId" pagination={false} dataSource={d.changed} data-testid="diff-changed" columns={[
                    { title: <Bi zh="技术需求" en="Need" />, key: 'n', width: 300, render: (_, c) => need(c) },
                    {
                      title: <Bi zh="变更内容" en="What changed" />, key: 'fields',
                      render: (_, c) => <FieldChanges changes={c.fields.map((f) => ({ field: f.field, label: lang === 'zh' ? f.labelZh : f.labelEn, from: valueText(lang, f.field, f.from), to: valueText(lang, f.field, f.to) }))} />,
                    },
                  ]} />
                </DiffSection>
              )}
            </div>
          )}
        </LoadState>
      </Card>
    </>
  );
}
