import { useState } from 'react';
import { Badge, Breadcrumb, Button, Card, Descriptions, Result, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { bi, dateTime } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import type { BaseProfile } from './api.bases';
import { BaseFormModal } from './BaseFormModal';
import { BaseEquipment, BaseServices } from './BaseOfferings';
import { BasePlatforms } from './BasePlatforms';
import { AllianceTag, TierTag } from './BaseTags';
import { AllianceSwitch, BaseTierModal } from './BaseTierModal';
import { BaseUtilisation } from './BaseUtilisation';

const TABS = ['platforms', 'services', 'equipment'] as const;
type Tab = (typeof TABS)[number];

/**
 * 中试基地详情: the profile, platforms with their capabilities, services with prices and lead
 * times, equipment with status and hourly prices; its keepers change all of it, the task force
 * also tier and alliance membership; keepers and overseers read the equipment's utilisation.
 */
export default function BasePage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const { overseer } = usePilotRoles();
  const base = useApi<BaseProfile>(`/api/pilot/bases/${id}`);
  const districts = useDistrictNames();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<'edit' | 'tier' | null>(null);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'platforms';
  const b = base.data;

  if (base.error instanceof ApiError && (base.error.status === 404 || base.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '中试基地不存在', en: 'Pilot base not found' })} subTitle={base.error.message}
      extra={<Link to="/pilot/bases"><Button type="primary"><Bi zh="返回中试基地名录" en="Back to pilot bases" /></Button></Link>} />;
  }

  const capabilities = b?.platforms.reduce((n, p) => n + p.capabilities.length, 0) ?? 0;
  const count = (n: number) => <Badge count={n} showZero color={n ? '#1d4f91' : '#d9d9d9'} size="small" style={{ marginLeft: 6 }} />;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试图谱" en="Pilot map" /></Link> },
        { title: <Link to="/pilot/bases"><Bi zh="中试基地" en="Pilot bases" /></Link> },
        { title: b?.code ?? '…' },
      ]} />
      <LoadState loading={base.loading && !b} error={base.error} reload={base.reload} rows={10}>
        {b && (
          <>
            <PageHeader title={{ zh: b.nameZh, en: b.nameEn ?? b.nameZh }}
              tags={<Space size={[6, 6]} wrap><span className="mono" data-testid="pilot-base-code">{b.code}</span><TierTag tier={b.tier} /><AllianceTag member={b.allianceMember} />{b.isDemo && <Tag className="demo-tag">{bi(lang, { zh: '演示数据', en: 'Demo' })}</Tag>}</Space>}
              extra={(b.may.edit || b.may.recognise) && (
                <Space wrap>
                  {b.may.recognise && <AllianceSwitch base={b} onDone={base.reload} />}
                  {b.may.recognise && <Button icon={<SafetyCertificateOutlined />} onClick={() => setDialog('tier')} data-testid="pilot-base-set-tier"><Bi zh="认定等级" en="Set tier" /></Button>}
                  {b.may.edit && <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="pilot-base-edit"><Bi zh="编辑基地" en="Edit" /></Button>}
                </Space>
              )} />

            <Card className="panel" data-testid="pilot-base-profile">
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
                { key: 'operator', label: <Bi zh="运营单位" en="Operator" />, children: b.operatorZh },
                { key: 'district', label: <Bi zh="所在区县" en="District" />, children: districts.name(b.districtCode) ?? b.districtNameZh },
                { key: 'domains', label: <Bi zh="服务领域" en="Domains" />, children: b.domains.length ? <DomainTags domains={b.domains} compact /> : '—' },
                { key: 'tier', label: <Bi zh="等级与认定" en="Tier and recognition" />,
                  children: b.tier === 'reserve' ? bi(lang, { zh: '储备基地（尚未认定）', en: 'Reserve (not yet recognised)' })
                    : <span data-testid="pilot-base-recognition">{lang === 'zh' ? `${b.tierName.zh}：${b.recognisedByZh ?? '—'} ${b.recognisedOn ?? ''} 认定` : `${b.tierName.en}: recognised by ${b.recognisedByZh ?? '—'} on ${b.recognisedOn ?? '—'}`}</span> },
                { key: 'address', label: <Bi zh="地址" en="Address" />, children: b.addressZh ?? '—' },
                { key: 'point', label: <Bi zh="坐标" en="Coordinates" />,
                  children: b.lng != null && b.lat != null ? <span className="mono">{b.lng}, {b.lat}</span> : <Typography.Text type="secondary">{bi(lang, { zh: '未登记，图谱按区县标注', en: 'None; the map uses the district' })}</Typography.Text> },
                { key: 'contact', label: <Bi zh="联系方式" en="Contact" />, children: b.contactZh ?? '—' },
                { key: 'offer', label: <Bi zh="规模" en="Offer" />,
                  children: lang === 'zh' ? `平台 ${b.platforms.length} 个 · 能力 ${capabilities} 项 · 设备 ${b.equipment.length} 台` : `${b.platforms.length} platforms · ${capabilities} capabilities · ${b.equipment.length} items` },
                { key: 'updated', label: <Bi zh="更新时间" en="Updated" />, children: dateTime(b.updatedAt) },
              ]} />
              {b.summaryZh && <Typography.Paragraph className="pb-base-summary" data-testid="pilot-base-summary">{b.summaryZh}</Typography.Paragraph>}
            </Card>

            <Card className="panel section">
              <Tabs activeKey={tab} data-testid="pilot-base-tabs"
                onChange={(k) => setParams((prev) => { const next = new URLSearchParams(prev); if (k === 'platforms') next.delete('tab'); else next.set('tab', k); return next; }, { replace: true })}
                items={[
                  { key: 'platforms', label: <span data-testid="pilot-base-tab-platforms"><Bi zh="平台与能力" en="Platforms and capabilities" />{count(b.platforms.length)}</span>,
                    children: <BasePlatforms base={b} onChanged={base.reload} /> },
                  { key: 'services', label: <span data-testid="pilot-base-tab-services"><Bi zh="服务" en="Services" />{count(b.services.length)}</span>,
                    children: <BaseServices base={b} onChanged={base.reload} /> },
                  { key: 'equipment', label: <span data-testid="pilot-base-tab-equipment"><Bi zh="共享设备" en="Shared equipment" />{count(b.equipment.length)}</span>,
                    children: <BaseEquipment base={b} onChanged={base.reload} /> },
                ]} />
            </Card>

            {(b.may.edit || overseer) && <BaseUtilisation baseId={b.id} />}

            {dialog === 'edit' && <BaseFormModal base={b} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); base.reload(); }} />}
            {dialog === 'tier' && <BaseTierModal base={b} onClose={() => setDialog(null)} onDone={() => { setDialog(null); base.reload(); }} />}
          </>
        )}
      </LoadState>
    </>
  );
}
