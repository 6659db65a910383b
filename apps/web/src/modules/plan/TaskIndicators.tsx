import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { ClockCircleOutlined, FundOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useLang } from '../../app/i18n';
import type { TaskIndicator } from './api';

const WORDS = {
  title: { zh: '任务进展指标', en: 'Task indicators' },
  note: { zh: '计划未为本任务设定数值目标；以下由相关模块根据业务记录实时计量。', en: 'The plan sets no figure for this task; the modules that carry it out measure these from their records.' },
  asOf: { zh: '截至', en: 'As of' },
  notMeasured: { zh: '尚未计量', en: 'Not yet measured' },
  records: { zh: '查看明细', en: 'View the records' },
};

/** A task's indicators (e.g. task 3: factories connected, batches monitored): value, date, basis and the records behind it. */
export function TaskIndicators({ indicators }: { indicators: TaskIndicator[] }) {
  const lang = useLang();
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const aside = (k: keyof typeof WORDS) => (lang === 'zh' ? <span className="bi-aside">{WORDS[k].en}</span> : null);
  if (!indicators.length) return null;
  return (
    <Card className="panel" size="small" data-testid="task-indicators"
      title={<span><FundOutlined /> {w('title')}{aside('title')}<Tag className="count-tag">{indicators.length}</Tag></span>}>
      <Typography.Paragraph type="secondary" className="small-note">{w('note')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {indicators.map((i) => {
          const m = i.measurement;
          const name = lang === 'zh' ? i.nameZh : i.nameEn;
          return (
            <Col key={i.code} xs={24} sm={12}>
              <Card size="small" className="target-card" data-testid={`task-indicator-${i.code}`}>
                {m ? (
                  <>
                    <Statistic title={<>{name}{lang === 'zh' && <span className="bi-aside">{i.nameEn}</span>}</>} value={m.value}
                      suffix={lang === 'zh' ? i.unitZh : i.unitEn} />
                    <div className="target-asof">{w('asOf')} {m.asOf}</div>
                    <div className="target-basis">{lang === 'zh' ? m.basisZh : m.basisEn}</div>
                    {m.drillDown?.startsWith('/') && <Link to={m.drillDown}>{w('records')}{aside('records')} <RightOutlined /></Link>}
                  </>
                ) : (
                  <>
                    <div className="target-indicator">{name}</div>
                    <div className="target-measure target-measure-none"><ClockCircleOutlined /> {w('notMeasured')}{aside('notMeasured')}</div>
                  </>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
