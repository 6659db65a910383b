import type { ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import { LAB_STATUSES } from './labs.js';

/** What an organisation records of one of its labs and biosafety facilities. */
export interface LabInput {
  nameZh: string;
  nameEn: string | null;
  biosafetyLevel: number;
  animal: boolean;
  certificateNo: string | null;
  certifiedOn: string | null;
  certificateExpiresOn: string | null;
  addressZh: string | null;
  status: string;
}

export const LAB_FIELDS = ['nameZh', 'nameEn', 'biosafetyLevel', 'animal', 'certificateNo', 'certifiedOn', 'certificateExpiresOn', 'addressZh', 'status'] as const satisfies readonly (keyof LabInput)[];

export function labProblems(l: Partial<LabInput>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const p = (path: string, zh: string, en: string) => out.push({ path: `/${path}`, message: `${zh}（${en}）` });
  if (!l.nameZh?.trim() || l.nameZh.length > 200) p('nameZh', '请填写实验室名称（不超过 200 字）', 'name the lab (at most 200 characters)');
  if (l.nameEn != null && l.nameEn.length > 200) p('nameEn', '不超过 200 个字符', 'at most 200 characters');
  if (l.addressZh != null && l.addressZh.length > 300) p('addressZh', '不超过 300 个字符', 'at most 300 characters');
  if (l.certificateNo != null && l.certificateNo.length > 100) p('certificateNo', '不超过 100 个字符', 'at most 100 characters');
  if (!Number.isInteger(l.biosafetyLevel) || l.biosafetyLevel! < 1 || l.biosafetyLevel! > 4) p('biosafetyLevel', '生物安全等级为 BSL-1 至 BSL-4', 'the biosafety level is BSL-1 to BSL-4');
  if (!l.status || !LAB_STATUSES.includes(l.status as never)) p('status', '状态为运行中、在建、暂停或关闭', 'the status is operating, building, suspended or closed');
  for (const k of ['certifiedOn', 'certificateExpiresOn'] as const) if (l[k] != null && !isIsoDate(l[k]!)) p(k, '日期格式为 YYYY-MM-DD', 'a date is YYYY-MM-DD');
  if (l.certifiedOn && l.certificateExpiresOn && isIsoDate(l.certifiedOn) && isIsoDate(l.certificateExpiresOn) && l.certificateExpiresOn < l.certifiedOn) {
    p('certificateExpiresOn', '证书有效期不能早于发证日期', 'a certificate expires after it was issued');
  }
  if (l.certificateExpiresOn && !l.certificateNo?.trim()) p('certificateNo', '有证书有效期须填写证书编号', 'a certificate with an expiry has a number');
  return out;
}
