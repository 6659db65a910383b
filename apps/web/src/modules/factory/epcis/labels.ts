import type { Named } from '../../supervision/shared';

/** The factory vocabularies as the server stores them (modules/factory/model/factory-input.ts). */
export const FACTORY_KINDS: Record<string, Named> = {
  smartFactory: { zh: '智能工厂', en: 'Smart factory', color: 'blue' },
  digitalWorkshop: { zh: '数字化车间', en: 'Digital workshop', color: 'cyan' },
};

export const EVENT_TYPE_COLOURS: Record<string, string> = {
  ObjectEvent: 'blue', AggregationEvent: 'purple', TransactionEvent: 'gold', TransformationEvent: 'green', AssociationEvent: 'magenta',
};
