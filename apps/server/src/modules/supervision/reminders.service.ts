import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { addDays, daysBetween, todayIn } from './model/dates.js';
import { reminderFor, type ReminderWhen } from './model/deadlines.js';
import { notify, type NotificationsService } from './notifications.js';
import { readSettings } from './settings.js';

const WORDS: Record<ReminderWhen, (d: string, n: number) => { zh: string; en: string }> = {
  before: (d, n) => ({ zh: `${n} 天后（${d}）截止`, en: `due in ${n} days (${d})` }),
  on: (d) => ({ zh: `今天（${d}）截止`, en: `due today (${d})` }),
  after: (d, n) => ({ zh: `已于 ${d} 截止，逾期 ${n} 天`, en: `was due on ${d}, ${n} days overdue` }),
};

/**
 * The reminder pass: notifies owners a configurable number of days before a deadline, on
 * the day and after it. Safe to run as often as wanted: each reminder is made once.
 * (Reminders on returns are sent by the return itself.)
 */
export function remindersService(database: Database, deps: { notifications: NotificationsService; now: () => Date }) {
  const { db } = database;
  return {
    async run(ctx: Ctx) {
      const settings = await readSettings(db);
      const today = todayIn(deps.now());
      const horizon = addDays(today, settings.reminderDaysBefore);
      const made = await db.transaction().execute(async (trx) => {
        let n = 0;
        const wps = await trx.selectFrom('workPoint').select(['id', 'code', 'titleZh', 'ownerOrganisationId', 'nextReportDeadline', 'dueOn'])
          .where('closedAt', 'is', null)
          .where((eb) => eb.or([eb('nextReportDeadline', '<=', horizon), eb('dueOn', '<=', horizon)])).execute();
        for (const w of wps) {
          if (w.nextReportDeadline) {
            const when = reminderFor(w.nextReportDeadline, today, settings.reminderDaysBefore);
            const words = when && WORDS[when](w.nextReportDeadline, Math.abs(daysBetween(today, w.nextReportDeadline)));
            if (when && words && await notify(trx, {
              organisationId: w.ownerOrganisationId, kind: `reportDue.${when}`, dueOn: w.nextReportDeadline, link: `/supervision/work-points/${w.id}`,
              titleZh: `${w.code}「${w.titleZh}」进展报告${words.zh}`, titleEn: `Progress report on ${w.code} ${words.en}`,
              dedupeKey: `reportDue:${when}:${w.id}:${w.nextReportDeadline}`,
            })) n++;
          }
          const when = reminderFor(w.dueOn, today, settings.reminderDaysBefore);
          const words = when && WORDS[when](w.dueOn, Math.abs(daysBetween(today, w.dueOn)));
          if (when && words && await notify(trx, {
            organisationId: w.ownerOrganisationId, kind: `workPointDue.${when}`, dueOn: w.dueOn, link: `/supervision/work-points/${w.id}`,
            titleZh: `工作要点 ${w.code}「${w.titleZh}」${words.zh}`, titleEn: `Work point ${w.code} ${words.en}`,
            dedupeKey: `workPointDue:${when}:${w.id}:${w.dueOn}`,
          })) n++;
        }
        const recs = await trx.selectFrom('rectification').select(['id', 'inspectionId', 'descriptionZh', 'ownerOrganisationId', 'dueOn'])
          .where('status', '=', 'open').where('dueOn', '<=', horizon).execute();
        for (const r of recs) {
          const when = reminderFor(r.dueOn, today, settings.reminderDaysBefore)!;
          const words = WORDS[when](r.dueOn, Math.abs(daysBetween(today, r.dueOn)));
          if (await notify(trx, {
            organisationId: r.ownerOrganisationId, kind: `rectificationDue.${when}`, dueOn: r.dueOn, link: `/supervision/inspections/${r.inspectionId}`,
            titleZh: `整改事项「${r.descriptionZh}」${words.zh}`, titleEn: `Rectification ${words.en}`, dedupeKey: `rectificationDue:${when}:${r.id}:${r.dueOn}`,
          })) n++;
        }
        if (n) await audit(trx, ctx, { action: 'reminder.run', entityType: 'notification', entityId: '*', summary: `发出提醒 ${n} 条（Sent ${n} reminders）`, after: { today, reminderDaysBefore: settings.reminderDaysBefore } });
        return n;
      });
      const mail = await deps.notifications.dispatchMail();
      return { asOf: today, reminders: made, mail };
    },
  };
}

export type RemindersService = ReturnType<typeof remindersService>;
