import { Type } from 'typebox';
import { DateTime, Nullable } from '../../platform/http/schemas.js';

/** Response shapes of the plan API; they feed the OpenAPI document and fast serialisation. */
const Str = Type.String();
const Named = Type.Object({ code: Str, nameZh: Str, nameEn: Str });

export const Measurement = Type.Object({
  value: Type.Number(), asOf: Str, basisZh: Str, basisEn: Str, drillDown: Type.Optional(Str),
});

/** An indicator a module measures for a task (no plan figure to compare with). */
export const TaskIndicatorSchema = Type.Object({
  code: Str, nameZh: Str, nameEn: Str, unitZh: Str, unitEn: Str, measurement: Nullable(Measurement),
});

export const TargetSchema = Type.Object({
  code: Str, actionNo: Type.Integer(), statementZh: Str, statementEn: Str, indicatorZh: Str, indicatorEn: Str,
  quantified: Type.Boolean(), comparator: Nullable(Str), value: Nullable(Type.Number()), unit: Nullable(Str), unitEn: Nullable(Str),
  year: Type.Integer(), threshold: Nullable(Type.Object({ value: Type.Number(), unit: Str, comparator: Str })),
  sourceSentence: Str, measurement: Nullable(Measurement),
}, { $id: 'Target' });

const Place = Type.Object({ name: Str, kind: Type.Optional(Str), districtCode: Type.Optional(Str) });
const BodyRef = Type.Object({ code: Str, nameZh: Str, nameEn: Str, type: Str });
const BodyFull = Type.Object({ code: Str, nameZh: Str, nameEn: Str, type: Str, districtCode: Nullable(Str), aliasesZh: Type.Array(Str) }, { $id: 'Body' });

export const PlanSchema = Type.Object({
  code: Str, version: Type.Integer(), checksum: Str, titleZh: Str, titleEn: Str, publisherZh: Str, publisherEn: Str,
  status: Str, statusZh: Str, horizon: Type.Object({ from: Type.Integer(), to: Type.Integer() }), publishedOn: Nullable(Str), createdAt: DateTime,
  consultation: Type.Object({ opensOn: Str, closesOn: Str, days: Type.Integer(), channelZh: Str, email: Str, contactName: Str, phone: Str, sourceSentence: Str }),
  preambleZh: Str, generalRequirementZh: Str,
  domains: Type.Array(Named), buildGoals: Type.Array(Named),
  safeguards: Type.Array(Type.Object({ no: Type.Integer(), titleZh: Str, titleEn: Str, textZh: Str })),
  counts: Type.Object({ actions: Type.Integer(), tasks: Type.Integer(), safeguards: Type.Integer(), targets: Type.Integer(), quantifiedTargets: Type.Integer() }),
});

export const VersionSchema = Type.Object({ id: Type.Integer(), code: Str, version: Type.Integer(), checksum: Str, titleZh: Str, status: Str, statusZh: Str, createdAt: DateTime });

const TaskRef = Type.Object({ no: Type.Integer(), titleZh: Str, titleEn: Str, domains: Type.Array(Str) });

export const ActionSchema = Type.Object({
  no: Type.Integer(), code: Str, titleZh: Str, titleEn: Str, introZh: Str, domains: Type.Array(Str),
  tasks: Type.Array(TaskRef), targets: Type.Array(Type.Ref('Target')),
});

export const TaskListItem = Type.Object({
  no: Type.Integer(), actionNo: Type.Integer(), titleZh: Str, titleEn: Str, domains: Type.Array(Str),
  places: Type.Array(Place), products: Type.Array(Str), fields: Type.Array(Str), bodies: Type.Array(BodyRef),
});

export const TaskDetail = Type.Object({
  no: Type.Integer(), actionNo: Type.Integer(), titleZh: Str, titleEn: Str, textZh: Str, domains: Type.Array(Str),
  places: Type.Array(Place), products: Type.Array(Str), fields: Type.Array(Str), bodies: Type.Array(Type.Ref('Body')),
  action: Type.Object({ no: Type.Integer(), code: Str, titleZh: Str, titleEn: Str, introZh: Str }),
  targets: Type.Array(Type.Ref('Target')), indicators: Type.Array(TaskIndicatorSchema), planVersion: Type.Integer(),
});

export const DistrictSchema = Type.Object({ code: Str, nameZh: Str, shortZh: Str, nameEn: Str, type: Str });
export { BodyFull };
