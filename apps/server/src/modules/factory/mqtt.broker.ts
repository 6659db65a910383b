import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { Principal } from '../../platform/access/model.js';
import { hasRole } from '../../platform/access/model.js';
import type { Database } from '../../platform/db/database.js';
import { SCOPES } from './http.js';
import { topicParts } from './model/process-readings.js';
import type { MessageSink } from './mqtt.ingest.js';

/**
 * The embedded MQTT broker (aedes): factories' systems publish readings to
 * `cqb/factories/{factoryCode}/batches/{batchNo}/readings`, signing in with an API token as the
 * password (any user name). The token must carry `factory:ingest` and belong to an operator; a
 * publisher may publish only to its own organisation's factories' topics (any other publish
 * disconnects it) and subscribes to nothing: readings go in, never out. Each message goes through
 * the one ingest service; a QoS 1 publish is acknowledged once its readings are committed.
 */
export interface EmbeddedBroker { port: number; close(): Promise<void> }

const refused = (message: string, returnCode: 4 | 5): AuthenticateError => Object.assign(new Error(message), { returnCode }) as AuthenticateError;

export async function startEmbeddedBroker(o: {
  port: number; host?: string; database: Database;
  principalFromToken: (token: string) => Promise<Principal | null>;
  sink: MessageSink;
}): Promise<EmbeddedBroker> {
  const who = new WeakMap<Client, Principal>();
  const broker = await Aedes.createBroker({
    authenticate(client, _username, password, done) {
      const token = password?.toString('utf8') ?? '';
      o.principalFromToken(token).then((p) => {
        if (!p) return done(refused('bad token', 4), false);
        if (!p.scopes?.includes(SCOPES.ingest) || !hasRole(p, 'enterprise', 'pilotBase') || !p.organisationId) return done(refused('token lacks factory:ingest', 5), false);
        who.set(client, p);
        done(null, true);
      }, () => done(refused('token check failed', 4), false));
    },
    // The message is ingested here, before the broker acknowledges it: a QoS 1 PUBACK (sent
    // right after this, before aedes' `published` hook) then means the readings are committed.
    authorizePublish(client, packet, done) {
      const p = client ? who.get(client) : null;
      const parts = topicParts(packet.topic);
      if (!client || !p || !parts) return done(new Error('topic not allowed'));
      // Nobody subscribes here; a retained copy would only grow the broker's memory.
      packet.retain = false;
      o.database.db.selectFrom('factory').select('organisationId').where('code', '=', parts.factory).executeTakeFirst().then((f) => {
        if (!f || f.organisationId !== p.organisationId) return done(new Error('not your factory'));
        return o.sink({ principal: p, factory: parts.factory, batch: parts.batch, payload: packet.payload as Buffer, clientId: client.id, trusted: false }).then(() => done(null));
      }, done);
    },
    authorizeSubscribe(_client, _sub, done) {
      done(null, null);
    },
  });
  const server = net.createServer(broker.handle as (socket: net.Socket) => void);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => { server.off('error', reject); resolve(); });
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((resolve) => broker.close(() => server.close(() => resolve()))),
  };
}
