import type { OrganisationKind } from '../platform/identity/model.js';
import type { Role } from '../platform/access/model.js';

/**
 * The demonstration data set: invented organisations and one user per role, all labelled
 * 示例数据. Names carry （示例） so that no one mistakes them for real bodies.
 */
export const DEMO_PASSWORD = 'Demo#2024cq';

export const DEMO_ORGANISATIONS: Array<{ key: string; kind: OrganisationKind; nameZh: string; nameEn: string; districtCode: string | null }> = [
  { key: 'jxw', kind: 'department', nameZh: '重庆市经济和信息化委员会（示例）', nameEn: 'Municipal Commission of Economy and Information Technology (demo)', districtCode: null },
  { key: 'kjj', kind: 'department', nameZh: '重庆市科学技术局（示例）', nameEn: 'Municipal Science and Technology Bureau (demo)', districtCode: null },
  { key: 'ent', kind: 'enterprise', nameZh: '重庆示例合成生物科技有限公司', nameEn: 'Chongqing Demo Synthetic Biotech Co., Ltd.', districtCode: '500102' },
  // A trading partner of the demo enterprise: it receives its lots and formulates them (traceability demo).
  { key: 'partner', kind: 'enterprise', nameZh: '重庆示例生物制剂有限公司', nameEn: 'Chongqing Demo Bioformulation Co., Ltd.', districtCode: '500120' },
  { key: 'inst', kind: 'institute', nameZh: '重庆示例生物制造研究院', nameEn: 'Chongqing Demo Biomanufacturing Institute', districtCode: '500106' },
  { key: 'pilot', kind: 'pilotBase', nameZh: '璧山生物制造中试基地（示例）', nameEn: 'Bishan Biomanufacturing Pilot Base (demo)', districtCode: '500120' },
  { key: 'bank', kind: 'bank', nameZh: '重庆市生物菌种资源库（示例）', nameEn: 'Chongqing Strain Bank (demo)', districtCode: '500106' },
];

export const DEMO_USERS: Array<{ username: string; displayName: string; roles: Role[]; org?: string; districtCode?: string; taskForce?: boolean }> = [
  { username: 'demo.taskforce', displayName: '专班办公室（示例）', roles: ['taskforce'], taskForce: true },
  { username: 'demo.unit', displayName: '市经信委联络员（示例）', roles: ['unit'], org: 'jxw' },
  { username: 'demo.district', displayName: '璧山区联络员（示例）', roles: ['district'], districtCode: '500120' },
  { username: 'demo.enterprise', displayName: '示例企业联系人', roles: ['enterprise'], org: 'ent' },
  { username: 'demo.partner', displayName: '示例制剂企业联系人', roles: ['enterprise'], org: 'partner' },
  { username: 'demo.institute', displayName: '示例研究院联系人', roles: ['institute'], org: 'inst' },
  { username: 'demo.pilotbase', displayName: '中试基地运营（示例）', roles: ['pilotBase'], org: 'pilot' },
  { username: 'demo.curator', displayName: '菌种库管理员（示例）', roles: ['curator'], org: 'bank' },
  { username: 'demo.biosafety', displayName: '生物安全负责人（示例）', roles: ['curator'], org: 'bank' },
  { username: 'demo.expert', displayName: '示例专家', roles: ['expert'], org: 'inst' },
];
