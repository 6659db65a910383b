import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { addMonths, todayIn } from '../../platform/dates.js';
import type { ChallengeTable } from './schema.js';

/**
 * A challenge's timeline (the challenge page): each step with its date, or its planned date
 * while it is ahead. The core part knows publishing, the deadline, the formal check and the
 * awards; the review and delivery parts know the rest better, and add a source with
 * `extendTimeline` whose steps replace the core's guesses by key.
 */

export const TIMELINE_STEPS = {
  published: { zh: '发布', en: 'Published' },
  deadline: { zh: '申报截止', en: 'Deadline' },
  formalCheck: { zh: '形式审查', en: 'Formal check' },
  review: { zh: '专家评审', en: 'Expert review' },
  notice: { zh: '公示', en: 'Public notice' },
  award: { zh: '立项', en: 'Award' },
  milestones: { zh: '里程碑', en: 'Milestones' },
  acceptance: { zh: '验收', en: 'Acceptance' },
} as const;
export type TimelineKey = keyof typeof TIMELINE_STEPS;

export interface TimelineStep {
  key: TimelineKey;
  zh: string;
  en: string;
  /** The day (Chongqing) it happened, or is planned for; null when nobody can say yet. */
  on: string | null;
  /** The instant, when the step is one moment (publishing, the deadline). */
  at: Date | null;
  /** `on` is a plan, not a record. */
  planned: boolean;
  done: boolean;
  noteZh: string | null;
}

export type ChallengeRow = Selectable<ChallengeTable>;
/** What a part knows of some steps, by key; only the fields it sets replace the core's. */
export type TimelineSource = (db: Kysely<DB>, c: ChallengeRow, now: Date) => Promise<Partial<Record<TimelineKey, Partial<Omit<TimelineStep, 'key' | 'zh' | 'en'>>>>>;

const sources = new Map<string, TimelineSource>();

/** A part adds what it knows (once, by name: registering again replaces it). */
export function extendTimeline(name: string, source: TimelineSource) {
  sources.set(name, source);
}

const step = (key: TimelineKey, s: Partial<TimelineStep>): TimelineStep =>
  ({ key, ...TIMELINE_STEPS[key], on: null, at: null, planned: false, done: false, noteZh: null, ...s });

const PAST_REVIEW = ['notice', 'awarded', 'completed'];

/** The core part's own knowledge of the steps. */
async function coreSteps(db: Kysely<DB>, c: ChallengeRow, now: Date): Promise<TimelineStep[]> {
  const apps = await db.selectFrom('application').select(['status', 'formalCheckedAt']).where('challengeId', '=', c.id).execute();
  const awards = await db.selectFrom('award as a').innerJoin('application as p', 'p.id', 'a.applicationId')
    .select(['a.awardedAt', 'p.id as applicationId']).where('a.challengeId', '=', c.id).orderBy('a.awardedAt').execute();
  const deadlineOn = todayIn(c.deadline);
  const pendingCheck = apps.filter((a) => a.status === 'submitted').length;
  const checkedAt = apps.map((a) => a.formalCheckedAt).filter((x): x is Date => !!x).sort((a, b) => a.getTime() - b.getTime()).at(-1) ?? null;
  const checkDone = (c.status === 'review' && !!c.reviewStartedAt && pendingCheck === 0) || PAST_REVIEW.includes(c.status);
  const awardedOn = awards[0] ? todayIn(awards[0].awardedAt) : null;
  const startOn = awardedOn ?? deadlineOn;
  const milestones = awards.length
    ? await db.selectFrom('applicationMilestone').select(['month']).where('applicationId', 'in', awards.map((a) => a.applicationId)).execute()
    : [];
  const lastMonth = milestones.reduce((m, x) => Math.max(m, x.month), 0);
  return [
    step('published', { at: c.publishedAt, on: c.publishedAt ? todayIn(c.publishedAt) : null, done: !!c.publishedAt }),
    step('deadline', { at: c.deadline, on: deadlineOn, planned: now < c.deadline, done: now >= c.deadline }),
    step('formalCheck', {
      on: checkDone && checkedAt ? todayIn(checkedAt) : c.reviewStartedAt ? todayIn(c.reviewStartedAt) : deadlineOn,
      planned: !checkDone, done: checkDone, noteZh: c.status === 'review' && pendingCheck ? `待审查 ${pendingCheck} 份` : null,
    }),
    step('review', { planned: !PAST_REVIEW.includes(c.status), done: PAST_REVIEW.includes(c.status) }),
    step('notice', { planned: !awardedOn, done: !!awardedOn }),
    step('award', { on: awardedOn, planned: !awardedOn, done: !!awardedOn }),
    step('milestones', {
      on: lastMonth ? addMonths(startOn, lastMonth) : null, planned: c.status !== 'completed', done: c.status === 'completed',
      noteZh: milestones.length ? `共 ${milestones.length} 个里程碑（计划）` : null,
    }),
    step('acceptance', { on: addMonths(startOn, c.durationMonths), planned: c.status !== 'completed', done: c.status === 'completed' }),
  ];
}

/** The timeline of a challenge as the core part and every registered source know it. */
export async function timelineOf(db: Kysely<DB>, c: ChallengeRow, now: Date): Promise<TimelineStep[]> {
  const steps = await coreSteps(db, c, now);
  for (const source of sources.values()) {
    const known = await source(db, c, now);
    for (const s of steps) Object.assign(s, known[s.key] ?? {});
  }
  return steps;
}
