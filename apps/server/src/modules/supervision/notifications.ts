import { sql, type Kysely, type Transaction } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { notFound, unauthorized } from '../../platform/http/errors.js';

/**
 * In-app notifications, addressed to an organisation (everyone in it sees them) or a user,
 * and the e-mail that goes with each. Mail leaves through an outbox after the transaction
 * commits: SMTP when SMTP_URL is configured, otherwise the outbox records what would have
 * been sent.
 */
export interface NotificationInput {
  organisationId?: string | null;
  userId?: string | null;
  kind: string;
  titleZh: string;
  titleEn: string;
  link?: string | null;
  dueOn?: string | null;
  /** One notification per event: a second notify() with the same key does nothing. */
  dedupeKey: string;
}

/** Inside the caller's transaction. Returns whether a new notification was made. */
export async function notify(trx: Transaction<DB> | Kysely<DB>, n: NotificationInput): Promise<boolean> {
  return (await notifyMany(trx, [n])) > 0;
}

/**
 * Many notifications and their mail in two set-wise statements, however many there are (an
 * automatic reviewer assignment tells a thousand experts at once). Returns how many were new;
 * a repeated dedupe key makes nothing, mail included.
 */
export async function notifyMany(trx: Transaction<DB> | Kysely<DB>, list: readonly NotificationInput[]): Promise<number> {
  if (!list.length) return 0;
  const rows = JSON.stringify(list.map((n) => ({
    organisation_id: n.organisationId ?? null, user_id: n.userId ?? null, kind: n.kind, title_zh: n.titleZh, title_en: n.titleEn,
    link: n.link ?? null, due_on: n.dueOn ?? null, dedupe_key: n.dedupeKey,
  })));
  const r = await sql<{ made: number }>`
    with made as (
      insert into notification (organisation_id, user_id, kind, title_zh, title_en, link, due_on, dedupe_key)
      select organisation_id, user_id, kind, title_zh, title_en, link, due_on, dedupe_key
      from jsonb_to_recordset(${rows}::jsonb) as x(organisation_id uuid, user_id uuid, kind text, title_zh text, title_en text, link text, due_on date, dedupe_key text)
      on conflict (dedupe_key) do nothing
      returning id, organisation_id, user_id, title_zh, title_en, link
    ), mailed as (
      insert into mail_outbox (notification_id, to_address, subject, body_text, status)
      select m.id, u.email, '【重庆生物制造平台】' || m.title_zh,
        m.title_zh || E'\n' || m.title_en || E'\n' || coalesce(E'\n查看 View: ' || m.link || E'\n', '') || E'\n—— 重庆市生物制造产业行动计划运行平台 (cq-biomfg)', 'pending'
      from made m join app_user u on (m.user_id is not null and u.id = m.user_id) or (m.user_id is null and u.organisation_id = m.organisation_id)
      where u.email is not null and not u.disabled
      returning 1
    )
    select count(*)::int as made from made`.execute(trx);
  return r.rows[0]?.made ?? 0;
}

export interface Mailer {
  kind: 'smtp' | 'record';
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

export function mailerFrom(options: { smtpUrl?: string; smtpFrom?: string } = {}): Mailer {
  const url = options.smtpUrl;
  if (!url) return { kind: 'record', send: async () => {} };
  const from = options.smtpFrom ?? 'cq-biomfg <no-reply@localhost>';
  let transport: Transporter | null = null;
  return {
    kind: 'smtp',
    send: async (m) => {
      transport ??= (await import('nodemailer')).default.createTransport(url);
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

export function notificationsService(database: Database, mailer: Mailer) {
  const { db } = database;
  const mine = (ctx: Ctx) => {
    const p = ctx.principal;
    if (!p) throw unauthorized();
    return db.selectFrom('notification').where((eb) => eb.or([
      eb('userId', '=', p.userId),
      ...(p.organisationId ? [eb('organisationId', '=', p.organisationId)] : []),
    ]));
  };
  return {
    async list(ctx: Ctx, f: { unread?: boolean; limit: number; offset: number }) {
      let q = mine(ctx);
      if (f.unread) q = q.where('readAt', 'is', null);
      const [items, counts] = await Promise.all([
        q.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
        mine(ctx).select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('readAt', 'is', null).as('unread')]).executeTakeFirstOrThrow(),
      ]);
      return { items: items.map(({ dedupeKey: _k, ...n }) => n), total: counts.total, unread: counts.unread };
    },

    async markRead(ctx: Ctx, id: string | 'all') {
      return db.transaction().execute(async (trx) => {
        const p = ctx.principal!;
        let q = trx.updateTable('notification').set({ readAt: new Date() }).where('readAt', 'is', null)
          .where((eb) => eb.or([eb('userId', '=', p.userId), ...(p.organisationId ? [eb('organisationId', '=', p.organisationId)] : [])]));
        if (id !== 'all') q = q.where('id', '=', id);
        const r = await q.executeTakeFirst();
        const n = Number(r.numUpdatedRows);
        if (id !== 'all' && !n) {
          const exists = await trx.selectFrom('notification').select('id').where('id', '=', id)
            .where((eb) => eb.or([eb('userId', '=', p.userId), ...(p.organisationId ? [eb('organisationId', '=', p.organisationId)] : [])])).executeTakeFirst();
          if (!exists) throw notFound('通知不存在', 'Notification not found');
        }
        if (n) await audit(trx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id, summary: `标记 ${n} 条通知为已读（Marked ${n} notifications read）` });
        return { marked: n };
      });
    },

    /** Sends (or records) pending mail. Runs after the transactions that queued it. */
    async dispatchMail(): Promise<{ sent: number; recorded: number; failed: number }> {
      const pending = await db.selectFrom('mailOutbox').selectAll().where('status', '=', 'pending').orderBy('createdAt').limit(200).execute();
      const out = { sent: 0, recorded: 0, failed: 0 };
      for (const m of pending) {
        try {
          await mailer.send({ to: m.toAddress, subject: m.subject, text: m.bodyText });
          const status = mailer.kind === 'smtp' ? 'sent' : 'recorded';
          await db.updateTable('mailOutbox').set({ status, sentAt: new Date() }).where('id', '=', m.id).execute();
          out[status]++;
        } catch (e) {
          // The address stays in the outbox; the error is kept without the message body.
          await db.updateTable('mailOutbox').set({ status: 'failed', error: String((e as Error).message).slice(0, 300) }).where('id', '=', m.id).execute();
          out.failed++;
        }
      }
      return out;
    },

    outbox: (f: { limit: number; offset: number }) =>
      db.selectFrom('mailOutbox').select(['id', 'toAddress', 'subject', 'bodyText', 'status', 'error', 'createdAt', 'sentAt']).orderBy('createdAt', 'desc').limit(f.limit).offset(f.offset).execute(),
  };
}

export type NotificationsService = ReturnType<typeof notificationsService>;
