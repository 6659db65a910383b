/**
 * The monitoring panel on a batch's page (the batches part shows it): T² and SPE against their
 * limits, and the batch's alarms. Owned by the monitoring part.
 */
export default function BatchMonitorPanel(_props: { batchId: string }) {
  return null;
}
