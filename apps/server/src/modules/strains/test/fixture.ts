import { systemCtx, type Ctx } from '../../../platform/context/ctx.js';
import type { Role } from '../../../platform/access/model.js';
import type { Client, Harness } from '../../../test/harness.js';
import { nextCode } from '../../../platform/db/codes.js';

/**
 * The strain bank's shared test fixture (records, stock and sequences parts import it).
 *
 * Exports (signatures stay as they are):
 * - `unique(prefix)`: a name no other call has used.
 * - `ctxOf(h, userId)`: a service context for a user, as the access hook makes it.
 * - `strainPeople(h)` → `StrainPeople`: a signed-in client (`as`), a context (`ctx`) and a user id
 *   (`userId`) per role — admin, taskforce, unit, district, enterprise, institute, pilotBase,
 *   curator, expert — plus `officer` (a curator of the bank appointed biosafety officer),
 *   `stranger` (an enterprise user of an organisation with no lab and no strain) and `anonymous`
 *   (client only). Organisations (`org`): taskForce, unit, district, enterprise, institute,
 *   pilotBase, bank (the curators' and the officer's), stranger. Labs (`lab`): `bsl2` (the
 *   enterprise's, BSL-2) and `bsl3` (the institute's, BSL-3), both operating with a certificate
 *   valid for years.
 * - `strainBody(extra)`: a whole, valid deposit body (Bacillus subtilis, hazard class null, BSL-1;
 *   lineage null, so the service fills it from the genus).
 * - `RESTRICTED`: fields that make a strain restricted by the model rule (hazard class 2, BSL-3).
 * - `makeStrain(h, p, extra?, opts?)` → `StrainMade`: a strain deposited by the enterprise (or
 *   `opts.by`), taken to `opts.status` ('accessioned' unless told: received, all three checks
 *   passed, checked, accessioned by the curator).
 * - `makeLab(h, orgId, level, extra?)`: one more lab, operating and certified unless told.
 */

export type StrainCaller = Role | 'officer' | 'stranger';

export interface StrainPeople {
  as: Record<StrainCaller | 'anonymous', Client>;
  ctx: Record<StrainCaller, Ctx>;
  userId: Record<StrainCaller, string>;
  org: { taskForce: string; unit: string; district: string; enterprise: string; institute: string; pilotBase: string; bank: string; stranger: string };
  lab: { bsl2: LabMade; bsl3: LabMade };
}

export interface LabMade { id: string; code: string; organisationId: string; biosafetyLevel: number }

export interface StrainMade {
  id: string; depositNo: string; accession: string | null; status: string; restricted: boolean;
  genus: string; species: string | null; biosafetyLevel: number; hazardClass: number | null; depositorOrganisationId: string | null;
}

let serial = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

export async function ctxOf(h: Harness, userId: string): Promise<Ctx> {
  const u = await h.database.db.selectFrom('appUser').select(['id', 'username', 'displayName', 'organisationId', 'roles']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null }, requestId: `test-${u.username}` };
}

const BISHAN = '500120';
async function makeOrganisation(h: Harness, kind: string, nameZh: string) {
  return (await h.services.identity.createOrganisation(systemCtx('test'), { kind, nameZh: unique(nameZh), districtCode: BISHAN })).id;
}

