import { useCallback, useMemo } from 'react';
import { Alert, Button, Card, Col, Input, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, ShopOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi, one } from '../supervision/shared';
import { useIndustryRoles } from './access';
import type { MapData, MapMeasure, Rollup } from './api';
import { DistrictMap } from './DistrictMap';
import { CockpitCharts, CockpitSide } from './IndustryCockpit';
import { num } from './format';
import { MEASURES } from './labels';

/** Where a visitor goes next when the cockpit is not theirs: the busiest districts and the public lists. */
function PublicSide({ map }: { map?: MapData }) {
  const lang = useLang();
  const top = useMemo(() => [...(map?.items ?? [])].filter((i) => i.value > 0).sort((a, b) => b.value - a.value).slice(0, 8), [map]);
  const m = map ? MEASURES[map.measure] : MEASURES.count;
  return (
    <Space orientation="vertical" size={16} className="full-width">
      <Card className="panel" size="small" title={<Bi zh={`${m.zh}居前的区县`} en={`Leading districts: ${m.en}`} />}>
        {top.length ? (
          <List size="small" dataSource={top} renderItem={(d, i) => (
            <List.Item extra={<Typography.Text strong>{num(lang, d.value)} <span className="cell-sub">{lang === 'zh' ? m.unitZh : m.unitEn}</span></Typography.Text>}>
              <Space><Tag className="task-no">{i + 1}</Tag><Link to={`/industry/enterprises?districtCode=${d.code}`}>{lang === 'zh' ? d.nameZh : d.nameEn}</Link></Space>
            </List.Item>
          )} />
        ) : <Typography.Text type="secondary">{bi(lang, { zh: '尚无数据', en: 'No data yet' })}</Typography.Text>}
      </Card>
      <Card className="panel" size="small" title={<Bi zh="浏览" en="Browse" />}>
        <List size="small" dataSource={[
          { to: '/industry/chains', icon: <ApartmentOutlined />, n: { zh: '产业链图谱：补链、强链、延链', en: 'Chains: gaps, weak and extension nodes' } },
          { to: '/industry/parks', icon: <BankOutlined />, n: { zh: '园区与集聚区', en: 'Parks and clusters' } },
          { to: '/industry/enterprises', icon: <ShopOutlined />, n: { zh: '生物制造企业名录', en: 'Enterprise directory' } },
        ]} renderItem={(l) => <List.Item><Link to={l.to}><Space>{l.icon}{one(lang, l.n)}</Space></Link></List.Item>} />
      </Card>
    </Space>
  );
}

const isMeasure = (v: string | null): v is MapMeasure => v === 'count' || v === 'srdi' || v === 'scale';

/**
 * 产业地图: Chongqing's districts coloured by enterprises, SRDI firms or (for those who may see
 * figures) scale; beside it the cockpit against the 2027 targets; below, the roll-up's charts.
 */
export default function IndustryMapPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { reader, manager } = useIndustryRoles();
  const [params, setParams] = useSearchParams();
  const asked = params.get('measure');
  const measure: MapMeasure = isMeasure(asked) && (asked !== 'scale' || reader) ? asked : 'count';
  const year = Number(params.get('year')) || undefined;

  const map = useApi<MapData>(`/api/industry/map${qs({ measure, year: measure === 'scale' ? year : undefined })}`);
  const rollup = useApi<Rollup>(reader ? `/api/industry/rollup${qs({ year })}` : null);
  const years = rollup.data?.years ?? [];
  const total = map.data?.items.reduce((n, i) => n + i.value, 0) ?? 0;

  const setParam = useCallback((k: string, v: string | number | undefined) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (v === undefined) next.delete(k);
    else next.set(k, String(v));
    return next;
  }, { replace: true }), [setParams]);

  const measures: MapMeasure[] = reader ? ['count', 'srdi', 'scale'] : ['count', 'srdi'];

  return (
    <>
      <PageHeader title={{ zh: '产业地图', en: 'Industry map' }}
        description={bi(lang, { zh: '全市生物制造企业在 38 个区县的分布、产业规模与 2027 年目标进度。点击区县查看企业名录。', en: 'Biomanufacturing enterprises across Chongqing\'s 38 districts, the industry\'s scale and progress toward the 2027 targets. Click a district for its enterprises.' })}
        extra={
          <Space wrap>
            <Input.Search allowClear enterButton placeholder={bi(lang, { zh: '搜索企业、产品、环节，如 丙二醇', en: 'Search firms, products, nodes' })} style={{ width: 320 }}
              onSearch={(q) => q.trim() && navigate(`/industry/search?q=${encodeURIComponent(q.trim())}`)} data-testid="industry-search" />
            {reader && years.length > 1 && (
              <Segmented<string> value={String(year ?? rollup.data?.year ?? years[years.length - 1])} onChange={(v) => setParam('year', v)} data-testid="industry-year"
                options={years.map((y) => ({ value: String(y), label: String(y) }))} />
            )}
          </Space>
        } />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={reader ? 14 : 16}>
          <Card className="panel map-card" title={<Bi zh="区县分布" en="By district" />}
            extra={<Segmented<MapMeasure> value={measure} onChange={(v) => setParam('measure', v === 'count' ? undefined : v)} data-testid="map-measure"
              options={measures.map((m) => ({ value: m, label: one(lang, MEASURES[m]) }))} />}>
            <LoadState loading={map.loading && !map.data} error={map.error} reload={map.reload} rows={10}>
              {map.data && (
                <>
                  {total === 0 && (
                    <Alert type="info" showIcon className="panel-alert" data-testid="map-empty"
                      title={measure === 'scale'
                        ? bi(lang, { zh: '尚无已核实的经营数据，地图暂无产业规模。', en: 'No verified figures yet, so the map shows no scale.' })
                        : bi(lang, { zh: '尚未登记企业。区县和工作专班可在企业名录中逐一新增，或下载模板批量导入。', en: 'No enterprises on record yet. Districts and the task force add them in the directory, or import the template.' })}
                      action={manager && <Button size="small" type="primary" onClick={() => navigate(measure === 'scale' ? '/industry/figures' : '/industry/enterprises')}>
                        {measure === 'scale' ? <Bi zh="经营数据" en="Figures" /> : <Bi zh="企业名录" en="Enterprises" />}
                      </Button>} />
                  )}
                  <DistrictMap data={map.data} />
                </>
              )}
            </LoadState>
          </Card>
        </Col>
        <Col xs={24} xl={reader ? 10 : 8}>
          {reader ? <CockpitSide rollup={rollup} canVerify={manager} /> : <PublicSide map={map.data} />}
        </Col>
      </Row>
      {reader && <CockpitCharts rollup={rollup} />}
    </>
  );
}
