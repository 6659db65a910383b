import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Descriptions, Result, Space, Tag, Timeline } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { LabelTag } from '../pilot/BaseTags';
import { bi, dateTime, one, useDownload } from '../supervision/shared';
import { fileSize } from '../supervision/WorkShared';
import type { Action, Evaluation, PublicConclusion } from './api';
import { ACTION_FORMS, ActionModal } from './ActionModal';
import { ApplyModal } from './ApplyModal';
import { ConcludeModal } from './ConcludeModal';
import { FindingsForm } from './FindingsForm';
import { CONCLUSIONS, label, TRACK_DECISIONS, TRACKS } from './labels';
import { ReviewersPanel } from './ReviewersPanel';
import { ClockBar, ConclusionTag, StateTag, SubjectTag, TrackTag } from './SafetyTags';
import { SummaryTable } from './SummaryTable';

/** The buttons of the actions the reader may take, in the order they are offered. */
const BUTTONS: { action: Action; zh: string; en: string; primary?: boolean; danger?: boolean }[] = [
  { action: 'edit', zh: '修改', en: 'Edit' }, { action: 'submit', zh: '提交申请', en: 'Submit', primary: true }, { action: 'supplement', zh: '提交补充材料', en: 'Supplement', primary: true },
  { action: 'accept', zh: '受理', en: 'Accept', primary: true }, { action: 'decideTrack', zh: '决定通道', en: 'Decide track' }, { action: 'return', zh: '不予受理', en: 'Return', danger: true },
  { action: 'requestSupplements', zh: '要求补充材料', en: 'Ask for supplements' }, { action: 'conclude', zh: '作出结论', en: 'Conclude', primary: true },
  { action: 'withdraw', zh: '撤回', en: 'Withdraw', danger: true },
];

