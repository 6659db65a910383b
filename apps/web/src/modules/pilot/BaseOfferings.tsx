import { useState } from 'react';
import { Button, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalendarOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import type { BaseProfile, Equipment, PilotService } from './api.bases';
import { BaseDeleteButton } from './BaseDeleteButton';
import { ServiceModal } from './BaseRecordModals';
import { EquipmentStatusTag, HourlyPriceList, yuanText } from './BaseTags';
import { EquipmentFormModal } from './EquipmentFormModal';

/** 基地服务: what the base offers, with price and lead time; keepers add, edit and delete. */
export function BaseServices({ base, onChanged }: { base: BaseProfile; onChanged: () => void }) {
  const lang = useLang();
  const keeper = base.may.edit;
  const [dialog, setDialog] = useState<{ service?: PilotService } | null>(null);
  const columns: ColumnsType<PilotService> = [
    { title: <Bi zh="服务" en="Service" />, key: 'name', width: 260,
      render: (_, s) => <div><div className="cell-main">{s.nameZh}</div>{s.descriptionZh && <div className="cell-sub">{s.descriptionZh}</div>}</div> },
    { title: <Bi zh="价格" en="Price" />, key: 'price', width: 160, render: (_, s) => <span data-testid="pilot-service-price-cell">{yuanText(lang, s.priceYuan, s.priceUnitZh)}</span> },
    { title: <Bi zh="周期" en="Lead time" />, key: 'lead', width: 110,
      render: (_, s) => (s.leadTimeDays == null ? <span className="cell-sub">{bi(lang, { zh: '商定', en: 'Agreed' })}</span> : lang === 'zh' ? `${s.leadTimeDays} 天` : `${s.leadTimeDays} days`) },
    ...(keeper ? [{
      title: '', key: 'actions', width: 90, align: 'right' as const,
      render: (_: unknown, s: PilotService) => (
        <Space size={0}>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setDialog({ service: s })} data-testid="pilot-service-edit" aria-label={bi(lang, { zh: '编辑', en: 'Edit' })} />
          <BaseDeleteButton path={`/api/pilot/base-services/${s.id}`} onDone={onChanged} testId="pilot-service-delete"
            confirm={{ zh: `删除服务「${s.nameZh}」？`, en: 'Delete this service?' }} done={{ zh: '服务已删除', en: 'Service deleted' }} />
        </Space>
      ),
    }] : []),
  ];
  return (
    <div data-testid="pilot-base-services">
      {keeper && (
        <div className="pb-section-actions">
          <Button icon={<PlusOutlined />} onClick={() => setDialog({})} data-testid="pilot-service-add"><Bi zh="新增服务" en="Add a service" /></Button>
        </div>
      )}
      <Table<PilotService> rowKey="id" size="small" columns={columns} dataSource={base.services} pagination={false} scroll={{ x: 640 }} data-testid="pilot-services-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keeper
          ? bi(lang, { zh: '暂无服务 — 新增服务并注明价格与周期，便于企业比较', en: 'No services yet: add them with price and lead time so enterprises can compare' })
          : bi(lang, { zh: '该基地尚未登记服务', en: 'This base lists no services yet' })} /> }} />
      {dialog && <ServiceModal baseId={base.id} service={dialog.service} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); onChanged(); }} />}
    </div>
  );
}

/** 共享设备: the base's equipment with status and hourly prices per user category; each opens its booking calendar. */
export function BaseEquipment({ base, onChanged }: { base: BaseProfile; onChanged: () => void }) {
  const lang = useLang();
  const keeper = base.may.edit;
  const [dialog, setDialog] = useState<{ equipment?: Equipment } | null>(null);
  const platformName = (id: string | null) => base.platforms.find((p) => p.id === id)?.nameZh;
  const columns: ColumnsType<Equipment> = [
    { title: <Bi zh="设备" en="Item" />, key: 'name', width: 240,
      render: (_, e) => (
        <div>
          <Link to={`/pilot/equipment/${e.id}`} className="cell-main" data-testid="pilot-equipment-link">{e.nameZh}</Link>
          <div className="cell-sub"><span className="mono">{e.code}</span> · {e.typeZh}{e.model ? ` · ${e.model}` : ''}</div>
          {platformName(e.platformId) && <div className="cell-sub">{platformName(e.platformId)}</div>}
        </div>
      ) },
    { title: <Bi zh="容量" en="Capacity" />, key: 'capacity', width: 140,
      render: (_, e) => <div>{e.capacityL != null ? `${e.capacityL.toLocaleString()} L` : '—'}{e.capacityZh && <div className="cell-sub">{e.capacityZh}</div>}</div> },
    { title: <Bi zh="状态" en="Status" />, key: 'status', width: 110, render: (_, e) => <EquipmentStatusTag status={e.status} /> },
    { title: <Bi zh="小时价格" en="Hourly price" />, key: 'prices', width: 200, render: (_, e) => <HourlyPriceList prices={e} /> },
    { title: '', key: 'actions', width: keeper ? 170 : 110, align: 'right',
      render: (_, e) => (
        <Space size={0}>
          <Link to={`/pilot/equipment/${e.id}`} data-testid="pilot-equipment-calendar-link">
            <Button size="small" type="link" icon={<CalendarOutlined />}>{e.status === 'available' ? bi(lang, { zh: '日历/预约', en: 'Calendar' }) : bi(lang, { zh: '日历', en: 'Calendar' })}</Button>
          </Link>
          {keeper && (
            <>
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setDialog({ equipment: e })} data-testid="pilot-equipment-edit" aria-label={bi(lang, { zh: '编辑', en: 'Edit' })} />
              <BaseDeleteButton path={`/api/pilot/equipment/${e.id}`} onDone={onChanged} testId="pilot-equipment-delete"
                confirm={{ zh: `删除设备 ${e.code}？已有预约记录的设备不能删除，可改为“已停用”。`, en: `Delete ${e.code}? Items with bookings cannot be deleted; retire them instead.` }}
                done={{ zh: `设备 ${e.code} 已删除`, en: `${e.code} deleted` }} />
            </>
          )}
        </Space>
      ) },
  ];
  return (
    <div data-testid="pilot-base-equipment">
      <div className="pb-section-actions">
        <Typography.Text type="secondary">
          {bi(lang, { zh: '价格按预约人类别计：中试联盟成员、企业、高校院所；未定价为面议。', en: 'Priced by who books: alliance members, enterprises, institutes; no price means on request.' })}
        </Typography.Text>
        {keeper && <Button icon={<PlusOutlined />} onClick={() => setDialog({})} data-testid="pilot-equipment-add"><Bi zh="新增设备" en="Add equipment" /></Button>}
      </div>
      <Table<Equipment> rowKey="id" size="small" columns={columns} dataSource={base.equipment} pagination={base.equipment.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 860 }} data-testid="pilot-equipment-table"
        onRow={(e) => ({ 'data-testid': `pilot-equipment-row-${e.code}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keeper
          ? bi(lang, { zh: '暂无共享设备 — 新增设备并设定各类用户的小时价格后，企业和院所即可在设备日历上预约', en: 'No shared equipment yet: add items with hourly prices and parties can book them on the calendar' })
          : bi(lang, { zh: '该基地尚未登记共享设备', en: 'This base lists no shared equipment yet' })} /> }} />
      {dialog && <EquipmentFormModal baseId={base.id} platforms={base.platforms} equipment={dialog.equipment} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); onChanged(); }} />}
    </div>
  );
}
