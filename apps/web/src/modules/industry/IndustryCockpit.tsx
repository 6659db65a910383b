import { Button, Card, Col, Empty, Row } from 'antd';
import { useNavigate } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import type { ApiState } from '../../app/useApi';
import { bi } from '../supervision/shared';
import type { Rollup } from './api';
import { ScaleByDistrictChart, ScaleByDomainChart, ScaleByYearChart } from './CockpitCharts';
import { ScaleTargetCard, TierCards, UnverifiedAlert } from './CockpitFigures';

/**
 * The task force's cockpit beside the map: scale against the target, tiers and designations
 * (each a link to the records behind it), and how much is still unverified.
 */
export function CockpitSide({ rollup, canVerify }: { rollup: ApiState<Rollup>; canVerify: boolean }) {
  const lang = useLang();
  const navigate = useNavigate();
  const r = rollup.data;
  return (
    <LoadState loading={rollup.loading && !r} error={rollup.error} reload={rollup.reload} rows={8}>
      {r && (r.year === null ? (
        <Card className="panel" data-testid="rollup-empty">
          <Empty description={bi(lang, { zh: '尚无已核实的企业经营数据。企业报送、区县核实后，产业规模与目标进度将显示在这里。', en: 'No verified figures yet. Once enterprises report and districts verify, the scale and the targets\' progress appear here.' })}>
            {canVerify && <Button type="primary" onClick={() => navigate('/industry/figures')}><Bi zh="经营数据核实" en="Verify figures" /></Button>}
          </Empty>
        </Card>
      ) : (
        <div className="cockpit-side" data-testid="industry-rollup">
          <UnverifiedAlert r={r} canVerify={canVerify} />
          <ScaleTargetCard r={r} />
          <TierCards r={r} />
        </div>
      ))}
    </LoadState>
  );
}

export function CockpitCharts({ rollup }: { rollup: ApiState<Rollup> }) {
  const r = rollup.data;
  if (!r || r.year === null) return null;
  return (
    <Row gutter={[16, 16]} className="section">
      <Col xs={24} xl={8}><ScaleByYearChart r={r} /></Col>
      <Col xs={24} xl={8}><ScaleByDomainChart r={r} /></Col>
      <Col xs={24} xl={8}><ScaleByDistrictChart r={r} /></Col>
    </Row>
  );
}
