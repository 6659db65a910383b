import { useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Result, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined, LockOutlined, ReloadOutlined, SendOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DomainTags } from '../plan/DomainTags';
import { bi, dateOnly, dateTime, one, todayIso } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { API_PATH, PAGE_PATH, type AchievementItem, type DemandItem, type ItemKind, type ListItem } from './api.lists';
import { ItemForm } from './ItemForm';
import { ItemStateTag, OrganismTags, ProcessTags } from './ItemTags';
import { KIND_NAMES, LISTS, QUALITY_GRADES } from './labels.lists';
import { daysUntil, isKeeperView, litres, returnedNote } from './ListModel';
import { MatchPanel } from './MatchPanel';
import { ResponsePanel } from './ResponsePanel';
import { ReviewActions } from './ReviewActions';

type Dialog = 'edit' | 'renew' | 'close' | null;

function CloseModal({ kind, item, onClose, onDone }: { kind: ItemKind; item: ListItem; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ noteZh?: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`${API_PATH[kind]}/${item.id}/close`, { noteZh: v.noteZh?.trim() || null });
    message.success(bi(lang, { zh: `已关闭 ${item.code}`, en: `Closed ${item.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`关闭 · ${item.code}`} en={`Close · ${item.code}`} />} okText={bi(lang, { zh: '关闭', en: 'Close it' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger: true, 'data-testid': 'pilot-item-close-ok' } as never}>
      <Typography.Paragraph type="secondary">
        {bi(lang, { zh: '关闭后不再出现在清单中，也不能再被响应；已有的洽谈不受影响。', en: 'A closed item leaves the list and takes no new responses; talks under way go on.' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" className="modal-form">
        <Form.Item name="noteZh" label={<Bi zh="说明（可选）" en="Note (optional)" />}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2 }} placeholder={bi(lang, { zh: '例如：需求已解决', en: 'e.g. solved already' })} data-testid="pilot-item-close-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Text kept as written, line breaks and all. */
const Prose = ({ children }: { children: ReactNode }) => <Typography.Paragraph className="pilot-prose">{children || '—'}</Typography.Paragraph>;

/**
 * 生产需求 / 成果 详情: the public fields; the confidential ones only when the answer carries them;
 * the state, its expiry and what its owner may do (edit and submit while a draft or returned,
 * renew once expired, close); the task force's review; the matches for the owner and the task
 * force; and the responses (ResponsePanel).
 */
export default function ItemPage({ kind }: { kind: ItemKind }) {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const districts = useDistrictNames();
  const item = useApi<ListItem>(`${API_PATH[kind]}/${id}`);
  const [dialog, setDialog] = useState<Dialog>(params.get('edit') ? 'edit' : params.get('renew') ? 'renew' : null);
  const [submitting, setSubmitting] = useState(false);
  const what = KIND_NAMES[kind];
  const list = LISTS[what.list];
  const i = item.data;

  const closeDialog = () => {
    setDialog(null);
    if (params.has('edit') || params.has('renew')) setParams((p) => { const n = new URLSearchParams(p); n.delete('edit'); n.delete('renew'); return n; }, { replace: true });
  };
  const done = () => { closeDialog(); item.reload(); };

  if (item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: `${what.zh}不存在或尚未发布`, en: `${what.en} not found or not published` })} subTitle={item.error.message}
      extra={<Link to={PAGE_PATH[kind]}><Button type="primary"><Bi zh={`返回${list.zh}`} en={`Back to the ${list.en.toLowerCase()}`} /></Button></Link>} />;
  }

  const submit = async () => {
    if (!i) return;
    setSubmitting(true);
    try {
      await api.post(`${API_PATH[kind]}/${i.id}/submit`);
      message.success(bi(lang, { zh: '已提交，等待工作专班审核', en: 'Submitted for the task force\'s review' }));
      item.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const keeper = !!i && isKeeperView(i);
  const may = i?.may;
  const note = i ? returnedNote(i) : null;
  const left = i ? daysUntil(i.expiresOn, todayIso()) : null;

  const fields = (x: ListItem) => {
    const common = {
      org: { key: 'org', label: <Bi zh="发布机构" en="Posted by" />, children: kind === 'demand' && (x as DemandItem).enterpriseId
        ? <Link to={`/industry/enterprises/${(x as DemandItem).enterpriseId}`}>{x.organisationNameZh}</Link> : x.organisationNameZh },
      domain: { key: 'domain', label: <Bi zh="领域" en="Domain" />, children: <DomainTags domains={[x.domain]} /> },
      district: { key: 'district', label: <Bi zh="所在区县" en="District" />, children: districts.name(x.districtCode) ?? x.districtNameZh ?? '—' },
      processes: { key: 'processes', label: <Bi zh="单元操作" en="Unit operations" />, children: <ProcessTags processes={x.processes} /> },
      published: { key: 'published', label: <Bi zh="发布日期" en="Published" />, children: dateOnly(x.publishedAt) },
      expires: { key: 'expires', label: <Bi zh="有效期至" en="Valid until" />, children: x.expiresOn ? (
        <span data-testid="pilot-item-expires">{dateOnly(x.expiresOn)}{left !== null && x.state === 'published' && (
          <Typography.Text type={left <= 14 ? 'warning' : 'secondary'}>{lang === 'zh' ? `（还有 ${left} 天）` : ` (${left} days left)`}</Typography.Text>
        )}</span>
      ) : '—' },
    };
    if (kind === 'demand') {
      const d = x as DemandItem;
      return [
        common.org, common.domain, common.district,
        { key: 'product', label: <Bi zh="目标产品" en="Target product" />, children: d.targetProductZh || '—' },
        common.processes,
        { key: 'organism', label: <Bi zh="生物体类型" en="Organism" />, children: <OrganismTags organisms={[d.organism]} /> },
        { key: 'scale', label: <Bi zh="规模" en="Scale" />, children: litres(d.scaleL) },
        { key: 'bsl', label: <Bi zh="生物安全等级" en="Biosafety level" />, children: <span className="mono">BSL-{d.biosafetyLevel}</span> },
        { key: 'quality', label: <Bi zh="质量体系" en="Quality system" />, children: one(lang, QUALITY_GRADES[d.qualityGrade] ?? { zh: d.qualityGrade, en: d.qualityGrade }) },
        { key: 'trl', label: <Bi zh="所需技术成熟度" en="TRL needed" />, children: d.trlNeeded ? `TRL ${d.trlNeeded}` : '—' },
        { key: 'deadline', label: <Bi zh="截止日期" en="Deadline" />, children: dateOnly(d.deadline) },
        common.published, common.expires,
      ];
    }
    const a = x as AchievementItem;
    return [
      common.org, common.domain, common.district,
      { key: 'trl', label: <Bi zh="技术成熟度" en="TRL" />, children: `TRL ${a.trl}` },
      { key: 'scale', label: <Bi zh="已达规模" en="Scale reached" />, children: litres(a.scaleReachedL) },
      common.processes,
      { key: 'organisms', label: <Bi zh="生物体类型" en="Organisms" />, children: <OrganismTags organisms={a.organisms} /> },
      common.published, common.expires,
    ];
  };

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试" en="Pilot" /></Link> },
        { title: <Link to={PAGE_PATH[kind]}><Bi zh={list.zh} en={list.en} /></Link> },
        { title: i?.code ?? '…' },
      ]} />
      <LoadState loading={item.loading && !i} error={item.error} reload={item.reload} rows={10}>
        {i && (
          <>
            <PageHeader title={{ zh: i.titleZh, en: i.titleZh }}
              tags={(
                <Space size={[6, 6]} wrap>
                  <span className="mono">{i.code}</span>
                  <Tag>{one(lang, what)}</Tag>
                  <ItemStateTag state={i.state} testId="pilot-item-state" />
                </Space>
              )}
              extra={(
                <Space wrap>
                  {may?.review && <ReviewActions kind={kind} item={i} onDone={() => item.reload()} />}
                  {may?.edit && <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="pilot-item-edit"><Bi zh="修改" en="Edit" /></Button>}
                  {may?.submit && (
                    <Popconfirm title={bi(lang, { zh: '提交工作专班审核？', en: 'Submit for the task force\'s review?' })} onConfirm={submit}
                      okText={bi(lang, { zh: '提交', en: 'Submit' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}>
                      <Button type="primary" icon={<SendOutlined />} loading={submitting} data-testid="pilot-item-submit"><Bi zh="提交审核" en="Submit for review" /></Button>
                    </Popconfirm>
                  )}
                  {may?.renew && <Button type="primary" icon={<ReloadOutlined />} onClick={() => setDialog('renew')} data-testid="pilot-item-renew"><Bi zh="续期" en="Renew" /></Button>}
                  {may?.close && <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="pilot-item-close"><Bi zh="关闭" en="Close" /></Button>}
                </Space>
              )} />

            {keeper && note && (
              <Alert type="error" showIcon className="panel-alert pilot-returned" data-testid="pilot-item-returned"
                title={<span className="pilot-returned-note">{lang === 'zh' ? `未通过审核：${note}` : `Returned: ${note}`}</span>}
                description={bi(lang, { zh: '修改后可重新提交', en: 'Edit it and submit it again' })}
                action={may?.edit && <Button type="primary" icon={<EditOutlined />} onClick={() => setDialog('edit')}><Bi zh="修改" en="Edit" /></Button>} />
            )}
            {keeper && i.state === 'draft' && (
              <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '草稿仅本机构和工作专班可见 — 提交审核、通过后公开', en: 'A draft is seen only by your organisation and the task force; submit it for review to publish it' })} />
            )}
            {keeper && i.state === 'submitted' && (
              <Alert type="info" showIcon className="panel-alert" data-testid="pilot-item-awaiting"
                title={may?.review
                  ? bi(lang, { zh: '待审核：请核对公开内容不含保密信息后发布，或说明理由退回', en: 'Awaiting review: check the public part holds nothing confidential, then publish, or return it with the reason' })
                  : bi(lang, { zh: '已提交，等待工作专班审核', en: 'Submitted; awaiting the task force\'s review' })} />
            )}
            {i.state === 'expired' && (
              <Alert type="warning" showIcon className="panel-alert" data-testid="pilot-item-expired"
                title={keeper
                  ? bi(lang, { zh: `已于 ${dateOnly(i.expiresOn)} 到期，不再公开；可续期（可修改内容），经审核后重新发布`, en: `Expired on ${dateOnly(i.expiresOn)} and off the list; renew it (with changes) for another review` })
                  : bi(lang, { zh: `已于 ${dateOnly(i.expiresOn)} 到期`, en: `Expired on ${dateOnly(i.expiresOn)}` })}
                action={may?.renew && <Button type="primary" size="small" onClick={() => setDialog('renew')}><Bi zh="续期" en="Renew" /></Button>} />
            )}
            {i.state === 'closed' && <Alert type="info" showIcon className="panel-alert" title={bi(lang, { zh: '已关闭，不再接受响应', en: 'Closed; it takes no new responses' })} />}
            {keeper && i.state === 'published' && i.reviewNoteZh && (
              <Alert type="success" showIcon className="panel-alert" title={<Bi zh="审核意见" en="Review note" />} description={i.reviewNoteZh} />
            )}

            <Card className="panel" data-testid="pilot-item-public">
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={fields(i)} />
              {kind === 'demand' ? (
                <Row gutter={24} style={{ marginTop: 16 }}>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}><Bi zh="公开摘要" en="Public summary" /></Typography.Title>
                    <Prose>{(i as DemandItem).summaryZh}</Prose>
                  </Col>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}><Bi zh="需解决的问题" en="Problem to solve" /></Typography.Title>
                    <Prose>{(i as DemandItem).problemZh}</Prose>
                  </Col>
                </Row>
              ) : (
                <Row gutter={24} style={{ marginTop: 16 }}>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}><Bi zh="成果内容" en="Result" /></Typography.Title>
                    <Prose>{(i as AchievementItem).resultZh}</Prose>
                  </Col>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}><Bi zh="知识产权" en="IP held" /></Typography.Title>
                    <Prose>{(i as AchievementItem).ipZh}</Prose>
                    <Typography.Title level={5}><Bi zh="合作需求" en="Partner wanted" /></Typography.Title>
                    <Prose>{(i as AchievementItem).partnerWantedZh}</Prose>
                  </Col>
                </Row>
              )}
            </Card>

            <Card className="panel section" data-testid="pilot-item-confidential"
              title={<span>{i.detailOpen ? <UnlockOutlined /> : <LockOutlined />} <Bi zh="保密信息" en="Confidential" /></span>}
              extra={i.detailOpen && <span className="cell-sub"><Bi zh="仅对发布方、工作专班和发布方接受的对接方可见" en="Only the poster, the task force and parties the poster accepted read this" /></span>}>
              {i.detailOpen ? (
                <>
                  {kind === 'demand' && (
                    <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[
                      { key: 'budget', label: <Bi zh="预算" en="Budget" />, children: (i as DemandItem).budgetWan != null ? `${(i as DemandItem).budgetWan} 万元` : '—' },
                    ]} />
                  )}
                  <Prose>{i.detailZh}</Prose>
                </>
              ) : (
                <div className="pilot-locked" data-testid="pilot-item-locked">
                  <LockOutlined style={{ fontSize: 18, marginTop: 2 }} />
                  <span>{kind === 'demand'
                    ? bi(lang, { zh: '预算和保密详情在发布方接受您的响应后可见', en: 'The budget and the confidential detail open once the poster accepts your response' })
                    : bi(lang, { zh: '保密详情在发布方接受您的响应后可见', en: 'The confidential detail opens once the poster accepts your response' })}</span>
                </div>
              )}
            </Card>

            {keeper && (
              <div className="section"><MatchPanel kind={kind} itemId={i.id} /></div>
            )}

            <div className="section">
              <ResponsePanel kind={kind} itemId={i.id} ownerOrgId={i.organisationId} published={i.state === 'published'} />
            </div>

            {keeper && (i.createdAt || i.reviewedAt) && (
              <Typography.Paragraph type="secondary" className="small-note section">
                {lang === 'zh'
                  ? `创建于 ${dateTime(i.createdAt)} · 最近更新 ${dateTime(i.updatedAt)}${i.reviewedAt ? ` · 审核于 ${dateTime(i.reviewedAt)}` : ''}`
                  : `Created ${dateTime(i.createdAt)} · updated ${dateTime(i.updatedAt)}${i.reviewedAt ? ` · reviewed ${dateTime(i.reviewedAt)}` : ''}`}
              </Typography.Paragraph>
            )}

            <Drawer open={(dialog === 'edit' && !!may?.edit) || (dialog === 'renew' && !!may?.renew)} size={820} onClose={closeDialog} destroyOnHidden mask={{ closable: false }}
              title={dialog === 'renew' ? <Bi zh={`续期 · ${i.code}`} en={`Renew · ${i.code}`} /> : <Bi zh={`修改 · ${i.code}`} en={`Edit · ${i.code}`} />}>
              <ItemForm kind={kind} mode={dialog === 'renew' ? 'renew' : 'edit'} item={i} onDone={done} onCancel={closeDialog} />
            </Drawer>
            {dialog === 'close' && <CloseModal kind={kind} item={i} onClose={() => setDialog(null)} onDone={done} />}
          </>
        )}
      </LoadState>
    </>
  );
}
