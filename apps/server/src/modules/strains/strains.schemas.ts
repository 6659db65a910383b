import { Type } from 'typebox';
import { Nullable, Uuid } from '../../platform/http/schemas.js';
import { IsoDateString, Paging } from '../supervision/http.js';
import { CHECK_KIND_CODES, STRAIN_STATUS_CODES } from './model/labels.js';
import { STRAIN_SORTS } from './strains.service.js';

/** Request shapes of the records part's routes. The services check the rules and name the field; these check the types. */
const Str = (max = 200, description?: string) => Type.String({ maxLength: max, ...(description ? { description } : {}) });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Words = (description: string) => Type.Optional(Type.Array(Str(200), { maxItems: 50, description }));
const Literals = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const StrainFields = {
  organismKind: Str(40, '生物类别 bacterium | archaeon | yeast | filamentousFungus | actinomycete | microalga | virus | other'),
  genus: Str(60, '属（首字母大写拉丁文）Genus, capitalised Latin'),
  species: Opt(Str(60, '种加词（小写）Specific epithet, lower case')),
  subspecies: Opt(Str(60)),
  strainDesignation: Opt(Str(60, '菌株名 Strain designation')),
  nameZh: Opt(Str(100)),
  lineage: Opt(Type.Object({ domain: Type.Optional(Str(60)), phylum: Type.Optional(Str(60)), class: Type.Optional(Str(60)), order: Type.Optional(Str(60)), family: Type.Optional(Str(60)) }, { description: '分类谱系；不填则按属名补全 Lineage; filled from the genus when absent' })),
  typeStrain: Type.Optional(Type.Boolean()),
  otherNumbers: Type.Optional(Type.Array(Str(40), { maxItems: 30, description: '其他保藏机构编号，如 ATCC 8739 · Numbers in other collections, e.g. ATCC 8739' })),
  depositorNameZh: Opt(Str(100)), historyZh: Opt(Str(2000)), depositedOn: Opt(IsoDateString),
  isolationSourceZh: Opt(Str(500)), isolationPlaceZh: Opt(Str(200)), isolationLat: Opt(Type.Number()), isolationLon: Opt(Type.Number()),
  isolationCountry: Opt(Str(2, '国家代码 ISO 3166 alpha-2')), isolatedOn: Opt(IsoDateString),
  mediumZh: Opt(Str(500)), growthTemperatureC: Opt(Type.Number({ description: '培养温度 °C（−20…120）Growth temperature' })), atmosphere: Opt(Str(20, 'aerobic | anaerobic | facultative | microaerophilic | co2')),
  applicationsZh: Words('应用 Applications'), products: Words('产物 Products'), enzymes: Words('酶 Enzymes'), tolerances: Words('耐受性 Tolerances'), keyGenes: Words('关键基因 Key genes'),
  literature: Type.Optional(Type.Array(Type.Object({ citation: Str(1000), doi: Type.Optional(Str(200)) }), { maxItems: 50 })),
  hazardClass: Opt(Type.Integer({ description: '病原微生物危害程度分类 1–4；空为非病原 Hazard class 1–4, null for a non-pathogen' })),
  biosafetyLevel: Type.Integer({ description: 'BSL 1–4，不低于危害程度所需 At least what the hazard class needs' }),
  gmo: Type.Optional(Type.Boolean()), exportControl: Type.Optional(Type.Boolean()), nagoyaAbs: Type.Optional(Type.Boolean()),
  restrictionNoteZh: Opt(Str(500)),
  restricted: Type.Optional(Type.Boolean({ description: '标记为受限（不能低于规则）Mark restricted (never less than the rule)' })),
};

export const DepositBody = Type.Object({ ...StrainFields, depositorOrganisationId: Opt(Uuid) });
export const StrainPatchBody = Type.Partial(Type.Object(StrainFields));

export const StrainQuery = Type.Object({
  kind: Type.Optional(Str(40)), genus: Type.Optional(Str(60)),
  hazardClass: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Literal('3'), Type.Literal('4'), Type.Literal('none')], { description: '1–4 或 none（非病原）' })),
  biosafetyLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })), typeStrain: Type.Optional(Type.Boolean()), restricted: Type.Optional(Type.Boolean()),
  use: Type.Optional(Str(100, '应用或产物关键词 Application or product keyword')), q: Type.Optional(Str(100, '中文或拉丁文检索 Chinese or Latin search')),
  status: Type.Optional(Literals(STRAIN_STATUS_CODES)),
  sort: Type.Optional(Literals(STRAIN_SORTS)), order: Type.Optional(Literals(['asc', 'desc'])),
});
export const StrainListQuery = Type.Object({ ...StrainQuery.properties, ...Paging });

export const DepositQuery = Type.Object({ status: Type.Optional(Literals(STRAIN_STATUS_CODES)), q: Type.Optional(Str(100)), ...Paging });
export const ReceiptBody = Type.Object({ receivedOn: IsoDateString, receivedConditionZh: Str(1000), receivedMaterialZh: Str(1000) });
export const CheckBody = Type.Object({ kind: Literals(CHECK_KIND_CODES), passed: Type.Boolean(), methodZh: Str(500), resultZh: Str(2000), testedOn: IsoDateString });
export const ReasonBody = Type.Object({ reasonZh: Str(1000) });
export const OptionalReasonBody = Type.Object({ reasonZh: Opt(Str(1000)) });

export const GermplasmFields = {
  kind: Str(20, 'plant | animal | insect | microbe | other'), nameZh: Str(100), latinName: Opt(Str(200)), varietyZh: Opt(Str(100)),
  siteZh: Opt(Str(200, '采集地，如 金佛山')), siteLat: Opt(Type.Number()), siteLon: Opt(Type.Number()), collectedOn: Opt(IsoDateString),
  keeperOrganisationId: Opt(Uuid), traitsZh: Opt(Str(2000)), restricted: Type.Optional(Type.Boolean()), status: Type.Optional(Str(20, 'kept | lost | withdrawn')),
};
export const GermplasmQuery = Type.Object({ kind: Type.Optional(Str(20)), site: Type.Optional(Str(100)), q: Type.Optional(Str(100)), status: Type.Optional(Str(20)), keeperOrganisationId: Type.Optional(Uuid) });

export const LabFields = {
  nameZh: Str(200), nameEn: Opt(Str(200)), biosafetyLevel: Type.Integer({ description: 'BSL 1–4' }), animal: Type.Optional(Type.Boolean({ description: '动物生物安全实验室 ABSL' })),
  certificateNo: Opt(Str(100)), certifiedOn: Opt(IsoDateString), certificateExpiresOn: Opt(IsoDateString), addressZh: Opt(Str(300)),
  status: Type.Optional(Str(20, 'operating | building | suspended | closed')),
};
export const LabQuery = Type.Object({
  organisationId: Type.Optional(Uuid), biosafetyLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })), status: Type.Optional(Str(20)),
  inEffect: Type.Optional(Type.Boolean({ description: '仅等级有效（运行中且证书在有效期内）Only labs whose level is in effect' })), q: Type.Optional(Str(100)), ...Paging,
});
