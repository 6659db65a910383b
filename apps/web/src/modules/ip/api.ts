/** The shapes the ip routes answer with (apps/server/src/modules/ip). */
export interface Holder { id: string; nameZh: string }
export interface IpRight {
  id: string; kind: string; number: string; titleZh: string; titleEn: string | null; subtype: string | null; status: string;
  filedOn: string | null; grantedOn: string | null; inventors: string[]; abstractZh: string | null; holders: Holder[]; holderNamesZh: string; inForce: boolean;
}
export interface IpLink { targetKind: string; targetId: string; code: string | null; nameZh: string | null }
export interface IpRightDetail extends IpRight {
  links: IpLink[]; reports: { status: string; n: number }[] | null; may: { edit: boolean; link: boolean; report: boolean };
}
export interface ReportEvent { id: string; at: string; actorName: string; fromStatus: string | null; toStatus: string; noteZh: string | null }
export interface Report {
  id: string; code: string; ipRightId: string; rightKind: string; rightNumber: string; rightTitleZh: string; infringerZh: string; descriptionZh: string;
  status: string; outcomeZh: string | null; createdAt: string; updatedAt: string; centreZh: string; fileIds: string[];
  reporterName?: string; reporterOrgNameZh?: string | null; may: { moves: string[] };
}
export interface ReportDetail extends Report { events: ReportEvent[]; files: { id: string; name: string; sizeBytes: number }[] }
export interface Page<T> { total: number; items: T[] }
