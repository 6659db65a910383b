import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_BODY, expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { notify } from '../notifications.js';
import { multipart, supervisionPeople } from './fixture.js';

/**
 * Who may call each route of the supervision module (and the files it cites): every role and
 * anonymous callers against every route. A caller the route's rule does not admit is refused
 * at the gate — 401 or 403, before the body is read or validated, and nothing changes; a
 * caller it admits reaches the service, which may still say 404/409/422 about the object.
 */

type Caller = Role | 'anonymous';
type Allow = 'public' | 'authenticated' | readonly Role[];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SCOPE = 'supervision:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const PARTICIPANTS = ['admin', 'taskforce', 'unit', 'district'] as const;
const OWNERS = ['unit', 'district'] as const;
const SIGNED_IN = ROLES;

/** A body no route's schema accepts: refused callers send it to show the gate comes first. */

interface Req { url: string; body?: unknown; headers?: Record<string, string> }

/** What one suite has made, and how to make more. */
interface World {
  h: Harness;
  pglite: boolean;
  as: Record<Caller, Client>;
  /** The other unit (a second department), for the object checks. */
  unitB: Client;
  orgs: { taskForce: string; unitA: string; unitB: string; district: string; enterprise: string };
  ids: {
    wpA: string; reportA: string; inspection: string; rectification: string; notice: string; draftNotice: string;
    consultation: string; draftConsultation: string; comment: string; projectNo: number; item: string; fileTf: string; indicator: string;
  };
  templates: { workPoints: Buffer; reports: Buffer };
}

interface Case {
  method: Method;
  route: string;
  allow: Allow;
  /** The scope that lets an API token call the route (none: people only). */
  scope?: typeof SCOPE;
  /** What an admitted caller gets with the request below. */
  ok: number[];
  /** What it gets instead on PGlite, where that differs. */
  pgliteOk?: number[];
  /** The request for this caller; fresh objects are made only for admitted callers. */
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}


// ---- Making objects (always as the task force or the owner) -------------------------------

let serial = 0;
const unique = (prefix: string) => `${prefix}${++serial}`;

async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

const ownerOrg = (w: World, caller: Caller) => (caller === 'district' ? w.orgs.district : w.orgs.unitA);

async function workPoint(w: World, ownerOrganisationId: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await json(await w.as.taskforce.post('/api/work-points', {
    taskNo: 22, year: 2025, titleZh: unique('菌种资源库建设'), deliverableZh: '入库菌种 5000 株', ownerOrganisationId,
    dueOn: '2025-12-31', frequency: 'monthly', districtCode: '500112', ...extra,
  }), 201, 'work point')).id;
}

/** A draft report by the owner (unit → unit A's work point; district → the district's own). */
async function draftReport(w: World, caller: Caller): Promise<string> {
  const wp = await workPoint(w, ownerOrg(w, caller));
  return (await json(await w.as[caller].post('/api/reports', { workPointId: wp, periodLabel: '2025-01', textZh: '完成选址', progressPct: 10 }), 201, 'report')).id;
}

async function submittedReport(w: World): Promise<string> {
  const id = await draftReport(w, 'unit');
  await json(await w.as.unit.post(`/api/reports/${id}/submit`), 200, 'submit');
  return id;
}

async function inspection(w: World): Promise<string> {
  return (await json(await w.as.taskforce.post('/api/inspections', {
    kind: 'scheduled', titleZh: unique('一季度督促检查'), plannedOn: '2025-03-20', scope: { taskNos: [22], organisationIds: [], districtCodes: ['500112'] },
  }), 201, 'inspection')).id;
}

async function rectification(w: World, ownerOrganisationId: string, inspectionId?: string): Promise<string> {
  const i = inspectionId ?? await inspection(w);
  return (await json(await w.as.taskforce.post(`/api/inspections/${i}/rectifications`, { descriptionZh: unique('补齐入库台账'), ownerOrganisationId, dueOn: '2025-04-30' }), 201, 'rectification')).id;
}

async function submittedRectification(w: World): Promise<string> {
  const id = await rectification(w, w.orgs.unitA);
  await json(await w.as.unit.post(`/api/rectifications/${id}/evidence`, { evidenceZh: '台账已补齐' }), 200, 'evidence');
  return id;
}

async function draftNotice(w: World): Promise<string> {
  return (await json(await w.as.taskforce.post('/api/notices', { kind: 'progress', quarter: '2025-Q1' }), 201, 'notice')).id;
}

async function approvedNotice(w: World): Promise<string> {
  const id = await draftNotice(w);
  await json(await w.as.taskforce.post(`/api/notices/${id}/approve`), 200, 'approve');
  return id;
}

