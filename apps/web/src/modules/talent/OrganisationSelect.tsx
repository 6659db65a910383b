import { useState } from 'react';
import { Select } from 'antd';
import { qs } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import { useDebounced } from '../supervision/WorkShared';
import type { OrganisationOption } from './api';

/** An organisation in the platform, found by name (task force and units); cleared, the form takes a name in words instead. */
export function OrganisationSelect({ value, onChange, kind, initialLabel, testId }: {
  value?: string | null; onChange?: (v: string | null) => void; kind?: string; initialLabel?: string; testId?: string;
}) {
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const list = useApi<OrganisationOption[]>(`/api/organisations${qs({ q, kind })}`);
  const opts = (list.data ?? []).map((o) => ({ value: o.id, label: o.nameZh }));
  if (value && initialLabel && !opts.some((o) => o.value === value)) opts.unshift({ value, label: initialLabel });
  return (
    <Select allowClear showSearch={{ filterOption: false, onSearch: setTyped }} value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)}
      loading={list.loading} options={opts} data-testid={testId}
      placeholder={bi(lang, { zh: '输入名称查找平台中的机构', en: 'Type to find an organisation in the platform' })}
      notFoundContent={bi(lang, { zh: '平台中无此机构，可在下方填写名称', en: 'Not in the platform; type the name below' })} />
  );
}
