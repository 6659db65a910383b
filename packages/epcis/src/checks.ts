type Json = Record<string, unknown>;
export interface Finding { path: string; message: string }

const STANDARD_TYPES = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);

/**
 * Rules of EPCIS 2.0 (ISO/IEC 19987:2024) that its JSON schema does not express, for one event
 * that passed the schema. `at` is the event's JSON pointer.
 */
export function standardFindings(event: Json, at: string): Finding[] {
  const found: Finding[] = [];
  // §7.4: the schema admits extension event types (a URI); this repository stores the five the
  // standard defines and says so rather than dropping the event.
  if (!STANDARD_TYPES.has(event.type as string)) {
    found.push({ path: `${at}/type`, message: `本仓库不支持扩展事件类型 ${String(event.type)}（extension event types are not supported by this repository）` });
    return found;
  }
  // §7.4.3: an AggregationEvent's parentID is optional only when the action is OBSERVE.
  if (event.type === 'AggregationEvent' && event.action !== 'OBSERVE' && event.parentID === undefined) {
    found.push({ path: `${at}/parentID`, message: `聚合事件动作为 ${String(event.action)} 时必须有 parentID（parentID is required unless the action is OBSERVE）` });
  }
  // §7.3.8: a SensorElement carries one or more SensorReports.
  if (Array.isArray(event.sensorElementList)) {
    (event.sensorElementList as Json[]).forEach((s, i) => {
      if (s && Array.isArray(s.sensorReport) && s.sensorReport.length === 0) {
        found.push({ path: `${at}/sensorElementList/${i}/sensorReport`, message: '传感器元素至少需要一条报告（a sensor element needs at least one sensor report）' });
      }
    });
  }
  return found;
}