async function draftConsultation(w: World): Promise<string> {
  return (await json(await w.as.taskforce.post('/api/consultations', {
    titleZh: unique('菌种资源共享管理办法'), draftText: '第一条 为规范菌种资源共享……', opensOn: '2025-03-01', closesOn: '2025-04-30',
  }), 201, 'consultation')).id;
}

/** A draft edition of a kind, publishing the kind's earlier draft first. */
async function draftEdition(w: World, kind: string): Promise<number> {
  const overview = await json(await w.as.taskforce.get('/api/major-lists'), 200, 'overview') as { kind: string; editions: { editionNo: number; status: string }[] }[];
  const last = overview.find((k) => k.kind === kind)!.editions[0];
  if (last?.status === 'draft') await json(await w.as.taskforce.post(`/api/major-lists/${kind}/editions/${last.editionNo}/publish`), 200, 'publish edition');
  return (await json(await w.as.taskforce.post(`/api/major-lists/${kind}/editions`, {}), 201, 'edition')).editionNo;
}

async function draftItem(w: World): Promise<string> {
  return (await json(await w.as.taskforce.post(`/api/major-lists/project/editions/${w.ids.projectNo}/items`, { nameZh: unique('生物基材料中试项目'), taskNo: 22 }), 201, 'item')).id;
}

async function upload(client: Client, name = '证明材料.txt') {
  const m = multipart(name, Buffer.from(`evidence ${unique('')}`), 'text/plain');
  return client.request('POST', '/api/files', m.payload, m.headers);
}

async function userId(client: Client): Promise<string> {
  return (await json(await client.get('/api/auth/me'), 200, 'me')).user.id;
}

// ---- The table ----------------------------------------------------------------------------

const xlsxUpload = (file: Buffer) => {
  const m = multipart('导入.xlsx', file);
  return { body: m.payload, headers: m.headers };
};

