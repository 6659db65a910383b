import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Typography, Upload } from 'antd';
import { ExperimentOutlined, LoginOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { api } from '../../../app/api';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { PageHeader } from '../../../app/PageHeader';
import { bi } from '../../supervision/shared';
import { useSequenceRoles } from './access';
import { fileText, type IdentifyResult } from './api';
import { FastaProblems } from './FastaProblems';
import { IdentifyResults } from './IdentifyResults';
import { IndexStatusCard } from './IndexStatusCard';
import { MARKER_NAMES, MARKERS, type Marker } from './labels';
import { ReferenceSetsCard } from './ReferenceSetsCard';

interface Values { fasta: string; marker?: Marker; top: number }

/**
 * 序列鉴定 /strains/identify: paste or upload FASTA (up to 50 queries), choose the marker and how
 * many hits, and read each query's ranked hits among the bank's sequences and the reference
 * sets with the call in words. Signed-in users identify; curators also see the index and manage
 * the reference sets.
 */
export default function IdentifyPage() {
  const lang = useLang();
  const location = useLocation();
  const { signedIn, curator } = useSequenceRoles();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IdentifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  const identify = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<IdentifyResult>('/api/strains/identify', { fasta: v.fasta, top: v.top, ...(v.marker ? { marker: v.marker } : {}) }));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const description = bi(lang, {
    zh: '覆盖度 ≥ 80% 时，16S 一致性 ≥ 98.7% 判为同种、≥ 94.5% 判为同属（Yarza 等 2014），ITS 为 98.41% 与 94.3%（Vu 等 2019）；其他标记只给数值不作判定。一致性按比对区计算，与 BLAST 相同。',
    en: 'With coverage ≥ 80 %, 16S identity ≥ 98.7 % is the same species and ≥ 94.5 % the same genus (Yarza et al. 2014); for ITS 98.41 % and 94.3 % (Vu et al. 2019); other markers get the figures, no call. Identity is over the aligned region, as BLAST reports it.',
  });

  return (
    <div data-testid="identify-page">
      <PageHeader title={{ zh: '序列鉴定', en: 'Sequence identification' }} description={description} />
      {!signedIn && (
        <Alert type="info" showIcon className="panel-alert" title={<Bi zh="登录后即可鉴定序列" en="Sign in to identify sequences" />}
          action={<Link to={`/login?next=${encodeURIComponent(location.pathname)}`}><Button size="small" type="primary" icon={<LoginOutlined />}><Bi zh="登录" en="Sign in" /></Button></Link>} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={curator ? 14 : 24}>
          <Card className="panel" size="small" title={<Bi zh="查询序列" en="Query" />}>
            <Form form={form} layout="vertical" initialValues={{ top: 10 }} disabled={!signedIn}>
              <Form.Item name="fasta" rules={[{ required: true, message: bi(lang, { zh: '请粘贴或上传 FASTA', en: 'Paste or upload FASTA' }) }]}
                label={<Space><Bi zh="FASTA（最多 50 条，每条不超过 20 kbp）" en="FASTA (up to 50 queries, 20 kbp each)" />
                  <Upload accept=".fa,.fasta,.fna,.fas,.txt,.gz" showUploadList={false} beforeUpload={(f) => { void fileText(f).then((t) => form.setFieldValue('fasta', t)); return false; }}>
                    <Button size="small" icon={<UploadOutlined />} data-testid="identify-upload"><Bi zh="从文件读取" en="From a file" /></Button>
                  </Upload></Space>}>
                <Input.TextArea rows={8} className="mono" placeholder={'>isolate-1\nAGAGTTTGATCCTGGCTCAGGACGAACGCTGGCGGC…'} data-testid="identify-fasta" />
              </Form.Item>
              <Space wrap align="end">
                <Form.Item name="marker" label={<Bi zh="只比对此标记" en="Marker" />} style={{ minWidth: 220 }}>
                  <Select allowClear placeholder={bi(lang, { zh: '全部标记', en: 'Every marker' })} data-testid="identify-marker"
                    options={MARKERS.map((m) => ({ value: m, label: bi(lang, MARKER_NAMES[m]) }))} />
                </Form.Item>
                <Form.Item name="top" label={<Bi zh="每条显示命中数" en="Hits per query" />}><InputNumber min={1} max={50} /></Form.Item>
                <Form.Item>
                  <Button type="primary" icon={<ExperimentOutlined />} loading={busy} onClick={identify} data-testid="identify-submit"><Bi zh="鉴定" en="Identify" /></Button>
                </Form.Item>
              </Space>
            </Form>
          </Card>
          {error !== null && <FastaProblems error={error} testId="identify-problems" />}
          {result ? <IdentifyResults result={result} /> : error === null && (
            <Card className="panel" size="small">
              <Empty description={
                <Typography.Text type="secondary">
                  {bi(lang, { zh: '粘贴一条或多条序列（如 16S rRNA 基因、ITS）后点击“鉴定”：每条给出最相近的菌种与参考序列、比对区一致性、覆盖度和鉴定结论。受限菌种的序列只对有权查看者参与比对。', en: 'Paste one or more sequences (a 16S rRNA gene, an ITS …) and press Identify: each gets its closest strains and reference records, identity over the aligned region, coverage and the call. Restricted strains are searched only for those who may see them.' })}
                </Typography.Text>} />
            </Card>
          )}
        </Col>
        {curator && (
          <Col xs={24} xl={10}>
            <IndexStatusCard version={version} />
            <ReferenceSetsCard curator onChange={() => setVersion((n) => n + 1)} />
          </Col>
        )}
      </Row>
      {!curator && <ReferenceSetsCard curator={false} onChange={() => undefined} />}
    </div>
  );
}
