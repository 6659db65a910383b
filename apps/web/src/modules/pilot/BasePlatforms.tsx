import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import type { BaseProfile, Capability, Platform } from './api.bases';
import { BaseDeleteButton } from './BaseDeleteButton';
import { CapabilityModal, PlatformModal } from './BaseRecordModals';
import { BslTag, GradeTag, OrganismTags, ProcessTags } from './BaseTags';
import { volumeText } from './pilotMap';

type Dialog = { kind: 'platform'; platform?: Platform } | { kind: 'capability'; platform: Platform; capability?: Capability } | null;

/** 平台与能力: each platform of the base with its capabilities; keepers add, edit and delete both. */
export function BasePlatforms({ base, onChanged }: { base: BaseProfile; onChanged: () => void }) {
  const lang = useLang();
  const keeper = base.may.edit;
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = () => { setDialog(null); onChanged(); };

  const columns = (platform: Platform): ColumnsType<Capability> => [
    { title: <Bi zh="能力" en="Capability" />, key: 'name', width: 200,
      render: (_, c) => <div><div className="cell-main">{c.nameZh}</div>{c.descriptionZh && <div className="cell-sub">{c.descriptionZh}</div>}</div> },
    { title: <Bi zh="单元操作" en="Unit operations" />, key: 'processes', width: 190, render: (_, c) => <ProcessTags processes={c.processes} /> },
    { title: <Bi zh="生物体" en="Organisms" />, key: 'organisms', width: 160, render: (_, c) => <OrganismTags organisms={c.organisms} /> },
    { title: <Bi zh="工作体积" en="Working volume" />, key: 'volume', width: 130, className: 'pb-nowrap', render: (_, c) => volumeText(c.volumeMinL, c.volumeMaxL, lang) },
    { title: <Bi zh="质量等级" en="Grade" />, key: 'grade', width: 90, render: (_, c) => <GradeTag grade={c.qualityGrade} /> },
    { title: <Bi zh="生物安全" en="Biosafety" />, key: 'bsl', width: 90, render: (_, c) => <BslTag level={c.biosafetyLevel} /> },
    ...(keeper ? [{
      title: '', key: 'actions', width: 90, align: 'right' as const,
      render: (_: unknown, c: Capability) => (
        <Space size={0}>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'capability', platform, capability: c })} data-testid="pilot-capability-edit"
            aria-label={bi(lang, { zh: '编辑', en: 'Edit' })} />
          <BaseDeleteButton path={`/api/pilot/capabilities/${c.id}`} onDone={onChanged} testId="pilot-capability-delete"
            confirm={{ zh: `删除能力「${c.nameZh}」？`, en: 'Delete this capability?' }} done={{ zh: '能力已删除', en: 'Capability deleted' }} />
        </Space>
      ),
    }] : []),
  ];

  return (
    <div data-testid="pilot-base-platforms">
      {keeper && (
        <div className="pb-section-actions">
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'platform' })} data-testid="pilot-platform-add"><Bi zh="新增平台" en="Add a platform" /></Button>
        </div>
      )}
      {base.platforms.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keeper
          ? bi(lang, { zh: '尚未登记中试平台 — 新增平台后再为其添加单元操作、体积范围等能力，即可出现在中试图谱上', en: 'No platforms yet: add one, then its capabilities (unit operations, volume range…) to appear on the map' })
          : bi(lang, { zh: '该基地尚未登记中试平台', en: 'This base lists no platforms yet' })} />
      )}
      <Space orientation="vertical" size={16} className="full-width">
        {base.platforms.map((p) => (
          <Card key={p.id} size="small" className="pb-platform-card" data-testid={`pilot-platform-${p.code}`}
            title={<span>{p.nameZh} <span className="cell-sub mono">{p.code}</span>{p.nameEn && <span className="bi-aside">{p.nameEn}</span>}</span>}
            extra={keeper && (
              <Space size={0}>
                <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'capability', platform: p })} data-testid="pilot-capability-add">
                  {bi(lang, { zh: '新增能力', en: 'Add capability' })}
                </Button>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'platform', platform: p })} data-testid="pilot-platform-edit"
                  aria-label={bi(lang, { zh: '编辑平台', en: 'Edit platform' })} />
                <BaseDeleteButton path={`/api/pilot/platforms/${p.id}`} onDone={onChanged} testId="pilot-platform-delete"
                  confirm={{ zh: `删除平台「${p.nameZh}」及其 ${p.capabilities.length} 项能力？设备仍保留在基地。`, en: `Delete the platform and its ${p.capabilities.length} capabilities? Its equipment stays with the base.` }}
                  done={{ zh: '平台已删除', en: 'Platform deleted' }} />
              </Space>
            )}>
            {p.summaryZh && <Typography.Paragraph type="secondary" className="pb-platform-summary">{p.summaryZh}</Typography.Paragraph>}
            <Table<Capability> rowKey="id" size="small" columns={columns(p)} dataSource={p.capabilities} pagination={false} scroll={{ x: 900 }}
              data-testid="pilot-capabilities-table"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keeper
                ? bi(lang, { zh: '暂无能力 — 点击“新增能力”登记单元操作、生物体和工作体积', en: 'No capabilities yet: add unit operations, organisms and working volume' })
                : bi(lang, { zh: '暂无能力', en: 'No capabilities yet' })} /> }} />
          </Card>
        ))}
      </Space>
      {dialog?.kind === 'platform' && <PlatformModal baseId={base.id} platform={dialog.platform} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog?.kind === 'capability' && <CapabilityModal platform={dialog.platform} capability={dialog.capability} onClose={() => setDialog(null)} onSaved={done} />}
    </div>
  );
}
