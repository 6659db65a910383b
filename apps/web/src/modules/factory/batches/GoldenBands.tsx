import { Col, Row } from 'antd';
import { useLang } from '../../../app/i18n';
import type { Band, GridPhase, VariableInfo } from './api';
import { BandChart } from './BandChart';
import { gridHours } from './goldenAxis';

/** Every variable's golden trajectory (mean dashed, the band shaded) on the profile's phase-aligned grid. */
export function GoldenBands({ grid, bands, variables, testPrefix = 'golden' }: { grid: GridPhase[]; bands: Record<string, Band>; variables: VariableInfo[]; testPrefix?: string }) {
  const lang = useLang();
  const { x, phases } = gridHours(grid, lang);
  return (
    <Row gutter={[16, 16]}>
      {variables.map((v) => (
        <Col xs={24} xl={12} key={v.variable}>
          <BandChart title={v} unit={v.unit} axis="hours" x={x} mean={bands[v.variable].mean} lower={bands[v.variable].lower} upper={bands[v.variable].upper} phases={phases} height={220} testId={`${testPrefix}-${v.variable}`} />
        </Col>
      ))}
    </Row>
  );
}
