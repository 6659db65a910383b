import type { Names } from '../../../platform/vocabulary.js';

/**
 * 材料转移协议 (MTA): the terms a requester accepts for a strain. The body is versioned; a
 * request stores the version and the strain's conditions it named, so what was accepted can be
 * read again after the text changes. Change the text only with a new version.
 */
export const MTA_VERSION = 'CQMCC-MTA-2026.1';

const BODY: Names[] = [
  { zh: '一、接收方仅将所提供菌种用于申请中载明的用途，不得转让、出售或提供给第三方。', en: '1. The recipient uses the strain only for the purpose stated in the request and does not pass, sell or give it to any third party.' },
  { zh: '二、接收方应在与菌种生物安全等级相适应、证书有效的实验室中保存和操作菌种。', en: '2. The recipient keeps and handles the strain only in a laboratory of the required biosafety level with a valid certificate.' },
  { zh: '三、发表成果时应注明菌种来源及保藏编号（重庆市生物菌种资源库，CQMCC）。', en: '3. Publications name the source and accession number (Chongqing strain bank, CQMCC).' },
  { zh: '四、商业化使用须事先与保藏机构另行签订协议。', en: '4. Commercial use needs a separate agreement with the bank beforehand.' },
  { zh: '五、菌种按现状提供，保藏机构不对其适用性作任何保证。', en: '5. The strain is supplied as is, without warranty of fitness for any purpose.' },
  { zh: '六、发生泄漏、丢失或意外暴露时，接收方应立即报告保藏机构及属地主管部门。', en: '6. The recipient reports any spill, loss or accidental exposure at once to the bank and the local authority.' },
];

/** The conditions a strain adds to the MTA, by code (stored on the request). */
export const MTA_CONDITIONS: Record<string, Names> = {
  gmo: { zh: '本菌种为转基因生物，接收方应遵守《农业转基因生物安全管理条例》等规定，不得向环境释放。', en: 'The strain is genetically modified: the recipient follows the GMO safety regulations and releases nothing into the environment.' },
  exportControl: { zh: '本菌种属出口管制物项，未经许可不得出境或向境外主体提供。', en: 'The strain is export-controlled: it leaves China, or goes to a foreign party, only under licence.' },
  nagoyaAbs: { zh: '本菌种适用《名古屋议定书》遗传资源获取与惠益分享规定，商业化利用前须与提供方协商惠益分享。', en: 'Nagoya Protocol access and benefit-sharing terms apply: agree benefit sharing with the provider before commercial use.' },
  hazardClass1: { zh: '本菌种属第一类病原微生物，运输、保存和实验活动须经主管部门批准。', en: 'The strain is a class 1 pathogen: transport, keeping and work with it need the authority’s approval.' },
  hazardClass2: { zh: '本菌种属第二类病原微生物，运输、保存和实验活动须经主管部门批准。', en: 'The strain is a class 2 pathogen: transport, keeping and work with it need the authority’s approval.' },
  hazardClass3: { zh: '本菌种属第三类病原微生物，应按相应生物安全要求包装运输和操作。', en: 'The strain is a class 3 pathogen: pack, ship and handle it under the matching biosafety rules.' },
  hazardClass4: { zh: '本菌种属第四类病原微生物，应按一般生物安全要求操作。', en: 'The strain is a class 4 pathogen: handle it under general biosafety rules.' },
};

export interface MtaFacts { gmo: boolean; exportControl: boolean; nagoyaAbs: boolean; hazardClass: number | null }

/** The codes of the conditions this strain adds, in a fixed order. */
export function mtaConditions(s: MtaFacts): string[] {
  const out: string[] = [];
  if (s.gmo) out.push('gmo');
  if (s.exportControl) out.push('exportControl');
  if (s.nagoyaAbs) out.push('nagoyaAbs');
  if (s.hazardClass != null) out.push(`hazardClass${s.hazardClass}`);
  return out;
}

/** The MTA for a strain: the body and its conditions, in both languages. */
export function mtaFor(s: MtaFacts, version = MTA_VERSION) {
  const conditions = mtaConditions(s);
  const special = conditions.map((c, i) => ({ zh: `附加条件 ${i + 1}：${MTA_CONDITIONS[c].zh}`, en: `Condition ${i + 1}: ${MTA_CONDITIONS[c].en}` }));
  return {
    version,
    conditions,
    titleZh: '菌种材料转移协议', titleEn: 'Material transfer agreement',
    clauses: [...BODY, ...special],
  };
}
