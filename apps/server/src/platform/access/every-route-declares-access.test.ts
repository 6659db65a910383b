import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { RegisteredRoute } from '../http/types.js';
import { ROLES, SCOPES, type AccessRule } from './model.js';
import { testDatabases, useHarness, TEST_PASSWORD } from '../../test/harness.js';

/**
 * Default deny, checked over the whole application: every route names who may call it, and the
 * full list of rules is written out below so that any change of permission shows up in review.
 */

const routesWithoutRule = (routes: RegisteredRoute[]) => routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);

const describeRule = (rule: AccessRule) =>
  `${typeof rule.allow === 'string' ? rule.allow : `[${rule.allow.join(',')}]`}${rule.scope ? ` +${rule.scope}` : ''}`;

const permissionLines = (routes: RegisteredRoute[]) =>
  routes.map((r) => `${r.method} ${r.url} → ${r.access ? describeRule(r.access) : 'NO RULE'}`).sort();

/**
 * Every route of the application and who may call it. When this test fails, a permission has
 * changed: check the change is meant, then update this list in the same commit.
 */
const EXPECTED_PERMISSIONS = [
  'DELETE /api/challenges/need-editions/:id → [admin,taskforce]',
  'DELETE /api/challenges/outputs/:id → [admin,taskforce,unit,enterprise,institute]',
  'DELETE /api/innovation/platforms/:id/instruments/:instrumentId → [admin,taskforce,institute,enterprise]',
  'DELETE /api/ip/:id/links/:targetKind/:targetId → [admin,taskforce,enterprise,institute,pilotBase]',
  'DELETE /api/major-list-items/:id → [admin,taskforce]',
  'DELETE /api/pilot/base-services/:id → [admin,taskforce,pilotBase]',
  'DELETE /api/pilot/capabilities/:id → [admin,taskforce,pilotBase]',
  'DELETE /api/pilot/editions/:id → [admin,taskforce]',
  'DELETE /api/pilot/equipment/:id → [admin,taskforce,pilotBase]',
  'DELETE /api/pilot/platforms/:id → [admin,taskforce,pilotBase]',
  'DELETE /api/talent/experts/:id/collaborations/:collaborationId → [admin,taskforce,unit,expert]',
  'DELETE /api/talent/experts/:id/conflicts/:conflictId → [admin,taskforce,expert]',
  'DELETE /api/tokens/:id → authenticated',
  'GET /api/admin/organisations → [admin,taskforce] +admin:read',
  'GET /api/admin/tokens → [admin] +admin:read',
  'GET /api/admin/users → [admin] +admin:read',
  'GET /api/admin/users/:id → [admin] +admin:read',
  'GET /api/assignments → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/audit → [admin,taskforce]',
  'GET /api/auth/me → authenticated',
  'GET /api/bodies → public +plan:read',
  'GET /api/challenges → [admin,taskforce,unit,district] +challenges:read',
  'GET /api/challenges/:id → public',
  'GET /api/challenges/:id/applications → [admin,taskforce,unit,district] +challenges:read',
  'GET /api/challenges/:id/applications/export.xlsx → [admin,taskforce,unit]',
  'GET /api/challenges/:id/assignments → [admin,taskforce,unit] +challenges:read',
  'GET /api/challenges/:id/delivery-reviews → [admin,taskforce,unit,district] +challenges:read',
  'GET /api/challenges/:id/notice → public',
  'GET /api/challenges/:id/objections → authenticated',
  'GET /api/challenges/:id/ranking → [admin,taskforce,unit,district] +challenges:read',
  'GET /api/challenges/:id/ranking/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/challenges/:id/timeline → public',
  'GET /api/challenges/applications/:id → [admin,taskforce,enterprise,institute,unit,district] +challenges:read',
  'GET /api/challenges/applications/:id/feedback → [admin,taskforce,enterprise,institute,unit] +challenges:read',
  'GET /api/challenges/applications/mine → [admin,taskforce,enterprise,institute] +challenges:read',
  'GET /api/challenges/awards → public',
  'GET /api/challenges/awards/:id → [admin,taskforce,unit,district,enterprise,institute] +challenges:read',
  'GET /api/challenges/awards/mine → [admin,taskforce,enterprise,institute] +challenges:read',
  'GET /api/challenges/board → [admin,taskforce,unit,district] +challenges:read',
  'GET /api/challenges/board/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/challenges/need-editions → public',
  'GET /api/challenges/need-editions/:id → public',
  'GET /api/challenges/need-editions/:id/diff → public',
  'GET /api/challenges/need-editions/:id/document.docx → public',
  'GET /api/challenges/need-editions/:id/export.xlsx → public',
  'GET /api/challenges/need-editions/:id/items → public',
  'GET /api/challenges/needs/:id → public',
  'GET /api/challenges/needs/all → [admin,taskforce,unit] +challenges:read',
  'GET /api/challenges/needs/export.xlsx → [admin,taskforce,unit,enterprise,institute]',
  'GET /api/challenges/needs/mine → [admin,taskforce,unit,enterprise,institute] +challenges:read',
  'GET /api/challenges/needs/template.xlsx → [admin,taskforce,unit,enterprise,institute]',
  'GET /api/challenges/notices → public',
  'GET /api/challenges/open → public',
  'GET /api/challenges/open/export.xlsx → public',
  'GET /api/challenges/results → public',
  'GET /api/challenges/reviews → [expert] +challenges:read',
  'GET /api/challenges/reviews/:id → [expert] +challenges:read',
  'GET /api/challenges/tranches → [admin,taskforce,unit,district] +challenges:read',
  'GET /api/challenges/tranches/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/consultations → public +supervision:read',
  'GET /api/consultations/:id → public +supervision:read',
  'GET /api/consultations/:id/comments → [admin,taskforce]',
  'GET /api/consultations/:id/feedback.xlsx → [admin,taskforce]',
  'GET /api/consultations/export.xlsx → public',
  'GET /api/districts → public +plan:read',
  'GET /api/docs → public',
  'GET /api/docs/json → public',
  'GET /api/docs/static/* → public',
  'GET /api/docs/static/index.html → public',
  'GET /api/docs/static/swagger-initializer.js → public',
  'GET /api/docs/yaml → public',
  'GET /api/files/:id → authenticated',
  'GET /api/indicators → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/indicators/:code → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/indicators/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/industry/chains → public',
  'GET /api/industry/chains/:code → public',
  'GET /api/industry/chains/export.xlsx → public',
  'GET /api/industry/chains/targets → public',
  'GET /api/industry/enterprises → public',
  'GET /api/industry/enterprises/:id → public',
  'GET /api/industry/enterprises/export.xlsx → public',
  'GET /api/industry/events → public',
  'GET /api/industry/figures → [admin,taskforce,unit,district,enterprise] +industry:read',
  'GET /api/industry/figures/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/industry/funds → [admin,taskforce,unit,district] +industry:read',
  'GET /api/industry/funds/:id → [admin,taskforce,unit,district] +industry:read',
  'GET /api/industry/funds/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/industry/funds/summary → [admin,taskforce,unit,district] +industry:read',
  'GET /api/industry/leads → [admin,taskforce,district] +industry:read',
  'GET /api/industry/leads/:id → [admin,taskforce,district] +industry:read',
  'GET /api/industry/leads/clocks → [admin,taskforce,district] +industry:read',
  'GET /api/industry/leads/export.xlsx → [admin,taskforce,district]',
  'GET /api/industry/leads/overlaps → [admin,taskforce,district] +industry:read',
  'GET /api/industry/leads/pipeline → [admin,taskforce,district] +industry:read',
  'GET /api/industry/map → public',
  'GET /api/industry/parks → public',
  'GET /api/industry/parks/:id → public',
  'GET /api/industry/parks/export.xlsx → public',
  'GET /api/industry/rollup → [admin,taskforce,unit,district] +industry:read',
  'GET /api/industry/search → public',
  'GET /api/industry/targets/:code/records → [admin,taskforce,unit,district] +industry:read',
  'GET /api/industry/templates/:kind → [admin,taskforce,district]',
  'GET /api/innovation/platforms → public +innovation:read',
  'GET /api/innovation/platforms/:id → public +innovation:read',
  'GET /api/innovation/platforms/export.xlsx → public',
  'GET /api/innovation/platforms/summary → public +innovation:read',
  'GET /api/inspections → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/inspections/:id → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/inspections/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/ip → public +ip:read',
  'GET /api/ip/:id → public +ip:read',
  'GET /api/ip/export.xlsx → public',
  'GET /api/ip/reports → authenticated +ip:read',
  'GET /api/ip/reports/:id → authenticated +ip:read',
  'GET /api/ip/reports/:id/files/:fileId → authenticated',
  'GET /api/mail-outbox → [admin,taskforce]',
  'GET /api/major-lists → [admin,taskforce,unit,district,enterprise,institute,pilotBase,curator,expert] +supervision:read',
  'GET /api/major-lists/:kind/diff → [admin,taskforce,unit,district,enterprise,institute,pilotBase,curator,expert] +supervision:read',
  'GET /api/major-lists/:kind/diff.xlsx → [admin,taskforce,unit,district,enterprise,institute,pilotBase,curator,expert]',
  'GET /api/major-lists/:kind/editions/:no → [admin,taskforce,unit,district,enterprise,institute,pilotBase,curator,expert] +supervision:read',
  'GET /api/major-lists/:kind/editions/:no/export.xlsx → [admin,taskforce,unit,district,enterprise,institute,pilotBase,curator,expert]',
  'GET /api/meta → public',
  'GET /api/notices → public +supervision:read',
  'GET /api/notices/:id → public +supervision:read',
  'GET /api/notices/:id/docx → public +supervision:read',
  'GET /api/notices/export.xlsx → public',
  'GET /api/notifications → authenticated',
  'GET /api/organisations → authenticated',
  'GET /api/pilot/achievements → public',
  'GET /api/pilot/achievements/:id → public',
  'GET /api/pilot/achievements/:id/matches → [admin,taskforce,institute,enterprise] +pilot:read',
  'GET /api/pilot/achievements/all → [admin,taskforce] +pilot:read',
  'GET /api/pilot/achievements/export.xlsx → public',
  'GET /api/pilot/achievements/mine → [admin,taskforce,institute,enterprise] +pilot:read',
  'GET /api/pilot/atlas → public',
  'GET /api/pilot/bases → public',
  'GET /api/pilot/bases/:id → public',
  'GET /api/pilot/bases/:id/utilisation → [admin,taskforce,pilotBase,unit,district] +pilot:read',
  'GET /api/pilot/bookings → [admin,taskforce,enterprise,institute,pilotBase]',
  'GET /api/pilot/bookings/:id → [admin,taskforce,enterprise,institute,pilotBase]',
  'GET /api/pilot/demands → public',
  'GET /api/pilot/demands/:id → public',
  'GET /api/pilot/demands/:id/matches → [admin,taskforce,enterprise] +pilot:read',
  'GET /api/pilot/demands/all → [admin,taskforce] +pilot:read',
  'GET /api/pilot/demands/export.xlsx → public',
  'GET /api/pilot/demands/mine → [admin,taskforce,enterprise] +pilot:read',
  'GET /api/pilot/editions → public',
  'GET /api/pilot/editions/:id → public',
  'GET /api/pilot/editions/:id/diff → public',
  'GET /api/pilot/editions/:id/document.docx → public',
  'GET /api/pilot/equipment → public',
  'GET /api/pilot/equipment/:id → public',
  'GET /api/pilot/equipment/:id/bookings → public',
  'GET /api/pilot/funnel → public',
  'GET /api/pilot/matches/unserved → [admin,taskforce] +pilot:read',
  'GET /api/pilot/platforms/:id/matches → [admin,taskforce,pilotBase] +pilot:read',
  'GET /api/pilot/projects/:id → [admin,taskforce,unit,district,pilotBase,enterprise,institute] +pilot:read',
  'GET /api/pilot/projects/board → [admin,taskforce,unit,district,pilotBase,enterprise,institute] +pilot:read',
  'GET /api/pilot/projects/counts → public',
  'GET /api/pilot/responses → [admin,taskforce]',
  'GET /api/pilot/responses/:id → [admin,taskforce,enterprise,institute,pilotBase]',
  'GET /api/pilot/responses/:id/messages → [admin,taskforce,enterprise,institute,pilotBase]',
  'GET /api/pilot/responses/items/:kind/:id → [admin,taskforce,enterprise,institute,pilotBase]',
  'GET /api/pilot/responses/mine → [admin,taskforce,enterprise,institute,pilotBase]',
  'GET /api/pilot/services/requests → [admin,taskforce,enterprise,institute,pilotBase,unit,district] +pilot:read',
  'GET /api/pilot/services/requests/:id → [admin,taskforce,enterprise,institute,pilotBase,unit,district] +pilot:read',
  'GET /api/pilot/services/routes → public',
  'GET /api/pilot/services/stats → public',
  'GET /api/pilot/utilisation → [admin,taskforce,pilotBase,unit,district] +pilot:read',
  'GET /api/plan → public +plan:read',
  'GET /api/plan/actions → public +plan:read',
  'GET /api/plan/targets → public +plan:read',
  'GET /api/plan/tasks → public +plan:read',
  'GET /api/plan/tasks/:no → public +plan:read',
  'GET /api/plan/text → public +plan:read',
  'GET /api/plan/versions → public +plan:read',
  'GET /api/reports → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/reports/:id → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/reports/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/reports/template.xlsx → [admin,taskforce,unit,district]',
  'GET /api/supervision/calendar → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/supervision/inbox → [admin,taskforce,unit,district]',
  'GET /api/supervision/rollup → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/supervision/settings → [admin,taskforce,unit,district]',
  'GET /api/supervision/tasks/:no → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/supervision/units → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/talent/committee → [admin,taskforce,unit,district,expert] +talent:read',
  'GET /api/talent/committee/consultations → [admin,taskforce,unit,district,expert] +talent:read',
  'GET /api/talent/committee/roster → public',
  'GET /api/talent/education → public',
  'GET /api/talent/education/export.xlsx → public',
  'GET /api/talent/education/universities → public',
  'GET /api/talent/experts → [admin,taskforce,unit,district,expert] +talent:read',
  'GET /api/talent/experts/:id → [admin,taskforce,unit,district,expert] +talent:read',
  'GET /api/talent/experts/export.xlsx → [admin,taskforce,unit,district,expert] +talent:read',
  'GET /api/talent/experts/me → [expert]',
  'GET /api/talent/experts/template.xlsx → [admin,taskforce,unit]',
  'GET /api/talent/people → [admin,taskforce,unit,district] +talent:read',
  'GET /api/talent/people/:id → [admin,taskforce,unit,district] +talent:read',
  'GET /api/talent/people/export.xlsx → [admin,taskforce,unit,district] +talent:read',
  'GET /api/talent/people/summary → [admin,taskforce,unit,district] +talent:read',
  'GET /api/tokens → authenticated',
  'GET /api/work-points → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/work-points/:id → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/work-points/export.xlsx → [admin,taskforce,unit,district]',
  'GET /api/work-points/template.xlsx → [admin,taskforce]',
  'GET /api/year-plan → [admin,taskforce,unit,district] +supervision:read',
  'GET /api/year-plan/export.xlsx → [admin,taskforce,unit,district]',
  'GET /healthz → public',
  'GET /readyz → public',
  'PATCH /api/admin/organisations/:id → [admin]',
  'PATCH /api/admin/users/:id → [admin]',
  'PATCH /api/challenges/:id → [admin,taskforce,unit]',
  'PATCH /api/challenges/applications/:id → [admin,taskforce,enterprise,institute]',
  'PATCH /api/challenges/needs/:id → [admin,taskforce,unit,enterprise,institute]',
  'PATCH /api/industry/enterprises/:id → [admin,taskforce,district,enterprise]',
  'PATCH /api/industry/leads/:id → [admin,taskforce,district]',
  'PATCH /api/innovation/platforms/:id → [admin,taskforce,institute,enterprise]',
  'PATCH /api/innovation/platforms/:id/instruments/:instrumentId → [admin,taskforce,institute,enterprise]',
  'PATCH /api/inspections/:id → [admin,taskforce]',
  'PATCH /api/ip/:id → [admin,taskforce,enterprise,institute,pilotBase]',
  'PATCH /api/major-list-items/:id → [admin,taskforce]',
  'PATCH /api/notices/:id → [admin,taskforce]',
  'PATCH /api/pilot/achievements/:id → [admin,taskforce,institute,enterprise]',
  'PATCH /api/pilot/base-services/:id → [admin,taskforce,pilotBase]',
  'PATCH /api/pilot/bases/:id → [admin,taskforce,pilotBase]',
  'PATCH /api/pilot/capabilities/:id → [admin,taskforce,pilotBase]',
  'PATCH /api/pilot/demands/:id → [admin,taskforce,enterprise]',
  'PATCH /api/pilot/equipment/:id → [admin,taskforce,pilotBase]',
  'PATCH /api/pilot/platforms/:id → [admin,taskforce,pilotBase]',
  'PATCH /api/reports/:id → [unit,district]',
  'PATCH /api/supervision/settings → [admin,taskforce]',
  'PATCH /api/talent/committee/members/:id → [admin,taskforce]',
  'PATCH /api/talent/education/:id → [admin,taskforce,unit]',
  'PATCH /api/talent/experts/:id → [admin,taskforce,unit]',
  'PATCH /api/talent/people/:id → [admin,taskforce,unit]',
  'PATCH /api/work-points/:id → [admin,taskforce]',
  'POST /api/admin/organisations → [admin]',
  'POST /api/admin/users → [admin]',
  'POST /api/admin/users/:id/password → [admin]',
  'POST /api/admin/users/:id/unlock → [admin]',
  'POST /api/auth/login → public',
  'POST /api/auth/logout → authenticated',
  'POST /api/auth/password → authenticated',
  'POST /api/challenges → [admin,taskforce,unit]',
  'POST /api/challenges/:id/applications → [admin,taskforce,enterprise,institute]',
  'POST /api/challenges/:id/assignments/auto → [admin,taskforce,unit]',
  'POST /api/challenges/:id/cancel → [admin,taskforce,unit]',
  'POST /api/challenges/:id/delivery-reviews → [admin,taskforce,unit]',
  'POST /api/challenges/:id/extend → [admin,taskforce,unit]',
  'POST /api/challenges/:id/notice → [admin,taskforce,unit]',
  'POST /api/challenges/:id/notice/confirm → [admin,taskforce,unit]',
  'POST /api/challenges/:id/objections → authenticated',
  'POST /api/challenges/:id/publish → [admin,taskforce,unit]',
  'POST /api/challenges/:id/start-review → [admin,taskforce,unit]',
  'POST /api/challenges/applications/:id/assignments → [admin,taskforce,unit]',
  'POST /api/challenges/applications/:id/formal-check → [admin,taskforce,unit]',
  'POST /api/challenges/applications/:id/submit → [admin,taskforce,enterprise,institute]',
  'POST /api/challenges/applications/:id/withdraw → [admin,taskforce,enterprise,institute]',
  'POST /api/challenges/assignments/:id/replace → [admin,taskforce,unit]',
  'POST /api/challenges/assignments/:id/unassign → [admin,taskforce,unit]',
  'POST /api/challenges/awards/:id/acceptance → [admin,taskforce,unit]',
  'POST /api/challenges/awards/:id/contract → [admin,taskforce,unit]',
  'POST /api/challenges/awards/:id/outputs → [admin,taskforce,unit,enterprise,institute]',
  'POST /api/challenges/awards/:id/tranches → [admin,taskforce,unit]',
  'POST /api/challenges/milestone-reports/:id/decision → [admin,taskforce,unit]',
  'POST /api/challenges/milestones/:id/reports → [admin,taskforce,enterprise,institute]',
  'POST /api/challenges/need-editions → [admin,taskforce]',
  'POST /api/challenges/need-editions/:id/publish → [admin,taskforce]',
  'POST /api/challenges/need-editions/:id/refresh → [admin,taskforce]',
  'POST /api/challenges/needs → [admin,taskforce,unit,enterprise,institute]',
  'POST /api/challenges/needs/:id/accept → [admin,taskforce,unit]',
  'POST /api/challenges/needs/:id/return → [admin,taskforce,unit]',
  'POST /api/challenges/needs/:id/submit → [admin,taskforce,unit,enterprise,institute]',
  'POST /api/challenges/needs/:id/withdraw → [admin,taskforce,unit,enterprise,institute]',
  'POST /api/challenges/needs/import → [admin,taskforce,unit,enterprise,institute]',
  'POST /api/challenges/objections/:id/decide → [admin,taskforce,unit]',
  'POST /api/challenges/reviews/:id/conflict → [expert]',
  'POST /api/challenges/reviews/:id/decline → [expert]',
  'POST /api/challenges/reviews/:id/submit → [expert]',
  'POST /api/consultation-comments/:id/answer → [admin,taskforce]',
  'POST /api/consultations → [admin,taskforce]',
  'POST /api/consultations/:id/comments → public',
  'POST /api/consultations/:id/publish → [admin,taskforce]',
  'POST /api/files → authenticated',
  'POST /api/indicators/:code/values → [admin,taskforce,unit,district]',
  'POST /api/indicators/snapshot → [admin,taskforce]',
  'POST /api/industry/enterprises → [admin,taskforce,district]',
  'POST /api/industry/enterprises/:id/transformations → [admin,taskforce,district]',
  'POST /api/industry/events → [admin,taskforce]',
  'POST /api/industry/figures/:id/verify → [admin,taskforce,district]',
  'POST /api/industry/funds → [admin,taskforce]',
  'POST /api/industry/funds/:id/investments → [admin,taskforce]',
  'POST /api/industry/import/:kind → [admin,taskforce,district]',
  'POST /api/industry/leads → [admin,taskforce,district]',
  'POST /api/industry/leads/:id/activities → [admin,taskforce,district]',
  'POST /api/industry/leads/:id/close → [admin,taskforce,district]',
  'POST /api/industry/leads/:id/stage → [admin,taskforce,district]',
  'POST /api/industry/leads/overlaps/decide → [admin,taskforce]',
  'POST /api/industry/parks → [admin,taskforce]',
  'POST /api/innovation/platforms → [admin,taskforce]',
  'POST /api/innovation/platforms/:id/instruments → [admin,taskforce,institute,enterprise]',
  'POST /api/inspections → [admin,taskforce]',
  'POST /api/inspections/:id/close → [admin,taskforce]',
  'POST /api/inspections/:id/rectifications → [admin,taskforce]',
  'POST /api/ip → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/ip/:id/links → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/ip/reports → authenticated',
  'POST /api/ip/reports/:id/move → [admin,taskforce,unit]',
  'POST /api/major-lists/:kind/editions → [admin,taskforce]',
  'POST /api/major-lists/:kind/editions/:no/items → [admin,taskforce]',
  'POST /api/major-lists/:kind/editions/:no/publish → [admin,taskforce]',
  'POST /api/notices → [admin,taskforce]',
  'POST /api/notices/:id/approve → [admin,taskforce]',
  'POST /api/notices/:id/publish → [admin,taskforce]',
  'POST /api/notifications/:id/read → authenticated',
  'POST /api/notifications/read-all → authenticated',
  'POST /api/pilot/achievements → [admin,taskforce,institute,enterprise]',
  'POST /api/pilot/achievements/:id/close → [admin,taskforce,institute,enterprise]',
  'POST /api/pilot/achievements/:id/publish → [admin,taskforce]',
  'POST /api/pilot/achievements/:id/renew → [admin,taskforce,institute,enterprise]',
  'POST /api/pilot/achievements/:id/return → [admin,taskforce]',
  'POST /api/pilot/achievements/:id/submit → [admin,taskforce,institute,enterprise]',
  'POST /api/pilot/bases → [admin,taskforce]',
  'POST /api/pilot/bases/:id/equipment → [admin,taskforce,pilotBase]',
  'POST /api/pilot/bases/:id/platforms → [admin,taskforce,pilotBase]',
  'POST /api/pilot/bases/:id/services → [admin,taskforce,pilotBase]',
  'POST /api/pilot/bookings/:id/approve → [admin,taskforce,pilotBase]',
  'POST /api/pilot/bookings/:id/cancel → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/bookings/:id/check-in → [admin,taskforce,pilotBase]',
  'POST /api/pilot/bookings/:id/reject → [admin,taskforce,pilotBase]',
  'POST /api/pilot/bookings/:id/usage → [admin,taskforce,pilotBase]',
  'POST /api/pilot/demands → [admin,taskforce,enterprise]',
  'POST /api/pilot/demands/:id/close → [admin,taskforce,enterprise]',
  'POST /api/pilot/demands/:id/publish → [admin,taskforce]',
  'POST /api/pilot/demands/:id/renew → [admin,taskforce,enterprise]',
  'POST /api/pilot/demands/:id/return → [admin,taskforce]',
  'POST /api/pilot/demands/:id/submit → [admin,taskforce,enterprise]',
  'POST /api/pilot/editions → [admin,taskforce]',
  'POST /api/pilot/editions/:id/publish → [admin,taskforce]',
  'POST /api/pilot/editions/:id/refresh → [admin,taskforce]',
  'POST /api/pilot/equipment/:id/bookings → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/lists/expire → [admin,taskforce]',
  'POST /api/pilot/matches/refresh → [admin,taskforce]',
  'POST /api/pilot/platforms/:id/capabilities → [admin,taskforce,pilotBase]',
  'POST /api/pilot/projects → [admin,taskforce,pilotBase]',
  'POST /api/pilot/projects/:id/gates → [admin,taskforce,pilotBase]',
  'POST /api/pilot/projects/:id/stop → [admin,taskforce,pilotBase]',
  'POST /api/pilot/responses → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/responses/:id/accept → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/responses/:id/close → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/responses/:id/decline → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/responses/:id/messages → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/responses/:id/stage → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/services/requests → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/pilot/services/requests/:id/accept → [admin,taskforce,unit,district]',
  'POST /api/pilot/services/requests/:id/finish → [admin,taskforce,unit,district]',
  'POST /api/pilot/services/requests/:id/reject → [admin,taskforce,unit,district]',
  'POST /api/pilot/services/requests/:id/withdraw → [admin,taskforce,enterprise,institute,pilotBase]',
  'POST /api/rectifications/:id/close → [admin,taskforce]',
  'POST /api/rectifications/:id/evidence → [unit,district]',
  'POST /api/rectifications/:id/reopen → [admin,taskforce]',
  'POST /api/reports → [unit,district]',
  'POST /api/reports/:id/accept → [admin,taskforce]',
  'POST /api/reports/:id/return → [admin,taskforce]',
  'POST /api/reports/:id/submit → [unit,district]',
  'POST /api/reports/import → [unit,district]',
  'POST /api/supervision/reminders/run → [admin,taskforce]',
  'POST /api/talent/committee/consultations → [admin,taskforce]',
  'POST /api/talent/committee/members → [admin,taskforce]',
  'POST /api/talent/committee/members/:id/renew → [admin,taskforce]',
  'POST /api/talent/education → [admin,taskforce,unit]',
  'POST /api/talent/experts → [admin,taskforce,unit]',
  'POST /api/talent/experts/:id/collaborations → [admin,taskforce,unit,expert]',
  'POST /api/talent/experts/:id/conflicts → [admin,taskforce,expert]',
  'POST /api/talent/experts/import → [admin,taskforce,unit]',
  'POST /api/talent/people → [admin,taskforce,unit]',
  'POST /api/tokens → authenticated',
  'POST /api/work-points → [admin,taskforce]',
  'POST /api/work-points/import → [admin,taskforce]',
  'PUT /api/assignments/:taskNo → [admin,taskforce]',
  'PUT /api/challenges/awards/:id/milestones → [admin,taskforce,unit]',
  'PUT /api/challenges/reviews/:id/scores → [expert]',
  'PUT /api/indicators/:code/setting → [admin,taskforce]',
  'PUT /api/industry/enterprises/:id/chain-nodes → [admin,taskforce,district,enterprise]',
  'PUT /api/industry/enterprises/:id/designations → [admin,taskforce,district]',
  'PUT /api/industry/enterprises/:id/figures/:year → [admin,taskforce,district,enterprise]',
  'PUT /api/industry/enterprises/:id/transformations/:programmeId → [admin,taskforce,district]',
  'PUT /api/industry/funds/:id → [admin,taskforce]',
  'PUT /api/industry/leads/clocks → [admin,taskforce]',
  'PUT /api/industry/parks/:id → [admin,taskforce]',
  'PUT /api/pilot/bases/:id/alliance → [admin,taskforce]',
  'PUT /api/pilot/bases/:id/tier → [admin,taskforce]',
  'PUT /api/pilot/services/routes/:category → [admin,taskforce]',
  'PUT /api/talent/experts/:id/account → [admin,taskforce]',
];

