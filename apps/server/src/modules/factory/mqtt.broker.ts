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
 * A connection lives longer than the token's checks at sign-in: the token is checked again before
 * a publish once `recheckMs` have passed since the last check, so a revoked or expired token (or a
 * user who lost the role) stops publishing within that time, and the publisher is disconnected.
 */
export interface EmbeddedBroker { port: number; close(): Promise<void> }

const refused = (message: string, returnCode: 4 | 5): AuthenticateError => Object.assign(new Error(message), { returnCode }) as AuthenticateError;

/** How long a sign-in's token check holds before a publish checks the token again. */
export const RECHECK_MS = 5_000;

/** Why a principal may not publish readings, or null when it may. */
const unfitToPublish = (p: Principal | null) =>
  !p ? 'bad token' : !p.scopes?.includes(SCOPES.ingest) || !hasRole(p, 'enterprise', 'pilotBase') || !p.organisationId ? 'token lacks factory:ingest' : null;

interface Session { token: string; principal: Principal; checkedAt: number }

export async function startEmbeddedBroker(o: {
  port: number; host?: string; database: Database;
  principalFromToken: (token: string) => Promise<Principal | null>;
  sink: MessageSink;
  recheckMs?: number;
}): Promise<EmbeddedBroker> {
  const recheckMs = o.recheckMs ?? RECHECK_MS;
  const who = new WeakMap<Client, Session>();
  /** The client's principal, the token checked again when the last check is older than recheckMs. */
  const principalOf = async (client: Client): Promise<Principal | null> => {
    const s = who.get(client);
    if (!s) return null;
    if (Date.now() - s.checkedAt < recheckMs) return s.principal;
    const p = await o.principalFromToken(s.token);
    if (unfitToPublish(p)) { who.delete(client); return null; }
    who.set(client, { token: s.token, principal: p!, checkedAt: Date.now() });
    return p;
  };
  const broker = await Aedes.createBroker({
    authenticate(client, _username, password, done) {
      const token = password?.toString('utf8') ?? '';
      o.principalFromToken(token).then((p) => {
        const why = unfitToPublish(p);
        if (why) return done(refused(why, p ? 5 : 4), false);
        who.set(client, { token, principal: p!, checkedAt: Date.now() });
        done(null, true);
      }, () => done(refused('token check failed', 4), false));
    },
    // The message is ingested here, before the broker acknowledges it: a QoS 1 PUBACK (sent
    // right after this, before aedes' `published` hook) then means the readings are committed.
    authorizePublish(client, packet, done) {
      const parts = topicParts(packet.topic);
      if (!client || !parts) return done(new Error('topic not allowed'));
      // Nobody subscribes here; a retained copy would only grow the broker's memory.
      packet.retain = false;
      principalOf(client).then(async (p) => {
        if (!p) return done(new Error('token no longer valid'));
        const f = await o.database.db.selectFrom('factory').select('organisationId').where('code', '=', parts.factory).executeTakeFirst();
        if (!f || f.organisationId !== p.organisationId) return done(new Error('not your factory'));
        await o.sink({ principal: p, factory: parts.factory, batch: parts.batch, payload: packet.payload as Buffer, clientId: client.id, trusted: false });
        return done(null);
      }).catch(done);
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
