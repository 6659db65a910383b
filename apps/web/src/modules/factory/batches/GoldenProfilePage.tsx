import { Link, useParams } from 'react-router-dom';
import { App as AntApp, Button, Card, Descriptions, Space, Tag } from 'antd';
import { api, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import { useFactoryRoles } from '../epcis/access';
import type { GoldenProfile } from './api';
import { GoldenBands } from './GoldenBands';

/** One golden profile: what it was made from, and each variable's mean trajectory with its band over the aligned phases. */
export default function GoldenProfilePage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const roles = useFactoryRoles();
  const { modal, message } = AntApp.useApp();
  const p = useApi<GoldenProfile>(`/api/factory/golden/${id}`);
  const g = p.data;
  const L = (zh: string, en: string) => bi(lang, { zh, en });
  const retire = () => modal.confirm({
    title: L('停用此黄金批次？', 'Retire this profile?'), content: L('停用后该配方的批次不再与之对比。', 'Batches of the recipe are no longer compared with it.'),
    onOk: async () => { try { await api.post(`/api/factory/golden/${id}/retire`); p.reload(); } catch (e) { message.error(errorMessage(e)); } },
  });
  return (
    <LoadState loading={p.loading && !g} error={p.error} reload={p.reload}>
      {g && <>
        <PageHeader title={{ zh: `黄金批次 ${g.code}`, en: `Golden profile ${g.code}` }} description={g.nameZh}
          tags={<Tag color={g.status === 'active' ? 'green' : 'default'} data-testid="golden-status">{g.status === 'active' ? L('现行', 'Active') : L('已停用', 'Retired')}</Tag>}
          extra={<Space><Link to="/factory/golden"><Button><Bi zh="全部黄金批次" en="All profiles" /></Button></Link>{roles.reader && g.status === 'active' && <Button danger onClick={retire} data-testid="golden-retire"><Bi zh="停用" en="Retire" /></Button>}</Space>} />
        <section className="section">
          <Card className="panel">
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={<Bi zh="配方" en="Recipe" />}>{g.recipe}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="设备" en="Equipment" />}>{g.equipment ?? L('任意设备', 'Any equipment')}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="带宽" en="Band" />}>{L(`均值 ± ${g.k}σ`, `mean ± ${g.k}σ`)}，{L(`每 ${Math.round(g.stepMs / 60000)} 分钟一点`, `a point every ${Math.round(g.stepMs / 60000)} min`)}</Descriptions.Item>
              <Descriptions.Item label={<Bi zh="来源批次" en="From batches" />} span={3}>
                <Space size={4} wrap>{g.batches.map((b) => <Link key={b.id} to={`/factory/batches/${b.id}`}><Tag className="mono">{b.code} · {b.externalId}</Tag></Link>)}</Space>
              </Descriptions.Item>
              <Descriptions.Item label={<Bi zh="建立" en="Created" />}>{dateTime(g.createdAt)}</Descriptions.Item>
              {g.retiredAt && <Descriptions.Item label={<Bi zh="停用" en="Retired" />}>{dateTime(g.retiredAt)}</Descriptions.Item>}
              {g.noteZh && <Descriptions.Item label={<Bi zh="说明" en="Note" />} span={3}>{g.noteZh}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </section>
        <section className="section">
          <Card className="panel" title={<Bi zh="各变量黄金轨迹（按阶段对齐，横轴为小时）" en="Golden trajectories by variable (aligned by phase; hours)" />}>
            <GoldenBands grid={g.grid} bands={g.bands} variables={g.variables} />
          </Card>
        </section>
      </>}
    </LoadState>
  );
}
