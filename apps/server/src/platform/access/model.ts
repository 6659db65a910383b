/** Who may do what: roles, the principal of a request, and the rule a route declares. */
export const ROLES = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute', 'pilotBase', 'curator', 'expert'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  taskforce: { zh: '工作专班', en: 'Task force' },
  unit: { zh: '责任单位', en: 'Responsible unit' },
  district: { zh: '区县', en: 'District' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institute: { zh: '高校院所', en: 'Institute' },
  pilotBase: { zh: '中试基地', en: 'Pilot base' },
  curator: { zh: '菌种库管理员', en: 'Strain-bank curator' },
  expert: { zh: '专家', en: 'Expert' },
};

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  organisationId: string | null;
  roles: Role[];
  /** How the request proved who it is. */
  via: 'session' | 'token';
  /** For API tokens: what the token may do; a session may do all its roles allow. */
  scopes: string[] | null;
  sessionIdHash?: string;
}

/**
 * What a route declares. `public`: anyone, signed in or not. `authenticated`: any signed-in
 * user. A list of roles: a user holding at least one of them. Routes that machines may call
 * name a scope; an API token reaches only routes whose scope it holds.
 */
export interface AccessRule {
  allow: 'public' | 'authenticated' | readonly Role[];
  scope?: string;
}

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(rule: AccessRule, principal: Principal | null): AccessDecision {
  if (rule.allow === 'public') {
    return 'allow';
  }
  if (!principal) return 'unauthenticated';
  if (principal.via === 'token' && (!rule.scope || !principal.scopes?.includes(rule.scope))) return 'forbidden';
  if (rule.allow === 'authenticated') return 'allow';
  // Anything but a list of roles (a bare string, nothing) is a malformed rule: fail closed.
  const roles = rule.allow;
  if (!Array.isArray(roles)) return 'forbidden';
  return principal.roles.some((r) => roles.includes(r)) ? 'allow' : 'forbidden';
}

export const hasRole = (p: Principal | null, ...roles: Role[]) => !!p && p.roles.some((r) => roles.includes(r));

/** Scopes an API token may carry. Each names the routes that accept it. */
export const SCOPES: Record<string, { zh: string; en: string }> = {
  'plan:read': { zh: '读取行动计划与指标', en: 'Read the plan and indicators' },
  'admin:read': { zh: '读取用户与机构', en: 'Read users and organisations' },
  'industry:read': { zh: '读取产业地图（企业、经营数据、招商线索、基金）', en: 'Read the industry map (enterprises, figures, leads, funds)' },
  'pilot:read': { zh: '读取中试数据（基地、清单、匹配、项目、一站式服务）', en: 'Read pilot data (bases, lists, matches, projects, one-stop services)' },
  'supervision:read': { zh: '读取督办数据（工作要点、进展、指标、清单、通报）', en: 'Read supervision data (work points, reports, indicators, lists, notices)' },
  'challenges:read': { zh: '读取揭榜挂帅数据（需求目录、榜单、申报、评审、立项与交付）', en: 'Read challenge data (need catalog, challenges, applications, reviews, awards and delivery)' },
  'talent:read': { zh: '读取人才与专家数据（专家库、专家委员会、人才、教育培训）', en: 'Read talent and expert data (experts, committee, talent, education)' },
  'innovation:read': { zh: '读取科技创新平台', en: 'Read innovation platforms' },
  'ip:read': { zh: '读取知识产权与侵权举报', en: 'Read intellectual property and infringement reports' },
  'strains:read': { zh: '读取菌种资源库（菌种、库存、序列、共享申请、种质资源、实验室）', en: 'Read the strain bank (strains, stock, sequences, sharing requests, germplasm, labs)' },
  'strains:identify': { zh: '调用菌种序列鉴定', en: 'Identify sequences against the strain bank' },
  'safety:read': { zh: '读取安全评价', en: 'Read safety evaluations' },
  'epcis:capture': { zh: '向 EPCIS 追溯库提交事件', en: 'Capture events into the EPCIS repository' },
  'epcis:query': { zh: '查询 EPCIS 追溯事件与追溯链', en: 'Query EPCIS events and trace' },
  'factory:read': { zh: '读取智能工厂数据（工厂、批次、传感器数据、监控报警）', en: 'Read smart-factory data (factories, batches, sensor data, monitoring alarms)' },
  'factory:ingest': { zh: '上报批次与传感器数据', en: 'Post batches and sensor readings' },
};
