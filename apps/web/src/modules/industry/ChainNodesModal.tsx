import { useMemo } from 'react';
import { App as AntApp, Form, Modal, Select, Skeleton, Typography } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi, one } from '../supervision/shared';
import { useChains, type Chain, type ChainGraph, type NodeRef } from './api';
import { CHAIN_STAGES } from './labels';

/** One chain's nodes as options, grouped by stage. */
function ChainNodeSelect({ chain, value, onChange }: { chain: Chain; value?: string[]; onChange?: (v: string[]) => void }) {
  const lang = useLang();
  const graph = useApi<ChainGraph>(`/api/industry/chains/${chain.code}`, { cached: true });
  const options = useMemo(() => Object.entries(CHAIN_STAGES).map(([stage, n]) => ({
    label: one(lang, n),
    options: (graph.data?.nodes ?? []).filter((x) => x.stage === stage).map((x) => ({ value: x.code, label: lang === 'zh' ? x.nameZh : x.nameEn })),
  })).filter((g) => g.options.length), [graph.data, lang]);
  return <Select mode="multiple" allowClear value={value} onChange={onChange} options={options} loading={graph.loading} showSearch={{ optionFilterProp: 'label' }}
    placeholder={bi(lang, { zh: '选择所在环节', en: 'Choose the nodes' })} data-testid={`chain-nodes-${chain.code}`} />;
}

/** 所在产业链环节: for each of the four chains, the nodes the enterprise works in. */
export function ChainNodesModal({ enterpriseId, nodes, onClose, onSaved }: { enterpriseId: string; nodes: NodeRef[]; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const chains = useChains();
  const [form] = Form.useForm<Record<string, string[]>>();
  const initial = useMemo(() => Object.fromEntries((chains.data ?? []).map((c) => [c.code, nodes.filter((n) => n.chainCode === c.code).map((n) => n.code)])), [chains.data, nodes]);
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.put(`/api/industry/enterprises/${enterpriseId}/chain-nodes`, { nodeCodes: Object.values(v).flat().filter(Boolean) });
    message.success(bi(lang, { zh: '产业链环节已更新', en: 'Chain nodes saved' }));
    onSaved();
  });
  return (
    <Modal open width={680} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="设置产业链环节" en="Chain nodes" />} okText={bi(lang, { zh: '保存', en: 'Save' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'chain-nodes-submit' } as never}>
      <Typography.Paragraph type="secondary">{bi(lang, { zh: '企业所在环节决定产业链图谱中的补链、强链分析，也用于按环节检索企业。', en: 'The nodes feed the chain analysis (gaps, weak nodes) and the search by node.' })}</Typography.Paragraph>
      {chains.data ? (
        <Form form={form} layout="vertical" initialValues={initial} className="modal-form">
          {chains.data.map((c) => (
            <Form.Item key={c.code} name={c.code} label={lang === 'zh' ? c.nameZh : c.nameEn}>
              <ChainNodeSelect chain={c} />
            </Form.Item>
          ))}
        </Form>
      ) : <Skeleton active />}
    </Modal>
  );
}
