import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Col, Empty, Input, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ClearOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DOMAIN_NAMES } from '../plan/format';
import { bi, one } from '../supervision/shared';
import { useDebounced, useDistrictNames, useListParams } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import type { Atlas } from './api.bases';
import { AtlasMap } from './AtlasMap';
import { AllianceTag, BslTag, GradeTag, OrganismTags, ProcessTags, TierTag } from './BaseTags';
import { BASE_TIERS, BIOSAFETY_LEVELS, GRADE_FILTER_NAMES, ORGANISM_CODES, ORGANISMS, PROCESS_NAMES, PROCESSES, type BaseTier } from './labels.bases';
import { atlasRows, rowMatches, tierCounts, volumeText, type AtlasRow } from './pilotMap';

const FILTERS = ['process', 'organism', 'scaleL', 'grade', 'bsl', 'domain', 'district'] as const;

function Figure({ testId, title, value, accent, to, note }: { testId: string; title: ReactNode; value: number; accent: string; to?: string; note?: ReactNode }) {
  const card = (
    <Card className="panel pb-figure" size="small" hoverable={!!to} style={{ borderTop: `3px solid ${accent}` }} data-testid={testId} data-value={value}>
      <Statistic title={title} value={value} styles={{ content: { fontWeight: 600, color: accent } }} />
      {note && <div className="cell-sub">{note}</div>}
    </Card>
  );
  return to ? <Link to={to} className="pb-figure-link">{card}</Link> : card;
}

