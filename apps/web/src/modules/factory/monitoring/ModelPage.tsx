import { Link, useParams } from 'react-router-dom';
import { App as AntApp, Button, Card, Col, Descriptions, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import { api, errorMessage } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { LoadState } from '../../../app/components/LoadState';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { useApi } from '../../../app/useApi';
import { bi, dateTime, one } from '../../supervision/shared';
import { useFactoryRoles } from '../epcis/access';
import type { ModelDetail } from './api';
import { fmt, MODEL_STATUSES, pct } from './labels';
import { LoadingsChart } from './LoadingsChart';
import { VarianceChart } from './VarianceChart';

/** One monitoring model: its limits and rule, explained variance, loadings, the batches it came from; retire it. */
export default function ModelPage() {
  const { id = '' } = useParams();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { reader } = useFactoryRoles();
  const model = useApi<ModelDetail>(`/api/factory/models/${id}`);
  const m = model.data;
  const retire = async () => {
    try {
      await api.post(`/api/factory/models/${id}/retire`, {});
      message.success(bi(lang, { zh: '模型已停用', en: 'Model retired' }));
      model.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <LoadState loading={model.loading && !m} error={model.error} reload={model.reload}>
      {m && (
        <>
          <PageHeader title={{ zh: `${m.code} ${m.nameZh}`, en: `${m.code} ${m.nameZh}` }}
            tags={<Tag color={MODEL_STATUSES[m.status].color} data-testid="model-status">{one(lang, MODEL_STATUSES[m.status])}</Tag>}
            description={bi(lang, { zh: `配方 ${m.recipe}：${m.batches.length} 个合格批次、${m.observations.toLocaleString()} 个观测点；已为 ${m.scoredBatches} 个批次评分，未处理报警 ${m.openAlarms} 条。`, en: `Recipe ${m.recipe}: ${m.batches.length} good batches, ${m.observations.toLocaleString()} observations; ${m.scoredBatches} batches scored, ${m.openAlarms} open alarms.` })}
            extra={reader && m.status === 'active' && (
              <Popconfirm title={bi(lang, { zh: '停用后该配方的运行批次不再评分，确定？', en: 'Running batches of the recipe will no longer be scored. Retire?' })} onConfirm={retire}>
                <Button danger data-testid="model-retire"><Bi zh="停用" en="Retire" /></Button>
              </Popconfirm>
            )} />
          <section className="section">
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card className="panel" title={<Bi zh="控制限与规则" en="Limits and rule" />}>
                  <Descriptions size="small" column={1} data-testid="model-limits">
                    <Descriptions.Item label={<Bi zh="主成分" en="Components" />}>{m.components} / {m.variables.length}（{pct(m.cumulative[m.components - 1] ?? 0)}）</Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="T² 控制限" en="T² limit" />}>{fmt(m.t2Limit)}（F, {pct(m.confidence)}）</Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="SPE 控制限" en="SPE limit" />}>{fmt(m.speLimit)}（{m.speMethod === 'box' ? 'Box' : 'Jackson–Mudholkar'}, {pct(m.confidence)}）</Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="报警规则" en="Alarm rule" />}>{bi(lang, { zh: `连续 ${m.consecutive} 点超限`, en: `${m.consecutive} points in a row above a limit` })}</Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="合格批次自身超限" en="Good batches above" />}>T² {pct(m.trainingExceedance.t2)} · SPE {pct(m.trainingExceedance.spe)}</Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="阶段网格" en="Phase grid" />}>{m.phases.map((p) => `${lang === 'zh' ? p.zh : p.en} ${p.hours} h（${p.points}）`).join(' → ')}</Descriptions.Item>
                    <Descriptions.Item label={<Bi zh="建立" en="Fitted" />}>{dateTime(m.createdAt)}{m.retiredAt && ` · ${bi(lang, { zh: '停用', en: 'retired' })} ${dateTime(m.retiredAt)}`}</Descriptions.Item>
                  </Descriptions>
                  {m.noteZh && <Typography.Paragraph type="secondary">{m.noteZh}</Typography.Paragraph>}
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card className="panel" title={<Bi zh="解释方差" en="Explained variance" />}>
                  <VarianceChart explained={m.explained} cumulative={m.cumulative} components={m.components} testId="model-variance" />
                </Card>
              </Col>
              <Col xs={24}>
                <Card className="panel" title={<Bi zh="载荷：各主成分上变量的权重" en="Loadings: each variable's weight in each component" />}>
                  <LoadingsChart variables={m.variables} loadings={m.loadings} testId="model-loadings" />
                </Card>
              </Col>
              <Col xs={24}>
                <Card className="panel" title={<Bi zh="建模批次" en="Batches the model came from" />}>
                  <Table rowKey="id" size="small" pagination={false} dataSource={m.batches} columns={[
                    { title: <Bi zh="批次" en="Batch" />, dataIndex: 'code', render: (c: string, b: { id: string }) => <Link className="mono" to={`/factory/batches/${b.id}`}>{c}</Link> },
                    { title: <Bi zh="工厂批次号" en="Factory batch no." />, dataIndex: 'externalId' },
                    { title: <Bi zh="设备" en="Equipment" />, dataIndex: 'equipment' },
                    { title: <Bi zh="开始" en="Started" />, dataIndex: 'startedAt', render: (t: string | null) => dateTime(t) },
                    { title: <Bi zh="结束" en="Ended" />, dataIndex: 'endedAt', render: (t: string | null) => dateTime(t) },
                  ]} />
                </Card>
              </Col>
            </Row>
          </section>
        </>
      )}
    </LoadState>
  );
}
