import { systemCtx, type Ctx } from '../../../platform/context/ctx.js';
import type { Role } from '../../../platform/access/model.js';
import type { Client, Harness } from '../../../test/harness.js';

/**
 * What every challenges test needs, made through the core part's services: people (a user and a
 * signed-in client per role, each with an organisation of its kind), challenges (drafted by the
 * task force, published unless told otherwise, with indicators and field keywords), consortia
 * (a lead organisation with a user, members, a user enterprise when asked) and their
 * applications (submitted unless told otherwise), and the moves that bring a challenge to review
 * with its applications formally checked. The review and delivery parts build on these; the
 * signatures stay as they are.
 *
 * The deadline: a challenge's deadline is 30 days after the harness clock's now unless given.
 * `closeApplications` moves the harness clock just past the deadline (h.clock.set) — later
 * challenges take their deadline from the moved clock, so they still open.
 */

export const BISHAN = '500120';
export type ChallengeCaller = Role | 'anonymous';

export interface ChallengePeople {
  /** A client per role, and one for a second enterprise that takes no part in anything. */
  as: Record<ChallengeCaller, Client> & { stranger: Client };
  /** A service context per role (and the stranger), for calling services directly. */
  ctx: Record<Role | 'stranger', Ctx>;
  userId: Record<Role | 'stranger', string>;
  org: { taskForce: string; unit: string; district: string; enterprise: string; institute: string; pilotBase: string; stranger: string };
}

export interface Party { orgId: string; userId: string | null; ctx: Ctx | null; kind: string; userEnterprise: boolean }
/** A lead and its members; the lead always has a user, members only when asked for. */
export interface Consortium { lead: Party & { userId: string; ctx: Ctx }; members: Party[] }

let serial = 0;
/** A name no other call has used (organisation and user names are unique). */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

/** A service context for a user, as the access hook would make it from a session. */
export async function ctxOf(h: Harness, userId: string): Promise<Ctx> {
  const u = await h.database.db.selectFrom('appUser').select(['id', 'username', 'displayName', 'organisationId', 'roles']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null }, requestId: `test-${u.username}` };
}

export async function makeOrganisation(h: Harness, kind: string, nameZh: string) {
  return (await h.services.identity.createOrganisation(systemCtx('test'), { kind, nameZh: unique(nameZh), districtCode: BISHAN })).id;
}

/** A user of an organisation, with its context (no sign-in: cheap). */
export async function makeUser(h: Harness, roles: Role[], orgId: string | null) {
  const userId = await h.user(unique('cq-user'), roles, orgId);
  return { userId, ctx: await ctxOf(h, userId) };
}

/**
 * A user per role, signed in: the task force (the seeded task-force organisation), a department
 * (unit), 璧山 (district), an enterprise, an institute, a pilot base, a curator, an expert (no
 * expert record: the review part makes those), an admin, and a stranger enterprise.
 */
