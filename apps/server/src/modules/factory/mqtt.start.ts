import type { Database } from '../../platform/db/database.js';
import type { Principal } from '../../platform/access/model.js';
import type { FactoryServices } from './index.js';
import { startEmbeddedBroker } from './mqtt.broker.js';
import { startExternalSubscriber } from './mqtt.client.js';
import { messageSink, type SinkLog } from './mqtt.ingest.js';

export interface MqttSettings {
  /** An external broker to subscribe to; without it the embedded broker listens. */
  url?: string;
  username?: string;
  password?: string;
  /** The external broker's session (persistent: it keeps messages while the server is away); default `cqb-server`. */
  clientId?: string;
  /** The embedded broker's port; null: no broker at all. 0: any free port. */
  port: number | null;
  host?: string;
}

/**
 * MQTT with the server (started by main.ts, never by buildApp: tests build many apps). A broker
 * that cannot start (the port taken) is logged and the server runs on without it: HTTP ingest
 * still works.
 */
export async function startMqtt(m: MqttSettings, x: { database: Database; factory: FactoryServices; principalFromToken: (t: string) => Promise<Principal | null>; log: SinkLog & { info(o: object, msg: string): void; error(o: object, msg: string): void } }) {
  const sink = messageSink(x.factory, x.log);
  try {
    if (m.url) {
      const sub = await startExternalSubscriber({ url: m.url, username: m.username, password: m.password, clientId: m.clientId, sink });
      x.log.info({ url: m.url.replace(/\/\/[^@]*@/, '//***@') }, 'mqtt: subscribed to the external broker');
      return sub;
    }
    if (m.port === null) return null;
    const broker = await startEmbeddedBroker({ port: m.port, host: m.host, database: x.database, principalFromToken: x.principalFromToken, sink });
    x.log.info({ port: broker.port }, 'mqtt: embedded broker listening');
    return broker;
  } catch (e) {
    x.log.error({ err: (e as Error).message }, 'mqtt: not started; readings come by HTTP only');
    return null;
  }
}