const inYears = (h: Harness, years: number) => {
  const d = new Date(h.clock.now());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/** One more lab for an organisation: operating, certified from a year ago for five years, unless told. */
export async function makeLab(h: Harness, organisationId: string, biosafetyLevel: number, extra: Record<string, unknown> = {}): Promise<LabMade> {
  const db = h.database.db;
  return db.transaction().execute(async (trx) => trx.insertInto('biosafetyLab').values({
    code: await nextCode(trx, 'biosafety_lab', 'LAB-'), organisationId, nameZh: unique(`P${biosafetyLevel}实验室`), biosafetyLevel,
    certificateNo: `CNAS BL${String(++serial).padStart(4, '0')}`, certifiedOn: inYears(h, -1), certificateExpiresOn: inYears(h, 4),
    ...extra,
  } as never).returning(['id', 'code', 'organisationId', 'biosafetyLevel']).executeTakeFirstOrThrow());
}

/** Everyone the strain-bank tests need; about a dozen sign-ins. */
export async function strainPeople(h: Harness): Promise<StrainPeople> {
  const db = h.database.db;
  const org: StrainPeople['org'] = {
    taskForce: (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id,
    unit: await makeOrganisation(h, 'department', '重庆市科学技术局'),
    district: (await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', BISHAN).executeTakeFirstOrThrow()).id,
    enterprise: await makeOrganisation(h, 'enterprise', '重庆璧山合成生物有限公司'),
    institute: await makeOrganisation(h, 'institute', '重庆微生物研究所'),
    pilotBase: await makeOrganisation(h, 'pilotBase', '璧山中试基地运营公司'),
    bank: await makeOrganisation(h, 'bank', '重庆市生物菌种资源库'),
    stranger: await makeOrganisation(h, 'enterprise', '重庆渝北无关生物有限公司'),
  };
  const who: Record<StrainCaller, { roles: Role[]; org: string | null }> = {
    admin: { roles: ['admin'], org: org.taskForce }, taskforce: { roles: ['taskforce'], org: org.taskForce },
    unit: { roles: ['unit'], org: org.unit }, district: { roles: ['district'], org: org.district },
    enterprise: { roles: ['enterprise'], org: org.enterprise }, institute: { roles: ['institute'], org: org.institute },
    pilotBase: { roles: ['pilotBase'], org: org.pilotBase }, curator: { roles: ['curator'], org: org.bank },
    expert: { roles: ['expert'], org: null }, officer: { roles: ['curator'], org: org.bank },
    stranger: { roles: ['enterprise'], org: org.stranger },
  };
  const as = { anonymous: h.anonymous } as StrainPeople['as'];
  const ctx = {} as StrainPeople['ctx'];
  const userId = {} as StrainPeople['userId'];
  for (const k of Object.keys(who) as StrainCaller[]) {
    const name = unique(`cq-strains-${k}`);
    userId[k] = await h.user(name, who[k].roles, who[k].org);
    as[k] = await h.login(name);
    ctx[k] = await ctxOf(h, userId[k]);
  }
  await db.insertInto('biosafetyOfficer').values({ userId: userId.officer, appointedBy: userId.taskforce, noteZh: '测试任命' }).execute();
  const lab = { bsl2: await makeLab(h, org.enterprise, 2), bsl3: await makeLab(h, org.institute, 3) };
  return { as, ctx, userId, org, lab };
}

/** A whole, valid deposit: every MCL field filled, an unrestricted industrial strain. */
export const strainBody = (extra: Record<string, unknown> = {}) => ({
  organismKind: 'bacterium', genus: 'Bacillus', species: 'subtilis', subspecies: null, strainDesignation: unique('CQ'),
  nameZh: '枯草芽孢杆菌', lineage: null,
  typeStrain: false, otherNumbers: ['ATCC 6051'], depositorNameZh: '张研究员', historyZh: '2024 年分离自重庆璧山土壤',
  depositedOn: '2025-03-01', isolationSourceZh: '土壤', isolationPlaceZh: '重庆市璧山区', isolationLat: 29.59, isolationLon: 106.23,
  isolationCountry: 'CN', isolatedOn: '2024-05-10', mediumZh: 'LB 培养基', growthTemperatureC: 37, atmosphere: 'aerobic',
  applicationsZh: ['蛋白酶生产'], products: ['蛋白酶'], enzymes: ['碱性蛋白酶'], tolerances: ['耐热'], keyGenes: ['aprE'],
  literature: [{ citation: 'Zhang S. et al. 2024. Protease producing Bacillus. J Ind Microbiol.', doi: '10.1000/example' }],
  hazardClass: null, biosafetyLevel: 1, gmo: false, exportControl: false, nagoyaAbs: false, restrictionNoteZh: null,
  ...extra,
});

/** Fields that make a strain restricted by the model rule: a class-2 pathogen needing BSL-3. */
export const RESTRICTED = { organismKind: 'bacterium', genus: 'Brucella', species: 'melitensis', nameZh: '羊种布鲁氏菌', hazardClass: 2, biosafetyLevel: 3 };

export type StrainStage = 'submitted' | 'received' | 'checked' | 'accessioned';

/**
 * A strain deposited by the enterprise user (or `opts.by`), then taken by the curator through
 * receipt, the three checks, `checked` and accession, up to `opts.status` ('accessioned' unless told).
 */
export async function makeStrain(h: Harness, p: StrainPeople, extra: Record<string, unknown> = {}, opts: { status?: StrainStage; by?: Ctx } = {}): Promise<StrainMade> {
  const s = h.services.strains;
  const curator = p.ctx.curator;
  const target = opts.status ?? 'accessioned';
  let made = await s.deposits.submit(opts.by ?? p.ctx.enterprise, strainBody(extra) as never);
  const steps: StrainStage[] = ['submitted', 'received', 'checked', 'accessioned'];
  const reach = (stage: StrainStage) => steps.indexOf(target) >= steps.indexOf(stage);
  if (reach('received')) made = await s.deposits.receive(curator, made.id, { receivedOn: '2025-03-05', receivedConditionZh: '完好', receivedMaterialZh: '冻干管 2 支' });
  if (reach('checked')) {
    for (const kind of ['purity', 'viability', 'identity'] as const) {
      await s.deposits.recordCheck(curator, made.id, { kind, passed: true, methodZh: '平板划线 / 16S rRNA 测序', resultZh: '合格', testedOn: '2025-03-10' });
    }
    made = await s.deposits.markChecked(curator, made.id);
  }
  if (reach('accessioned')) made = await s.deposits.accession(curator, made.id);
  return made as unknown as StrainMade;
}
