import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { forbidden } from '../../platform/http/errors.js';
import { readSheet, templateWorkbook, writeWorkbook, type Column } from '../../platform/excel/index.js';
import { normaliseCreditCode } from '../../platform/identity/credit-code.js';
import { todayIn } from '../../platform/dates.js';
import { ENTERPRISE_COLUMNS, FIGURE_COLUMNS, LEAD_COLUMNS } from './excel.columns.js';
import { amountWan, designationsCell, districtCell, listCell } from './model/import-cells.js';
import { enterpriseProblems, designationProblems } from './model/enterprise-input.js';
import { DESIGNATIONS, DOMAIN_NAMES, domainCode, FIGURE_SOURCES, FUND_KINDS, LEVELS, ORIGINS, STAGES_OF_CHAIN } from './model/labels.js';
import { figureProblems } from './figures.service.js';
import { lastLeadNumber, leadProblems } from './leads.service.js';
import { LEAD_STAGE_NAMES, stageAmountProblems, stageIndex, targetKeyOf, type LeadStage } from './model/leads.js';
import { enterpriseStore } from './enterprises.store.js';
import { industryViewerOf, type IndustryViewer } from './viewer.js';
import type { ImportOutcome, OnProgress } from '../../platform/http/import-route.js';


const MAX_ROWS = 100_000;
const CHUNK = 500;
const chunks = <T>(xs: T[], n = CHUNK) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const rowOf = (r: object, i: number) => ((r as { __row?: number }).__row ?? i + 2);
const headerOf = (columns: Column[], key: string) => columns.find((c) => c.key === key)?.headerZh ?? key;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sorted = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

interface ExistingEnterprise { id: string; creditCode: string; nameZh: string; nameEn: string | null; formerNames: string[]; districtCode: string; parkId: string | null; domains: string[]; products: string[]; origin: string; landedOn: string | null; summaryZh: string | null }

const groupBy = <T>(xs: T[], key: (x: T) => string) => { const m = new Map<string, T[]>(); for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]); return m; };

/** The start every import shares: who may, the rows read and checked by type, and a way to add a row's problem. */
async function begin(db: Database['db'], ctx: Ctx, file: Buffer, columns: Column[], onProgress: OnProgress) {
  const v = await industryViewerOf(db, ctx);
  requireImporter(v);
  onProgress({ phase: 'read', done: 0, total: 0 });
  const { rows, problems } = await readSheet<Record<string, unknown>>(file, columns, { maxRows: MAX_ROWS });
  if (!rows.length && !problems.length) problems.push({ row: 0, column: '', reasonZh: '文件中没有数据行', reasonEn: 'The file has no data rows' });
  const add = (row: number, key: string, zh: string, en: string, value?: unknown) =>
    problems.push({ row, column: headerOf(columns, key), columnKey: key, reasonZh: zh, reasonEn: en, ...(value != null ? { value: String(value).slice(0, 100) } : {}) });
  return { v, rows, problems, add };
}

/** Amount cells in 万元 (units allowed), each unreadable one reported. */
function amountsOf<K extends string>(r: Record<string, unknown>, keys: readonly K[], row: number, add: (row: number, key: string, zh: string, en: string, value?: unknown) => void) {
  return Object.fromEntries(keys.map((key) => {
    const a = amountWan(r[key]);
    if (!a.ok) add(row, key, a.zh, a.en, r[key]);
    return [key, a.ok ? a.value : null];
  })) as Record<K, number | null>;
}

function requireImporter(v: IndustryViewer) {
  if (!v.taskForce && !v.districtCode) throw forbidden('仅工作专班和区县可导入', 'Only the task force and districts import');
}

/**
 * Templates, imports and exports of the industry lists. An import reads and checks every row
 * first and writes nothing unless all are valid; it writes in one transaction; a row equal to
 * what is on record is left alone, so importing the same file twice changes nothing.
 */