describe.each(testDatabases)('every route declares who may call it, on $name', (kind) => {
  const h = useHarness(kind, { seed: false });

  it('registers routes, and the list of them is what the access hook saw', () => {
    expect(h.routes.length).toBeGreaterThan(10);
    expect(h.routes.some((r) => r.method === 'HEAD')).toBe(false);
  });

  it('has no route without an access rule', () => {
    expect(routesWithoutRule(h.routes)).toEqual([]);
  });

  it('has only well-formed rules: public, authenticated or a non-empty list of known roles, and known scopes', () => {
    const problems: string[] = [];
    for (const r of h.routes) {
      const rule = r.access!;
      const allow = rule.allow;
      if (typeof allow === 'string') {
        if (allow !== 'public' && allow !== 'authenticated') problems.push(`${r.method} ${r.url}: allow '${allow}'`);
      } else if (!Array.isArray(allow) || allow.length === 0 || allow.some((role) => !(ROLES as readonly string[]).includes(role))) {
        problems.push(`${r.method} ${r.url}: allow ${JSON.stringify(allow)}`);
      }
      if (rule.scope !== undefined && !(rule.scope in SCOPES)) problems.push(`${r.method} ${r.url}: unknown scope '${rule.scope}'`);
    }
    expect(problems).toEqual([]);
  });

  it('lets no write route (POST, PUT, PATCH, DELETE) be public except signing in and commenting on a consultation', () => {
    const publicWrites = h.routes.filter((r) => r.method !== 'GET' && r.access?.allow === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicWrites.sort()).toEqual(['POST /api/auth/login', 'POST /api/consultations/:id/comments']);
  });

  it('matches the reviewed list of permissions, route by route', () => {
    expect(permissionLines(h.routes)).toEqual(EXPECTED_PERMISSIONS);
  });

  describe('a route registered without a rule', () => {
    // A fresh application on the same database, with a test-only plugin that forgets the rule.
    let app: Awaited<ReturnType<typeof buildApp>>['app'];
    let routes: RegisteredRoute[];
    let admin: { cookie: string; 'x-csrf-token': string };

    beforeAll(async () => {
      const built = await buildApp({ database: h.database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: 1_048_576 });
      app = built.app;
      routes = built.routes;
      await app.register(async (plugin) => {
        plugin.get('/api/test/forgotten', async () => ({ secret: 'leaked' }));
        plugin.post('/api/test/forgotten', async () => ({ secret: 'leaked' }));
      });
      await app.ready();
      await h.user('root', ['admin']);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password: TEST_PASSWORD } });
      if (login.statusCode !== 200) throw new Error(login.body);
      admin = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json().csrfToken };
    });
    afterAll(() => app?.close());

    it('is caught by the walk over the routes', () => {
      expect(routesWithoutRule(routes)).toEqual(['GET /api/test/forgotten', 'POST /api/test/forgotten']);
    });

    it('answers 403 to anonymous callers, not 401: signing in would not help', async () => {
      for (const method of ['GET', 'POST'] as const) {
        const res = await app.inject({ method, url: '/api/test/forgotten', ...(method === 'POST' ? { payload: {} } : {}) });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
        expect(res.body).not.toContain('leaked');
      }
    });

    it('answers 403 even to an administrator', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: admin })).statusCode).toBe(200);
      const get = await app.inject({ method: 'GET', url: '/api/test/forgotten', headers: admin });
      const post = await app.inject({ method: 'POST', url: '/api/test/forgotten', headers: admin, payload: {} });
      for (const res of [get, post]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.message).toMatch(/默认拒绝.*denied by default/);
        expect(res.body).not.toContain('leaked');
      }
    });

    it('answers 403 to an API token holding every scope', async () => {
      const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: admin, payload: { name: 'all scopes', scopes: Object.keys(SCOPES) } });
      expect(created.statusCode).toBe(201);
      const res = await app.inject({ method: 'GET', url: '/api/test/forgotten', headers: { authorization: `Bearer ${created.json().token}` } });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('leaked');
    });
  });
});
