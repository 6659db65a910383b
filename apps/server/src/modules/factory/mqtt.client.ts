import mqtt from 'mqtt';
import { TOPIC_FILTER, topicParts } from './model/process-readings.js';
import type { MessageSink } from './mqtt.ingest.js';

/**
 * The server as a subscriber of an external broker (e.g. Mosquitto, `MQTT_URL`): it reads every
 * factory's readings topic. That broker's own access control stands for the publishers, so its
 * messages are taken as trusted for their topic's factory (their readings still pass every check).
 */
export interface ExternalSubscriber { close(): Promise<void> }

export async function startExternalSubscriber(o: { url: string; username?: string; password?: string; sink: MessageSink }): Promise<ExternalSubscriber> {
  const client = await mqtt.connectAsync(o.url, { username: o.username, password: o.password, clientId: `cqb-server-${process.pid}`, reconnectPeriod: 5000 });
  client.on('message', (topic, payload) => {
    const parts = topicParts(topic);
    if (parts) void o.sink({ principal: null, factory: parts.factory, batch: parts.batch, payload, clientId: 'external', trusted: true });
  });
  await client.subscribeAsync(TOPIC_FILTER, { qos: 1 });
  return { close: () => client.endAsync() };
}
