import type { Harness, Client } from '../../../test/harness.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { ctxOf, unique } from '../../challenges/test/fixture.js';
import { makeExpert, type ExpertMade } from '../../challenges/test/fixture.review.js';
import { aspectsFor } from '../model/findings.js';
import type { SubjectKind } from '../model/labels.js';

/**
 * The safety tests' world: an applicant enterprise (two users), another enterprise, an
 * institute, a university where experts work; the body (task force, a unit), a district; and
 * the steps that take an evaluation to a state through the API. Experts are the challenge
 * tests' (talent's table written as plain rows).
 */
export const BISHAN = '500120';
export type Who = 'taskforce' | 'unit' | 'district' | 'ent' | 'colleague' | 'other' | 'inst' | 'curator' | 'anonymous';
export interface World {
  h: Harness;
  org: { ent: string; other: string; inst: string; uni: string };
  as: Record<Who, Client>;
  ctx: { ent: Ctx; inst: Ctx };
}

const FIELDS = ['生物安全', '合成生物学'];

export async function makeWorld(h: Harness, tag: string): Promise<World> {
  const mk = async (kind: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind, nameZh: unique(`${nameZh}（${tag}）`), districtCode: BISHAN })).id;
  const org = { ent: await mk('enterprise', '重庆示范合成生物公司'), other: await mk('enterprise', '重庆另一生物公司'), inst: await mk('institute', '重庆生物安全研究院'), uni: await mk('university', '重庆某大学') };
  const people: [Who, string, string | null][] = [
    ['taskforce', 'taskforce', null], ['unit', 'unit', null], ['district', 'district', null], ['ent', 'enterprise', org.ent], ['colleague', 'enterprise', org.ent],
    ['other', 'enterprise', org.other], ['inst', 'institute', org.inst], ['curator', 'curator', null],
  ];
  const as = { anonymous: h.anonymous } as World['as'];
  const ids = {} as Record<Who, string>;
  for (const [who, role, orgId] of people) {
    const name = unique(`safety-${tag}-${who}`);
    ids[who] = await h.user(name, [role as never], orgId);
    as[who] = await h.login(name);
  }
  return { h, org, as, ctx: { ent: await ctxOf(h, ids.ent), inst: await ctxOf(h, ids.inst) } };
}

/** An expert in the field with an account, at the university unless told otherwise. */
export const expert = (w: World, o: { organisationId?: string | null; fields?: string[]; nameZh?: string } = {}): Promise<ExpertMade & { client: Client }> =>
  makeExpert(w.h, { organisationId: o.organisationId === undefined ? w.org.uni : o.organisationId, fields: o.fields ?? FIELDS, nameZh: o.nameZh, login: true }) as Promise<ExpertMade & { client: Client }>;

/** A dossier file uploaded by the applicant. */
export async function dossier(w: World, ctx: Ctx = w.ctx.ent, name = '申报书.pdf') {
  return (await w.h.services.files.upload(ctx, { name, mime: 'application/pdf', content: Buffer.from(`%PDF-1.4 ${name} ${unique('f')}`) })).id;
}

export const applicationBody = (extra: Record<string, unknown> = {}) => ({
  subjectKind: 'coreStrain', titleZh: unique('高产丁二酸谷氨酸棒杆菌工程菌'), descriptionZh: '敲除 3 个基因、过表达 2 个基因的工程菌，用于丁二酸发酵。',
  fields: FIELDS, contactNameZh: '张工', contactPhone: '023-6000 1234', contactEmail: 'zhang@example.cn', ...extra,
});

export async function ok<T = any>(res: { statusCode: number; body: string; json(): any }, expected: number, what: string): Promise<T> {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json();
}

const base = '/api/safety/evaluations';

/** Every aspect of the subject assessed acceptable, recommending safe. */
export const findingsFor = (kind: SubjectKind, rec: 'safe' | 'safeWithConditions' | 'notSafe' = 'safe') => ({
  findings: aspectsFor(kind).map((aspect) => ({ aspect, assessment: rec === 'notSafe' && aspect === 'pathogenicityToxicity' ? 'unacceptable' : rec === 'safeWithConditions' && aspect === 'environmentalRelease' ? 'controllable' : 'acceptable', noteZh: rec === 'safe' ? null : '依据检测报告' })),
  recommendation: rec, conditionsZh: rec === 'safeWithConditions' ? '限于密闭发酵' : null, summaryZh: '综合意见',
});

/**
 * An evaluation taken through the API to a state: drafted by the applicant (with its dossier
 * unless a draft), submitted, accepted, given reviewers (under review), each reviewer's findings
 * submitted, concluded. Returns its id and the reviewers.
 */
export async function evaluationIn(w: World, state: 'draft' | 'submitted' | 'accepted' | 'review' | 'reviewed' | 'concluded', o: { extra?: Record<string, unknown>; reviewers?: (ExpertMade & { client: Client })[]; conclusion?: 'safe' | 'safeWithConditions' | 'notSafe'; by?: Client; ctx?: Ctx } = {}) {
  const by = o.by ?? w.as.ent;
  const fileIds = [await dossier(w, o.ctx ?? w.ctx.ent)];
  const e = await ok(await by.post(base, applicationBody({ fileIds, ...o.extra })), 201, 'draft');
  const reviewers = o.reviewers ?? [];
  if (state === 'draft') return { id: e.id as string, code: e.code as string, reviewers };
  await ok(await by.post(`${base}/${e.id}/submit`, {}), 200, 'submit');
  if (state === 'submitted') return { id: e.id as string, code: e.code as string, reviewers };
  await ok(await w.as.taskforce.post(`${base}/${e.id}/accept`, {}), 200, 'accept');
  if (state === 'accepted') return { id: e.id as string, code: e.code as string, reviewers };
  if (!reviewers.length) reviewers.push(await expert(w));
  const assigned = await ok(await w.as.taskforce.post(`${base}/${e.id}/reviewers`, { expertIds: reviewers.map((r) => r.id) }), 200, 'assign');
  if (state === 'review') return { id: e.id as string, code: e.code as string, reviewers };
  const kind = (o.extra?.subjectKind ?? 'coreStrain') as SubjectKind;
  for (const r of assigned.reviews as { id: string; expertId: string }[]) {
    const client = reviewers.find((x) => x.id === r.expertId)!.client;
    await ok(await client.post(`/api/safety/reviews/${r.id}/submit`, findingsFor(kind, o.conclusion === 'notSafe' ? 'notSafe' : 'safe')), 200, 'review');
  }
  if (state === 'reviewed') return { id: e.id as string, code: e.code as string, reviewers };
  const conclusion = o.conclusion ?? 'safe';
  await ok(await w.as.taskforce.post(`${base}/${e.id}/conclude`, { conclusion, findingsZh: '评价意见', conditionsZh: conclusion === 'safeWithConditions' ? '限于密闭发酵' : null }), 200, 'conclude');
  return { id: e.id as string, code: e.code as string, reviewers };
}
