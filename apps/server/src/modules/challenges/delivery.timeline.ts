import { extendTimeline } from './challenges.timeline.js';

/**
 * What delivery knows of a challenge's timeline: the milestones (the last one's due day, how
 * many passed) and acceptance (the last acceptance held, once every award is settled).
 */
export function registerDeliveryTimeline() {
  extendTimeline('delivery', async (db, c) => {
    const awards = await db.selectFrom('award').select(['id', 'status']).where('challengeId', '=', c.id).execute();
    if (!awards.length) return {};
    const ids = awards.map((a) => a.id);
    const milestones = await db.selectFrom('awardMilestone').select(['dueOn', 'status', 'passedOn']).where('awardId', 'in', ids).execute();
    const accepted = await db.selectFrom('awardAcceptance').select('heldOn').where('awardId', 'in', ids).orderBy('heldOn', 'desc').execute();
    const running = awards.filter((a) => a.status === 'active').length;
    const passed = milestones.filter((m) => m.status === 'passed');
    const lastDue = milestones.map((m) => m.dueOn).sort().at(-1) ?? null;
    const lastPassed = passed.map((m) => m.passedOn!).sort().at(-1) ?? null;
    const milestonesDone = milestones.length > 0 && (passed.length === milestones.length || running === 0);
    return {
      ...(milestones.length ? {
        milestones: {
          on: milestonesDone ? lastPassed ?? lastDue : lastDue, planned: !milestonesDone, done: milestonesDone,
          noteZh: `已通过 ${passed.length} / ${milestones.length} 个节点`,
        },
      } : {}),
      ...(accepted.length ? {
        acceptance: {
          ...(running ? {} : { on: accepted[0].heldOn }), planned: running > 0, done: running === 0,
          noteZh: `已验收 ${accepted.length} / ${awards.length} 个立项`,
        },
      } : {}),
    };
  });
}
