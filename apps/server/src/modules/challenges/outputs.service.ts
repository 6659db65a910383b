import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { isIsoDate, todayIn } from '../../platform/dates.js';
import { tokensOf } from '../../platform/search/segmenter.js';
import { firstStatus, type IpKind } from '../ip/model/labels.js';
import type { ChallengeDeps } from './index.js';
import { awardForLead, readableAward, requiredText, throwIfAny, type AwardRow } from './delivery.awards.js';
import { isIpKind, isOutputKind } from './model/delivery.js';
import { OUTPUT_KINDS } from './model/labels.js';
import { challengeViewerOf } from './viewer.js';

export interface OutputInput {
  kind: string;
  titleZh: string;
  /** The number (patent, standard, registration, variety) or DOI. */
  ref?: string | null;
  outputOn?: string | null;
  /** An IP right already in the register; without it, an IP kind's right is found or made from the ref. */
  ipRightId?: string | null;
  platformId?: string | null;
}

const outputNotFound = () => notFound('成果不存在', 'Output not found');

/**
 * Outputs (成果产出) of an award, recorded by the team's lead organisation or the organisers:
 * products, papers, and the IP kinds — patents, standards, software copyrights, plant
 * varieties — which are rights in the IP register, found by their number or added to it with
 * the team's lead as holder, and linked to the award and its challenge there. An output may name
 * the innovation platform that produced it (the innovation module counts results per platform).
 */
