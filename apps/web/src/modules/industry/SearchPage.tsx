import { useEffect, useState } from 'react';
import { Card, Col, Empty, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ApartmentOutlined, TagsOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { DomainTags } from '../plan/DomainTags';
import { bi, one } from '../supervision/shared';
import type { Enterprise, SearchResult } from './api';
import { CHAIN_STAGES } from './labels';
import { DesignationTags } from './tags';

const LIMIT = 50;
const EXAMPLES = ['丙二醇', '抗体', '生物航煤', '发酵', '菌体蛋白'];

/** Marks the query's words in a name, so that one sees why it matched. */
function Marked({ text, tokens }: { text: string; tokens: string[] }) {
  const words = tokens.filter((t) => t && text.includes(t));
  if (!words.length) return <span>{text}</span>;
  const parts = text.split(new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`));
  return <span className="search-marked">{parts.map((p, i) => (words.includes(p) ? <mark key={i}>{p}</mark> : p))}</span>;
}

/**
 * 中文检索: chain nodes, products and enterprises that contain every word of the query, the
 * Chinese segmented as the server indexes it (丙二醇 finds 1,3-丙二醇 and the firms making it).
 */
export default function SearchPage() {
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const found = useApi<SearchResult>(q ? `/api/industry/search${qs({ q, limit: LIMIT })}` : null);
  const r = found.data;
  const tokens = r?.tokens ?? [];
  const search = (v: string) => setParams(v.trim() ? { q: v.trim() } : {});

  const columns: ColumnsType<Enterprise> = [
    { title: <Bi zh="企业" en="Enterprise" />, key: 'name', width: 300,
      render: (_, e) => <div><Link to={`/industry/enterprises/${e.id}`} className="cell-main"><Marked text={e.nameZh} tokens={tokens} /></Link><div className="cell-sub mono">{e.creditCode}</div></div> },
    { title: <Bi zh="区县" en="District" />, dataIndex: 'districtNameZh', width: 110 },
    { title: <Bi zh="主要产品" en="Products" />, dataIndex: 'products', render: (p: string[]) => <Space size={[4, 4]} wrap>{p.map((x) => <Tag key={x}><Marked text={x} tokens={tokens} /></Tag>)}</Space> },
    { title: <Bi zh="产业链环节" en="Chain nodes" />, dataIndex: 'chainNodes', width: 220,
      render: (n: Enterprise['chainNodes']) => n.map((x) => <Marked key={x.code} text={lang === 'zh' ? x.nameZh : x.nameEn} tokens={tokens} />).reduce<React.ReactNode[]>((a, x, i) => (i ? [...a, '、', x] : [x]), []) },
    { title: <Bi zh="领域 / 认定" en="Domains" />, key: 'tags', width: 220, render: (_, e) => <><DomainTags domains={e.domains} compact /><DesignationTags list={e.designations} /></> },
  ];

  return (
    <>
      <PageHeader title={{ zh: '产业检索', en: 'Industry search' }}
        description={bi(lang, { zh: '按中文检索企业、产品与产业链环节；词语经分词后逐一匹配名称、曾用名、产品和所在环节。', en: 'Search enterprises, products and chain nodes in Chinese; the words are segmented and matched against names, former names, products and nodes.' })} />
      <Card className="panel">
        <Input.Search size="large" allowClear enterButton={bi(lang, { zh: '检索', en: 'Search' })} value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={search}
          placeholder={bi(lang, { zh: '例如：丙二醇、抗体、生物航煤', en: 'e.g. 丙二醇, 抗体, 生物航煤' })} data-testid="search-input" maxLength={100} />
        <Space size={[6, 6]} wrap style={{ marginTop: 10 }}>
          <Typography.Text type="secondary">{bi(lang, { zh: '试试：', en: 'Try:' })}</Typography.Text>
          {EXAMPLES.map((x) => <Tag key={x} className="clickable-tag" onClick={() => search(x)}>{x}</Tag>)}
          {tokens.length > 0 && <Typography.Text type="secondary">· {lang === 'zh' ? '分词' : 'Words'}：{tokens.join(' / ')}</Typography.Text>}
        </Space>
      </Card>

      {!q ? null : (
        <LoadState loading={found.loading && !r} error={found.error} reload={found.reload}>
          {r && (!r.nodes.length && !r.products.length && !r.total ? (
            <Card className="panel section">
              <Empty data-testid="search-empty" description={lang === 'zh'
                ? `没有找到与“${q}”相关的企业、产品或产业链环节。请换用更短的词，例如产品名称中的关键字。`
                : `Nothing matches "${q}". Try a shorter word, such as the key part of a product's name.`} />
            </Card>
          ) : (
            <>
              <Row gutter={[16, 16]} className="section">
                <Col xs={24} lg={12}>
                  <Card className="panel" size="small" title={<Space><ApartmentOutlined /><Bi zh={`产业链环节（${r.nodes.length}）`} en={`Chain nodes (${r.nodes.length})`} /></Space>} data-testid="search-nodes">
                    {r.nodes.length ? (
                      <List size="small" dataSource={r.nodes} renderItem={(n) => (
                        <List.Item data-testid="search-node" actions={[
                          <Link key="c" to={`/industry/chains/${n.chainCode}?node=${encodeURIComponent(n.code)}`}><Bi zh="在图谱中查看" en="On the chain" /></Link>,
                          <Link key="e" to={`/industry/enterprises?nodeCode=${encodeURIComponent(n.code)}`}><Bi zh="相关企业" en="Enterprises" /></Link>,
                        ]}>
                          <List.Item.Meta title={<Marked text={lang === 'zh' ? n.nameZh : n.nameEn} tokens={tokens} />}
                            description={`${n.chainNameZh} · ${one(lang, CHAIN_STAGES[n.stage])}`} />
                        </List.Item>
                      )} />
                    ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '没有匹配的环节', en: 'No matching node' })} />}
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card className="panel" size="small" title={<Space><TagsOutlined /><Bi zh={`产品（${r.products.length}）`} en={`Products (${r.products.length})`} /></Space>} data-testid="search-products">
                    {r.products.length ? (
                      <List size="small" dataSource={r.products} renderItem={(p) => (
                        <List.Item data-testid="search-product" extra={<Link to={`/industry/enterprises?q=${encodeURIComponent(p.nameZh)}`}>{lang === 'zh' ? `${p.enterprises} 家企业` : `${p.enterprises} firms`}</Link>}>
                          <Marked text={p.nameZh} tokens={tokens} />
                        </List.Item>
                      )} />
                    ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '没有匹配的产品', en: 'No matching product' })} />}
                  </Card>
                </Col>
              </Row>
              <Card className="panel section" title={<Bi zh={`企业（${r.total}）`} en={`Enterprises (${r.total})`} />}
                extra={r.total > LIMIT && <Link to={`/industry/enterprises?q=${encodeURIComponent(q)}`}><Bi zh="在企业名录中查看全部" en="All in the directory" /></Link>}>
                <Table<Enterprise> rowKey="id" columns={columns} dataSource={r.enterprises} pagination={false} scroll={{ x: 1000 }} data-testid="search-enterprises"
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={bi(lang, { zh: '没有匹配的企业', en: 'No matching enterprise' })} /> }} />
              </Card>
            </>
          ))}
        </LoadState>
      )}
    </>
  );
}
