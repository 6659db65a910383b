import { Card, Empty, Input, Space, Table, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import { useListParams, useSearchBox } from '../supervision/WorkShared';
import type { Page, PublicAward, PublicResult } from './api';
import { indicatorText } from './ChallengeModel';
import { OUTPUT_KINDS } from './labels';
import { AwardStatusTag, ModeTag, NameTag, wan } from './Tags';

const KEYS = ['q', 'tab'] as const;

/** 揭榜成果 (public): the awards once their notice is confirmed, and the accepted results with each indicator against its target and the outputs. */
export default function ResultsPage() {
  const lang = useLang();
  const { filters, page, size, set, paging } = useListParams(KEYS);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const tab = filters.tab === 'awards' ? 'awards' : 'results';
  const awards = useApi<Page<PublicAward>>(tab === 'awards' ? `/api/challenges/awards${qs({ q: filters.q, ...paging })}` : null);
  const results = useApi<Page<PublicResult>>(tab === 'results' ? `/api/challenges/results${qs({ q: filters.q, ...paging })}` : null);
  const pagination = (total = 0) => ({ current: page, pageSize: size, total, onChange: (p: number, s: number) => set({ page: p, size: s }) });
  return (
    <>
      <PageHeader titleKey="nav.challengeResults"
        description={bi(lang, { zh: '公示期满确认的立项，以及通过验收的成果：各验收指标的达成情况和新产品、专利、标准、论文等产出。', en: 'Awards confirmed after their notice, and accepted results: each indicator against its target, and the products, patents, standards and papers produced.' })} />
      <Card className="panel">
        <Space className="cq-filters"><Input.Search allowClear style={{ width: 260 }} value={search.typed} onChange={(e) => search.setTyped(e.target.value)} placeholder={bi(lang, { zh: '搜索榜单', en: 'Search challenges' })} /></Space>
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k === 'awards' ? 'awards' : undefined })} destroyOnHidden items={[
          {
            key: 'results', label: <Bi zh="验收成果" en="Accepted results" />, children: (
              <Table<PublicResult> rowKey="id" size="middle" loading={results.loading} dataSource={results.data?.items ?? []} pagination={pagination(results.data?.total)} data-testid="results-table"
                locale={{ emptyText: <Empty description={bi(lang, { zh: '暂无通过验收的成果', en: 'No accepted result yet' })} /> }}
                columns={[
                  { title: <Bi zh="项目" en="Project" />, key: 'p', render: (_, r) => <div><div className="cell-main">{r.projectTitleZh}</div><div className="cell-sub"><Link to={`/challenges/${r.challengeId}`}>{r.challengeCode}</Link> · {r.awardeeNameZh}{r.memberNames.length ? `、${r.memberNames.join('、')}` : ''}</div></div> },
                  { title: <Bi zh="验收" en="Accepted" />, key: 'a', width: 130, render: (_, r) => <div>{r.acceptedOn}<div>{r.allIndicatorsMet ? <Tag color="green">{bi(lang, { zh: '全部达标', en: 'All met' })}</Tag> : <Tag color="orange">{bi(lang, { zh: '例外通过', en: 'With exception' })}</Tag>}</div></div> },
                  { title: <Bi zh="指标达成" en="Indicators" />, key: 'i', render: (_, r) => r.indicators.map((i, k) => <div key={k}>{indicatorText(i)} → <strong>{i.achievedValue}</strong> {i.met ? '✓' : '✗'}</div>) },
                  { title: <Bi zh="成果产出" en="Outputs" />, key: 'o', render: (_, r) => r.outputs.map((o, k) => <div key={k}><NameTag names={OUTPUT_KINDS} code={o.kind} />{o.titleZh}{o.ref ? `（${o.ref}）` : ''}</div>) },
                ]} />
            ),
          },
          {
            key: 'awards', label: <span data-testid="results-tab-awards"><Bi zh="立项公告" en="Awards" /></span>, children: (
              <Table<PublicAward> rowKey="id" size="middle" loading={awards.loading} dataSource={awards.data?.items ?? []} pagination={pagination(awards.data?.total)} data-testid="awards-table"
                locale={{ emptyText: <Empty description={bi(lang, { zh: '暂无立项', en: 'No award yet' })} /> }}
                columns={[
                  { title: <Bi zh="立项" en="Award" />, key: 'c', render: (_, a) => <div><div className="cell-main">{a.projectTitleZh}</div><div className="cell-sub"><span className="mono">{a.code}</span> · <Link to={`/challenges/${a.challengeId}`}>{a.challengeCode} {a.challengeTitleZh}</Link></div></div> },
                  { title: <Bi zh="承担单位" en="Awardee" />, key: 'w', render: (_, a) => <div>{a.awardeeNameZh}<div className="cell-sub">{a.memberNames.join('、')}</div></div> },
                  { title: <Bi zh="方式" en="Mode" />, dataIndex: 'mode', width: 140, render: (m) => <ModeTag mode={m} /> },
                  { title: <Bi zh="资助额度" en="Share" />, dataIndex: 'shareWan', width: 130, render: wan },
                  { title: <Bi zh="立项日期" en="Awarded" />, dataIndex: 'awardedOn', width: 120 },
                  { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 110, render: (s) => <AwardStatusTag status={s} /> },
                ]} />
            ),
          },
        ]} />
      </Card>
    </>
  );
}
