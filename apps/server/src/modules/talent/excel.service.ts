import type { Ctx } from '../../platform/context/ctx.js';
import type { ExpertFilter, ExpertsService } from './experts.service.js';
import type { PeopleService, TalentFilter } from './people.service.js';
import type { EducationFilter, EducationService } from './education.service.js';
import { educationWorkbook, expertsTemplate, expertsWorkbook, talentWorkbook } from './talent.excel.js';

type Unpaged<T> = Omit<T, 'limit' | 'offset'>;

/** The Excel exports: each reads through its service, so a file holds what its reader may see. */
export function talentExcelService(s: { experts: ExpertsService; people: PeopleService; education: EducationService }) {
  return {
    experts: async (ctx: Ctx, f: Unpaged<ExpertFilter>) => expertsWorkbook(await s.experts.exportRows(ctx, f)),
    expertsTemplate,
    people: async (ctx: Ctx, f: Unpaged<TalentFilter>) => talentWorkbook(await s.people.exportRows(ctx, f)),
    education: async (f: Unpaged<EducationFilter>) => educationWorkbook(await s.education.exportRows(f)),
  };
}
