import { Alert, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { DIFF_COLOURS, DiffCounts, DiffSection, FieldChanges } from '../../app/components/DiffParts';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DOMAIN_NAMES } from '../plan/format';
import { bi } from '../supervision/shared';
import type { DiffItem, EditionDiff as Diff, ListCode } from './api.lists';
import { BASE_TIERS, FIELD_NAMES, ORGANISMS, PROCESSES, QUALITY_GRADES } from './labels.lists';
import { snapshotValue } from './ListModel';

const { added: GREEN, removed: RED, changed: ORANGE } = DIFF_COLOURS;

/** The vocabularies a snapshot's fields are read through. */
export const SNAPSHOT_VOCAB = {
  domain: DOMAIN_NAMES, domains: DOMAIN_NAMES, organism: ORGANISMS, organisms: ORGANISMS, processes: PROCESSES,
  qualityGrade: QUALITY_GRADES, qualityGrades: QUALITY_GRADES, tier: BASE_TIERS,
};

/** Where an edition's item is read today: a base's page for the atlas, the item's page for the two lists. */
export const editionItemPath = (list: ListCode, itemId: string) =>
  list === 'atlas' ? `/pilot/bases/${itemId}` : list === 'demands' ? `/pilot/demands/${itemId}` : `/pilot/achievements/${itemId}`;

/** An item's name in a snapshot: a base's name, a demand's or achievement's title. */
export const snapshotName = (s: Record<string, unknown>) => String(s.nameZh ?? s.titleZh ?? '—');


/** 与上一版对比: what the edition added, removed and changed since the previous published one, field by field. */
export function EditionDiff({ editionId, list }: { editionId: string; list: ListCode }) {
  const lang = useLang();
  const diff = useApi<Diff>(`/api/pilot/editions/${editionId}/diff`);
  const d = diff.data;
  const show = (field: string, v: unknown) => snapshotValue(field, v, lang, SNAPSHOT_VOCAB);
  const fieldName = (f: string) => (FIELD_NAMES[f] ? (lang === 'zh' ? FIELD_NAMES[f].zh : FIELD_NAMES[f].en) : f);

  const itemColumns = (colour: string, label: { zh: string; en: string }) => [
    { title: <Bi zh="变化" en="Change" />, key: 'change', width: 90, render: () => <Tag color={colour}>{lang === 'zh' ? label.zh : label.en}</Tag> },
    { title: <Bi zh="编号" en="Code" />, key: 'code', width: 150, render: (_: unknown, x: DiffItem) => <span className="mono">{String(x.code ?? '')}</span> },
    { title: <Bi zh="名称" en="Name" />, key: 'name', render: (_: unknown, x: DiffItem) => <Link to={editionItemPath(list, x.itemKey)}>{snapshotName(x)}</Link> },
    { title: <Bi zh="发布机构 / 运营主体" en="Owner" />, key: 'owner', width: 220, render: (_: unknown, x: DiffItem) => String(x.organisationNameZh ?? x.operatorZh ?? '—') },
    { title: <Bi zh="区县" en="District" />, key: 'district', width: 110, render: (_: unknown, x: DiffItem) => String(x.districtNameZh ?? '—') },
  ];

  return (
    <LoadState loading={diff.loading && !d} error={diff.error} reload={diff.reload}>
      {d && (
        <div data-testid="pilot-edition-diff">
          {d.from ? (
            <Typography.Paragraph type="secondary">
              {lang === 'zh' ? `与${d.from.titleZh}相比` : `Compared with edition ${d.from.number} (${d.from.titleZh})`}
            </Typography.Paragraph>
          ) : (
            <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '这是该清单的第一版，全部条目均为新增', en: 'The first edition of this list: every item is new' })} />
          )}
          <DiffCounts added={d.added.length} removed={d.removed.length} changed={d.changed.length} unchanged={d.unchanged} />
          {!d.added.length && !d.removed.length && !d.changed.length && <Empty description={bi(lang, { zh: '与上一版相同', en: 'Same as the previous edition' })} />}
          {d.added.length > 0 && (
            <DiffSection title={<Bi zh={`新增（${d.added.length}）`} en={`Added (${d.added.length})`} />} colour={GREEN}>
              <Table<DiffItem> size="small" rowKey="itemKey" pagination={d.added.length > 20 ? { pageSize: 20 } : false} dataSource={d.added}
                columns={itemColumns('green', { zh: '新增', en: 'Added' })} data-testid="pilot-diff-added" />
            </DiffSection>
          )}
          {d.removed.length > 0 && (
            <DiffSection title={<Bi zh={`移出（${d.removed.length}）`} en={`Removed (${d.removed.length})`} />} colour={RED}>
              <Table<DiffItem> size="small" rowKey="itemKey" pagination={d.removed.length > 20 ? { pageSize: 20 } : false} dataSource={d.removed}
                columns={itemColumns('red', { zh: '移出', en: 'Removed' })} data-testid="pilot-diff-removed" />
            </DiffSection>
          )}
          {d.changed.length > 0 && (
            <DiffSection title={<Bi zh={`变更（${d.changed.length}）`} en={`Changed (${d.changed.length})`} />} colour={ORANGE}>
              <Table<Diff['changed'][number]> size="small" rowKey="key" pagination={d.changed.length > 20 ? { pageSize: 20 } : false} dataSource={d.changed} data-testid="pilot-diff-changed"
                columns={[
                  { title: <Bi zh="编号" en="Code" />, key: 'code', width: 150, render: (_, c) => <span className="mono">{String(c.to.code ?? '')}</span> },
                  { title: <Bi zh="名称" en="Name" />, key: 'name', width: 240, render: (_, c) => <Link to={editionItemPath(list, c.key)}>{snapshotName(c.to)}</Link> },
                  {
                    title: <Bi zh="变更内容" en="What changed" />, key: 'fields',
                    render: (_, c) => <FieldChanges changes={c.fields.map((f) => ({ field: f.field, label: fieldName(f.field), from: show(f.field, f.from), to: show(f.field, f.to) }))} />,
                  },
                ]} />
            </DiffSection>
          )}
        </div>
      )}
    </LoadState>
  );
}