/** What a visitor sees: the conclusion line, and nothing of the dossier or findings. */
function PublicView({ d }: { d: PublicConclusion }) {
  return (
    <>
      <PageHeader title={{ zh: `安全评价结论 ${d.code}`, en: `Safety evaluation ${d.code}` }} tags={<Space size={4}><SubjectTag kind={d.subjectKind} /><ConclusionTag conclusion={d.conclusion} /><TrackTag track={d.track} /></Space>} />
      <Card className="panel">
        <Descriptions column={1} size="small" bordered data-testid="safety-public">
          <Descriptions.Item label={<Bi zh="评价对象" en="Subject" />}>{d.titleZh}</Descriptions.Item>
          <Descriptions.Item label={<Bi zh="申请单位" en="Applicant" />}>{d.applicantNameZh}</Descriptions.Item>
          <Descriptions.Item label={<Bi zh="评价结论" en="Conclusion" />}><ConclusionTag conclusion={d.conclusion} /></Descriptions.Item>
          <Descriptions.Item label={<Bi zh="证书编号" en="Certificate" />}><span className="mono">{d.certificateNo ?? '—'}</span></Descriptions.Item>
          <Descriptions.Item label={<Bi zh="结论日期" en="Concluded on" />}>{d.concludedOn}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}

/**
 * One safety evaluation as its reader may see it: the application and its dossier, the track and
 * the clock with the time with the applicant, the reviewers (the body's), the reviewer's own
 * findings form, the summary, the conclusion; and the actions the reader may take now.
 */
export default function EvaluationPage() {
  const { id } = useParams();
  const lang = useLang();
  const { modal, message } = AntApp.useApp();
  const r = useApi<Evaluation | PublicConclusion>(`/api/safety/evaluations/${id}`);
  const [acting, setActing] = useState<Action | null>(null);
  const { run, busy } = useDownload();
  const d = r.data;
  if (d && !('audience' in d)) return <PublicView d={d} />;
  const e = d as Evaluation | undefined;

  const act = (a: Action) => {
    if (a !== 'submit') return setActing(a);
    modal.confirm({
      title: bi(lang, { zh: `提交申请 ${e!.code}？`, en: `Submit ${e!.code}?` }), content: bi(lang, { zh: '提交后由评价机构形式审查，草稿不能再修改。', en: 'The body checks it; the draft can no longer be edited.' }),
      okText: bi(lang, { zh: '提交', en: 'Submit' }), cancelText: bi(lang, { zh: '取消', en: 'Cancel' }), okButtonProps: { 'data-testid': 'safety-submit-ok' } as never,
      onOk: async () => {
        try { await api.post(`/api/safety/evaluations/${e!.id}/submit`, {}); message.success(bi(lang, { zh: '已提交', en: 'Submitted' })); r.reload(); } catch (err) { message.error(errorMessage(err)); }
      },
    });
  };

  return (
    <LoadState loading={r.loading && !d} error={r.error} reload={r.reload}>
      {e && (
        <>
          <PageHeader title={{ zh: `安全评价 ${e.code}`, en: `Safety evaluation ${e.code}` }}
            tags={<Space size={4}><SubjectTag kind={e.subjectKind} /><StateTag state={e.state} /><TrackTag track={e.track} /><ConclusionTag conclusion={e.conclusion} /></Space>}
            description={e.titleZh}
            extra={<Space wrap>{BUTTONS.filter((b) => e.may.includes(b.action)).map((b) => (
              <Button key={b.action} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => act(b.action)} data-testid={`safety-act-${b.action}`}>{bi(lang, b)}</Button>
            ))}</Space>} />
          {e.state === 'concluded' && (
            <Result status={e.conclusion === 'notSafe' ? 'warning' : 'success'} className="panel-alert" data-testid="safety-result"
              title={bi(lang, { zh: `评价结论：${label(CONCLUSIONS, e.conclusion).zh}`, en: `Conclusion: ${label(CONCLUSIONS, e.conclusion).en}` })}
              subTitle={<>{e.certificateNo && <div>{bi(lang, { zh: `证书编号 ${e.certificateNo}`, en: `Certificate ${e.certificateNo}` })}</div>}<div>{e.findingsZh}</div>{e.conditionsZh && <div>{bi(lang, { zh: `条件：${e.conditionsZh}`, en: `Conditions: ${e.conditionsZh}` })}</div>}</>} />
          )}
          {(e.state === 'returned' || e.state === 'withdrawn') && e.closedReasonZh && <Alert type="warning" showIcon className="panel-alert" title={e.closedReasonZh} />}
          <Card className="panel" title={<Bi zh="评价时限" en="Clock" />}>
            <Space size={32} wrap align="start">
              <ClockBar clock={e.clock} width={320} />
              <div>
                <div>{one(lang, { zh: `通道：${label(TRACKS, e.track).zh}（${e.timeLimitDays ?? TRACKS[e.track]?.days} 天）`, en: `Track: ${label(TRACKS, e.track).en} (${e.timeLimitDays ?? TRACKS[e.track]?.days} days)` })}</div>
                {e.trackRequested !== 'standard' && (
                  <div className="cell-sub">
                    {one(lang, { zh: `申请${label(TRACKS, e.trackRequested).zh}：${e.trackReasonZh ?? ''}`, en: `${label(TRACKS, e.trackRequested).en} asked for: ${e.trackReasonZh ?? ''}` })}
                    {' '}{e.trackDecision ? <LabelTag label={label(TRACK_DECISIONS, e.trackDecision)} /> : <Tag>{bi(lang, { zh: '待决定', en: 'Undecided' })}</Tag>}
                    {e.trackDecisionNoteZh}
                  </div>
                )}
              </div>
            </Space>
            {e.pauses.length > 0 && (
              <Timeline style={{ marginTop: 16 }} data-testid="safety-pauses" items={e.pauses.map((p) => ({
                color: p.endedOn ? 'gray' : 'orange',
                children: <div><strong>{one(lang, { zh: `补充材料 ${p.startedOn} — ${p.endedOn ?? '进行中'}`, en: `Supplements ${p.startedOn} — ${p.endedOn ?? 'open'}` })}</strong><div>{p.reasonZh}</div>{p.answerZh && <div className="cell-sub">{one(lang, { zh: `答复：${p.answerZh}`, en: `Answer: ${p.answerZh}` })}</div>}</div>,
              }))} />
            )}
          </Card>
          <Card className="panel" title={<Bi zh="申请内容" en="Application" />}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={<Bi zh="申请单位" en="Applicant" />}>{e.applicantNameZh}</Descriptions.Item>
              {e.strainId && <Descriptions.Item label={<Bi zh="菌种库中的菌种" en="Strain in the bank" />}><Link to={`/strains/${e.strainId}`} className="mono">{e.strainAccession ?? '—'}</Link> {e.strainNameZh}</Descriptions.Item>}
              <Descriptions.Item label={<Bi zh="说明" en="Description" />}><div style={{ whiteSpace: 'pre-wrap' }}>{e.descriptionZh}</div></Descriptions.Item>
              <Descriptions.Item label={<Bi zh="领域关键词" en="Field keywords" />}>{e.fields.map((f) => <Tag key={f}>{f}</Tag>)}</Descriptions.Item>
              {'contactNameZh' in e && <Descriptions.Item label={<Bi zh="联系人" en="Contact" />}>{[e.contactNameZh, e.contactPhone, e.contactEmail].filter(Boolean).join(' · ')}</Descriptions.Item>}
              <Descriptions.Item label={<Bi zh="申报材料" en="Dossier" />}>
                {e.files?.length ? <Space direction="vertical" size={0}>{e.files.map((f) => (
                  <Button key={f.id} type="link" icon={<DownloadOutlined />} loading={busy} style={{ paddingLeft: 0 }} onClick={() => run(`/api/safety/evaluations/${e.id}/files/${f.id}`, f.name)} data-testid="safety-file">{f.name} ({fileSize(f.sizeBytes)})</Button>
                ))}</Space> : bi(lang, { zh: '尚未上传；提交前须上传申报材料', en: 'None yet; upload the dossier before submitting' })}
              </Descriptions.Item>
              <Descriptions.Item label={<Bi zh="提交时间" en="Submitted" />}>{dateTime(e.submittedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          {e.audience === 'reviewer' && e.myReview && <FindingsForm e={e} review={e.myReview} onDone={r.reload} />}
          {(e.audience === 'body' || e.audience === 'overseer') && <ReviewersPanel e={e} onDone={r.reload} />}
          {e.reviewSummary && e.reviewSummary.reviewers > 0 && (
            <Card className="panel" title={<Bi zh="评审意见汇总" en="Reviewers' findings summarised" />}><SummaryTable summary={e.reviewSummary} /></Card>
          )}
          {acting === 'edit' && <ApplyModal draft={e} onClose={() => setActing(null)} onDone={() => { setActing(null); r.reload(); }} />}
          {acting === 'conclude' && <ConcludeModal e={e} onClose={() => setActing(null)} onDone={() => { setActing(null); r.reload(); }} />}
          {acting && ACTION_FORMS[acting] && <ActionModal e={e} action={acting} onClose={() => setActing(null)} onDone={() => { setActing(null); r.reload(); }} />}
        </>
      )}
    </LoadState>
  );
}
