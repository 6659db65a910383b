import type { Principal } from '../../platform/access/model.js';
import type { FactoryServices } from './index.js';

/**
 * One MQTT message to the readings service, whichever broker it came through. Messages are taken
 * one at a time in arrival order (the embedded database has one session; order keeps "first
 * wins" meaning the first sent).
 */
export interface Message { principal: Principal | null; factory: string; batch: string; payload: Buffer | string; clientId: string; trusted: boolean }

/**
 * The sink's contract, on which a QoS 1 acknowledgement hangs: it resolves once the message is
 * accounted for — its readings committed, or its rejections counted (malformed, unknown variable,
 * unknown batch, unknown factory …), which a resend would not change, so the broker acknowledges.
 * It rejects when the message could not be ingested at all (the database failed): nothing of it
 * was committed, and the broker must not acknowledge it, so that the publisher (embedded broker:
 * refused publish, the client disconnected) or the external broker (no PUBACK) sends it again.
 */
export type MessageSink = (m: Message) => Promise<void>;

export interface SinkLog { warn(o: object, msg: string): void; error?(o: object, msg: string): void }

export function messageSink(s: FactoryServices, log: SinkLog): MessageSink {
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;
  return (m) => {
    const work = queue.then(async () => {
      const ctx = { principal: m.principal, requestId: `mqtt-${m.clientId}-${++n}` };
      try {
        const r = await s.readings.ingestMessage(ctx, m.factory, m.batch, m.payload, m.trusted);
        if (r.rejected) log.warn({ factory: m.factory, batch: m.batch, rejected: r.rejected, byReason: r.byReason, unknownFactory: r.unknownFactory }, 'mqtt readings rejected');
      } catch (e) {
        (log.error ?? log.warn).call(log, { factory: m.factory, batch: m.batch, clientId: m.clientId, err: (e as Error).message }, 'mqtt message not ingested; not acknowledged');
        throw e;
      }
    });
    // One failed message must not stop the ones after it.
    queue = work.catch(() => {});
    return work;
  };
}
