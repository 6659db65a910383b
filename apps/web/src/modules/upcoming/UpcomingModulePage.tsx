import { Button, Card, Result, Space, Tag, Typography } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { Bi } from '../../app/components/Bi';

export type UpcomingModule = 'pilot' | 'challenges' | 'strains' | 'factory' | 'talent';

/** Tasks of the plan each module serves, so the page can point at them. */
const TASKS: Record<UpcomingModule, number[]> = {
  pilot: [4, 5, 6],
  challenges: [2, 11, 19],
  strains: [21, 22, 23],
  factory: [3, 13],
  talent: [18, 19, 20],
};

/**
 * A module whose pages are still being built: what it will do and which of the plan's
 * tasks it serves. No sample figures: the real ones arrive with the module.
 */
export default function UpcomingModulePage({ module }: { module: UpcomingModule }) {
  const { t } = useTranslation();
  const features = t(`modules.${module}.features`, { returnObjects: true }) as string[];
  return (
    <>
      <PageHeader titleKey={`nav.${module}`} />
      <Card className="panel">
        <Result
          icon={<ToolOutlined className="upcoming-icon" />}
          title={<span data-testid="upcoming-title"><Bi k="modules.beingBuilt" /></span>}
          subTitle={t(`modules.${module}.summary`)}
          extra={
            <div className="upcoming-body">
              <Typography.Title level={5}>{t('modules.willDo')}</Typography.Title>
              <ul className="upcoming-list">
                {Array.isArray(features) && features.map((f) => <li key={f}>{f}</li>)}
              </ul>
              <Typography.Title level={5}>{t('modules.servesTasks')}</Typography.Title>
              <Space size={[6, 6]} wrap className="upcoming-tasks">
                {TASKS[module].map((n) => <Link key={n} to={`/plan/tasks/${n}`}><Tag color="blue">{t('plan.taskNo', { no: n })}</Tag></Link>)}
              </Space>
              <div className="upcoming-actions">
                <Link to="/"><Button type="primary">{t('modules.backToCockpit')}</Button></Link>
              </div>
            </div>
          }
        />
      </Card>
    </>
  );
}
