import { sql } from 'kysely';
import { todayIn } from '../../platform/dates.js';
import { extendTimeline } from './challenges.timeline.js';

const PAST_REVIEW = ['notice', 'awarded', 'completed'];

/**
 * What review knows of a challenge's timeline: the expert review (from the first assignment; how
 * many scores are in), the notice (its period, planned end while it runs) and the award's
 * confirmation.
 */
export function extendReviewTimeline() {
  extendTimeline('review', async (db, c) => {
    const r = await db.selectFrom('reviewAssignment')
      .select([sql<Date | null>`min(assigned_at)`.as('first'), sql<number>`count(*) filter (where status in ('assigned', 'submitted'))::int`.as('live'), sql<number>`count(*) filter (where status = 'submitted')::int`.as('done')])
      .where('challengeId', '=', c.id).executeTakeFirstOrThrow();
    const n = await db.selectFrom('challengeNotice').select(['status', 'startsAt', 'endsAt', 'confirmedAt']).where('challengeId', '=', c.id)
      .where('status', 'in', ['running', 'confirmed']).orderBy('round', 'desc').executeTakeFirst();
    const reviewDone = PAST_REVIEW.includes(c.status);
    return {
      ...(r.first ? { review: { on: todayIn(new Date(r.first)), planned: !reviewDone, done: reviewDone, noteZh: `已提交评分 ${r.done} / ${r.live}` } } : {}),
      ...(n ? {
        notice: {
          at: n.startsAt, on: todayIn(n.status === 'running' ? n.endsAt : n.startsAt), planned: n.status === 'running', done: n.status === 'confirmed',
          noteZh: `公示期 ${todayIn(n.startsAt)} 至 ${todayIn(n.endsAt)}`,
        },
      } : {}),
    };
  });
}
