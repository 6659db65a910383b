import { App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { useFormSubmit } from '../../app/useFormSubmit';
import { bi } from '../supervision/shared';
import { labelFilter } from '../supervision/PubShared';
import { usePilotRoles } from './access';
import { useKeptBases, type Page, type ResponseRow } from './api.deals';
import type { TargetKind } from './labels.deals';

interface Values { messageZh: string; achievementId?: string; platformId?: string }
interface MyAchievement { id: string; code: string; titleZh: string; state: string }

/**
 * 响应: a party answers a published demand or achievement for its organisation, saying what it
 * offers; to a demand it may attach one of its own published achievements, and a pilot-base
 * user one of its base's platforms. The owner accepts or declines; the thread opens on the
 * response's page.
 */
export function ResponseFormModal({ kind, itemId, itemTitle, onClose, onDone }: {
  kind: TargetKind; itemId: string; itemTitle?: string; onClose: () => void; onDone: (r: ResponseRow) => void;
}) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { user, achievementPoster, taskForce } = usePilotRoles();
  const [form] = Form.useForm<Values>();
  const offersAchievement = kind === 'demand' && achievementPoster && !taskForce;
  const baseUser = !!user?.roles.includes('pilotBase') && !taskForce;
  const achievements = useApi<Page<MyAchievement>>(offersAchievement ? '/api/pilot/achievements/mine?state=published&limit=200' : null);
  const kept = useKeptBases(baseUser);

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const r = await api.post<ResponseRow>('/api/pilot/responses', {
      targetKind: kind, itemId, messageZh: v.messageZh.trim(), achievementId: v.achievementId ?? null, platformId: v.platformId ?? null,
    });
    message.success(bi(lang, { zh: `已响应（${r.code}），待发布方接受后进入洽谈`, en: `Responded (${r.code}); negotiation opens when the owner accepts` }));
    onDone(r);
  });

  return (
    <Modal open width={640} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={kind === 'demand' ? '响应生产需求' : '响应成果'} en={kind === 'demand' ? 'Respond to the demand' : 'Respond to the achievement'} />}
      okText={bi(lang, { zh: '提交响应', en: 'Respond' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })} okButtonProps={{ 'data-testid': 'pilot-respond-ok' } as never}>
      {itemTitle && <Typography.Paragraph type="secondary">{itemTitle}</Typography.Paragraph>}
      <Form form={form} layout="vertical" className="modal-form" name="respond">
        <Form.Item name="messageZh" label={<Bi zh="响应说明" en="What you offer" />}
          extra={bi(lang, { zh: '以本机构名义提交；发布方接受后双方可查看保密详情并留言洽谈。', en: 'Sent for your organisation; once the owner accepts, both see the confidential detail and talk in the thread.' })}
          rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明可提供的技术、能力或合作方式', en: 'Say what you offer' }) }, { max: 4000 }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="pilot-respond-message"
            placeholder={bi(lang, kind === 'demand'
              ? { zh: '例如：我方已完成 50 L 发酵验证，可在 3 个月内放大至 500 L', en: 'e.g. we verified it at 50 L and can scale to 500 L in 3 months' }
              : { zh: '例如：我方拥有 GMP 中试车间，希望合作开展中试熟化', en: 'e.g. we run a GMP pilot plant and would take it to pilot scale' })} />
        </Form.Item>
        {offersAchievement && (
          <Form.Item name="achievementId" label={<Bi zh="附本机构成果（可选）" en="Offer one of your achievements (optional)" />}>
            <Select allowClear showSearch={{ filterOption: labelFilter }} loading={achievements.loading} data-testid="pilot-respond-achievement"
              placeholder={bi(lang, { zh: '选择已发布的成果', en: 'Choose a published achievement' })}
              notFoundContent={bi(lang, { zh: '本机构暂无已发布的成果', en: 'Your organisation has no published achievement' })}
              options={(achievements.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.titleZh}` }))} />
          </Form.Item>
        )}
        {baseUser && (
          <Form.Item name="platformId" label={<Bi zh="附本基地中试平台（可选）" en="Offer a platform of your base (optional)" />}>
            <Select allowClear showSearch={{ filterOption: labelFilter }} loading={kept.loading} data-testid="pilot-respond-platform"
              placeholder={bi(lang, { zh: '选择中试平台', en: 'Choose a platform' })}
              notFoundContent={bi(lang, { zh: '本机构基地暂无平台', en: 'Your bases have no platform yet' })}
              options={kept.platforms.map((p) => ({ value: p.id, label: `${p.code} ${p.nameZh}（${p.baseNameZh}）` }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
