import { Tag } from 'antd';
import { useLang } from '../../app/i18n';
import { DOMAIN_COLORS, DOMAIN_NAMES, domainName } from './format';

/** The four domains as coloured tags; all four reads as "全领域 All domains". */
export function DomainTags({ domains, compact = false }: { domains: string[]; compact?: boolean }) {
  const lang = useLang();
  if (compact && domains.length === Object.keys(DOMAIN_NAMES).length) {
    return <Tag color="blue" className="domain-tag">{lang === 'zh' ? '全部四大领域' : 'All four domains'}</Tag>;
  }
  return (
    <span className="domain-tags">
      {domains.map((d) => <Tag key={d} color={DOMAIN_COLORS[d]} className="domain-tag">{domainName(lang, d)}</Tag>)}
    </span>
  );
}