const CASES: Case[] = [
  // Work points, assignments, the year plan
  { method: 'GET', route: '/api/assignments', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/assignments?taskNo=22' }) },
  {
    method: 'PUT', route: '/api/assignments/:taskNo', allow: TASK_FORCE, ok: [200],
    request: (w) => ({ url: '/api/assignments/23', body: { leadIds: [w.orgs.unitA], coIds: [w.orgs.unitB], districtIds: [w.orgs.district] } }),
  },
  { method: 'GET', route: '/api/work-points', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/work-points?taskNo=22&limit=10' }) },
  { method: 'GET', route: '/api/work-points/export.xlsx', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/work-points/export.xlsx?year=2025' }) },
  { method: 'GET', route: '/api/work-points/template.xlsx', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/work-points/template.xlsx' }) },
  // An empty template imports nothing and says so (422): the caller passed the gate.
  { method: 'POST', route: '/api/work-points/import', allow: TASK_FORCE, ok: [422], request: (w) => ({ url: '/api/work-points/import', ...xlsxUpload(w.templates.workPoints) }) },
  { method: 'GET', route: '/api/work-points/:id', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/work-points/${w.ids.wpA}` }) },
  {
    method: 'POST', route: '/api/work-points', allow: TASK_FORCE, ok: [201],
    request: (w) => ({ url: '/api/work-points', body: { taskNo: 22, year: 2025, titleZh: unique('新增要点'), deliverableZh: '一份', ownerOrganisationId: w.orgs.unitA, dueOn: '2025-12-31', frequency: 'quarterly' } }),
  },
  {
    // On PGlite an update of an existing work point never returns (it reads the plan outside its
    // transaction, on the one connection the transaction holds), so there an admitted caller
    // names a work point that does not exist: 404 still shows the gate let it through.
    method: 'PATCH', route: '/api/work-points/:id', allow: TASK_FORCE, ok: [200], pgliteOk: [404],
    request: async (w, x) => ({
      url: `/api/work-points/${!x.admitted ? w.ids.wpA : w.pglite ? '00000000-0000-4000-8000-000000000000' : await workPoint(w, w.orgs.unitA)}`,
      body: { titleZh: unique('改过的要点') },
    }),
  },
  { method: 'GET', route: '/api/year-plan', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/year-plan?year=2025' }) },
  { method: 'GET', route: '/api/year-plan/export.xlsx', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/year-plan/export.xlsx?year=2025' }) },

  // Progress reports
  { method: 'GET', route: '/api/reports', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/reports?taskNo=22' }) },
  { method: 'GET', route: '/api/reports/export.xlsx', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/reports/export.xlsx' }) },
  { method: 'GET', route: '/api/reports/template.xlsx', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/reports/template.xlsx' }) },
  { method: 'POST', route: '/api/reports/import', allow: OWNERS, ok: [422], request: (w) => ({ url: '/api/reports/import', ...xlsxUpload(w.templates.reports) }) },
  { method: 'GET', route: '/api/reports/:id', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/reports/${w.ids.reportA}` }) },
  {
    method: 'POST', route: '/api/reports', allow: OWNERS, ok: [201],
    request: async (w, x) => ({ url: '/api/reports', body: { workPointId: x.admitted ? await workPoint(w, ownerOrg(w, x.caller)) : w.ids.wpA, periodLabel: '2025-02', textZh: '推进中' } }),
  },
  {
    method: 'PATCH', route: '/api/reports/:id', allow: OWNERS, ok: [200],
    request: async (w, x) => ({ url: `/api/reports/${x.admitted ? await draftReport(w, x.caller) : w.ids.reportA}`, body: { textZh: '完成选址，入库 300 株', progressPct: 12 } }),
  },
  {
    method: 'POST', route: '/api/reports/:id/submit', allow: OWNERS, ok: [200],
    request: async (w, x) => ({ url: `/api/reports/${x.admitted ? await draftReport(w, x.caller) : w.ids.reportA}/submit` }),
  },
  {
    method: 'POST', route: '/api/reports/:id/return', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/reports/${x.admitted ? await submittedReport(w) : w.ids.reportA}/return`, body: { comment: '请补充入库数量' } }),
  },
  {
    method: 'POST', route: '/api/reports/:id/accept', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/reports/${x.admitted ? await submittedReport(w) : w.ids.reportA}/accept`, body: {} }),
  },

  // Status, inbox, settings, reminders, notifications
  { method: 'GET', route: '/api/supervision/rollup', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/supervision/rollup?year=2025' }) },
  { method: 'GET', route: '/api/supervision/units', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/supervision/units?quarter=2025-Q1' }) },
  { method: 'GET', route: '/api/supervision/calendar', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/supervision/calendar?from=2025-03-01&to=2025-05-31' }) },
  { method: 'GET', route: '/api/supervision/inbox', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/supervision/inbox' }) },
  { method: 'GET', route: '/api/supervision/tasks/:no', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/supervision/tasks/22' }) },
  { method: 'GET', route: '/api/supervision/settings', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/supervision/settings' }) },
  { method: 'PATCH', route: '/api/supervision/settings', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/supervision/settings', body: { reminderDaysBefore: 3 } }) },
  { method: 'POST', route: '/api/supervision/reminders/run', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/supervision/reminders/run' }) },
  { method: 'GET', route: '/api/mail-outbox', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/mail-outbox?limit=5' }) },
  { method: 'GET', route: '/api/notifications', allow: 'authenticated', ok: [200], request: () => ({ url: '/api/notifications?unread=true' }) },
  { method: 'POST', route: '/api/notifications/read-all', allow: 'authenticated', ok: [200], request: () => ({ url: '/api/notifications/read-all' }) },
  {
    method: 'POST', route: '/api/notifications/:id/read', allow: 'authenticated', ok: [200],
    request: async (w, x) => {
      // Each admitted caller marks a notification of its own; anonymous names unit A's.
      if (!x.admitted) return { url: `/api/notifications/${await unitNotification(w)}/read` };
      const uid = await userId(w.as[x.caller]);
      await notify(w.h.database.db, { userId: uid, kind: 'test', titleZh: '测试通知', titleEn: 'A test notification', dedupeKey: unique(`matrix:${uid}:`) });
      const n = await w.h.database.db.selectFrom('notification').select('id').where('userId', '=', uid).where('readAt', 'is', null).executeTakeFirstOrThrow();
      return { url: `/api/notifications/${n.id}/read` };
    },
  },

  // Indicators
  { method: 'GET', route: '/api/indicators', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/indicators' }) },
  { method: 'GET', route: '/api/indicators/export.xlsx', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/indicators/export.xlsx' }) },
  { method: 'POST', route: '/api/indicators/snapshot', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/indicators/snapshot' }) },
  { method: 'GET', route: '/api/indicators/:code', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/indicators/${w.ids.indicator}` }) },
  {
    method: 'POST', route: '/api/indicators/:code/values', allow: PARTICIPANTS, ok: [201],
    request: async (w, x) => {
      // A unit or district reports on an indicator of an action it takes part in: assign it first.
      if (x.admitted && (x.caller === 'unit' || x.caller === 'district')) {
        const actionNo = (await w.h.services.plan.targets()).find((t) => t.code === w.ids.indicator)!.actionNo;
        const taskNo = (await w.h.services.plan.actions()).find((a) => a.no === actionNo)!.tasks[0].no;
        await w.h.database.db.insertInto('taskAssignment').values({ taskNo, organisationId: ownerOrg(w, x.caller), role: 'co' }).onConflict((oc) => oc.doNothing()).execute();
      }
      return { url: `/api/indicators/${w.ids.indicator}/values`, body: { value: 50, asOf: '2025-03-01', evidenceZh: '统计局季度数据' } };
    },
  },
  {
    method: 'PUT', route: '/api/indicators/:code/setting', allow: TASK_FORCE, ok: [200],
    request: (w) => ({ url: `/api/indicators/${w.ids.indicator}/setting`, body: { baselineValue: null, baselineOn: null, paceCurve: null } }),
  },

  // Major lists: everyone signed in reads published editions; the task force edits drafts
  { method: 'GET', route: '/api/major-lists', allow: SIGNED_IN, scope: SCOPE, ok: [200], request: () => ({ url: '/api/major-lists' }) },
  { method: 'GET', route: '/api/major-lists/:kind/editions/:no', allow: SIGNED_IN, scope: SCOPE, ok: [200], request: () => ({ url: '/api/major-lists/policy/editions/1' }) },
  { method: 'GET', route: '/api/major-lists/:kind/editions/:no/export.xlsx', allow: SIGNED_IN, ok: [200], request: () => ({ url: '/api/major-lists/policy/editions/1/export.xlsx' }) },
  { method: 'GET', route: '/api/major-lists/:kind/diff', allow: SIGNED_IN, scope: SCOPE, ok: [200], request: () => ({ url: '/api/major-lists/policy/diff?from=1&to=2' }) },
  { method: 'GET', route: '/api/major-lists/:kind/diff.xlsx', allow: SIGNED_IN, ok: [200], request: () => ({ url: '/api/major-lists/policy/diff.xlsx?from=1&to=2' }) },
  {
    method: 'POST', route: '/api/major-lists/:kind/editions', allow: TASK_FORCE, ok: [201],
    request: async (w, x) => {
      if (x.admitted) { // the reform list's last edition must be published before a new one starts
        const overview = await json(await w.as.taskforce.get('/api/major-lists'), 200, 'overview') as { kind: string; editions: { editionNo: number; status: string }[] }[];
        const last = overview.find((k) => k.kind === 'reform')!.editions[0];
        if (last?.status === 'draft') await json(await w.as.taskforce.post(`/api/major-lists/reform/editions/${last.editionNo}/publish`), 200, 'publish');
      }
      return { url: '/api/major-lists/reform/editions', body: { noteZh: '年度滚动更新' } };
    },
  },
  {
    method: 'POST', route: '/api/major-lists/:kind/editions/:no/items', allow: TASK_FORCE, ok: [201],
    request: (w) => ({ url: `/api/major-lists/project/editions/${w.ids.projectNo}/items`, body: { nameZh: unique('合成生物学创新平台'), ownerOrganisationId: w.orgs.unitA, amountYiYuan: 1.5 } }),
  },
  {
    method: 'POST', route: '/api/major-lists/:kind/editions/:no/publish', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: x.admitted ? `/api/major-lists/platform/editions/${await draftEdition(w, 'platform')}/publish` : `/api/major-lists/project/editions/${w.ids.projectNo}/publish` }),
  },
  {
    method: 'PATCH', route: '/api/major-list-items/:id', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/major-list-items/${x.admitted ? await draftItem(w) : w.ids.item}`, body: { progressZh: '已开工' } }),
  },
  {
    method: 'DELETE', route: '/api/major-list-items/:id', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/major-list-items/${x.admitted ? await draftItem(w) : w.ids.item}` }),
  },

  // Inspections and rectifications
  { method: 'GET', route: '/api/inspections', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/inspections?taskNo=22' }) },
  { method: 'GET', route: '/api/inspections/export.xlsx', allow: PARTICIPANTS, ok: [200], request: () => ({ url: '/api/inspections/export.xlsx' }) },
  { method: 'GET', route: '/api/inspections/:id', allow: PARTICIPANTS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/inspections/${w.ids.inspection}` }) },
  {
    method: 'POST', route: '/api/inspections', allow: TASK_FORCE, ok: [201],
    request: () => ({ url: '/api/inspections', body: { kind: 'special', titleZh: unique('专项督查'), plannedOn: '2025-04-10', scope: { taskNos: [22], organisationIds: [], districtCodes: [] } } }),
  },
  {
    method: 'PATCH', route: '/api/inspections/:id', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/inspections/${x.admitted ? await inspection(w) : w.ids.inspection}`, body: { findingsZh: '台账不全', status: 'inProgress' } }),
  },
  {
    method: 'POST', route: '/api/inspections/:id/rectifications', allow: TASK_FORCE, ok: [201],
    request: async (w, x) => ({ url: `/api/inspections/${x.admitted ? await inspection(w) : w.ids.inspection}/rectifications`, body: { descriptionZh: '补齐台账', ownerOrganisationId: w.orgs.unitA, dueOn: '2025-04-30' } }),
  },
  {
    method: 'POST', route: '/api/inspections/:id/close', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/inspections/${x.admitted ? await inspection(w) : w.ids.inspection}/close`, body: { findingsZh: '未发现问题' } }),
  },
  {
    method: 'POST', route: '/api/rectifications/:id/evidence', allow: OWNERS, ok: [200],
    request: async (w, x) => ({ url: `/api/rectifications/${x.admitted ? await rectification(w, ownerOrg(w, x.caller)) : w.ids.rectification}/evidence`, body: { evidenceZh: '已整改完毕' } }),
  },
  {
    method: 'POST', route: '/api/rectifications/:id/close', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/rectifications/${x.admitted ? await submittedRectification(w) : w.ids.rectification}/close`, body: { comment: '同意销号' } }),
  },
  {
    method: 'POST', route: '/api/rectifications/:id/reopen', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/rectifications/${x.admitted ? await submittedRectification(w) : w.ids.rectification}/reopen`, body: { comment: '证据不足' } }),
  },

  // Notices: published ones are public
  { method: 'GET', route: '/api/notices', allow: 'public', scope: SCOPE, ok: [200], request: () => ({ url: '/api/notices?limit=20' }) },
  { method: 'GET', route: '/api/notices/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/notices/export.xlsx' }) },
  { method: 'GET', route: '/api/notices/:id', allow: 'public', scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/notices/${w.ids.notice}` }) },
  { method: 'GET', route: '/api/notices/:id/docx', allow: 'public', scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/notices/${w.ids.notice}/docx` }) },
  { method: 'POST', route: '/api/notices', allow: TASK_FORCE, ok: [201], request: () => ({ url: '/api/notices', body: { kind: 'commendation', quarter: '2025-Q1' } }) },
  {
    method: 'PATCH', route: '/api/notices/:id', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/notices/${x.admitted ? await draftNotice(w) : w.ids.draftNotice}`, body: { titleZh: unique('关于推进情况的通报') } }),
  },
  {
    method: 'POST', route: '/api/notices/:id/approve', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/notices/${x.admitted ? await draftNotice(w) : w.ids.draftNotice}/approve` }),
  },
  {
    method: 'POST', route: '/api/notices/:id/publish', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/notices/${x.admitted ? await approvedNotice(w) : w.ids.draftNotice}/publish` }),
  },

  // Consultations: anyone reads and comments within the window; the task force answers
  { method: 'GET', route: '/api/consultations', allow: 'public', scope: SCOPE, ok: [200], request: () => ({ url: '/api/consultations' }) },
  { method: 'GET', route: '/api/consultations/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/consultations/export.xlsx?q=意见' }) },
  { method: 'GET', route: '/api/consultations/:id', allow: 'public', scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/consultations/${w.ids.consultation}` }) },
  {
    method: 'POST', route: '/api/consultations', allow: TASK_FORCE, ok: [201],
    request: () => ({ url: '/api/consultations', body: { titleZh: unique('征求意见稿'), draftText: '正文', opensOn: '2025-03-15', closesOn: '2025-04-15' } }),
  },
  {
    method: 'POST', route: '/api/consultations/:id/publish', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => ({ url: `/api/consultations/${x.admitted ? await draftConsultation(w) : w.ids.draftConsultation}/publish` }),
  },
  {
    // Rate-limited to 5 a minute per address, after the gate: anonymous (first) gets 201, later callers 201 or 429.
    method: 'POST', route: '/api/consultations/:id/comments', allow: 'public', ok: [201, 429],
    request: (w) => ({ url: `/api/consultations/${w.ids.consultation}/comments`, body: { body: '建议明确菌种共享的收费标准', authorName: '张三' } }),
  },
  { method: 'GET', route: '/api/consultations/:id/comments', allow: TASK_FORCE, ok: [200], request: (w) => ({ url: `/api/consultations/${w.ids.consultation}/comments?limit=10` }) },
  {
    method: 'POST', route: '/api/consultation-comments/:id/answer', allow: TASK_FORCE, ok: [200],
    request: (w) => ({ url: `/api/consultation-comments/${w.ids.comment}/answer`, body: { answerZh: '已采纳，将在实施细则中明确', disposition: 'adopted' } }),
  },
  { method: 'GET', route: '/api/consultations/:id/feedback.xlsx', allow: TASK_FORCE, ok: [200], request: (w) => ({ url: `/api/consultations/${w.ids.consultation}/feedback.xlsx` }) },

  // Attachments
  {
    method: 'POST', route: '/api/files', allow: 'authenticated', ok: [201],
    request: () => { const m = multipart('整改证明.txt', Buffer.from('evidence'), 'text/plain'); return { url: '/api/files', body: m.payload, headers: m.headers }; },
  },
  {
    // Each admitted caller downloads a file it uploaded itself; anonymous asks for the task force's.
    method: 'GET', route: '/api/files/:id', allow: 'authenticated', ok: [200],
    request: async (w, x) => ({ url: `/api/files/${x.admitted ? (await json(await upload(w.as[x.caller]), 201, 'upload')).id : w.ids.fileTf}` }),
  },
];

