import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { TrophyOutlined, WarningOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import type { ChallengeDetail, RankedApplication, Ranking } from './api';
import { WIDE_SPREAD } from './labels';
import { aggregateRule, isWideSpread } from './ReviewModel';
import { ApplicationStatusTag } from './Tags';

const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

/**
 * 评审汇总与排名: each reviewed application's score (trimmed mean from five scores on, else the
 * mean), the spread flagged above 20 points, each reviewer's total without names, and the means
 * per criterion. The runners propose awardees from it and start the notice: a single award one,
 * parallel funding up to max_teams, each with its share.
 */
export function RankingPanel({ c, runs, onChanged }: { c: ChallengeDetail; runs: boolean; onChanged: () => void }) {
  const lang = useLang();
  const r = useApi<Ranking>(`/api/challenges/${c.id}/ranking`);
  const [selected, setSelected] = useState<string[]>([]);
  const [proposing, setProposing] = useState(false);
  const items = r.data?.items ?? [];
  const mayPropose = runs && c.status === 'review';

  if (r.error instanceof ApiError && r.error.status === 403) {
    return <Alert type="info" showIcon title={r.error.message} />;
  }
  return (
    <LoadState loading={r.loading && !r.data} error={r.error} reload={r.reload}>
      {r.data && <Typography.Paragraph type="secondary">{bi(lang, r.data.rule)}</Typography.Paragraph>}
      {mayPropose && (
        <Space className="cq-filters">
          <Button type="primary" icon={<TrophyOutlined />} disabled={!selected.length} onClick={() => setProposing(true)} data-testid="ranking-propose">
            <Bi zh={`拟立项并公示（已选 ${selected.length}）`} en={`Propose and start the notice (${selected.length})`} />
          </Button>
          <span className="cell-sub">{c.mode === 'single' ? bi(lang, { zh: '揭榜挂帅选一个', en: 'Single award: pick one' }) : bi(lang, { zh: `并行资助至多 ${c.maxTeams} 个`, en: `Parallel funding: up to ${c.maxTeams}` })}</span>
        </Space>
      )}
      <Table<RankedApplication> rowKey="id" size="middle" pagination={false} dataSource={items} data-testid="ranking-table" scroll={{ x: 1000 }}
        rowSelection={mayPropose ? { type: c.mode === 'single' ? 'radio' : 'checkbox', selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]),
          getCheckboxProps: (a) => ({ disabled: a.status !== 'eligible' || a.score === null }) } : undefined}
        locale={{ emptyText: bi(lang, { zh: '还没有评审结果', en: 'No scores yet' }) }}
        columns={[
          { title: <Bi zh="排名" en="Rank" />, dataIndex: 'rank', width: 70, render: (x) => (x ? <strong>{x}</strong> : '—') },
          { title: <Bi zh="申报" en="Application" />, key: 'app', render: (_, a) => <div><div className="cell-main">{a.titleZh}</div><div className="cell-sub"><span className="mono">{a.code}</span> · {a.leadNameZh}</div></div> },
          { title: <Bi zh="得分" en="Score" />, key: 'score', width: 140, render: (_, a) => (
            <Tooltip title={a.n ? bi(lang, aggregateRule(a)) : undefined}>
              <strong data-testid={`ranking-score-${a.code}`}>{num(a.score)}</strong>
              <div className="cell-sub">{a.rule === 'trimmedMean' ? bi(lang, { zh: '截尾均值', en: 'trimmed mean' }) : bi(lang, { zh: '平均', en: 'mean' })}</div>
            </Tooltip>
          ) },
          { title: <Bi zh="评分（不含姓名）" en="Totals (no names)" />, key: 'totals', render: (_, a) => (
            <Space size={[4, 4]} wrap>{a.totals.map((t, i) => <Tag key={i} className="mono">{t}</Tag>)}<span className="cell-sub">{`${a.submitted}/${a.reviewers}`}</span></Space>
          ) },
          { title: <Bi zh="极差" en="Spread" />, key: 'spread', width: 150, render: (_, a) => (
            <span data-testid={`ranking-spread-${a.code}`}>
              {a.spread === null ? '—' : <>{`${num(a.min)}–${num(a.max)}`} <Tag color={isWideSpread(a.spread) ? 'red' : 'default'} icon={isWideSpread(a.spread) ? <WarningOutlined /> : undefined}>{a.spread}</Tag></>}
              {a.sd !== null && <div className="cell-sub">{`σ ${a.sd}`}</div>}
            </span>
          ) },
          ...(r.data?.rubric ?? []).map((k) => ({
            title: <Tooltip title={`${k.nameZh} · ${k.nameEn}`}><span>{lang === 'zh' ? k.nameZh.slice(0, 4) : k.nameEn.split(' ')[0]}</span></Tooltip>, key: `c-${k.key}`, width: 80,
            render: (_: unknown, a: RankedApplication) => num(a.criterionMeans[k.key]),
          })),
          { title: <Bi zh="状态" en="Status" />, dataIndex: 'status', width: 140, render: (s) => <ApplicationStatusTag status={s} /> },
        ]} />
      {items.some((a) => isWideSpread(a.spread)) && (
        <Alert type="warning" showIcon className="panel-alert" title={bi(lang, { zh: `极差超过 ${WIDE_SPREAD} 分的申报已标红，提出拟立项前请关注评审意见分歧`, en: `Spreads above ${WIDE_SPREAD} points are flagged: look at the split panel before proposing` })} />
      )}
      {proposing && <ProposeModal c={c} picked={items.filter((a) => selected.includes(a.id))} onClose={() => setProposing(false)}
        onDone={() => { setProposing(false); setSelected([]); r.reload(); onChanged(); }} />}
    </LoadState>
  );
}

