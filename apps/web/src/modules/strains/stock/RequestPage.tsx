import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Steps, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime } from '../../supervision/shared';
import type { SharingRequestDetail } from './api';
import { requestSteps, STEP_NAMES } from './requestSteps';
import { RequestActions } from './RequestActions';
import { MtaText } from './RequestStrainModal';
import { LevelCompare, OfficerReasons, RequestStatusTag } from './StockTags';

/**
 * 共享申请详情: the steps, the strain (its public summary) against the requester's lab as it works
 * today, why the officer must approve, each decision with its note, the shipment, the MTA as
 * accepted, and the steps the caller may take.
 */
export default function RequestPage() {
  const lang = useLang();
  const { id } = useParams<{ id: string }>();
  const req = useApi<SharingRequestDetail>(`/api/sharing-requests/${id}`);
  const r = req.data;
  const progress = r ? requestSteps(r) : null;

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/strains/requests"><Bi zh="共享申请" en="Sharing requests" /></Link> }, { title: r?.code ?? '…' }]} style={{ marginBottom: 8 }} />
      <LoadState loading={req.loading && !r} error={req.error} reload={req.reload}>
        {r && progress && (
          <>
            <PageHeader title={{ zh: `共享申请 ${r.code}`, en: `Sharing request ${r.code}` }} tags={<RequestStatusTag status={r.status} />} extra={<RequestActions r={r} onDone={req.reload} />} />
            <Card className="panel">
              <Steps size="small" current={progress.current} status={progress.status} data-testid="strains-request-steps"
                items={progress.steps.map((s) => ({ title: bi(lang, STEP_NAMES[s]) }))} />
            </Card>
            {r.status === 'rejected' && <Alert type="error" showIcon style={{ marginTop: 16 }} title={bi(lang, { zh: '未获批准', en: 'Rejected' })} description={r.rejectedReasonZh} data-testid="strains-request-rejected" />}
            {r.step === 'shipment' && !r.labSufficient && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={bi(lang, { zh: '接收实验室现行等级已低于菌种要求（证书可能已过期），不能发运', en: 'The receiving lab no longer reaches the strain’s level (its certificate may have lapsed); it cannot be shipped' })} />}
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col xs={24} lg={14}>
                <Card className="panel" title={<Bi zh="申请" en="Request" />} size="small">
                  <Descriptions size="small" column={1} bordered>
                    <Descriptions.Item label={<Bi zh="菌种" en="Strain" />}>
                      <Link to={`/strains/${r.strainId}`}>{r.accession}</Link> <i>{r.strainNameLatin}</i> <span className="cell-sub">{r.strainNameZh}</span>
                      {r.restricted && <Tag color="red" style={{ marginLeft: 6 }}>{bi(lang, { zh: '受限', en: 'Restricted' })}</Tag>}
                    </Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="申请单位" en="Requester" />}>{r.requesterNameZh}<span className="cell-sub"> {r.requesterUserName ?? ''} · {dateTime(r.createdAt)}</span></Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="接收实验室" en="Lab" />}>
                      <span className="mono">{r.labCode}</span> {r.labNameZh} <LevelCompare lab={r.labEffectiveLevel} strain={r.strainBiosafetyLevel} registered={r.labLevel} />
                      {r.labCertificateExpiresOn && <span className="cell-sub">{lang === 'zh' ? ` 证书至 ${r.labCertificateExpiresOn}` : ` certificate until ${r.labCertificateExpiresOn}`}</span>}
                    </Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="用途 / 数量" en="Purpose / vials" />}>{r.purposeZh} · {r.vials}</Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="生物安全审批" en="Officer" />}><OfficerReasons reasons={r.officerReasons} /></Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card className="panel" title={<Bi zh="审批与发运" en="Decisions and shipment" />} size="small">
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={<Bi zh="管理员" en="Curator" />}>{r.curatorName ? `${r.curatorName} · ${dateTime(r.curatorDecidedAt)}` : '—'}{r.curatorNoteZh && <div className="cell-sub">{r.curatorNoteZh}</div>}</Descriptions.Item>
                    {r.needsOfficer && <Descriptions.Item label={<Bi zh="生物安全负责人" en="Officer" />}>{r.officerName ? `${r.officerName} · ${dateTime(r.officerDecidedAt)}` : '—'}{r.officerNoteZh && <div className="cell-sub">{r.officerNoteZh}</div>}</Descriptions.Item>}
                    <Descriptions.Item label={<Bi zh="发运" en="Shipment" />}>
                      {r.shippedOn ? <span data-testid="strains-request-shipment">{r.shippedOn} · {r.carrierZh} <span className="mono">{r.trackingNo}</span> · {r.lotCode} × {r.shippedVials}</span> : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="签收" en="Received" />}>{r.receivedAt ? dateTime(r.receivedAt) : '—'}</Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
            </Row>
            <Card className="panel" style={{ marginTop: 16 }} size="small" title={<Bi zh={`已接受的材料转移协议（${dateTime(r.mtaAcceptedAt)}）`} en={`MTA accepted (${dateTime(r.mtaAcceptedAt)})`} />}>
              <MtaText terms={r.mta} />
            </Card>
          </>
        )}
      </LoadState>
    </>
  );
}