export function outputsService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  async function problemsOf(input: OutputInput) {
    const problems: (ErrorDetail | null)[] = [
      isOutputKind(input.kind) ? null : { path: '/kind', message: `成果类型应为 ${Object.keys(OUTPUT_KINDS).join('、')} 之一（unknown kind）` },
      requiredText('/titleZh', input.titleZh, '成果名称', 'the title'),
    ];
    if (input.outputOn != null && (!isIsoDate(input.outputOn) || input.outputOn > todayIn(d.now())))
      problems.push({ path: '/outputOn', message: '应为不晚于今天的 YYYY-MM-DD 日期（a YYYY-MM-DD date, not after today）' });
    let right: { id: string; kind: string; number: string } | undefined;
    if (input.ipRightId) {
      right = await db.selectFrom('ipRight').select(['id', 'kind', 'number']).where('id', '=', input.ipRightId).executeTakeFirst();
      if (!isIpKind(input.kind)) problems.push({ path: '/ipRightId', message: '仅专利、标准、软件著作权、植物新品种关联知识产权（only IP kinds link to an IP right）' });
      else if (!right) problems.push({ path: '/ipRightId', message: '知识产权不存在（no such IP right）' });
      else if (right.kind !== input.kind) problems.push({ path: '/ipRightId', message: '知识产权类型与成果类型不一致（the right is of another kind）' });
    } else if (isIpKind(input.kind) && !input.ref?.trim()) {
      problems.push({ path: '/ref', message: '专利、标准、软件著作权、植物新品种须填写编号或关联已登记的知识产权（give the number, or link a registered right）' });
    }
    if (input.platformId && !(await db.selectFrom('innovationPlatform').select('id').where('id', '=', input.platformId).executeTakeFirst()))
      problems.push({ path: '/platformId', message: '创新平台不存在（no such innovation platform）' });
    throwIfAny(problems);
    return right;
  }

  /** The right an IP output stands for: the named one, the one with its number, or a new one held by the team's lead. */
  async function rightFor(trx: Transaction<DB>, ctx: Ctx, a: AwardRow, input: OutputInput, named: { id: string } | undefined) {
    if (named) return { id: named.id, created: false };
    const kind = input.kind as IpKind;
    const number = input.ref!.trim();
    const found = await trx.selectFrom('ipRight').select('id').where('kind', '=', kind).where('number', '=', number).executeTakeFirst();
    if (found) return { id: found.id, created: false };
    const titleZh = input.titleZh.trim();
    const made = await trx.insertInto('ipRight').values({
      kind, number, titleZh, status: firstStatus(kind), tokens: tokensOf(titleZh, number), createdBy: ctx.principal?.userId ?? null, createdAt: d.now(), updatedAt: d.now(),
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('ipHolder').values({ ipRightId: made.id, organisationId: a.leadOrganisationId, position: 1 }).execute();
    await audit(trx, ctx, {
      action: 'ip.right.create', entityType: 'ipRight', entityId: made.id, summary: `由揭榜立项 ${a.code} 的成果登记${OUTPUT_KINDS[kind].zh} ${number}（Registered from a challenge output）`,
      after: { kind, number, titleZh, holders: [a.leadOrganisationId], fromAward: a.id },
    });
    return { id: made.id, created: true };
  }

  return {
    async record(ctx: Ctx, awardId: string, input: OutputInput) {
      const v = await challengeViewerOf(db, ctx);
      const { award: a } = await awardForLead(db, v, awardId, true);
      const named = await problemsOf(input);
      const ipKind = isIpKind(input.kind);
      return db.transaction().execute(async (trx) => {
        const right = ipKind ? await rightFor(trx, ctx, a, input, named) : null;
        if (right) {
          const dup = await trx.selectFrom('challengeOutput').select('titleZh').where('awardId', '=', a.id).where('ipRightId', '=', right.id).executeTakeFirst();
          if (dup) throw conflict(`该知识产权已登记为本立项的成果「${dup.titleZh}」`, 'This IP right is already an output of the award', [{ path: input.ipRightId ? '/ipRightId' : '/ref', message: dup.titleZh }]);
          for (const [targetKind, targetId] of [['award', a.id], ['challenge', a.challengeId]] as const)
            await trx.insertInto('ipLink').values({ ipRightId: right.id, targetKind, targetId, createdBy: v.userId, createdAt: d.now() }).onConflict((oc) => oc.doNothing()).execute();
        }
        const row = await trx.insertInto('challengeOutput').values({
          awardId: a.id, challengeId: a.challengeId, kind: input.kind, titleZh: input.titleZh.trim(), ref: input.ref?.trim() || (named?.number ?? null), outputOn: input.outputOn ?? null,
          ipRightId: right?.id ?? null, platformId: input.platformId ?? null, recordedBy: v.userId, createdAt: d.now(), updatedAt: d.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, {
          action: 'challenges.output.record', entityType: 'challengeOutput', entityId: row.id,
          summary: `立项 ${a.code} 登记成果：${OUTPUT_KINDS[input.kind as keyof typeof OUTPUT_KINDS].zh}「${row.titleZh}」${row.ref ? ` ${row.ref}` : ''}（Recorded an output）`,
          after: { ...row, ipRightCreated: right?.created ?? false },
        });
        return { ...row, ipRightCreated: right?.created ?? false };
      });
    },

    /** The recorder's side takes back an output recorded by mistake; the IP right stays in the register, unlinked from the award. */
    async remove(ctx: Ctx, outputId: string) {
      const v = await challengeViewerOf(db, ctx);
      const o = await db.selectFrom('challengeOutput').selectAll().where('id', '=', outputId).executeTakeFirst();
      if (!o) throw outputNotFound();
      const { award: a } = await awardForLead(db, v, o.awardId, true).catch((e) => { throw e.status === 404 ? outputNotFound() : e; });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('challengeOutput').where('id', '=', o.id).execute();
        if (o.ipRightId) {
          const still = await trx.selectFrom('challengeOutput').select('id').where('awardId', '=', a.id).where('ipRightId', '=', o.ipRightId).executeTakeFirst();
          if (!still) await trx.deleteFrom('ipLink').where('ipRightId', '=', o.ipRightId).where('targetKind', '=', 'award').where('targetId', '=', a.id).execute();
          const inChallenge = await trx.selectFrom('challengeOutput').select('id').where('challengeId', '=', a.challengeId).where('ipRightId', '=', o.ipRightId).executeTakeFirst();
          if (!inChallenge) await trx.deleteFrom('ipLink').where('ipRightId', '=', o.ipRightId).where('targetKind', '=', 'challenge').where('targetId', '=', a.challengeId).execute();
        }
        await audit(trx, ctx, { action: 'challenges.output.remove', entityType: 'challengeOutput', entityId: o.id, summary: `立项 ${a.code} 删除成果「${o.titleZh}」（Removed an output）`, before: o });
      });
      return { id: o.id, removed: true };
    },

    /** An award's outputs, for whoever may read the award. */
    async ofAward(ctx: Ctx, awardId: string) {
      const v = await challengeViewerOf(db, ctx);
      await readableAward(db, v, awardId);
      return outputRows(db, [awardId]);
    },
  };
}

/** Outputs of these awards, with their kind's names, the right's status and the platform's name. */
export async function outputRows(q: Database['db'], awardIds: string[]) {
  if (!awardIds.length) return [];
  const rows = await q.selectFrom('challengeOutput as x')
    .leftJoin('ipRight as r', 'r.id', 'x.ipRightId')
    .leftJoin('innovationPlatform as f', 'f.id', 'x.platformId')
    .select(['x.id', 'x.awardId', 'x.challengeId', 'x.kind', 'x.titleZh', 'x.ref', 'x.outputOn', 'x.ipRightId', 'x.platformId', 'x.createdAt', 'r.status as ipStatus', 'f.nameZh as platformNameZh'])
    .where('x.awardId', 'in', awardIds).orderBy('x.outputOn', 'desc').orderBy('x.createdAt', 'desc').execute();
  return rows.map((r) => ({ ...r, kindZh: OUTPUT_KINDS[r.kind as keyof typeof OUTPUT_KINDS]?.zh ?? r.kind, kindEn: OUTPUT_KINDS[r.kind as keyof typeof OUTPUT_KINDS]?.en ?? r.kind }));
}

export type OutputsService = ReturnType<typeof outputsService>;