async function unitNotification(w: World): Promise<string> {
  return (await w.h.database.db.selectFrom('notification').select('id').where('organisationId', '=', w.orgs.unitA).orderBy('createdAt').executeTakeFirstOrThrow()).id;
}

const PREFIXES = [
  '/api/work-points', '/api/assignments', '/api/year-plan', '/api/reports', '/api/supervision', '/api/mail-outbox', '/api/notifications', '/api/indicators',
  '/api/major-lists', '/api/major-list-items', '/api/inspections', '/api/rectifications', '/api/notices', '/api/consultations', '/api/consultation-comments', '/api/files',
];
const isCovered = (url: string) => PREFIXES.some((p) => url.startsWith(p));

/** Every table a supervision write touches, with the audit log: a refused call leaves all of them as they were. */
const TABLES = [
  'audit_log', 'task_assignment', 'task_weight', 'stored_file', 'work_point', 'progress_report', 'progress_report_event', 'indicator_setting', 'indicator_value',
  'major_list_edition', 'major_list_item', 'inspection', 'rectification', 'notice', 'notification', 'mail_outbox', 'supervision_setting', 'consultation', 'consultation_comment',
];

describe.each(testDatabases)('who may call the supervision routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h, pglite: kind.name === 'pglite' } as World;

  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2025-03-10T02:00:00Z');
    const p = await supervisionPeople(h);
    const more = await Promise.all((['institute', 'pilotBase', 'curator'] as const).map(async (role) => {
      await h.user(`matrix-${role}`, [role]);
      return [role, await h.login(`matrix-${role}`)] as const;
    }));
    w.orgs = p.orgs;
    w.as = {
      admin: p.as.admin, taskforce: p.as.taskforce, unit: p.as.unitA, district: p.as.district, enterprise: p.as.enterprise, expert: p.as.expert,
      ...Object.fromEntries(more), anonymous: h.anonymous,
    } as Record<Caller, Client>;
    w.unitB = p.as.unitB;
    const tf = w.as.taskforce;

    w.templates = {
      workPoints: (await tf.get('/api/work-points/template.xlsx')).rawPayload,
      reports: (await tf.get('/api/reports/template.xlsx')).rawPayload,
    };
    const ids = {} as World['ids'];
    w.ids = ids;
    ids.wpA = await workPoint(w, w.orgs.unitA);
    ids.reportA = (await json(await w.as.unit.post('/api/reports', { workPointId: ids.wpA, periodLabel: '2025-01', textZh: '完成选址', progressPct: 10 }), 201, 'report A')).id;
    ids.inspection = await inspection(w);
    ids.rectification = await rectification(w, w.orgs.unitA, ids.inspection);
    ids.notice = await approvedNotice(w);
    await json(await tf.post(`/api/notices/${ids.notice}/publish`), 200, 'publish notice');
    ids.draftNotice = await draftNotice(w);
    ids.consultation = await draftConsultation(w);
    await json(await tf.post(`/api/consultations/${ids.consultation}/publish`), 200, 'publish consultation');
    ids.draftConsultation = await draftConsultation(w);
    ids.comment = (await h.services.supervision.consultations.comment(systemCtx('test'), ids.consultation, { body: '建议增加菌种保藏补贴' })).id;
    // The policy list has two published editions to read and compare; the project list a draft with an item.
    for (const n of [1, 2]) {
      const no = await draftEdition(w, 'policy');
      expect(no).toBe(n);
      await json(await tf.post(`/api/major-lists/policy/editions/${no}/items`, { nameZh: `支持生物制造的政策 ${n}` }), 201, 'policy item');
    }
    await json(await tf.post('/api/major-lists/policy/editions/2/publish'), 200, 'publish policy 2');
    ids.projectNo = await draftEdition(w, 'project');
    ids.item = await draftItem(w);
    ids.fileTf = (await json(await upload(tf, '专班文件.txt'), 201, 'task force file')).id;
    const indicators = await json(await tf.get('/api/indicators'), 200, 'indicators') as { code: string; source: string }[];
    ids.indicator = indicators.find((i) => i.source === 'reported')!.code;
  });

  it('covers every supervision and file route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered, ['POST /api/consultations/:id/comments']);
  });

  describe.each(CASES)('$method $route', (c) => {
    const rows = matrixRows(c.allow);

    it.each(rows)('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.as[caller];
      if (verdict === 'admitted') {
        const { url, body, headers } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, c.method === 'GET' || c.method === 'DELETE' ? undefined : body ?? {}, headers);
        const label = `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect([401, 403], label).not.toContain(res.statusCode);
        expect((w.pglite && c.pgliteOk) || c.ok, label).toContain(res.statusCode);
        return;
      }
      // Refused: no query string and a body no schema accepts, so an admitted caller would get 422 —
      // a refusal proves the gate answered before validation, and says nothing of the object.
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  describe('the services check the object', () => {
    const unitB = () => w.unitB;

    it('keeps unit A\'s work point and report from unit B: not found, and not submittable', async () => {
      expect((await unitB().get(`/api/work-points/${w.ids.wpA}`)).statusCode).toBe(404);
      expect((await unitB().get(`/api/reports/${w.ids.reportA}`)).statusCode).toBe(404);
      expect((await unitB().get('/api/work-points?limit=500')).json().items.map((x: { id: string }) => x.id)).not.toContain(w.ids.wpA);
      expect((await unitB().get('/api/reports?limit=500')).json().items.map((x: { id: string }) => x.id)).not.toContain(w.ids.reportA);
      const before = await fingerprint();
      expect([403, 404]).toContain((await unitB().post(`/api/reports/${w.ids.reportA}/submit`)).statusCode);
      expect([403, 404]).toContain((await unitB().patch(`/api/reports/${w.ids.reportA}`, { textZh: '篡改' })).statusCode);
      expect([403, 404]).toContain((await unitB().post('/api/reports', { workPointId: w.ids.wpA, periodLabel: '2025-03' })).statusCode);
      expect(await fingerprint()).toBe(before);
      expect((await w.as.unit.get(`/api/reports/${w.ids.reportA}`)).json().state).toBe('draft');
    });

    it('shows a district the work points in its district, but lets it write none of their reports', async () => {
      expect((await w.as.district.get(`/api/work-points/${w.ids.wpA}`)).statusCode).toBe(200);
      expect((await w.as.district.get('/api/work-points?limit=500')).json().items.map((x: { id: string }) => x.id)).toContain(w.ids.wpA);
      expect((await w.as.district.get(`/api/reports/${w.ids.reportA}`)).json().steps).toEqual([]);
      const before = await fingerprint();
      expect((await w.as.district.post('/api/reports', { workPointId: w.ids.wpA, periodLabel: '2025-03', textZh: '代填' })).statusCode).toBe(403);
      expect((await w.as.district.patch(`/api/reports/${w.ids.reportA}`, { textZh: '代填' })).statusCode).toBe(403);
      expect((await w.as.district.post(`/api/reports/${w.ids.reportA}/submit`)).statusCode).toBe(403);
      expect((await w.as.district.post(`/api/rectifications/${w.ids.rectification}/evidence`, { evidenceZh: '代报' })).statusCode).toBe(404);
      expect(await fingerprint()).toBe(before);
    });

    it('keeps inspections, rectifications and notifications to those they concern', async () => {
      expect((await unitB().get(`/api/inspections/${w.ids.inspection}`)).statusCode).toBe(404);
      expect((await unitB().get('/api/inspections')).json().items.map((x: { id: string }) => x.id)).not.toContain(w.ids.inspection);
      expect((await w.as.district.get(`/api/inspections/${w.ids.inspection}`)).statusCode).toBe(200); // its district is in scope
      const note = await unitNotification(w);
      const before = await fingerprint();
      expect((await unitB().post(`/api/rectifications/${w.ids.rectification}/evidence`, { evidenceZh: '代报' })).statusCode).toBe(404);
      expect((await unitB().post(`/api/notifications/${note}/read`)).statusCode).toBe(404);
      expect(await fingerprint()).toBe(before);
      expect((await unitB().get('/api/notifications')).json().items.map((x: { id: string }) => x.id)).not.toContain(note);
    });

    it('lets enterprises and experts read published notices and lists, and nothing of supervision', async () => {
      for (const who of ['enterprise', 'expert'] as const) {
        const list = await w.as[who].get('/api/notices');
        expect(list.statusCode).toBe(200);
        const items = list.json().items as { id: string; status: string }[];
        expect(items.map((n) => n.id)).toContain(w.ids.notice);
        expect(items.map((n) => n.id)).not.toContain(w.ids.draftNotice);
        expect(items.every((n) => n.status === 'published'), who).toBe(true);
        expect((await w.as[who].get(`/api/notices/${w.ids.draftNotice}`)).statusCode).toBe(404);
        expect((await w.as[who].get(`/api/major-lists/project/editions/${w.ids.projectNo}`)).statusCode).toBe(404); // a draft edition
        expect((await w.as[who].get('/api/work-points')).statusCode).toBe(403);
        expect((await w.as[who].get('/api/reports')).statusCode).toBe(403);
      }
      // Files: the uploader's organisation and the task force only.
      expect((await w.as.enterprise.get(`/api/files/${w.ids.fileTf}`)).statusCode).toBe(403);
      expect((await w.as.unit.get(`/api/files/${w.ids.fileTf}`)).statusCode).toBe(403);
    });

    it('lets anyone read and download a published notice, and no one outside the task force a draft', async () => {
      expect((await h.anonymous.get(`/api/notices/${w.ids.notice}`)).statusCode).toBe(200);
      const docx = await h.anonymous.get(`/api/notices/${w.ids.notice}/docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await h.anonymous.get(`/api/notices/${w.ids.draftNotice}`)).statusCode).toBe(404);
      expect((await h.anonymous.get(`/api/notices/${w.ids.draftNotice}/docx`)).statusCode).toBe(404);
      expect((await h.anonymous.get('/api/notices')).json().items.map((n: { id: string }) => n.id)).not.toContain(w.ids.draftNotice);
      expect((await h.anonymous.get(`/api/consultations/${w.ids.draftConsultation}`)).statusCode).toBe(404);
      expect((await h.anonymous.get('/api/consultations')).json().map((x: { id: string }) => x.id)).not.toContain(w.ids.draftConsultation);
      expect((await w.as.taskforce.get(`/api/notices/${w.ids.draftNotice}`)).statusCode).toBe(200);
    });
  });

  describe('an API token with supervision:read', () => {
    let machine: Client;
    beforeAll(async () => {
      const created = await w.as.taskforce.post('/api/tokens', { name: 'supervision reader', scopes: [SCOPE] });
      expect(created.statusCode, created.body).toBe(201);
      machine = bearerClient(h.app, created.json().token);
    });

    it('reads work points and the roll-up, but neither writes nor reads the inbox', async () => {
      const wps = await machine.get('/api/work-points?limit=500');
      expect(wps.statusCode).toBe(200);
      expect(wps.json().items.map((x: { id: string }) => x.id)).toContain(w.ids.wpA);
      expect((await machine.get('/api/supervision/rollup')).statusCode).toBe(200);
      const before = await fingerprint();
      const write = await machine.post('/api/work-points', { taskNo: 22, year: 2025, titleZh: '机器写入', deliverableZh: '无', ownerOrganisationId: w.orgs.unitA, dueOn: '2025-12-31', frequency: 'monthly' });
      expect(write.statusCode, write.body).toBe(403);
      expect(await fingerprint()).toBe(before);
      expect((await machine.get('/api/supervision/inbox')).statusCode).toBe(403);
    });

    it('reaches exactly the routes that name the scope (and the public ones)', async () => {
      for (const c of CASES) {
        const label = `token ${c.method} ${c.route}`;
        if (c.scope) {
          const { url } = await c.request(w, { caller: 'taskforce', admitted: true });
          const res = await machine.get(url);
          expect(c.ok, `${label}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        } else if (c.allow !== 'public') {
          const { url } = await c.request(w, { caller: 'taskforce', admitted: false });
          const before = c.method === 'GET' ? null : await fingerprint();
          const res = await machine.request(c.method, url.split('?')[0], c.method === 'GET' || c.method === 'DELETE' ? undefined : BAD_BODY);
          expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(403);
          if (before) expect(await fingerprint(), label).toBe(before);
        }
      }
    });
  });
});
