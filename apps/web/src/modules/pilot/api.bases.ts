import { useApi } from '../../app/useApi';
import type { Organisation } from '../admin/api';
import type { BaseTier, BookingState, EquipmentStatus, Organism, QualityGrade, UserCategory } from './labels.bases';

/**
 * Shapes of the pilot bases, atlas, equipment and booking API (apps/server/src/modules/pilot:
 * bases.service.ts, bookings.service.ts). Numeric columns arrive as numbers, instants as ISO text.
 */
export interface Page<T> { total: number; items: T[] }
export interface Named { zh: string; en: string }

export interface BaseCore {
  id: string; code: string; nameZh: string; nameEn: string | null; operatorZh: string; districtCode: string; addressZh: string | null;
  lng: number | null; lat: number | null; domains: string[]; allianceMember: boolean; tier: BaseTier; recognisedOn: string | null;
  recognisedByZh: string | null; summaryZh: string | null; contactZh: string | null; isDemo: boolean; createdAt: string; updatedAt: string;
}

/** A row of the public base list. */
export interface PilotBase extends BaseCore { districtNameZh: string; platformCount: number; capabilityCount: number; equipmentCount: number }

export interface Platform { id: string; code: string; nameZh: string; nameEn: string | null; summaryZh: string | null; createdAt: string; updatedAt: string }
export interface Capability {
  id: string; platformId: string; nameZh: string; processes: string[]; organisms: Organism[]; volumeMinL: number; volumeMaxL: number;
  qualityGrade: QualityGrade; biosafetyLevel: number; descriptionZh: string | null; createdAt: string; updatedAt: string;
}
export interface PilotService {
  id: string; baseId: string; nameZh: string; descriptionZh: string | null; priceYuan: number | null; priceUnitZh: string | null;
  leadTimeDays: number | null; createdAt: string; updatedAt: string;
}
export interface HourlyPrices { priceMemberYuan: number | null; priceEnterpriseYuan: number | null; priceInstituteYuan: number | null }
export interface Equipment extends HourlyPrices {
  id: string; baseId: string; platformId: string | null; code: string; nameZh: string; typeZh: string; model: string | null;
  capacityZh: string | null; capacityL: number | null; status: EquipmentStatus; createdAt: string; updatedAt: string;
}

/** The public profile; `organisationId` only for its keepers; `may` what the caller may change. */
export interface BaseProfile extends BaseCore {
  districtNameZh: string; organisationId?: string | null; tierName: Named;
  platforms: (Platform & { capabilities: Capability[] })[];
  services: PilotService[]; equipment: Equipment[];
  may: { edit: boolean; recognise: boolean };
}

export interface EquipmentDetail extends Equipment {
  baseCode: string; baseNameZh: string; districtCode: string; allianceMember: boolean; platformNameZh: string | null;
  may: { edit: boolean; book: boolean };
}

export interface AtlasCapability {
  id: string; nameZh: string; processes: string[]; organisms: Organism[]; volumeMinL: number; volumeMaxL: number; qualityGrade: QualityGrade;
  biosafetyLevel: number; platformId: string; platformCode: string; platformNameZh: string;
}
export interface AtlasBase {
  id: string; code: string; nameZh: string; nameEn: string | null; operatorZh: string; districtCode: string; districtNameZh: string;
  lng: number | null; lat: number | null; domains: string[]; tier: BaseTier; allianceMember: boolean;
  /** 'district' when the base gave no coordinates: it is drawn at its district. */
  placedBy: 'point' | 'district';
  capabilities: AtlasCapability[];
}
export interface AtlasDistrict { code: string; nameZh: string; nameEn: string; bases: number }
export interface Atlas { total: number; items: AtlasBase[]; districts: AtlasDistrict[] }

export interface BookingMay { approve: boolean; reject: boolean; cancel: boolean; checkIn: boolean; recordUsage: boolean }
export interface Booking {
  id: string; code: string; equipmentId: string; from: string; to: string; state: BookingState;
  bookedBy: string; bookedByName: string | null; organisationId: string | null; organisationNameZh: string | null;
  userCategory: UserCategory; purposeZh: string; priceYuan: number | null;
  decidedBy: string | null; decidedAt: string | null; reasonZh: string | null; checkedInAt: string | null;
  usageHours: number | null; usageNoteZh: string | null; completedAt: string | null; createdAt: string; updatedAt: string;
  equipmentCode: string; equipmentNameZh: string; baseId: string; baseCode: string; baseNameZh: string;
  may: BookingMay;
}

/** A busy slot of an item's calendar: who and why only for the requester, its organisation and the base. */
export type CalendarSlot = { from: string; to: string; state: BookingState; mine: boolean } & Partial<Omit<Booking, 'from' | 'to' | 'state' | 'may'>>;
export interface EquipmentCalendar {
  equipment: { id: string; code: string; nameZh: string; status: EquipmentStatus; statusName: Named; baseId: string };
  from: string; to: string; slots: CalendarSlot[];
}

export interface Utilisation { availableHours: number; bookedHours: number; pendingHours: number; usedHours: number; bookedRate: number | null; usedRate: number | null }
export interface BaseUtilisation {
  base: { id: string; code: string; nameZh: string; districtCode: string };
  from: string; to: string; windowHours: number;
  items: ({ id: string; baseId: string; code: string; nameZh: string; typeZh: string; status: EquipmentStatus } & Utilisation)[];
  total: Utilisation;
}

/** Every base, for pickers (the list is public and short: a few dozen bases). */
export const useBaseOptions = (enabled = true) => useApi<Page<PilotBase>>(enabled ? '/api/pilot/bases?limit=500' : null);
/** Pilot-base organisations, for the task force naming which account runs a base. */
export const usePilotBaseOrganisations = (enabled: boolean) => useApi<Organisation[]>(enabled ? '/api/admin/organisations?kind=pilotBase&limit=500' : null);
