import mqtt, { type IPublishPacket } from 'mqtt';
import { TOPIC_FILTER, topicParts } from './model/process-readings.js';
import type { MessageSink } from './mqtt.ingest.js';

/**
 * The server as a subscriber of an external broker (e.g. Mosquitto, `MQTT_URL`): it reads every
 * factory's readings topic. That broker's own access control stands for the publishers, so its
 * messages are taken as trusted for their topic's factory (their readings still pass every check).
 *
 * Nothing is lost on the way: the subscription is QoS 1 in a persistent session (`clean: false`,
 * a client ID that stays the same across restarts), so the broker keeps what arrives while the
 * server is away, and a message is acknowledged (PUBACK) only once the sink has accounted for it
 * (mqtt.js sends it after `handleMessage` calls back without an error). When the sink fails (the
 * database), the message is left unacknowledged and the connection dropped: MQTT 3.1.1 brokers
 * send unacknowledged messages again only on reconnection, which comes after `reconnectMs`, and
 * until then nothing more is taken, so that later messages do not overtake the failed one.
 */
export interface ExternalSubscriber { close(): Promise<void> }

export const CLIENT_ID = 'cqb-server';

export async function startExternalSubscriber(o: {
  url: string; username?: string; password?: string; sink: MessageSink;
  /** The session's client ID: one per server (two servers on one ID take the session from each other). */
  clientId?: string;
  reconnectMs?: number;
}): Promise<ExternalSubscriber> {
  const client = await mqtt.connectAsync(o.url, {
    username: o.username, password: o.password, clientId: o.clientId ?? CLIENT_ID, clean: false, reconnectPeriod: o.reconnectMs ?? 5000,
  });
  let refusing = false;
  client.on('connect', () => { refusing = false; });
  client.handleMessage = (packet: IPublishPacket, callback: (err?: Error) => void) => {
    const parts = topicParts(packet.topic);
    if (!parts) return callback();
    if (refusing) return callback(new Error('an earlier message failed; waiting for redelivery'));
    const payload = packet.payload as Buffer | string;
    o.sink({ principal: null, factory: parts.factory, batch: parts.batch, payload, clientId: 'external', trusted: true }).then(() => callback(), (e: Error) => {
      refusing = true;
      callback(e);
      client.stream.destroy();
    });
  };
  await client.subscribeAsync(TOPIC_FILTER, { qos: 1 });
  return { close: () => client.endAsync() };
}
