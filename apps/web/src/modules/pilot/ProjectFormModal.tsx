import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Radio, Select } from 'antd';
import { api, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { DOMAIN_NAMES } from '../plan/format';
import { labelFilter } from '../supervision/PubShared';
import { bi, one, useOrganisations } from '../supervision/shared';
import { useDebounced, useDistrictNames } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import { useKeptBases, type BaseSummary, type Page, type ProjectRow } from './api.deals';
import { PROJECT_STAGES, START_STAGES, type ProjectStage, type TargetKind } from './labels.deals';

interface Values {
  nameZh: string; stage: ProjectStage; baseId?: string; demandId?: string; achievementId?: string; leadOrgId?: string;
  districtCode?: string; domain?: string; summaryZh?: string;
}

/** A published demand or achievement found by its words (the lists' Chinese search). */
function ItemSelect({ kind, value, onChange, testId }: { kind: TargetKind; value?: string; onChange?: (v: string | undefined) => void; testId: string }) {
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const list = useApi<Page<{ id: string; code: string; titleZh: string }>>(`/api/pilot/${kind === 'demand' ? 'demands' : 'achievements'}${qs({ q, limit: 20 })}`);
  return (
    <Select allowClear showSearch={{ filterOption: false, onSearch: setTyped }} value={value} onChange={(v) => onChange?.(v)} loading={list.loading} data-testid={testId}
      placeholder={bi(lang, { zh: '输入关键词检索已发布的条目', en: 'Type to search the published items' })}
      notFoundContent={bi(lang, { zh: '无匹配条目', en: 'No match' })}
      options={(list.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.titleZh}` }))} />
  );
}

/**
 * 登记中试项目: the task force records one anywhere, a pilot base on its own base; it starts at
 * 技术攻关, 概念验证 or 中试熟化, and moves on only through reviewed gates.
 */
export function ProjectFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (p: ProjectRow) => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { taskForce } = usePilotRoles();
  const [form] = Form.useForm<Values>();
  const allBases = useApi<Page<BaseSummary>>(taskForce ? '/api/pilot/bases?limit=500' : null);
  const kept = useKeptBases(!taskForce);
  const orgs = useOrganisations(taskForce);
  const districts = useDistrictNames();
  const bases = taskForce ? allBases.data?.items ?? [] : kept.bases;

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const p = await api.post<ProjectRow>('/api/pilot/projects', {
      nameZh: v.nameZh.trim(), stage: v.stage, baseId: v.baseId ?? null, demandId: v.demandId ?? null, achievementId: v.achievementId ?? null,
      leadOrgId: v.leadOrgId ?? null, districtCode: v.districtCode ?? null, domain: v.domain ?? null, summaryZh: v.summaryZh?.trim() || null,
    });
    message.success(bi(lang, { zh: `已登记中试项目 ${p.code}`, en: `Recorded pilot project ${p.code}` }));
    onSaved(p);
  });

  return (
    <Modal open width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="登记中试项目" en="Record a pilot project" />} okText={bi(lang, { zh: '登记', en: 'Record' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'pilot-project-form-ok' } as never}>
      {!taskForce && !kept.loading && !kept.bases.length && (
        <Alert type="warning" showIcon className="panel-alert" title={bi(lang, { zh: '本机构尚未运营中试基地，无法登记项目。', en: 'Your organisation runs no pilot base, so it cannot record a project.' })} />
      )}
      <Form form={form} layout="vertical" className="modal-form" name="project" initialValues={{ stage: 'research' }}>
        <Form.Item name="nameZh" label={<Bi zh="项目名称" en="Name" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写项目名称', en: 'Name the project' }) }, { max: 200 }]}>
          <Input maxLength={200} data-testid="pilot-project-name" />
        </Form.Item>
        <Form.Item name="stage" label={<Bi zh="起始阶段" en="Starts at" />}
          extra={one(lang, { zh: '企业孵化及以后阶段须经中试熟化关口评审通过后进入。', en: 'Incubation and later stages are reached through a passed pilot-maturation gate.' })}>
          <Radio.Group optionType="button" data-testid="pilot-project-stage" options={START_STAGES.map((s) => ({ value: s, label: bi(lang, PROJECT_STAGES[s]) }))} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 }}>
          <Form.Item name="baseId" label={<Bi zh="承接基地" en="Pilot base" />}
            rules={taskForce ? [] : [{ required: true, message: bi(lang, { zh: '请选择本机构的基地', en: 'Choose your base' }) }]}>
            <Select allowClear showSearch={{ filterOption: labelFilter }} loading={taskForce ? allBases.loading : kept.loading} data-testid="pilot-project-base"
              options={bases.map((b) => ({ value: b.id, label: `${b.code} ${b.nameZh}` }))} />
          </Form.Item>
          {taskForce ? (
            <Form.Item name="leadOrgId" label={<Bi zh="牵头机构" en="Lead organisation" />}>
              <Select allowClear showSearch={{ filterOption: labelFilter }} loading={orgs.loading} data-testid="pilot-project-lead"
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.nameZh }))} />
            </Form.Item>
          ) : <div />}
          <Form.Item name="demandId" label={<Bi zh="来源生产需求" en="Demand" />}>
            <ItemSelect kind="demand" testId="pilot-project-demand" />
          </Form.Item>
          <Form.Item name="achievementId" label={<Bi zh="来源成果" en="Achievement" />}>
            <ItemSelect kind="achievement" testId="pilot-project-achievement" />
          </Form.Item>
          <Form.Item name="domain" label={<Bi zh="领域" en="Domain" />}>
            <Select allowClear data-testid="pilot-project-domain" options={Object.entries(DOMAIN_NAMES).map(([value, n]) => ({ value, label: one(lang, n) }))} />
          </Form.Item>
          <Form.Item name="districtCode" label={<Bi zh="所在区县" en="District" />}>
            <Select allowClear showSearch={{ filterOption: labelFilter }} data-testid="pilot-project-district" options={districts.options} />
          </Form.Item>
        </div>
        <Form.Item name="summaryZh" label={<Bi zh="项目简介" en="Summary" />} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
