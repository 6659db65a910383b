import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import type { OrganisationKind } from '../platform/identity/model.js';
import { systemCtx } from '../platform/context/ctx.js';
import { audit } from '../platform/audit/audit.js';
import { fileService } from '../platform/files/files.js';
import { identityService } from '../platform/identity/service.js';
import { identityStore } from '../platform/identity/store.js';
import { planService } from '../modules/plan/service.js';
import { challengeServices } from '../modules/challenges/index.js';
import { talentServices } from '../modules/talent/index.js';
import { DEMO_PASSWORD } from './data.js';

/**
 * Demonstration challenges (揭榜挂帅 / 并行资助) posted from the demo catalog's accepted needs,
 * in the statuses the core part makes: one under review with its formal check done (two
 * eligible, one ineligible with the reason), an open single-award challenge and an open
 * parallel-funding one with applications (one of them a draft of the demo enterprise), a draft
 * by the demo department, and one cancelled with its reason. Consortia are the demo enterprise
 * and institute and a few demo organisations of their own, with users who sign in with the demo
 * password. Loaded once (skipped when a demo challenge exists), after the needs loader, through
 * the services acting as the demo users with the clock set to when each step happened.
 */

const ORGS: { key: string; kind: OrganisationKind; nameZh: string; nameEn: string; districtCode: string }[] = [
  { key: 'enzyme', kind: 'enterprise', nameZh: '重庆示例酶工程有限公司', nameEn: 'Chongqing Demo Enzyme Engineering Co., Ltd.', districtCode: '500120' },
  { key: 'materials', kind: 'enterprise', nameZh: '重庆示例生物材料股份有限公司', nameEn: 'Chongqing Demo Biomaterials Co., Ltd.', districtCode: '500112' },
  { key: 'food', kind: 'enterprise', nameZh: '重庆示例食品发酵有限公司', nameEn: 'Chongqing Demo Food Fermentation Co., Ltd.', districtCode: '500118' },
  { key: 'university', kind: 'university', nameZh: '重庆示例大学', nameEn: 'Chongqing Demo University', districtCode: '500106' },
  { key: 'pharma', kind: 'institute', nameZh: '重庆示例医药工业研究院', nameEn: 'Chongqing Demo Pharmaceutical Research Institute', districtCode: '500112' },
];
const USERS: { username: string; displayName: string; role: Role; org: string }[] = [
  { username: 'demo.enzyme', displayName: '示例酶工程公司联系人', role: 'enterprise', org: 'enzyme' },
  { username: 'demo.materials', displayName: '示例生物材料公司联系人', role: 'enterprise', org: 'materials' },
  { username: 'demo.university', displayName: '示例大学科研院联系人', role: 'institute', org: 'university' },
];

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T02:00:00Z` : iso);
const indicatorsOf = (rows: [string, '>=' | '<=' | '=', number, string][]) => rows.map(([nameZh, comparator, targetValue, unit]) => ({ nameZh, comparator, targetValue, unit, methodZh: '第三方检测机构出具检测报告' }));

export async function loadDemoChallenges(database: Database): Promise<number> {
  const { db } = database;
  if (await db.selectFrom('challenge').select('id').where('isDemo', '=', true).limit(1).executeTakeFirst()) return 0;
  const needs = await db.selectFrom('techNeed').select(['id', 'titleZh']).where('isDemo', '=', true).where('status', '=', 'accepted').execute();
  const need = (titleStart: string) => {
    const found = needs.find((n) => n.titleZh.startsWith(titleStart));
    if (!found) throw new Error(`demo challenges: no accepted demo need「${titleStart}」; load the demo needs first (loadDemoNeeds)`);
    return found.id;
  };

  const sys = systemCtx('demo');
  const identity = identityService(database);
  let records = 0;
  const org: Record<string, string> = {};
  for (const o of ORGS) {
    const existing = await identityStore.organisationByName(db, o.kind, o.nameZh);
    org[o.key] = existing?.id ?? (await identity.createOrganisation(sys, o, { isDemo: true })).id;
    if (!existing) records++;
  }
  for (const u of USERS) {
    if (await identityStore.userByUsername(db, u.username)) continue;
    await identity.createUser(sys, { username: u.username, displayName: u.displayName, roles: [u.role], password: DEMO_PASSWORD, organisationId: org[u.org] }, { isDemo: true });
    records++;
  }
  const as = async (username: string): Promise<Ctx> => {
    const u = await db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    return { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  };
  const tf = await as('demo.taskforce');
  const unit = await as('demo.unit');
  const ent = await as('demo.enterprise');
  const inst = await as('demo.institute');
  const enzyme = await as('demo.enzyme');
  const materials = await as('demo.materials');
  const university = await as('demo.university');
  org.ent = ent.principal!.organisationId!;
  org.inst = inst.principal!.organisationId!;

  let clock = new Date();
  const s = challengeServices(database, { plan: planService(database), files: fileService(database), now: () => clock });
  const when = async <T>(iso: string | Date, f: () => Promise<T>) => { clock = typeof iso === 'string' ? at(iso) : iso; return f(); };
  const ids: string[] = [];
  const talent = talentServices(database, { plan: planService(database), files: fileService(database), now: () => clock }).experts;

  /** A whole application: the lead's leader and one person per member, two milestones, the budget in two lines. */
  const application = (titleZh: string, budgetWan: number, durationMonths: number, members: { organisationId: string; userEnterprise?: boolean }[], lead: string) => ({
    titleZh, planZh: `${titleZh}：技术路线、分工与进度安排见附件方案。`, budgetWan, currentTrl: 3, targetTrl: 6,
    members: members.map((m) => ({ ...m, roleZh: m.userEnterprise ? '应用验证' : '联合研发' })),
    people: [{ nameZh: '王牵头', organisationId: lead, roleZh: '项目负责人' }, ...members.map((m, i) => ({ nameZh: ['李协作', '赵骨干', '陈工程'][i % 3], organisationId: m.organisationId, roleZh: '课题负责人' }))],
    milestones: [{ titleZh: '完成关键技术验证', month: Math.floor(durationMonths / 2), deliverableZh: '中期报告与检测报告' }, { titleZh: '完成应用示范与验收', month: durationMonths, deliverableZh: '验收报告' }],
    budgetLines: [{ itemZh: '设备费', amountWan: Math.round(budgetWan * 0.6) }, { itemZh: '材料、测试与劳务费', amountWan: budgetWan - Math.round(budgetWan * 0.6) }],
  });

  // 1. Under review: posted in July 2026 from the long-fragment DNA need; three consortia applied; formal check done.
  const dna = await when('2026-07-01', () => s.challenges.create(tf, {
    needId: need('工业菌株长片段 DNA'), mode: 'single', fundingWan: 1500, durationMonths: 24, maxMembers: 3, requiresUserEnterprise: true,
    fields: ['DNA 合成', 'DNA 组装', '合成生物学'], eligibilityZh: '在渝注册的企业、高校或科研院所牵头，联合体须有应用企业', deadline: '2026-08-31T01:00:00Z', reviewersPerApplication: 3,
  }));
  ids.push(dna.id as string);
  await when('2026-07-05', () => s.challenges.publish(tf, dna.id as string));
  const dnaApps = [
    await when('2026-08-10', () => s.applications.create(ent, dna.id as string, application('百 kb 级 DNA 高保真合成与组装平台', 1200, 24, [{ organisationId: org.university }, { organisationId: org.food, userEnterprise: true }], org.ent))),
    await when('2026-08-18', () => s.applications.create(inst, dna.id as string, application('酶法长片段 DNA 组装与纠错技术', 1000, 24, [{ organisationId: org.enzyme, userEnterprise: true }], org.inst))),
    await when('2026-08-25', () => s.applications.create(materials, dna.id as string, { ...application('长片段 DNA 合成服务平台建设', 1400, 24, [{ organisationId: org.pharma }], org.materials), leadUserEnterprise: true })),
  ];
  for (const [i, a] of dnaApps.entries()) await when(`2026-08-${26 + i}`, () => s.applications.submit(i === 0 ? ent : i === 1 ? inst : materials, a.id));
  await when('2026-09-01', () => s.challenges.startReview(tf, dna.id as string));
  await when('2026-09-05', () => s.applications.formalCheck(tf, dnaApps[0].id, { decision: 'eligible' }));
  await when('2026-09-05', () => s.applications.formalCheck(tf, dnaApps[1].id, { decision: 'eligible' }));
  // The third names its lead as the user enterprise though the lead makes materials, not uses DNA synthesis: the organiser rules it out.
  await when('2026-09-06', () => s.applications.formalCheck(tf, dnaApps[2].id, { decision: 'ineligible', noteZh: '牵头单位并非 DNA 合成服务的应用方，联合体实际无应用企业，不符合申报条件' }));

  // 2. Open, single award: the microfluidic sorting need; one submitted application, the demo enterprise's draft.
  const deadline = new Date(Math.max(Date.parse('2027-01-15T01:00:00Z'), Date.now() + 30 * 86_400_000)).toISOString();
  const sorting = await when('2026-10-20', () => s.challenges.create(unit, {
    needId: need('超高通量微流控液滴分选'), mode: 'single', fundingWan: 2000, durationMonths: 30, maxMembers: 4, requiresUserEnterprise: true,
    fields: ['超高通量筛选', '微流控', '液滴分选'], deadline, reviewersPerApplication: 5,
    indicators: indicatorsOf([['分选通量', '>=', 3000, '滴/秒'], ['分选准确率', '>=', 99, '%'], ['芯片国产化率', '=', 100, '%']]),
  }));
  ids.push(sorting.id as string);
  await when('2026-10-25', () => s.challenges.publish(unit, sorting.id as string));
  const sortingApp = await when('2026-11-12', () => s.applications.create(university, sorting.id as string, application('国产微流控液滴分选芯片与整机研制', 1600, 30, [{ organisationId: org.enzyme, userEnterprise: true }, { organisationId: org.inst }], org.university)));
  await when('2026-11-20', () => s.applications.submit(university, sortingApp.id));
  await when('2026-11-25', () => s.applications.create(ent, sorting.id as string, { titleZh: '高通量液滴分选系统（草稿）', planZh: '方案撰写中', members: [{ organisationId: org.food, userEnterprise: true }] }));

  // 3. Open, parallel funding: the biofoundry need, three teams funded; two applications submitted.
  const foundry = await when('2026-10-28', () => s.challenges.create(tf, {
    needId: need('自动化菌株构建与筛选生物铸造厂'), mode: 'parallel', maxTeams: 3, fundingWan: 4500, durationMonths: 36, maxMembers: 4,
    fields: ['生物铸造厂', '自动化', '菌株构建'], deadline, eligibilityZh: '并行资助三个团队，中期评估后择优继续支持',
  }));
  ids.push(foundry.id as string);
  await when('2026-11-01', () => s.challenges.publish(tf, foundry.id as string));
  for (const [who, lead, title, members] of [
    [inst, org.inst, '模块化生物铸造厂与设计-构建-测试-学习闭环', [{ organisationId: org.university }, { organisationId: org.ent, userEnterprise: true }]],
    [enzyme, org.enzyme, '面向工业酶的自动化菌株构建平台', [{ organisationId: org.pharma }]],
  ] as const) {
    const a = await when('2026-11-15', () => s.applications.create(who, foundry.id as string, application(title, 2000, 36, [...members], lead)));
    await when('2026-11-18', () => s.applications.submit(who, a.id));
  }

  // 4. A draft by the demo department, from the AI enzyme design need.
  const design = await when('2026-11-26', () => s.challenges.create(unit, {
    needId: need('工业酶人工智能从头设计'), maxTeams: 2, durationMonths: 24, deadline, fields: ['蛋白质设计', '人工智能', '工业酶'],
  }));
  ids.push(design.id as string);

  // 5. Cancelled: the genome editing need found its solution elsewhere.
  const editing = await when('2026-06-20', () => s.challenges.create(tf, {
    needId: need('微生物基因组多位点高效编辑'), mode: 'single', fundingWan: 800, durationMonths: 18, deadline: '2026-08-20T01:00:00Z', fields: ['基因编辑', '工业菌株'],
  }));
  ids.push(editing.id as string);
  await when('2026-06-25', () => s.challenges.publish(tf, editing.id as string));
  await when('2026-07-15', () => s.challenges.cancel(tf, editing.id as string, { reasonZh: '需求企业已通过技术许可获得同类工具，经研究取消本榜单' }));

  ids.push(...await outcomes());

  await db.transaction().execute(async (trx) => {
    await trx.updateTable('challenge').set({ isDemo: true }).where('id', 'in', ids).execute();
    await audit(trx, sys, { action: 'challenges.demo.flag', entityType: 'challenge', entityId: 'demo', summary: `标记示例数据：榜单 ${ids.length} 个（Flagged demo challenges）` });
  });
  return records + ids.length;

  /**
   * Three challenges taken further through the review and delivery parts' services: one on public
   * notice now, one awarded with its contract, one completed (parallel funding, both teams
   * accepted). Three demo reviewers (expert accounts linked to expert records) score them.
   */
  async function outcomes(): Promise<string[]> {
    const fields = ['生物基材料', '发酵工程', '分离纯化'];
    const reviewers: Ctx[] = [];
    const expertIds: string[] = [];
    for (const [i, nameZh] of ['周评审', '吴评审', '郑评审'].entries()) {
      const username = `demo.reviewer${i + 1}`;
      // Each reviewer works at one of the universities the talent module seeds (task 18).
      const organisationZh = ['重庆大学', '西南大学', '重庆医科大学'][i];
      const organisationId = (await db.selectFrom('organisation').select('id').where('nameZh', '=', organisationZh).executeTakeFirst())?.id ?? null;
      if (!(await identityStore.userByUsername(db, username)))
        await identity.createUser(sys, { username, displayName: `示例评审专家${nameZh}`, roles: ['expert'], password: DEMO_PASSWORD, organisationId }, { isDemo: true });
      const ctx = await as(username);
      if (!(await db.selectFrom('expert').select('id').where('userId', '=', ctx.principal!.userId).executeTakeFirst())) {
        const e = await when('2025-11-01', () => talent.create(tf, { nameZh, titleZh: '研究员', organisationZh, organisationId, fields, domains: ['biochem'] }));
        await talent.linkAccount(tf, (e as { id: string }).id, { userId: ctx.principal!.userId });
        await db.updateTable('expert').set({ isDemo: true }).where('id', '=', (e as { id: string }).id).execute();
      }
      reviewers.push(ctx);
      expertIds.push((await db.selectFrom('expert').select('id').where('userId', '=', ctx.principal!.userId).executeTakeFirstOrThrow()).id);
    }

    /** Posted, applied for by two consortia, formally checked, reviewed and scored (the first application ahead). */
    async function reviewed(needTitle: string, t: { created: string; deadline: string; review: string; scored: string }, terms: Record<string, unknown>, teams: [Ctx, string, string, { organisationId: string; userEnterprise?: boolean }[]][]) {
      const c = await when(t.created, () => s.challenges.create(tf, { needId: need(needTitle), fields, deadline: `${t.deadline}T01:00:00Z`, reviewersPerApplication: 3, noticeDays: 7, ...terms }));
      await when(t.created, () => s.challenges.publish(tf, c.id as string));
      const apps = [];
      for (const [who, lead, title, members] of teams) {
        const a = await when(t.created, () => s.applications.create(who, c.id as string, application(title, Math.floor(Number(c.fundingWan) / Number(c.maxTeams)), Number(c.durationMonths), members, lead)));
        await when(t.created, () => s.applications.submit(who, a.id));
        apps.push(a);
      }
      await when(t.review, () => s.challenges.startReview(tf, c.id as string));
      for (const a of apps) await when(t.review, () => s.applications.formalCheck(tf, a.id, { decision: 'eligible' }));
      // Assigned one by one rather than automatically: the pool may hold experts without accounts, who could not score here.
      for (const a of apps) for (const e of expertIds) await when(t.review, () => s.reviews.assignOne(tf, a.id, { expertId: e }));
      for (const [i, r] of reviewers.entries()) {
        const { items } = await when(t.scored, () => s.reviewDesk.list(r));
        for (const x of items.filter((y) => y.challengeId === c.id)) {
          const base = x.applicationCode === apps[0].code ? 86 : 74;
          const scores = Object.fromEntries(['innovation', 'feasibility', 'team', 'impact', 'budget'].map((k, j) => [k, base + ((i + j) % 3) * 2]));
          await when(t.scored, () => s.reviewDesk.submit(r, x.id, { scores, commentZh: base > 80 ? '技术路线清晰，团队基础扎实，建议支持。' : '方案可行，但产业化路径与经费测算需进一步细化。' }));
        }
      }
      return { c, apps };
    }

    // Completed: parallel funding of two PHA teams from December 2025, both accepted in September 2026.
    const pha = await reviewed('可降解 PHA 材料低成本合成', { created: '2025-12-15', deadline: '2026-01-31', review: '2026-02-02', scored: '2026-02-10' },
      { mode: 'parallel', maxTeams: 2, fundingWan: 2000, durationMonths: 6 }, [
        [materials, org.materials, '嗜盐菌开放发酵低成本 PHA 生产', [{ organisationId: org.university }]],
        [university, org.university, 'PHA 合成途径重构与下游提取', [{ organisationId: org.food, userEnterprise: true }]],
      ]);
    await when('2026-02-15', () => s.notices.propose(tf, pha.c.id as string, { awardees: pha.apps.map((a) => ({ applicationId: a.id, shareWan: 1000 })) }));
    const phaAwards = (await when('2026-02-25', () => s.notices.confirm(tf, pha.c.id as string))).awards;
    const indicators = await db.selectFrom('challengeIndicator').select(['id', 'targetValue', 'comparator']).where('challengeId', '=', pha.c.id as string).execute();
    for (const [i, a] of phaAwards.entries()) {
      await when('2026-03-01', () => s.milestones.recordContract(tf, a.id, { contractNo: `CQJB-2026-PHA-0${i + 1}`, signedOn: '2026-03-01' }));
      await when('2026-09-10', () => s.acceptance.accept(tf, a.id, {
        heldOn: '2026-09-10', noteZh: '专家组现场验收', results: indicators.map((x) => ({ indicatorId: x.id, achievedValue: x.comparator === '<=' ? x.targetValue * 0.95 : x.targetValue * 1.05, evidenceZh: '第三方检测报告（示例）' })),
      }));
    }

    // Awarded: the 1,3-propanediol challenge, confirmed in August 2026, contract signed.
    const pdo = await reviewed('生物基聚酯单体 1,3-丙二醇', { created: '2026-06-01', deadline: '2026-07-15', review: '2026-07-16', scored: '2026-07-25' },
      { mode: 'single', fundingWan: 2500, durationMonths: 24 }, [
        [ent, org.ent, '1,3-丙二醇高浓度发酵与低能耗分离', [{ organisationId: org.university }]],
        [enzyme, org.enzyme, '甘油歧化酶系改造生产 1,3-丙二醇', [{ organisationId: org.pharma }]],
      ]);
    await when('2026-08-01', () => s.notices.propose(tf, pdo.c.id as string, { awardees: [{ applicationId: pdo.apps[0].id }] }));
    const pdoAward = (await when('2026-08-10', () => s.notices.confirm(tf, pdo.c.id as string))).awards[0];
    await when('2026-08-20', () => s.milestones.recordContract(tf, pdoAward.id, { contractNo: 'CQJB-2026-PDO-01', signedOn: '2026-08-20' }));

    // On public notice now: the pentanediamine challenge, proposed two days ago.
    const pda = await reviewed('生物基尼龙单体戊二胺产业化', { created: '2026-09-01', deadline: '2026-10-15', review: '2026-10-16', scored: '2026-10-25' },
      { mode: 'single', fundingWan: 3000, durationMonths: 24 }, [
        [inst, org.inst, '赖氨酸脱羧酶固定化生产戊二胺', [{ organisationId: org.materials, userEnterprise: true }]],
        [university, org.university, '戊二胺发酵液高效分离纯化', [{ organisationId: org.enzyme }]],
      ]);
    await when(new Date(Date.now() - 2 * 86_400_000), () => s.notices.propose(tf, pda.c.id as string, { awardees: [{ applicationId: pda.apps[0].id }], noteZh: '公示期内如有异议，请通过平台提交' }));
    return [pha.c.id as string, pdo.c.id as string, pda.c.id as string];
  }
}
