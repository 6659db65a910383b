import { useMemo, useState } from 'react';
import { Button, Card, Descriptions, Typography } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import { useLeadClocks } from './api';
import { LEAD_STAGE_ORDER } from './labels';
import { LeadClocksModal } from './LeadClocksModal';

/**
 * 响应时限: the days each stage allows before a lead's clock runs out, for everyone who sees
 * leads; the task force sets them. `onChanged` reloads what the clocks colour.
 */
export function LeadClocks({ canSet, onChanged }: { canSet: boolean; onChanged: () => void }) {
  const lang = useLang();
  const clocks = useLeadClocks();
  const [setting, setSetting] = useState(false);
  const list = useMemo(() => [...(clocks.data ?? [])].sort((a, b) => LEAD_STAGE_ORDER.indexOf(a.stage) - LEAD_STAGE_ORDER.indexOf(b.stage)), [clocks.data]);
  const clue = list.find((c) => c.stage === 'clue')?.days;

  return (
    <Card className="panel" title={<Bi zh="响应时限" en="Response clocks" />} data-testid="lead-clocks"
      extra={canSet && clocks.data && <Button size="small" icon={<FieldTimeOutlined />} onClick={() => setSetting(true)} data-testid="clocks-set"><Bi zh="设置" en="Set" /></Button>}>
      <LoadState loading={clocks.loading && !clocks.data} error={clocks.error} reload={clocks.reload} rows={3}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {lang === 'zh'
            ? `新线索须在「线索」时限${clue ? `（${clue} 天）` : ''}内首次响应；此后每个阶段两次跟进之间不超过该阶段的天数，最后五分之一为临期。`
            : `A new lead must be answered within the clue days${clue ? ` (${clue})` : ''}; afterwards each stage allows its days between follow-ups, the last fifth being due soon.`}
          <span className="bi-aside block">{lang === 'zh'
            ? 'A new lead must be answered within the clue days; afterwards each stage allows its days between follow-ups.'
            : '新线索须在「线索」天数内首次响应；此后每个阶段两次跟进之间不超过该阶段的天数。'}</span>
        </Typography.Paragraph>
        <Descriptions size="small" bordered column={1} items={list.map((c) => ({
          key: c.stage, label: <Bi zh={c.zh} en={c.en} />,
          children: <span data-stage={c.stage} data-days={c.days}>{lang === 'zh' ? `${c.days} 天` : `${c.days} days`}</span>,
        }))} />
      </LoadState>
      {setting && <LeadClocksModal clocks={list} onClose={() => setSetting(false)} onSaved={() => { setSetting(false); clocks.reload(); onChanged(); }} />}
    </Card>
  );
}
