import { ApiError, currentCsrfToken } from '../../app/api';

/**
 * Shapes of the supervision API (apps/server/src/modules/supervision) and the calls that move
 * files: Excel and Word downloads, Excel imports and attachments.
 */
export type Colour = 'red' | 'yellow' | 'blue' | 'green' | 'closed';
export type RollupColour = Colour | 'none';
export interface Reason { zh: string; en: string }
export type ColourCounts = Record<Colour, number>;

export interface WorkPoint {
  id: string; code: string; taskNo: number; year: number; kind: 'work' | 'project'; titleZh: string; deliverableZh: string;
  ownerOrganisationId: string; ownerNameZh: string | null; ownerNameEn: string | null; districtCode: string | null; investmentYiYuan: number | null;
  startsOn: string; dueOn: string; frequency: 'monthly' | 'quarterly'; indicatorCode: string | null; weight: number; paceCurve: [number, number][] | null; progressPct: number;
  nextReportDeadline: string | null; closedAt: string | null; colour: Colour; expectedPct: number; reasons: Reason[];
}
export interface Period { label: string; start: string; end: string; deadline: string; reportId: string | null; state: ReportState | null; late: boolean; progressPct: number | null }
export type WorkPointDetail = WorkPoint & { periods: Period[] };

export type ReportState = 'draft' | 'submitted' | 'returned' | 'accepted';
export interface Figure { nameZh: string; value: number; unit?: string | null }
export interface ReportListItem {
  id: string; workPointId: string; periodLabel: string; periodStart: string; periodEnd: string; deadline: string; state: ReportState; textZh: string; progressPct: number;
  complete: boolean; reviewComment: string | null; returnedCount: number; firstSubmittedAt: string | null; submittedAt: string | null; acceptedAt: string | null;
  updatedAt: string; workPointCode: string; workPointTitleZh: string; taskNo: number; ownerOrganisationId: string; ownerNameZh: string; late: boolean;
}
export interface FileMeta { id: string; name: string; mime: string; sizeBytes: number; sha256: string; createdAt: string }
export interface ReportDetail extends Omit<ReportListItem, 'workPointCode' | 'workPointTitleZh' | 'taskNo' | 'ownerOrganisationId' | 'ownerNameZh'> {
  figures: Figure[]; fileIds: string[];
  workPoint: { id: string; code: string; titleZh: string; taskNo: number; ownerOrganisationId: string; frequency: string };
  events: { id: number; action: string; comment: string | null; actorName: string; at: string }[];
  files: FileMeta[];
  steps: ('edit' | 'submit' | 'return' | 'accept')[];
}

export interface RollupTask { no: number; actionNo: number; titleZh: string; titleEn: string; weight: number; workPoints: number; counts: ColourCounts; colour: RollupColour; reasons: Reason[]; progressPct: number }
export interface RollupAction { no: number; titleZh: string; titleEn: string; counts: ColourCounts; colour: RollupColour; reasons: Reason[]; progressPct: number; tasks: RollupTask[] }
export interface Rollup { asOf: string; year: number | null; counts: ColourCounts; colour: RollupColour; progressPct: number; actions: RollupAction[]; settings: Settings }
export interface UnitRate { organisationId: string; nameZh: string; nameEn: string | null; due: number; onTime: number; onTimeRate: number | null; red: number; yellow: number; dueIn30: number; workPoints: number }
export interface Units { quarter: string; from: string; to: string; asOf: string; alertBelowPct: number; units: UnitRate[]; actions: (Omit<UnitRate, 'organisationId' | 'nameZh' | 'nameEn'> & { no: number; titleZh: string; titleEn: string })[] }
export interface CalendarEvent { date: string; kind: 'workPointDue' | 'reportDue' | 'rectificationDue'; titleZh: string; ownerNameZh: string; link: string }
export interface Settings { nearDays: number; paceTolerancePct: number; reminderDaysBefore: number }
export interface Inbox {
  asOf: string;
  reportsOwed: { id: string; code: string; titleZh: string; taskNo: number; nextReportDeadline: string | null; dueOn: string; overdue: boolean }[];
  returned: { id: string; periodLabel: string; reviewComment: string | null; deadline: string; code: string; titleZh: string }[];
  drafts: { id: string; periodLabel: string; deadline: string; code: string; titleZh: string }[];
  rectifications: { id: string; inspectionId: string; descriptionZh: string; dueOn: string; status: string; reviewComment: string | null }[];
  toReview: { id: string; periodLabel: string; submittedAt: string; code: string; titleZh: string; ownerNameZh: string }[];
  toClose: { id: string; inspectionId: string; descriptionZh: string; dueOn: string; ownerNameZh: string }[];
}
export interface Indicator {
  code: string; actionNo: number; indicatorZh: string; indicatorEn: string; statementZh: string; quantified: boolean; comparator: string | null;
  targetValue: number | null; unit: string | null; year: number; source: 'computed' | 'reported'; value: number | null; asOf: string | null;
  basisZh: string; basisEn: string; drillDown: string | null; baselineValue: number | null; baselineOn: string | null; paceCurve: [number, number][] | null;
  expected: number | null; behind: boolean; behindReason: Reason | null;
}
export interface IndicatorDetail extends Indicator {
  history: { id: number; value: number; asOf: string; source: string; evidenceZh: string | null; drillDown: string | null; createdAt: string; organisationNameZh: string | null; recordedByName: string | null; file: FileMeta | null }[];
}
export interface Assignment { taskNo: number; titleZh: string; weight: number; lead: AssignedOrg[]; co: AssignedOrg[]; districts: AssignedOrg[] }
export interface AssignedOrg { organisationId: string; nameZh: string; nameEn: string | null; kind: string; districtCode: string | null }