export function industryExcelService(database: Database, deps: { now: () => Date }) {
  const { db } = database;

  async function lookups() {
    const [districts, parks, nodes] = await Promise.all([
      db.selectFrom('district').select(['code', 'nameZh', 'shortZh']).execute(),
      db.selectFrom('park').select(['id', 'code', 'nameZh']).execute(),
      db.selectFrom('chainNode').select(['id', 'code', 'nameZh']).execute(),
    ]);
    return { districts, parks, nodes };
  }

  async function byCreditCode(codes: string[]) {
    const out = new Map<string, ExistingEnterprise>();
    for (const c of chunks(codes, 2000)) {
      if (!c.length) continue;
      const rows = await db.selectFrom('enterprise').select(['id', 'creditCode', 'nameZh', 'nameEn', 'formerNames', 'districtCode', 'parkId', 'domains', 'products', 'origin', 'landedOn', 'summaryZh']).where('creditCode', 'in', c).execute();
      for (const r of rows) out.set(r.creditCode, r);
    }
    return out;
  }

  /** Designations and chain nodes of many enterprises, a few thousand ids per query (a query holds at most 65,535 parameters). */
  async function linksOf(ids: string[]) {
    const des = [], nodes = [];
    for (const part of chunks(ids, 5000)) {
      des.push(...await enterpriseStore.designations(db, part));
      nodes.push(...await enterpriseStore.nodes(db, part));
    }
    return [des, nodes] as const;
  }

  /** The open (not closed) leads on these companies, a few thousand keys per query. */
  async function openLeadsByKey(keys: string[]) {
    const out = [];
    for (const part of chunks(keys, 5000)) out.push(...await db.selectFrom('investmentLead').selectAll().where('targetKey', 'in', part).where('status', '!=', 'closed').execute());
    return out;
  }

  async function importEnterprises(ctx: Ctx, file: Buffer, onProgress: OnProgress = () => {}): Promise<ImportOutcome> {
    const { v, rows, problems, add } = await begin(db, ctx, file, ENTERPRISE_COLUMNS, onProgress);
    const k = await lookups();
    const districtSet = new Set(k.districts.map((d) => d.code));
    const existing = await byCreditCode(rows.map((r) => normaliseCreditCode(String(r.creditCode ?? ''))));
    const seen = new Map<string, number>();
    const thisYear = Number(todayIn(deps.now()).slice(0, 4));
    const parsed = rows.map((r, i) => {
      const row = rowOf(r, i);
      if (i % 1000 === 0) onProgress({ phase: 'validate', done: i, total: rows.length });
      const creditCode = normaliseCreditCode(String(r.creditCode ?? ''));
      const district = districtCell(r.district, k.districts);
      if (!district.ok) add(row, 'district', district.zh, district.en, r.district);
      else if (!v.taskForce && district.value !== v.districtCode) add(row, 'district', '区县只能导入本区县的企业', 'a district imports its own enterprises only', r.district);
      const domains = listCell(r.domains).map((d) => ({ d, code: domainCode(d) }));
      domains.filter((d) => !d.code).forEach((d) => add(row, 'domains', `“${d.d}”不是行动计划的四个领域之一`, 'not one of the plan\'s four domains', d.d));
      const park = r.park ? k.parks.find((p) => p.nameZh === String(r.park).trim() || p.code === String(r.park).trim()) : null;
      if (r.park && !park) add(row, 'park', `园区“${String(r.park)}”不存在`, 'no park of this name', r.park);
      const nodeNames = listCell(r.chainNodes);
      const nodes = nodeNames.map((n) => k.nodes.find((x) => x.code === n || x.nameZh === n));
      nodeNames.forEach((n, j) => { if (!nodes[j]) add(row, 'chainNodes', `产业链环节“${n}”不存在`, 'no chain node of this name', n); });
      const des = designationsCell(r.designations, DESIGNATIONS, LEVELS);
      if (!des.ok) add(row, 'designations', des.zh, des.en, r.designations);
      else for (const p of designationProblems(des.value, thisYear)) add(row, 'designations', p.message, p.message);
      const input = {
        creditCode, nameZh: String(r.nameZh ?? '').trim(), nameEn: (r.nameEn as string) ?? null, formerNames: listCell(r.formerNames),
        districtCode: district.ok ? district.value : '', parkId: park?.id ?? null, domains: domains.flatMap((d) => (d.code ? [d.code] : [])),
        products: listCell(r.products), origin: ((r.origin as string) ?? 'local') as 'local' | 'attracted', landedOn: (r.landedOn as string) ?? null, summaryZh: (r.summaryZh as string) ?? null,
      };
      for (const p of enterpriseProblems({ ...input, districtCode: district.ok ? district.value : undefined }, { districts: districtSet })) {
        const key = p.path.split('/')[1];
        add(row, key, p.message, p.message, (r as Record<string, unknown>)[key]);
      }
      const dup = seen.get(creditCode);
      if (dup) add(row, 'creditCode', `与第 ${dup} 行的信用代码重复`, `same credit code as row ${dup}`, creditCode);
      seen.set(creditCode, row);
      const before = existing.get(creditCode);
      if (before && !v.taskForce && before.districtCode !== v.districtCode) add(row, 'creditCode', '该企业已登记在其他区县，迁移须由工作专班办理', 'this enterprise is on record in another district; only the task force moves it', creditCode);
      return { input, nodeIds: nodes.flatMap((n) => (n ? [n.id] : [])), designations: des.ok ? des.value : [], before };
    });
    if (problems.length) return { created: 0, updated: 0, unchanged: 0, problems: problems.sort((a, b) => a.row - b.row) };

    // What changes: new records, and existing ones whose fields, designations or nodes differ.
    const existingIds = parsed.flatMap((p) => (p.before ? [p.before.id] : []));
    const [desNow, nodesNow] = await linksOf(existingIds);
    const FIELDS = ['nameZh', 'nameEn', 'formerNames', 'districtCode', 'parkId', 'domains', 'products', 'origin', 'landedOn', 'summaryZh'] as const;
    const changes = parsed.filter((p) => {
      if (!p.before) return true;
      const b = p.before;
      return FIELDS.some((f) => !same(p.input[f], b[f]))
        || !same(sorted(p.designations, (d) => d.kind + d.level).map((d) => [d.kind, d.level, d.year]), sorted(desNow.filter((d) => d.enterpriseId === b.id), (d) => d.kind + d.level).map((d) => [d.kind, d.level, d.year]))
        || !same([...p.nodeIds].sort(), nodesNow.filter((n) => n.enterpriseId === b.id).map((n) => n.id).sort());
    });
    const nodeNames = new Map(k.nodes.map((n) => [n.id, n.nameZh]));
    let done = 0;
    const ids = await db.transaction().execute(async (trx) => {
      const touched: string[] = [];
      const fresh = changes.filter((c) => !c.before);
      for (const part of chunks(fresh)) {
        const inserted = await trx.insertInto('enterprise').values(part.map((p) => ({ ...p.input, ...enterpriseStore.tokensFor(p.input, p.nodeIds.map((id) => nodeNames.get(id)!)) })))
          .returning(['id', 'creditCode']).execute();
        const idOf = new Map(inserted.map((x) => [x.creditCode, x.id]));
        await writeLinks(trx, part.map((p) => ({ id: idOf.get(p.input.creditCode)!, designations: p.designations, nodeIds: p.nodeIds })), false);
        touched.push(...inserted.map((x) => x.id));
        done += part.length;
        onProgress({ phase: 'write', done, total: changes.length });
      }
      for (const p of changes.filter((c) => c.before)) {
        const id = p.before!.id;
        await trx.updateTable('enterprise').set({ ...p.input, ...enterpriseStore.tokensFor(p.input, p.nodeIds.map((n) => nodeNames.get(n)!)), updatedAt: deps.now() }).where('id', '=', id).execute();
        await writeLinks(trx, [{ id, designations: p.designations, nodeIds: p.nodeIds }], true);
        touched.push(id);
        if (++done % CHUNK === 0) onProgress({ phase: 'write', done, total: changes.length });
      }
      if (touched.length) await audit(trx, ctx, {
        action: 'enterprise.import', entityType: 'enterprise', entityId: '*',
        summary: `导入企业：新增 ${fresh.length} 家，更新 ${changes.length - fresh.length} 家（Imported enterprises: ${fresh.length} new, ${changes.length - fresh.length} updated）`,
        after: { enterpriseIds: touched, created: fresh.length, updated: changes.length - fresh.length, unchanged: parsed.length - changes.length },
      });
      return { created: fresh.length, updated: changes.length - fresh.length };
    });
    onProgress({ phase: 'done', done: changes.length, total: changes.length });
    return { ...ids, unchanged: parsed.length - changes.length, problems: [] };
  }

  async function writeLinks(trx: Transaction<DB>, items: { id: string; designations: { kind: string; level: string; year: number }[]; nodeIds: string[] }[], replace: boolean) {
    if (replace) {
      const ids = items.map((i) => i.id);
      await trx.deleteFrom('enterpriseDesignation').where('enterpriseId', 'in', ids).execute();
      await trx.deleteFrom('enterpriseChainNode').where('enterpriseId', 'in', ids).execute();
    }
    const des = items.flatMap((i) => i.designations.map((d) => ({ enterpriseId: i.id, ...d })));
    const nodes = items.flatMap((i) => i.nodeIds.map((nodeId) => ({ enterpriseId: i.id, nodeId })));
    for (const part of chunks(des, 1000)) await trx.insertInto('enterpriseDesignation').values(part).execute();
    for (const part of chunks(nodes, 1000)) await trx.insertInto('enterpriseChainNode').values(part).execute();
  }

  async function importFigures(ctx: Ctx, file: Buffer, onProgress: OnProgress = () => {}): Promise<ImportOutcome> {
    const { v, rows, problems, add } = await begin(db, ctx, file, FIGURE_COLUMNS, onProgress);
    const thisYear = Number(todayIn(deps.now()).slice(0, 4));
    const ents = await byCreditCode(rows.map((r) => normaliseCreditCode(String(r.creditCode ?? ''))));
    const seen = new Map<string, number>();
    const parsed = rows.map((r, i) => {
      const row = rowOf(r, i);
      if (i % 1000 === 0) onProgress({ phase: 'validate', done: i, total: rows.length });
      const creditCode = normaliseCreditCode(String(r.creditCode ?? ''));
      const e = ents.get(creditCode);
      if (!e) add(row, 'creditCode', '平台上没有该信用代码的企业，请先导入企业名录', 'no enterprise with this credit code: import the enterprise first', creditCode);
      else if (!v.taskForce && e.districtCode !== v.districtCode) add(row, 'creditCode', '该企业不在本区县', 'this enterprise is not in your district', creditCode);
      const amounts = amountsOf(r, ['revenueWan', 'outputValueWan', 'rdSpendWan'] as const, row, add);
      const year = r.year as number;
      const input = { ...amounts, employees: (r.employees as number) ?? null };
      // An amount that did not parse is reported once, not again as "missing".
      const unreadable = (['revenueWan', 'outputValueWan'] as const).some((key) => r[key] != null && r[key] !== '' && amounts[key] === null);
      for (const p of figureProblems(input, year, thisYear)) { const key = p.path.slice(1); if (!(unreadable && key === 'revenueWan')) add(row, key, p.message, p.message, r[key]); }
      const source = (v.taskForce ? (r.source as string) ?? 'statistics' : 'districtVerified') as keyof typeof FIGURE_SOURCES;
      if (!v.taskForce && r.source && r.source !== 'districtVerified') add(row, 'source', '区县导入的数据来源为“区县核实”', 'a district imports district-verified figures', r.source);
      if (v.taskForce && source === 'selfReported') add(row, 'source', '导入的数据不能标为企业自报', 'imported figures are not self-reported', r.source);
      const key = `${creditCode}/${year}`;
      if (seen.has(key)) add(row, 'year', `与第 ${seen.get(key)} 行重复（同一企业同一年度）`, `same enterprise and year as row ${seen.get(key)}`, year);
      seen.set(key, row);
      return { enterpriseId: e?.id ?? '', year, ...input, source };
    });
    if (problems.length) return { created: 0, updated: 0, unchanged: 0, problems: problems.sort((a, b) => a.row - b.row) };
    const current = new Map<string, { id: string; revenueWan: number | null; outputValueWan: number | null; rdSpendWan: number | null; employees: number | null; source: string; state: string }>();
    for (const part of chunks(parsed.map((p) => p.enterpriseId), 2000)) {
      const got = await db.selectFrom('enterpriseFigure').select(['id', 'enterpriseId', 'year', 'revenueWan', 'outputValueWan', 'rdSpendWan', 'employees', 'source', 'state']).where('enterpriseId', 'in', part).execute();
      for (const g of got) current.set(`${g.enterpriseId}/${g.year}`, g);
    }
    const changes = parsed.filter((p) => {
      const c = current.get(`${p.enterpriseId}/${p.year}`);
      return !c || c.state !== 'verified' || c.source !== p.source || (['revenueWan', 'outputValueWan', 'rdSpendWan', 'employees'] as const).some((f) => !same(c[f], p[f]));
    });
    let done = 0;
    const r = await db.transaction().execute(async (trx) => {
      const now = deps.now();
      for (const part of chunks(changes)) {
        await trx.insertInto('enterpriseFigure').values(part.map((p) => ({ ...p, state: 'verified', submittedBy: v.userId, verifiedBy: v.userId, verifiedAt: now, updatedAt: now })))
          .onConflict((oc) => oc.columns(['enterpriseId', 'year']).doUpdateSet((eb) => ({
            revenueWan: eb.ref('excluded.revenueWan'), outputValueWan: eb.ref('excluded.outputValueWan'), rdSpendWan: eb.ref('excluded.rdSpendWan'), employees: eb.ref('excluded.employees'),
            source: eb.ref('excluded.source'), state: eb.ref('excluded.state'), rejectReason: null, verifiedBy: eb.ref('excluded.verifiedBy'), verifiedAt: eb.ref('excluded.verifiedAt'), updatedAt: eb.ref('excluded.updatedAt'),
          }))).execute();
        done += part.length;
        onProgress({ phase: 'write', done, total: changes.length });
      }
      const created = changes.filter((p) => !current.has(`${p.enterpriseId}/${p.year}`)).length;
      if (changes.length) await audit(trx, ctx, {
        action: 'figure.import', entityType: 'enterprise', entityId: '*',
        summary: `导入经营数据：新增 ${created} 条，更新 ${changes.length - created} 条（Imported figures: ${created} new, ${changes.length - created} updated）`,
        after: { enterpriseIds: [...new Set(changes.map((c) => c.enterpriseId))], created, updated: changes.length - created, years: [...new Set(changes.map((c) => c.year))] },
      });
      return { created, updated: changes.length - created };
    });
    onProgress({ phase: 'done', done: changes.length, total: changes.length });
    return { ...r, unchanged: parsed.length - changes.length, problems: [] };
  }

  async function importLeads(ctx: Ctx, file: Buffer, onProgress: OnProgress = () => {}): Promise<ImportOutcome> {
    const { v, rows, problems, add } = await begin(db, ctx, file, LEAD_COLUMNS, onProgress);
    const k = await lookups();
    const events = await db.selectFrom('investEvent').select(['id', 'nameZh']).execute();
    const codes = rows.flatMap((r) => (r.code ? [String(r.code).trim()] : []));
    const byCode = new Map<string, Awaited<ReturnType<typeof openLeadsByKey>>[number]>();
    for (const part of chunks(codes, 2000)) for (const l of await db.selectFrom('investmentLead').selectAll().where('code', 'in', part).execute()) byCode.set(l.code, l);
    const seen = new Map<string, number>();
    const parsed = rows.map((r, i) => {
      const row = rowOf(r, i);
      if (i % 1000 === 0) onProgress({ phase: 'validate', done: i, total: rows.length });
      const district = districtCell(r.district, k.districts);
      if (!district.ok) add(row, 'district', district.zh, district.en, r.district);
      else if (!v.taskForce && district.value !== v.districtCode) add(row, 'district', '区县只能导入本区县的招商线索', 'a district imports its own leads only', r.district);
      const node = r.chainNode ? k.nodes.find((n) => n.code === String(r.chainNode).trim() || n.nameZh === String(r.chainNode).trim()) : null;
      if (r.chainNode && !node) add(row, 'chainNode', `产业链环节“${String(r.chainNode)}”不存在`, 'no chain node of this name', r.chainNode);
      const event = r.event ? events.find((e) => e.nameZh === String(r.event).trim()) : null;
      if (r.event && !event) add(row, 'event', `活动“${String(r.event)}”不存在，请先在平台登记`, 'no event of this name: record it first', r.event);
      const amounts = amountsOf(r, ['contractedWan', 'arrivedWan', 'expectedRevenueWan'] as const, row, add);
      const creditCode = r.targetCreditCode ? normaliseCreditCode(String(r.targetCreditCode)) : null;
      const input = { targetNameZh: String(r.targetNameZh ?? '').trim(), targetCreditCode: creditCode, nextActionZh: (r.nextActionZh as string) ?? null, nextActionOn: (r.nextActionOn as string) ?? null, ...amounts };
      for (const p of leadProblems(input)) { const key = p.path.slice(1); add(row, key, p.message, p.message, r[key]); }
      const stage = r.stage as LeadStage;
      for (const p of stageAmountProblems(stage, amounts)) add(row, p.field, p.zh, p.en);
      const code = r.code ? String(r.code).trim() : null;
      const before = code ? byCode.get(code) : undefined;
      if (code && !before) add(row, 'code', `线索编号 ${code} 不存在；新线索请留空`, 'no lead with this code; leave it empty for a new lead', code);
      if (before && !v.taskForce && before.ownerDistrictCode !== v.districtCode) add(row, 'code', '该线索不属于本区县', 'this lead is not your district\'s', code);
      const key = code ?? `${district.ok ? district.value : ''}/${targetKeyOf(input.targetNameZh, creditCode)}`;
      if (seen.has(key)) add(row, code ? 'code' : 'targetNameZh', `与第 ${seen.get(key)} 行是同一条线索`, `the same lead as row ${seen.get(key)}`);
      seen.set(key, row);
      return { row, code, before, district: district.ok ? district.value : '', chainNodeId: node?.id ?? null, eventId: event?.id ?? null, stage, input, targetKey: targetKeyOf(input.targetNameZh, creditCode) };
    });
    // Rows without a code find the district's open lead on the same company, so re-importing an export or the same file updates instead of duplicating.
    const keyed = parsed.filter((p) => !p.before && !p.code);
    const existing = await openLeadsByKey([...new Set(keyed.map((p) => p.targetKey))]);
    for (const p of keyed) p.before = existing.find((l) => l.targetKey === p.targetKey && l.ownerDistrictCode === p.district);
    for (const p of parsed) {
      if (!p.before) continue;
      if (p.before.status === 'closed' || p.before.status === 'withdrawn') add(p.row, 'code', `线索 ${p.before.code} 已关闭或已让渡，不能导入修改`, `lead ${p.before.code} is closed or withdrawn`, p.before.code);
      else if (stageIndex(p.stage) < stageIndex(p.before.stage)) add(p.row, 'stage', `线索 ${p.before.code} 只能向前推进（当前：${LEAD_STAGE_NAMES[p.before.stage as LeadStage].zh}）`, `lead ${p.before.code} only moves forward`, p.stage);
    }
    if (problems.length) return { created: 0, updated: 0, unchanged: 0, problems: problems.sort((a, b) => a.row - b.row) };
    const FIELDS = ['targetNameZh', 'targetCreditCode', 'nextActionZh', 'nextActionOn', 'contractedWan', 'arrivedWan', 'expectedRevenueWan'] as const;
    const changes = parsed.filter((p) => !p.before || p.before.stage !== p.stage || p.before.chainNodeId !== p.chainNodeId || p.before.eventId !== p.eventId || FIELDS.some((f) => !same(p.input[f], p.before![f])));
    let done = 0;
    const r = await db.transaction().execute(async (trx) => {
      const now = deps.now();
      const today = todayIn(now);
      const year = today.slice(0, 4);
      const next = new Map<string, number>();
      const touched: string[] = [];
      let created = 0;
      for (const p of changes) {
        const values = { ...p.input, targetKey: p.targetKey, chainNodeId: p.chainNodeId, eventId: p.eventId, updatedAt: now };
        if (p.before) {
          await trx.updateTable('investmentLead').set({ ...values, ...(p.before.stage !== p.stage ? { stage: p.stage, stageEnteredOn: today, lastActivityAt: now, firstResponseAt: p.before.firstResponseAt ?? now } : {}) }).where('id', '=', p.before.id).execute();
          if (p.before.stage !== p.stage) await trx.insertInto('investmentLeadActivity').values({ leadId: p.before.id, kind: 'stage', stage: p.stage, textZh: `导入：${LEAD_STAGE_NAMES[p.before.stage as LeadStage].zh} → ${LEAD_STAGE_NAMES[p.stage].zh}`, byUserId: v.userId, at: now }).execute();
          touched.push(p.before.id);
        } else {
          const prefix = `ZS-${p.district}-${year}-`;
          let n = next.get(p.district);
          if (n === undefined) n = await lastLeadNumber(trx, prefix);
          next.set(p.district, ++n);
          const l = await trx.insertInto('investmentLead').values({ ...values, code: prefix + String(n).padStart(4, '0'), ownerDistrictCode: p.district, stage: p.stage, stageEnteredOn: today, createdBy: v.userId, createdAt: now, lastActivityAt: now }).returning('id').executeTakeFirstOrThrow();
          await trx.insertInto('investmentLeadActivity').values({ leadId: l.id, kind: 'stage', stage: p.stage, textZh: `导入线索（${LEAD_STAGE_NAMES[p.stage].zh}）`, byUserId: v.userId, at: now }).execute();
          touched.push(l.id);
          created++;
        }
        if (++done % 200 === 0) onProgress({ phase: 'write', done, total: changes.length });
      }
      if (touched.length) await audit(trx, ctx, { action: 'investmentLead.import', entityType: 'investmentLead', entityId: '*', summary: `导入招商线索：新增 ${created} 条，更新 ${touched.length - created} 条（Imported leads: ${created} new, ${touched.length - created} updated）`, after: { leadIds: touched } });
      return { created, updated: touched.length - created };
    });
    onProgress({ phase: 'done', done: changes.length, total: changes.length });
    return { ...r, unchanged: parsed.length - changes.length, problems: [] };
  }

  const names = <T extends Record<string, { zh: string }>>(o: T, k: string | null | undefined) => (k && o[k as keyof T]?.zh) || k || '';

  return {
    template(kind: 'enterprises' | 'figures' | 'leads') {
      if (kind === 'enterprises') return templateWorkbook('企业名录', ENTERPRISE_COLUMNS, { instructionsZh: ['每行一家企业，以统一社会信用代码识别；已登记的企业按代码更新。', '所在区县可填名称（如“璧山区”）或六位代码（500120）。', '导入时先校验全部行，任何一行有误则整份文件不写入；重复导入同一文件不会产生变化。'] });
      if (kind === 'figures') return templateWorkbook('企业年度经营数据', FIGURE_COLUMNS, { instructionsZh: ['每行一家企业一个年度，金额单位为万元（也可写“1.2亿元”）。', '营业收入与产值至少填写一项；只有已核实的数据计入目标。', '导入时先校验全部行，任何一行有误则整份文件不写入。'] });
      return templateWorkbook('招商线索', LEAD_COLUMNS, { instructionsZh: ['新线索的“线索编号”留空；更新已有线索时填写编号。', '阶段依次为：线索、在谈、签约、开工、到资、投产；只能向前推进。', '导入时先校验全部行，任何一行有误则整份文件不写入。'] });
    },

    importEnterprises, importFigures, importLeads,

    async exportEnterprises(f: { districtCode?: string; domain?: string }) {
      let q = db.selectFrom('enterprise as e').leftJoin('district as d', 'd.code', 'e.districtCode').leftJoin('park as p', 'p.id', 'e.parkId')
        .select(['e.id', 'e.creditCode', 'e.nameZh', 'e.nameEn', 'e.formerNames', 'd.nameZh as district', 'p.nameZh as park', 'e.domains', 'e.products', 'e.origin', 'e.landedOn', 'e.summaryZh']);
      if (f.districtCode) q = q.where('e.districtCode', '=', f.districtCode);
      if (f.domain) q = q.where(sql<boolean>`e.domains @> array[${f.domain}]::text[]`);
      const rows = await q.orderBy('e.nameZh').execute();
      const ids = rows.map((r) => r.id);
      const [des, nodes] = await linksOf(ids);
      const desBy = groupBy(des, (d) => d.enterpriseId);
      const nodesBy = groupBy(nodes, (n) => n.enterpriseId);
      return writeWorkbook([{ name: '企业名录', titleZh: '生物制造企业名录', columns: ENTERPRISE_COLUMNS, rows: rows.map((r) => ({
        ...r, domains: r.domains.map((d) => names(DOMAIN_NAMES, d)), origin: r.origin,
        designations: (desBy.get(r.id) ?? []).map((d) => `${DESIGNATIONS[d.kind as keyof typeof DESIGNATIONS].short}:${LEVELS[d.level as keyof typeof LEVELS].zh}:${d.year}`),
        chainNodes: (nodesBy.get(r.id) ?? []).map((n) => n.nameZh),
      })) }]);
    },

    async exportFigures(ctx: Ctx, f: { year?: number }) {
      const v = await industryViewerOf(db, ctx);
      if (!v.taskForce && !v.unit && !v.districtCode) throw forbidden('无权导出经营数据', 'You may not export figures');
      let q = db.selectFrom('enterpriseFigure as f').innerJoin('enterprise as e', 'e.id', 'f.enterpriseId')
        .select(['e.creditCode', 'e.nameZh', 'f.year', 'f.revenueWan', 'f.outputValueWan', 'f.rdSpendWan', 'f.employees', 'f.source', 'f.state']);
      if (!v.taskForce && !v.unit) q = q.where('e.districtCode', '=', v.districtCode!);
      if (f.year) q = q.where('f.year', '=', f.year);
      const rows = await q.orderBy('f.year', 'desc').orderBy('e.nameZh').execute();
      const stateCol: Column = { key: 'stateZh', headerZh: '核实状态', headerEn: 'Verification', type: 'string', width: 10 };
      return writeWorkbook([{ name: '经营数据', titleZh: '企业年度经营数据', columns: [...FIGURE_COLUMNS, stateCol], rows: rows.map((r) => ({ ...r, stateZh: r.state === 'verified' ? '已核实' : r.state === 'rejected' ? '已退回' : '待核实' })) }]);
    },

    async exportLeads(ctx: Ctx) {
      const v = await industryViewerOf(db, ctx);
      if (!v.taskForce && !v.districtCode) throw forbidden('无权导出招商线索', 'You may not export leads');
      let q = db.selectFrom('investmentLead as l').innerJoin('district as d', 'd.code', 'l.ownerDistrictCode').leftJoin('chainNode as n', 'n.id', 'l.chainNodeId').leftJoin('investEvent as ev', 'ev.id', 'l.eventId')
        .select(['l.code', 'l.targetNameZh', 'l.targetCreditCode', 'n.nameZh as chainNode', 'd.nameZh as district', 'l.stage', 'l.contractedWan', 'l.arrivedWan', 'l.expectedRevenueWan', 'l.nextActionZh', 'l.nextActionOn', 'ev.nameZh as event', 'l.status']);
      if (!v.taskForce) q = q.where('l.ownerDistrictCode', '=', v.districtCode!);
      const rows = await q.orderBy('l.code').execute();
      const statusCol: Column = { key: 'status', headerZh: '状态', headerEn: 'Status', type: 'string', width: 10 };
      return writeWorkbook([{ name: '招商线索', titleZh: '生物制造招商线索', columns: [...LEAD_COLUMNS, statusCol], rows }]);
    },

    async exportParks(parks: { code: string; nameZh: string; kindZh?: string; districtCodes: string[]; focusZh: string | null; enterprises: number; scaleWan?: number }[]) {
      const districts = await db.selectFrom('district').select(['code', 'nameZh']).execute();
      const cols: Column[] = [
        { key: 'code', headerZh: '编码', headerEn: 'Code', type: 'string', width: 18 }, { key: 'nameZh', headerZh: '名称', headerEn: 'Name', type: 'string', width: 28 },
        { key: 'kindZh', headerZh: '类型', headerEn: 'Kind', type: 'string', width: 10 }, { key: 'districts', headerZh: '区县', headerEn: 'Districts', type: 'string', width: 20 },
        { key: 'focusZh', headerZh: '主导方向', headerEn: 'Focus', type: 'string', width: 40 }, { key: 'enterprises', headerZh: '企业数', headerEn: 'Enterprises', type: 'integer', width: 10 },
        ...(parks.some((p) => p.scaleWan !== undefined) ? [{ key: 'scaleWan', headerZh: '已核实规模（万元）', headerEn: 'Verified scale (万元)', type: 'number' as const, width: 16 }] : []),
      ];
      return writeWorkbook([{ name: '园区与集聚区', titleZh: '生物制造园区与集聚区', columns: cols, rows: parks.map((p) => ({ ...p, districts: p.districtCodes.map((c) => districts.find((d) => d.code === c)?.nameZh ?? c) })) }]);
    },

    exportFunds(funds: { code: string; nameZh: string; kind: string; sizeWan: number | null; managerZh: string | null; focusZh: string | null; districtNameZh: string | null; investedWan: number | null; investments: number | null }[]) {
      const cols: Column[] = [
        { key: 'code', headerZh: '编码', headerEn: 'Code', type: 'string', width: 18 }, { key: 'nameZh', headerZh: '基金名称', headerEn: 'Fund', type: 'string', width: 28 },
        { key: 'kindZh', headerZh: '类型', headerEn: 'Kind', type: 'string', width: 14 }, { key: 'sizeWan', headerZh: '规模（万元）', headerEn: 'Size (万元)', type: 'number', width: 14 },
        { key: 'managerZh', headerZh: '管理人', headerEn: 'Manager', type: 'string', width: 20 }, { key: 'focusZh', headerZh: '投资方向', headerEn: 'Focus', type: 'string', width: 30 },
        { key: 'districtNameZh', headerZh: '区县', headerEn: 'District', type: 'string', width: 10 }, { key: 'investedWan', headerZh: '已投金额（万元）', headerEn: 'Invested (万元)', type: 'number', width: 14 },
        { key: 'investments', headerZh: '投资笔数', headerEn: 'Investments', type: 'integer', width: 10 },
      ];
      return writeWorkbook([{ name: '基金', titleZh: '生物制造产业基金', columns: cols, rows: funds.map((f) => ({ ...f, kindZh: names(FUND_KINDS, f.kind) })) }]);
    },

    exportChains(nodes: { chainNameZh: string; code: string; nameZh: string; stage: string; standingZh: string; actionZh: string; enterprises: number; reason?: { zh: string } | null }[]) {
      const cols: Column[] = [
        { key: 'chainNameZh', headerZh: '产业链', headerEn: 'Chain', type: 'string', width: 24 }, { key: 'code', headerZh: '环节编码', headerEn: 'Node code', type: 'string', width: 26 },
        { key: 'nameZh', headerZh: '环节', headerEn: 'Node', type: 'string', width: 26 }, { key: 'stageZh', headerZh: '位置', headerEn: 'Stage', type: 'string', width: 10 },
        { key: 'enterprises', headerZh: '本地企业数', headerEn: 'Local enterprises', type: 'integer', width: 12 }, { key: 'standingZh', headerZh: '研判', headerEn: 'Standing', type: 'string', width: 10 },
        { key: 'actionZh', headerZh: '举措', headerEn: 'Action', type: 'string', width: 8 }, { key: 'reasonZh', headerZh: '依据', headerEn: 'Why', type: 'string', width: 40 },
      ];
      return writeWorkbook([{ name: '产业链研判', titleZh: '生物制造产业链补链强链延链研判', columns: cols, rows: nodes.map((n) => ({ ...n, stageZh: names(STAGES_OF_CHAIN, n.stage), reasonZh: n.reason?.zh ?? '' })) }]);
    },
    origins: ORIGINS,
  };
}

export type IndustryExcelService = ReturnType<typeof industryExcelService>;