export async function challengePeople(h: Harness): Promise<ChallengePeople> {
  const db = h.database.db;
  const org: ChallengePeople['org'] = {
    taskForce: (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id,
    unit: await makeOrganisation(h, 'department', '重庆市科学技术局'),
    district: (await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', BISHAN).executeTakeFirstOrThrow()).id,
    enterprise: await makeOrganisation(h, 'enterprise', '重庆璧山合成生物有限公司'),
    institute: await makeOrganisation(h, 'institute', '重庆生物制造研究院'),
    pilotBase: await makeOrganisation(h, 'pilotBase', '璧山中试基地运营公司'),
    stranger: await makeOrganisation(h, 'enterprise', '重庆渝北无关生物有限公司'),
  };
  const orgOf: Record<Role | 'stranger', string | null> = {
    admin: org.taskForce, taskforce: org.taskForce, unit: org.unit, district: org.district, enterprise: org.enterprise, institute: org.institute,
    pilotBase: org.pilotBase, curator: org.institute, expert: null, stranger: org.stranger,
  };
  const as = { anonymous: h.anonymous } as ChallengePeople['as'];
  const ctx = {} as ChallengePeople['ctx'];
  const userId = {} as ChallengePeople['userId'];
  for (const who of Object.keys(orgOf) as (Role | 'stranger')[]) {
    const name = unique(`cq-${who}`);
    userId[who] = await h.user(name, [who === 'stranger' ? 'enterprise' : who], orgOf[who]);
    as[who] = await h.login(name);
    ctx[who] = await ctxOf(h, userId[who]);
  }
  return { as, ctx, userId, org };
}

const inDays = (h: Harness, days: number) => new Date(h.clock.now().getTime() + days * 86_400_000).toISOString();

/** A whole, valid challenge body: single award, 1,000 万元, 24 months, two indicators, two field keywords. */
export const challengeBody = (h: Harness, extra: Record<string, unknown> = {}) => ({
  titleZh: unique('高通量酶定向进化与工业菌株构建'), summaryZh: '突破工业酶定向进化的超高通量筛选瓶颈，建成可工程化的平台', fields: ['蛋白质设计', '超高通量筛选'], domain: 'biochem',
  mode: 'single', fundingWan: 1000, durationMonths: 24, eligibilityZh: '在渝注册的企业、高校或科研院所牵头', maxMembers: 3, requiresUserEnterprise: false,
  deadline: inDays(h, 30), blind: true, reviewersPerApplication: 3, noticeDays: 7,
  indicators: [
    { nameZh: '筛选通量', comparator: '>=', targetValue: 1_000_000, unit: '个/天', methodZh: '第三方检测' },
    { nameZh: '目标酶活提高倍数', comparator: '>=', targetValue: 5, unit: '倍', methodZh: '对照原始菌株' },
  ],
  ...extra,
});

export interface ChallengeMade { id: string; code: string; status: string; fundingWan: number; maxTeams: number; durationMonths: number; mode: string; deadline: Date; [k: string]: unknown }

/**
 * A challenge drafted by `by` (the task force unless told), published unless `publish: false`.
 * Any field may be overridden: `{ mode: 'parallel', maxTeams: 3, requiresUserEnterprise: true }`.
 */
export async function makeChallenge(h: Harness, p: ChallengePeople, fields: Record<string, unknown> = {}, opts: { publish?: boolean; by?: Ctx } = {}): Promise<ChallengeMade> {
  const s = h.services.challenges.challenges;
  const by = opts.by ?? p.ctx.taskforce;
  const c = await s.create(by, challengeBody(h, fields) as never);
  return (opts.publish === false ? c : await s.publish(by, c.id as string)) as unknown as ChallengeMade;
}

/**
 * A consortium: a lead (an enterprise unless `leadKind` says otherwise) with a user, and `members`
 * member organisations (institutes; with `userEnterprise`, the first is an enterprise flagged as
 * the user enterprise). `memberUsers` gives each member a user too.
 */
export async function makeConsortium(h: Harness, opts: { members?: number; userEnterprise?: boolean; leadKind?: string; memberUsers?: boolean } = {}): Promise<Consortium> {
  const leadKind = opts.leadKind ?? 'enterprise';
  const leadOrg = await makeOrganisation(h, leadKind, '揭榜牵头单位');
  const leadUser = await makeUser(h, [leadKind === 'enterprise' ? 'enterprise' : 'institute'], leadOrg);
  const members: Party[] = [];
  for (let i = 0; i < (opts.members ?? 1); i++) {
    const ue = !!opts.userEnterprise && i === 0;
    const kind = ue ? 'enterprise' : 'institute';
    const orgId = await makeOrganisation(h, kind, ue ? '应用企业' : '联合体成员单位');
    const u = opts.memberUsers ? await makeUser(h, [kind === 'enterprise' ? 'enterprise' : 'institute'], orgId) : null;
    members.push({ orgId, userId: u?.userId ?? null, ctx: u?.ctx ?? null, kind, userEnterprise: ue });
  }
  return { lead: { orgId: leadOrg, ...leadUser, kind: leadKind, userEnterprise: false }, members };
}

/** The most a team may ask of the challenge (the rule in model/applications.ts). */
const capOf = (c: Pick<ChallengeMade, 'mode' | 'fundingWan' | 'maxTeams'>) => (c.mode === 'parallel' ? (c.fundingWan / c.maxTeams) * 1.5 : c.fundingWan);

/**
 * A whole, valid application body for a consortium on a challenge: budget half the cap in two
 * lines, milestones at mid-term and the end, TRL 3 → 6, the team leader from the lead and one
 * person from each member. `experts` adds people linked to expert records (conflict checks read them).
 */
export function applicationBody(c: Pick<ChallengeMade, 'mode' | 'fundingWan' | 'maxTeams' | 'durationMonths'>, k: Consortium, extra: Record<string, unknown> = {}, experts: { expertId: string; nameZh: string }[] = []) {
  const budget = Math.floor(capOf(c) / 2);
  const equipment = Math.floor(budget * 0.6);
  return {
    titleZh: unique('基于微流控的酶定向进化平台'), planZh: '以微流控液滴分选为核心，建立百万级/天的筛选能力，并完成工业菌株验证。',
    budgetWan: budget, currentTrl: 3, targetTrl: 6,
    members: k.members.map((m) => ({ organisationId: m.orgId, userEnterprise: m.userEnterprise, roleZh: m.userEnterprise ? '应用验证' : '联合研发' })),
    people: [
      { nameZh: '张揭榜', organisationId: k.lead.orgId, roleZh: '项目负责人' },
      ...k.members.map((m, i) => ({ nameZh: `成员${i + 1}`, organisationId: m.orgId, roleZh: '骨干' })),
      ...experts.map((e) => ({ nameZh: e.nameZh, organisationId: k.lead.orgId, expertId: e.expertId, roleZh: '骨干' })),
    ],
    milestones: [
      { titleZh: '完成平台搭建与中期评估', month: Math.max(1, Math.floor(c.durationMonths / 2)), deliverableZh: '中期报告' },
      { titleZh: '完成菌株验证与验收', month: c.durationMonths, deliverableZh: '验收报告' },
    ],
    budgetLines: [{ itemZh: '设备费', amountWan: equipment }, { itemZh: '材料与测试费', amountWan: budget - equipment }],
    ...extra,
  };
}

export interface ApplicationMade { id: string; code: string; status: string; challengeId: string; leadOrganisationId: string; [k: string]: unknown }

/** An application by the consortium's lead user, submitted unless `submit: false`. */
export async function makeApplication(h: Harness, c: ChallengeMade, k: Consortium, extra: Record<string, unknown> = {}, opts: { submit?: boolean; experts?: { expertId: string; nameZh: string }[] } = {}): Promise<ApplicationMade> {
  const s = h.services.challenges.applications;
  const a = await s.create(k.lead.ctx, c.id, applicationBody(c, k, extra, opts.experts) as never);
  return (opts.submit === false ? a : await s.submit(k.lead.ctx, a.id)) as unknown as ApplicationMade;
}

/** Moves the clock just past the challenge's deadline (if it is not already) and the challenge to review. */
export async function closeApplications(h: Harness, p: ChallengePeople, c: { id: string }) {
  const row = await h.database.db.selectFrom('challenge').select('deadline').where('id', '=', c.id).executeTakeFirstOrThrow();
  if (h.clock.now() < row.deadline) h.clock.set(new Date(row.deadline.getTime() + 60_000));
  return h.services.challenges.challenges.startReview(p.ctx.taskforce, c.id);
}

/** Every submitted application of the challenge marked eligible, except those named ineligible. */
export async function formalCheckAll(h: Harness, p: ChallengePeople, c: { id: string }, ineligible: string[] = []) {
  const s = h.services.challenges.applications;
  const { items } = await s.listForChallenge(p.ctx.taskforce, c.id, { status: 'submitted', limit: 500, offset: 0 });
  for (const a of items) {
    await s.formalCheck(p.ctx.taskforce, a.id, ineligible.includes(a.id) ? { decision: 'ineligible', noteZh: '缺少应用企业' } : { decision: 'eligible', noteZh: null });
  }
}

export interface ChallengeInReview { challenge: ChallengeMade; consortia: Consortium[]; applications: ApplicationMade[] }

/**
 * A challenge with `applications` submitted applications (3 unless told), each by its own
 * consortium, moved to review with every application eligible (unless `formalCheck: false`).
 */
export async function challengeInReview(h: Harness, p: ChallengePeople, opts: {
  applications?: number; challenge?: Record<string, unknown>; members?: number; userEnterprise?: boolean; memberUsers?: boolean; formalCheck?: boolean;
} = {}): Promise<ChallengeInReview> {
  const challenge = await makeChallenge(h, p, opts.challenge ?? {});
  const consortia: Consortium[] = [];
  const applications: ApplicationMade[] = [];
  for (let i = 0; i < (opts.applications ?? 3); i++) {
    const k = await makeConsortium(h, { members: opts.members ?? 1, userEnterprise: opts.userEnterprise ?? !!challenge.requiresUserEnterprise, memberUsers: opts.memberUsers });
    consortia.push(k);
    applications.push(await makeApplication(h, challenge, k));
  }
  await closeApplications(h, p, challenge);
  if (opts.formalCheck !== false) await formalCheckAll(h, p, challenge);
  const s = h.services.challenges.applications;
  const fresh = await Promise.all(applications.map((a) => s.get(p.ctx.taskforce, a.id)));
  return { challenge: { ...challenge, status: 'review' }, consortia, applications: fresh as unknown as ApplicationMade[] };
}
