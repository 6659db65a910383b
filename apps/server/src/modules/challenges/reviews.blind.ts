import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { anonymousOrganisation, anonymousPerson, organisationNameForms, scrub, type Replacement } from './model/reviews.js';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * An application as its reviewer reads it. Where the challenge is blind (双盲), no applicant is
 * named: the lead is 申报单位 A and the members B, C …; people are 成员 1, 2 … with their role
 * and their organisation's label; every form of every name in the free text (title, plan,
 * milestones, budget lines, roles) is replaced by its label; no organisation, person, expert
 * or user id is given, since an id opens the public pages that name it.
 */
export async function reviewerApplicationView(q: Q, applicationId: string, blind: boolean) {
  const a = await q.selectFrom('application').select(['id', 'code', 'titleZh', 'planZh', 'budgetWan', 'currentTrl', 'targetTrl', 'submittedAt', 'leadOrganisationId'])
    .where('id', '=', applicationId).executeTakeFirstOrThrow();
  const [members, people, milestones, budget] = await Promise.all([
    q.selectFrom('applicationMember as m').innerJoin('organisation as o', 'o.id', 'm.organisationId')
      .select(['m.organisationId', 'm.userEnterprise', 'm.roleZh', 'o.nameZh', 'o.nameEn', 'o.kind']).where('m.applicationId', '=', a.id).orderBy('m.organisationId').execute(),
    q.selectFrom('applicationPerson as p').leftJoin('organisation as o', 'o.id', 'p.organisationId')
      .select(['p.nameZh', 'p.organisationId', 'p.expertId', 'p.roleZh', 'p.position', 'o.nameZh as organisationNameZh', 'o.nameEn as organisationNameEn'])
      .where('p.applicationId', '=', a.id).orderBy('p.position').orderBy('p.id').execute(),
    q.selectFrom('applicationMilestone').select(['position', 'titleZh', 'month', 'deliverableZh']).where('applicationId', '=', a.id).orderBy('position').execute(),
    q.selectFrom('applicationBudgetLine').select(['position', 'itemZh', 'amountWan']).where('applicationId', '=', a.id).orderBy('position').execute(),
  ]);
  const lead = await q.selectFrom('organisation').select(['id', 'nameZh', 'nameEn', 'kind']).where('id', '=', a.leadOrganisationId).executeTakeFirstOrThrow();
  const app = { code: a.code, budgetWan: a.budgetWan, currentTrl: a.currentTrl, targetTrl: a.targetTrl, submittedAt: a.submittedAt };

  if (!blind) {
    return {
      blind: false, ...app, id: a.id, titleZh: a.titleZh, planZh: a.planZh,
      lead: { organisationId: lead.id, nameZh: lead.nameZh, kind: lead.kind },
      members: members.map((m) => ({ organisationId: m.organisationId, nameZh: m.nameZh, kind: m.kind, userEnterprise: m.userEnterprise, roleZh: m.roleZh })),
      people: people.map((p) => ({ nameZh: p.nameZh, organisationNameZh: p.organisationNameZh, roleZh: p.roleZh, expertId: p.expertId })),
      milestones, budgetLines: budget,
    };
  }

  const labels = new Map<string, { zh: string; en: string }>([[lead.id, anonymousOrganisation(0)]]);
  members.forEach((m, i) => labels.set(m.organisationId, anonymousOrganisation(i + 1)));
  const other = { zh: '其他单位', en: 'Another organisation' };
  const replacements: Replacement[] = [];
  const orgNames = (id: string | null, nameZh: string | null, nameEn: string | null) => {
    const label = (id && labels.get(id)) || other;
    for (const find of nameZh ? organisationNameForms(nameZh) : []) replacements.push({ find, label: label.zh });
    if (nameEn) replacements.push({ find: nameEn, label: label.zh });
  };
  orgNames(lead.id, lead.nameZh, lead.nameEn);
  for (const m of members) orgNames(m.organisationId, m.nameZh, m.nameEn);
  for (const p of people) orgNames(p.organisationId, p.organisationNameZh, p.organisationNameEn);
  people.forEach((p, i) => replacements.push({ find: p.nameZh, label: anonymousPerson(i).zh }));
  const s = (t: string | null) => scrub(t, replacements);

  return {
    blind: true, ...app, titleZh: s(a.titleZh), planZh: s(a.planZh),
    lead: { label: labels.get(lead.id), kind: lead.kind },
    members: members.map((m) => ({ label: labels.get(m.organisationId), kind: m.kind, userEnterprise: m.userEnterprise, roleZh: s(m.roleZh) })),
    people: people.map((p, i) => ({ label: anonymousPerson(i), organisation: (p.organisationId && labels.get(p.organisationId)) || other, roleZh: s(p.roleZh) })),
    milestones: milestones.map((m) => ({ ...m, titleZh: s(m.titleZh), deliverableZh: s(m.deliverableZh) })),
    budgetLines: budget.map((b) => ({ ...b, itemZh: s(b.itemZh) })),
  };
}
