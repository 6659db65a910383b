/** The shapes the innovation routes answer with (apps/server/src/modules/innovation). */
export interface Host { id: string; nameZh: string; kind: string }
export interface ZeroToOne { ip: number; outputs: number; total: number }
export interface Platform {
  id: string; code: string; nameZh: string; nameEn: string | null; kind: string; level: string; status: string;
  fields: string[]; domains: string[]; recognisedOn: string | null; recognisedByZh: string | null;
  districtCode: string | null; districtNameZh: string | null; summaryZh: string | null; contactZh: string | null; sourceZh: string | null;
  hosts: Host[]; hostNamesZh: string; instrumentCount: number; zeroToOne: ZeroToOne; countsTowardTarget: boolean;
}
export interface Instrument {
  id: string; nameZh: string; model: string | null; valueWan: number | null; openToShare: boolean; bookingContactZh: string | null; noteZh: string | null;
}
export interface PlatformDetail extends Platform {
  instruments: Instrument[];
  results: { rights: { id: string; kind: string; number: string; titleZh: string; status: string; subtype: string | null; grantedOn: string | null }[] };
  may: { edit: boolean; recognise: boolean };
}
export interface Summary {
  byKind: ({ kind: string } & Record<'national' | 'municipal' | 'incubating', number>)[];
  counted: number; target: number | null; fields: { field: string; n: number }[];
}
export interface Page<T> { total: number; items: T[] }