function ProposeModal({ c, picked, onClose, onDone }: { c: ChallengeDetail; picked: RankedApplication[]; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const even = Math.floor((c.fundingWan / Math.max(picked.length, 1)) * 100) / 100;
  const [form] = Form.useForm<{ awardees: { applicationId: string; shareWan?: number | null }[]; noteZh?: string }>();
  const shares = Form.useWatch('awardees', form) ?? [];
  const sum = shares.reduce((s, a) => s + (a?.shareWan ?? 0), 0);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/challenges/${c.id}/notice`, { awardees: v.awardees.map((a) => ({ applicationId: a.applicationId, shareWan: a.shareWan ?? null })), noteZh: v.noteZh?.trim() || null });
    onDone();
  });
  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'propose-ok' } as never}
      title={<Bi zh="拟立项并开始公示" en="Propose awardees and start the notice" />}>
      <Form form={form} layout="vertical" initialValues={{ awardees: picked.map((a) => ({ applicationId: a.id, shareWan: c.mode === 'single' ? c.fundingWan : even })) }}>
        <Form.List name="awardees">
          {(rows, _ops, { errors }) => (
            <>
              {rows.map((row, i) => (
                <Space key={row.key} align="baseline" wrap>
                  <span className="mono">{picked[i]?.code}</span><span>{picked[i]?.leadNameZh}</span>
                  <Form.Item name={[row.name, 'shareWan']} label={<Bi zh="资助额度（万元）" en="Share (10k yuan)" />}>
                    <InputNumber min={0} max={c.fundingWan} step={10} data-testid={`propose-share-${i}`} />
                  </Form.Item>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Typography.Paragraph type={sum > c.fundingWan ? 'danger' : 'secondary'}>
          {bi(lang, { zh: `合计 ${sum} / 榜单经费 ${c.fundingWan} 万元`, en: `Total ${sum} of the funding ${c.fundingWan} (10k yuan)` })}
        </Typography.Paragraph>
        <Form.Item name="noteZh" label={<Bi zh="公示说明" en="Note" />}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Typography.Text type="secondary">{bi(lang, { zh: `公示期 ${c.noticeDays} 天，期间任何登录用户可提出异议。`, en: `The notice runs ${c.noticeDays} days; anyone signed in may object.` })}</Typography.Text>
      </Form>
    </Modal>
  );
}
