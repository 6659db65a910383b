import { useState } from 'react';
import { Select } from 'antd';
import { qs } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import { useDebounced } from '../supervision/WorkShared';
import type { OrganisationOption } from './api';

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  enterprise: { zh: '企业', en: 'Enterprise' }, institute: { zh: '科研院所', en: 'Institute' }, university: { zh: '高校', en: 'University' },
};

/**
 * A consortium member found by name among the platform's enterprises, institutes and universities
 * (the platform's GET /api/organisations). Picking one hands
 * back its name and kind too, so the form can say whether it may be the user enterprise.
 */
export function OrganisationPicker({ value, onChange, onPicked, initialLabel, testId, disabled }: {
  value?: string; onChange?: (v: string | undefined) => void; onPicked?: (o: OrganisationOption | null) => void;
  initialLabel?: string; testId?: string; disabled?: boolean;
}) {
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const list = useApi<OrganisationOption[]>(disabled ? null : `/api/organisations${qs({ q: q || undefined })}`);
  const found = Array.isArray(list.data) ? list.data : [];
  const options = found.map((o) => ({ value: o.id, label: `${o.nameZh}（${lang === 'zh' ? KIND_NAMES[o.kind]?.zh ?? o.kind : KIND_NAMES[o.kind]?.en ?? o.kind}）` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select allowClear showSearch={{ filterOption: false, onSearch: setTyped }} value={value} disabled={disabled} loading={list.loading} options={options} data-testid={testId}
      onChange={(v?: string) => { onChange?.(v); onPicked?.(found.find((o) => o.id === v) ?? null); }}
      placeholder={bi(lang, { zh: '输入名称查找企业、高校或院所', en: 'Type to find an enterprise, university or institute' })}
      notFoundContent={bi(lang, { zh: '未找到机构', en: 'No organisation found' })} />
  );
}
