/** The ip module's vocabularies as the server names them (apps/server/src/modules/ip/model/labels.ts). */
export interface Label { zh: string; en: string; color?: string }

export const IP_KINDS: Record<string, Label> = {
  patent: { zh: '专利', en: 'Patent', color: 'blue' },
  standard: { zh: '标准', en: 'Standard', color: 'purple' },
  softwareCopyright: { zh: '软件著作权', en: 'Software copyright', color: 'cyan' },
  plantVariety: { zh: '植物新品种', en: 'Plant variety', color: 'green' },
};
export const IP_SUBTYPES: Record<string, Record<string, Label>> = {
  patent: { invention: { zh: '发明专利', en: 'Invention' }, utility: { zh: '实用新型', en: 'Utility model' }, design: { zh: '外观设计', en: 'Design' } },
  standard: { national: { zh: '国家标准', en: 'National standard' }, industry: { zh: '行业标准', en: 'Industry standard' }, local: { zh: '地方标准', en: 'Local standard' }, group: { zh: '团体标准', en: 'Group standard' } },
  softwareCopyright: {},
  plantVariety: {},
};
/** Each kind's statuses in order; the one in force is public. */
export const IP_STATUSES: Record<string, Record<string, Label & { inForce?: true }>> = {
  patent: { filed: { zh: '申请中', en: 'Filed', color: 'gold' }, granted: { zh: '已授权', en: 'Granted', color: 'green', inForce: true }, lapsed: { zh: '已失效', en: 'Lapsed' } },
  standard: { drafting: { zh: '制定中', en: 'Being drafted', color: 'gold' }, published: { zh: '已发布', en: 'Published', color: 'green', inForce: true }, withdrawn: { zh: '已废止', en: 'Withdrawn' } },
  softwareCopyright: { filed: { zh: '申请中', en: 'Filed', color: 'gold' }, registered: { zh: '已登记', en: 'Registered', color: 'green', inForce: true }, revoked: { zh: '已撤销', en: 'Revoked' } },
  plantVariety: { filed: { zh: '申请中', en: 'Filed', color: 'gold' }, granted: { zh: '已授权', en: 'Granted', color: 'green', inForce: true }, lapsed: { zh: '已失效', en: 'Lapsed' } },
};
export const statusLabel = (kind: string, status: string): Label => IP_STATUSES[kind]?.[status] ?? { zh: status, en: status };
/** Every status across kinds, once, for the status filter. */
export const ALL_STATUSES: Record<string, Label> = Object.assign({}, ...Object.values(IP_STATUSES));
export const GRANTED_ON: Record<string, Label> = {
  patent: { zh: '授权日', en: 'Granted on' }, standard: { zh: '发布日', en: 'Published on' }, softwareCopyright: { zh: '登记日', en: 'Registered on' }, plantVariety: { zh: '授权日', en: 'Granted on' },
};
export const LINK_KINDS: Record<string, Label> = {
  organisation: { zh: '机构', en: 'Organisation' }, enterprise: { zh: '企业', en: 'Enterprise' }, achievement: { zh: '科技成果', en: 'Achievement' },
  platform: { zh: '创新平台', en: 'Innovation platform' }, challenge: { zh: '揭榜挂帅项目', en: 'Challenge' }, award: { zh: '立项', en: 'Award' },
};
export const REPORT_STATUSES: Record<string, Label> = {
  received: { zh: '已受理', en: 'Received', color: 'blue' },
  investigating: { zh: '调查中', en: 'Investigating', color: 'orange' },
  resolved: { zh: '已处理', en: 'Resolved', color: 'green' },
  dismissed: { zh: '不予受理', en: 'Dismissed', color: 'default' },
};