export type ListKind = 'project' | 'policy' | 'reform' | 'platform';
export interface Edition { id: string; kind: ListKind; editionNo: number; titleZh: string; status: 'draft' | 'published'; noteZh: string | null; createdAt: string; publishedAt: string | null; items: number }
export interface ListOverview { kind: ListKind; zh: string; en: string; editions: Edition[] }
export interface ListItem { id: string; editionId: string; itemKey: string; nameZh: string; ownerOrganisationId: string | null; ownerNameZh: string | null; taskNo: number | null; districtCode: string | null; amountYiYuan: number | null; startYear: number | null; endYear: number | null; progressZh: string | null; noteZh: string | null }
export interface EditionDetail extends Omit<Edition, 'items'> { items: ListItem[] }
export interface EditionDiff { kind: ListKind; from: number; to: number; added: ListItem[]; removed: ListItem[]; changed: { key: string; from: ListItem; to: ListItem; fields: { field: string; nameZh: string; from: unknown; to: unknown }[] }[]; unchanged: number }

export interface Inspection { id: string; code: string; kind: 'scheduled' | 'special'; titleZh: string; scope: { taskNos: number[]; organisationIds: string[]; districtCodes: string[] }; plannedOn: string; status: 'planned' | 'inProgress' | 'closed'; findingsZh: string | null; closedAt: string | null; rectifications?: number; openRectifications?: number }
export interface Rectification { id: string; inspectionId: string; descriptionZh: string; ownerOrganisationId: string; ownerNameZh: string; dueOn: string; status: 'open' | 'submitted' | 'closed'; evidenceZh: string | null; evidenceFile: FileMeta | null; reviewComment: string | null; closedAt: string | null; mayRespond: boolean }
export type InspectionDetail = Inspection & { rectifications: Rectification[]; mayManage: boolean };

export type Paragraph = string | { heading: string; level: 1 | 2 };
export interface Notice { id: string; number: string | null; kind: 'progress' | 'commendation' | 'criticism'; periodLabel: string; titleZh: string; issuerZh: string; recipientsZh: string; status: 'draft' | 'approved' | 'published'; issuedOn: string | null; createdAt: string; publishedAt: string | null; paragraphs: Paragraph[]; attachments: { title: string; columns: string[]; rows: (string | number | null)[][] }[] }

export interface Consultation { id: string; code: string; titleZh: string; summaryZh: string | null; draftText?: string; opensOn: string; closesOn: string; status: 'draft' | 'published'; window: 'upcoming' | 'open' | 'closed'; comments: number; answered?: number; contact?: Record<string, string> | null }
export interface ConsultationComment { id: string; authorName: string | null; organisationName: string | null; contact: string | null; sectionRef: string | null; body: string; answerZh: string | null; disposition: string | null; answeredAt: string | null; createdAt: string }
export interface Notification { id: string; kind: string; titleZh: string; titleEn: string; link: string | null; dueOn: string | null; createdAt: string; readAt: string | null }


/** Sends one file as multipart/form-data (imports, attachments); the error body becomes an ApiError. */
export async function upload<T>(path: string, file: File | Blob, name = (file as File).name ?? 'file'): Promise<T> {
  const form = new FormData();
  form.append('file', file, name);
  const res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: currentCsrfToken() ? { 'x-csrf-token': currentCsrfToken()! } : {} });
  const data = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details: { path: string; message: string }[] } } | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.details ?? []);
  }
  return data as T;
}

/** Downloads a file the server builds (Excel, Word) under the name the server gives it. */
export async function download(path: string, fallbackName: string) {
  const res = await fetch(path, { credentials: 'same-origin' });
  if (!res.ok) {
    const data = await res.json().catch(() => undefined) as { error?: { code: string; message: string } } | undefined;
    throw new ApiError(res.status, data?.error?.code ?? 'http_error', data?.error?.message ?? `HTTP ${res.status}`);
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = m ? decodeURIComponent(m[1]) : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
