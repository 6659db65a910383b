import type { Principal } from '../../platform/access/model.js';
import type { FactoryServices } from './index.js';

/**
 * One MQTT message to the readings service, whichever broker it came through. Messages are taken
 * one at a time in arrival order (the embedded database has one session; order keeps "first
 * wins" meaning the first sent). A message that could not be ingested at all (a database
 * failure) is logged; its readings were not committed, and a QoS 1 publisher may send it again.
 */
export interface Message { principal: Principal | null; factory: string; batch: string; payload: Buffer; clientId: string; trusted: boolean }
export type MessageSink = (m: Message) => Promise<void>;

export interface SinkLog { warn(o: object, msg: string): void }

export function messageSink(s: FactoryServices, log: SinkLog): MessageSink {
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;
  return (m) => {
    const work = queue.then(async () => {
      const ctx = { principal: m.principal, requestId: `mqtt-${m.clientId}-${++n}` };
      try {
        const r = await s.readings.ingestMessage(ctx, m.factory, m.batch, m.payload, m.trusted);
        if (r.rejected) log.warn({ factory: m.factory, batch: m.batch, rejected: r.rejected, byReason: r.byReason }, 'mqtt readings rejected');
      } catch (e) {
        log.warn({ factory: m.factory, batch: m.batch, err: (e as Error).message }, 'mqtt message not ingested');
      }
    });
    queue = work;
    return work;
  };
}