/** The scale filter: litres typed settle after a pause, so the map does not reload on every digit. */
function useScaleBox(value: string | undefined, onSettle: (v: number | undefined) => void) {
  const [typed, setTyped] = useState<number | null>(value ? Number(value) : null);
  const settled = useDebounced(typed, 500);
  useEffect(() => {
    const next = settled ?? undefined;
    if ((value ? Number(value) : undefined) !== next) onSettle(next);
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps
  return { typed, setTyped };
}

/**
 * 中试图谱: the bases on the district map of Chongqing, filtered by what they can do (unit
 * operation, organism, working volume, quality grade, containment, domain), with the counts by
 * tier on top and, beside the map, the matching capabilities; a base opens its page.
 */
export default function AtlasPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { taskForce } = usePilotRoles();
  const { filters, set } = useListParams(FILTERS);
  const districts = useDistrictNames();
  const scale = useScaleBox(filters.scaleL, (v) => set({ scaleL: v }));
  const atlas = useApi<Atlas>(`/api/pilot/atlas${qs({ ...filters })}`);
  const [text, setText] = useState('');
  const [tablePage, setTablePage] = useState(1);

  const items = useMemo(() => atlas.data?.items ?? [], [atlas.data]);
  const counts = useMemo(() => tierCounts(items), [items]);
  const rows = useMemo(() => atlasRows(items).filter((r) => rowMatches(r, text)), [items, text]);
  useEffect(() => setTablePage(1), [atlas.data, text]);

  const filtered = FILTERS.some((k) => filters[k]);
  const capabilityFiltered = (['process', 'organism', 'scaleL', 'grade', 'bsl'] as const).some((k) => filters[k]);
  const clear = () => { scale.setTyped(null); setText(''); set(Object.fromEntries(FILTERS.map((k) => [k, undefined]))); };
  const tierLink = (t: BaseTier) => `/pilot/bases${qs({ tier: t, domain: filters.domain, districtCode: filters.district })}`;

  // Three columns, so that the table reads beside the map without scrolling sideways.
  const columns: ColumnsType<AtlasRow> = [
    { title: <Bi zh="中试基地" en="Base" />, key: 'base', width: 180,
      render: (_, r) => (
        <div>
          <Link to={`/pilot/bases/${r.base.id}`} className="cell-main" onClick={(e) => e.stopPropagation()} data-testid="pilot-atlas-base-link">{r.base.nameZh}</Link>
          <div className="cell-sub"><span className="mono">{r.base.code}</span> · {districts.name(r.base.districtCode) ?? r.base.districtNameZh}</div>
          <Space size={[0, 4]} wrap><TierTag tier={r.base.tier} /><AllianceTag member={r.base.allianceMember} /></Space>
        </div>
      ) },
    { title: <Bi zh="平台能力 · 单元操作 · 生物体" en="Capability · unit operations · organisms" />, key: 'capability', width: 240,
      render: (_, r) => (r.capability
        ? (
          <div>
            <div>{r.capability.nameZh}</div>
            <div className="cell-sub">{r.capability.platformNameZh} · <span className="mono">{r.capability.platformCode.split('-').pop()}</span></div>
            {(r.capability.processes.length > 0 || r.capability.organisms.length > 0) && (
              <div className="pb-atlas-tags">
                {r.capability.processes.length > 0 && <ProcessTags processes={r.capability.processes} />}
                {r.capability.organisms.length > 0 && <OrganismTags organisms={r.capability.organisms} />}
              </div>
            )}
          </div>
        )
        : <Typography.Text type="secondary">{bi(lang, { zh: '暂未登记平台能力', en: 'No capabilities listed yet' })}</Typography.Text>) },
    { title: <Bi zh="工作体积 · 等级" en="Volume · grade" />, key: 'volume', width: 130,
      render: (_, r) => (r.capability
        ? (
          <div>
            <div className="pb-nowrap" data-testid="pilot-atlas-volume">{volumeText(r.capability.volumeMinL, r.capability.volumeMaxL, lang)}</div>
            <Space size={[0, 4]} wrap><GradeTag grade={r.capability.qualityGrade} /><BslTag level={r.capability.biosafetyLevel} /></Space>
          </div>
        )
        : '—') },
  ];

  const empty = atlas.error ? <Empty description={atlas.error.message} />
    : filtered || text
      ? <Empty description={bi(lang, { zh: '没有符合条件的中试能力，请放宽筛选条件', en: 'No capability matches; widen the filters' })}>
          <Button onClick={clear} icon={<ClearOutlined />}><Bi zh="清除筛选" en="Clear filters" /></Button>
        </Empty>
      : <Empty description={taskForce
          ? bi(lang, { zh: '尚未登记中试基地 — 在中试基地名录中登记后，基地及其平台能力将出现在图谱上', en: 'No pilot bases yet: register them under Pilot bases and their capabilities appear here' })
          : bi(lang, { zh: '尚未登记中试基地 — 工作专班登记后，基地及其平台能力将出现在图谱上', en: 'No pilot bases yet: they appear here once the task force registers them' })}>
          {taskForce && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/pilot/bases?add=1')}><Bi zh="登记中试基地" en="Register a base" /></Button>}
        </Empty>;

  return (
    <>
      <PageHeader title={{ zh: '中试图谱', en: 'Pilot capability map' }}
        description={bi(lang, {
          zh: '全市中试基地的区县分布与平台能力：按单元操作、生物体、工作体积、质量等级、生物安全等级和领域查找能承接中试的基地。点击基地查看详情与共享设备。',
          en: 'Chongqing\'s pilot bases by district and what their platforms can do: find a base for your scale-up by unit operation, organism, working volume, quality grade, biosafety level and domain. Click a base for its profile and shared equipment.',
        })}
        extra={<Button icon={<UnorderedListOutlined />} onClick={() => navigate('/pilot/bases')} data-testid="pilot-atlas-to-bases"><Bi zh="中试基地名录" en="All bases" /></Button>} />

      <div className="pb-figures" data-testid="pilot-atlas-figures">
        <Figure testId="pilot-atlas-total" accent="#1d4f91" value={counts.total} title={<Bi zh={capabilityFiltered ? '符合条件的基地' : '中试基地'} en={capabilityFiltered ? 'Matching bases' : 'Pilot bases'} />}
          note={lang === 'zh' ? `分布在 ${counts.districts} 个区县` : `in ${counts.districts} districts`} />
        {(['national', 'key', 'reserve'] as const).map((t) => (
          <Figure key={t} testId={`pilot-atlas-tier-${t}`} accent={BASE_TIERS[t].hex!} value={counts[t]} to={tierLink(t)}
            title={<Bi zh={`${BASE_TIERS[t].zh}基地`} en={`${BASE_TIERS[t].en} bases`} />} />
        ))}
        <Figure testId="pilot-atlas-alliance" accent="#d4a017" value={counts.alliance} title={<Bi zh="中试联盟成员" en="Alliance members" />} />
        <Figure testId="pilot-atlas-capabilities" accent="#389e0d" value={counts.capabilities} title={<Bi zh={capabilityFiltered ? '符合条件的能力' : '平台能力'} en={capabilityFiltered ? 'Matching capabilities' : 'Capabilities'} />} />
      </div>

      <Card className="panel pb-atlas-filters" size="small">
        <div className="table-toolbar">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '单元操作', en: 'Unit operation' })} style={{ width: 210 }}
            value={filters.process} onChange={(v?: string) => set({ process: v })} data-testid="pilot-atlas-process" popupMatchSelectWidth={260}
            options={PROCESS_NAMES.map((p) => ({ value: p, label: lang === 'zh' ? `${p} ${PROCESSES[p].en}` : `${PROCESSES[p].en} ${p}` }))} />
          <Select allowClear placeholder={bi(lang, { zh: '生物体', en: 'Organism' })} style={{ width: 180 }} value={filters.organism} onChange={(v?: string) => set({ organism: v })}
            data-testid="pilot-atlas-organism" popupMatchSelectWidth={220} options={ORGANISM_CODES.map((o) => ({ value: o, label: bi(lang, ORGANISMS[o]) }))} />
          <InputNumber<number> min={0} max={1e7} placeholder={bi(lang, { zh: '工作体积', en: 'Volume' })} style={{ width: 190 }} value={scale.typed}
            onChange={(v) => scale.setTyped(v ?? null)} suffix="L" data-testid="pilot-atlas-scale" />
          <Select allowClear placeholder={bi(lang, { zh: '质量等级', en: 'Quality grade' })} style={{ width: 200 }} value={filters.grade} onChange={(v?: string) => set({ grade: v })}
            data-testid="pilot-atlas-grade" popupMatchSelectWidth={220} options={(['GMP', 'GLP'] as const).map((g) => ({ value: g, label: one(lang, GRADE_FILTER_NAMES[g]) }))} />
          <Select allowClear placeholder={bi(lang, { zh: '生物安全等级', en: 'Biosafety level' })} style={{ width: 200 }} value={filters.bsl} onChange={(v?: string) => set({ bsl: v })}
            data-testid="pilot-atlas-bsl" options={BIOSAFETY_LEVELS.map((l) => ({ value: String(l), label: lang === 'zh' ? `BSL-${l} 及以上` : `BSL-${l} or higher` }))} />
          <Select allowClear placeholder={bi(lang, { zh: '领域', en: 'Domain' })} style={{ width: 180 }} value={filters.domain} onChange={(v?: string) => set({ domain: v })}
            data-testid="pilot-atlas-domain" popupMatchSelectWidth={260} options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={bi(lang, { zh: '区县', en: 'District' })} style={{ width: 160 }} value={filters.district}
            onChange={(v?: string) => set({ district: v })} options={districts.options} popupMatchSelectWidth={240} data-testid="pilot-atlas-district" />
          {(filtered || text) && <Button icon={<ClearOutlined />} onClick={clear} data-testid="pilot-atlas-clear"><Bi zh="清除" en="Clear" /></Button>}
        </div>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card className="panel" title={<Bi zh="区县分布" en="By district" />}
            extra={filters.district && (
              <Tag closable color="processing" onClose={() => set({ district: undefined })} data-testid="pilot-atlas-district-tag">
                {lang === 'zh' ? '区县：' : 'District: '}{districts.name(filters.district)}
              </Tag>
            )}>
            <LoadState loading={atlas.loading && !atlas.data} error={atlas.error} reload={atlas.reload} rows={10}>
              {atlas.data && <AtlasMap atlas={atlas.data} height={460} onDistrict={(code) => set({ district: filters.district === code ? undefined : code })} />}
            </LoadState>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card className="panel" title={<Bi zh="中试能力" en="Capabilities" />}
            extra={<Typography.Text type="secondary" className="table-count" data-testid="pilot-atlas-count">
              {lang === 'zh' ? `${counts.total} 个基地 · ${counts.capabilities} 项能力` : `${counts.total} bases · ${counts.capabilities} capabilities`}
            </Typography.Text>}>
            <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} style={{ marginBottom: 12, maxWidth: 340 }}
              placeholder={bi(lang, { zh: '在结果中查找：基地、平台、能力名称', en: 'Find in results: base, platform, capability' })} data-testid="pilot-atlas-search" />
            <Table<AtlasRow>
              rowKey="key" size="small" columns={columns} dataSource={rows} loading={atlas.loading} scroll={{ x: 550 }}
              onRow={(r) => ({ onClick: () => navigate(`/pilot/bases/${r.base.id}`), style: { cursor: 'pointer' }, 'data-testid': `pilot-atlas-row-${r.base.code}` }) as React.HTMLAttributes<HTMLElement>}
              pagination={{ current: tablePage, pageSize: 10, onChange: setTablePage, hideOnSinglePage: true, showSizeChanger: false,
                showTotal: (total) => (lang === 'zh' ? `共 ${total} 行` : `${total} rows`) }}
              locale={{ emptyText: empty }}
              data-testid="pilot-atlas-table" />
          </Card>
        </Col>
      </Row>
    </>
  );
}
