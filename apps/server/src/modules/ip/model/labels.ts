/** The ip module's vocabularies, each with its Chinese and English name; codes are what records store. */
import type { Names } from '../../../platform/vocabulary.js';

export const IP_KINDS = {
  patent: { zh: '专利', en: 'Patent' },
  standard: { zh: '标准', en: 'Standard' },
  softwareCopyright: { zh: '软件著作权', en: 'Software copyright' },
  plantVariety: { zh: '植物新品种', en: 'Plant variety' },
} as const;
export type IpKind = keyof typeof IP_KINDS;

/** Patent types and standard levels; the other kinds have none. */
export const IP_SUBTYPES: Record<IpKind, Record<string, Names>> = {
  patent: { invention: { zh: '发明专利', en: 'Invention' }, utility: { zh: '实用新型', en: 'Utility model' }, design: { zh: '外观设计', en: 'Design' } },
  standard: { national: { zh: '国家标准', en: 'National standard' }, industry: { zh: '行业标准', en: 'Industry standard' }, local: { zh: '地方标准', en: 'Local standard' }, group: { zh: '团体标准', en: 'Group standard' } },
  softwareCopyright: {},
  plantVariety: {},
};

/**
 * Each kind's statuses, in their order. `public` marks the one a visitor sees on the public list
 * (a right in force); holders and the task force see every status.
 */
export const IP_STATUSES: Record<IpKind, Record<string, Names & { public?: true }>> = {
  patent: { filed: { zh: '申请中', en: 'Filed' }, granted: { zh: '已授权', en: 'Granted', public: true }, lapsed: { zh: '已失效', en: 'Lapsed' } },
  standard: { drafting: { zh: '制定中', en: 'Being drafted' }, published: { zh: '已发布', en: 'Published', public: true }, withdrawn: { zh: '已废止', en: 'Withdrawn' } },
  softwareCopyright: { filed: { zh: '申请中', en: 'Filed' }, registered: { zh: '已登记', en: 'Registered', public: true }, revoked: { zh: '已撤销', en: 'Revoked' } },
  plantVariety: { filed: { zh: '申请中', en: 'Filed' }, granted: { zh: '已授权', en: 'Granted', public: true }, lapsed: { zh: '已失效', en: 'Lapsed' } },
};

/** Statuses in force, across kinds: what the public list shows and what counts as a result. */
export const PUBLIC_STATUSES = [...new Set(Object.values(IP_STATUSES).flatMap((s) => Object.entries(s).filter(([, n]) => n.public).map(([c]) => c)))];
export const isPublicStatus = (kind: IpKind, status: string) => !!IP_STATUSES[kind][status]?.public;
/** The status a new right starts in when none is given. */
export const firstStatus = (kind: IpKind) => Object.keys(IP_STATUSES[kind])[0];
/** The name of the date a right came into force, by kind. */
export const GRANTED_ON_NAMES: Record<IpKind, Names> = {
  patent: { zh: '授权日', en: 'Granted on' }, standard: { zh: '发布日', en: 'Published on' },
  softwareCopyright: { zh: '登记日', en: 'Registered on' }, plantVariety: { zh: '授权日', en: 'Granted on' },
};

export const LINK_KINDS = {
  organisation: { zh: '机构', en: 'Organisation' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  achievement: { zh: '科技成果', en: 'Achievement' },
  platform: { zh: '创新平台', en: 'Innovation platform' },
  challenge: { zh: '揭榜挂帅项目', en: 'Challenge' },
  award: { zh: '立项', en: 'Award' },
} as const;
export type LinkKind = keyof typeof LINK_KINDS;
/** Links people record through the IP routes; challenges and awards are linked by the challenges module's outputs. */
export const MANUAL_LINK_KINDS: LinkKind[] = ['organisation', 'enterprise', 'achievement', 'platform'];

/** An infringement report: received → investigating → resolved, or dismissed (with the reason) from either. */
export const REPORT_STATUSES = {
  received: { zh: '已受理', en: 'Received' },
  investigating: { zh: '调查中', en: 'Investigating' },
  resolved: { zh: '已处理', en: 'Resolved' },
  dismissed: { zh: '不予受理', en: 'Dismissed' },
} as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;
export const REPORT_MOVES: Record<ReportStatus, ReportStatus[]> = {
  received: ['investigating', 'dismissed'],
  investigating: ['resolved', 'dismissed'],
  resolved: [],
  dismissed: [],
};

/** The organisation infringement reports are routed to; its unit users handle them. */
export const IP_CENTRE = { kind: 'other' as const, nameZh: '重庆市知识产权运营中心', nameEn: 'Chongqing IP Operations Centre' };
