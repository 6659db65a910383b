import { Badge, Card, Empty, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useLang } from '../../app/i18n';
import { bi, one } from '../supervision/shared';
import type { LeadRow } from './api';
import { money } from './format';
import { LEAD_STAGE_ORDER, LEAD_STAGES } from './labels';
import { ClockTag, LeadStatusTag } from './tags';

function LeadCard({ l }: { l: LeadRow }) {
  const lang = useLang();
  return (
    <Link to={`/industry/leads/${l.id}`} className="lead-card-link" data-testid={`lead-card-${l.code}`}>
      <Card size="small" hoverable className={`lead-card lead-card-${l.clock.state}`}>
        <div className="lead-card-head">
          <Typography.Text strong className="lead-card-title">{l.targetNameZh}</Typography.Text>
          <ClockTag clock={l.clock} />
        </div>
        <div className="cell-sub"><span className="mono">{l.code}</span> · {l.districtNameZh}</div>
        {l.chainNodeNameZh && <Tag className="lead-card-node">{l.chainNodeNameZh}</Tag>}
        {l.status !== 'active' && <LeadStatusTag status={l.status} />}
        {l.districtsOnTarget > 1 && (
          <Tooltip title={bi(lang, { zh: '多个区县在跟进同一企业且尚未协调，请工作专班确定主办', en: 'Several districts chase this company without a decision yet; the task force names the primary lead' })}>
            <Tag color="warning" icon={<WarningOutlined />}>{lang === 'zh' ? `${l.districtsOnTarget} 个区县跟进` : `${l.districtsOnTarget} districts`}</Tag>
          </Tooltip>
        )}
        {(l.contractedWan || l.arrivedWan) ? (
          <div className="cell-sub">{lang === 'zh' ? '签约' : 'Contracted'} {money(lang, l.contractedWan)}{l.arrivedWan ? ` · ${lang === 'zh' ? '到位' : 'arrived'} ${money(lang, l.arrivedWan)}` : ''}</div>
        ) : null}
        {l.nextActionZh && (
          <div className="lead-card-next">
            {lang === 'zh' ? '下一步：' : 'Next: '}{l.nextActionZh}{l.nextActionOn && <span className="cell-sub"> · {l.nextActionOn}</span>}
          </div>
        )}
      </Card>
    </Link>
  );
}

/** 看板: one column per stage, 线索 → 在谈 → 签约 → 开工 → 到资 → 投产; each card a lead with its clock. */
export function LeadBoard({ leads }: { leads: LeadRow[] }) {
  const lang = useLang();
  return (
    <div className="lead-board" data-testid="lead-board">
      {LEAD_STAGE_ORDER.map((stage) => {
        const column = leads.filter((l) => l.stage === stage);
        return (
          <div key={stage} className="lead-column" data-stage={stage}>
            <div className="lead-column-head">
              <span>{one(lang, LEAD_STAGES[stage])}<span className="bi-aside">{lang === 'zh' ? LEAD_STAGES[stage].en : LEAD_STAGES[stage].zh}</span></span>
              <Badge count={column.length} showZero color={column.length ? '#1d4f91' : '#d9d9d9'} />
            </div>
            <div className="lead-column-body">
              {column.length ? column.map((l) => <LeadCard key={l.id} l={l} />)
                : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '暂无', en: 'None' })} />}
            </div>
          </div>
        );
      })}
    </div>
  );
}
