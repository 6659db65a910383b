import type { Bilingual, ErrorDetail } from '../../../platform/http/errors.js';
import { CERTIFIED, CONCLUSIONS, EVALUATION_STATES, SUBJECT_KIND_CODES, TRACK_CODES, TRACKS, type Conclusion, type EvaluationState, type Track } from './labels.js';

/**
 * The rules of a safety evaluation without a database: what a valid application is, how its
 * life moves and who moves it, and what the body's conclusion must say.
 */

export interface EvaluationInput {
  subjectKind: string;
  strainId?: string | null;
  titleZh: string;
  descriptionZh: string;
  fields: string[];
  contactNameZh: string;
  contactPhone: string;
  contactEmail?: string | null;
  fileIds?: string[];
  trackRequested?: string;
  trackReasonZh?: string | null;
}
export const EVALUATION_FIELDS = ['subjectKind', 'strainId', 'titleZh', 'descriptionZh', 'fields', 'contactNameZh', 'contactPhone', 'contactEmail', 'fileIds', 'trackRequested', 'trackReasonZh'] as const;

const at = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });
const blank = (s: unknown) => typeof s !== 'string' || !s.trim();
const PHONE = /^[0-9+\-() ]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_FIELDS = 10;

/** Problems of a whole application (a patch is merged onto the stored one first), each naming its field. */
export function evaluationProblems(i: Partial<EvaluationInput>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!(SUBJECT_KIND_CODES as readonly string[]).includes(i.subjectKind ?? '')) p.push(at('/subjectKind', '评价对象应为新核心菌种、原料或工艺过程', 'the subject is a new core strain, a raw material or a process'));
  else if (i.strainId && i.subjectKind !== 'coreStrain') p.push(at('/strainId', '只有新核心菌种可关联菌种库中的菌种', 'only a new core strain links to a strain in the bank'));
  if (blank(i.titleZh)) p.push(at('/titleZh', '名称必填', 'the title is required'));
  if (blank(i.descriptionZh)) p.push(at('/descriptionZh', '说明必填', 'the description is required'));
  const fields = i.fields ?? [];
  if (!fields.length) p.push(at('/fields', '至少填写一个领域关键词（用于匹配评审专家）', 'name at least one field keyword; reviewers are matched on them'));
  if (fields.length > MAX_FIELDS) p.push(at('/fields', `领域关键词至多 ${MAX_FIELDS} 个`, `at most ${MAX_FIELDS} field keywords`));
  fields.forEach((f, n) => { if (blank(f)) p.push(at(`/fields/${n}`, '关键词不能为空', 'a keyword is not blank')); });
  if (blank(i.contactNameZh)) p.push(at('/contactNameZh', '联系人必填', 'the contact person is required'));
  if (blank(i.contactPhone) || !PHONE.test(i.contactPhone!.trim())) p.push(at('/contactPhone', '联系电话格式不正确', 'not a phone number'));
  if (i.contactEmail && !EMAIL.test(i.contactEmail.trim())) p.push(at('/contactEmail', '电子邮箱格式不正确', 'not an e-mail address'));
  const track = i.trackRequested ?? 'standard';
  if (!(TRACK_CODES as readonly string[]).includes(track)) p.push(at('/trackRequested', '评价通道应为常规、优先评估或绿色通道', 'the track is standard, priority or green channel'));
  else if (track !== 'standard' && blank(i.trackReasonZh)) p.push(at('/trackReasonZh', `申请${TRACKS[track as Track].zh}须说明理由（创新性所在）`, `say why the ${TRACKS[track as Track].en.toLowerCase()} is asked for`));
  return p;
}

/** What an application needs on top of being valid before it is submitted: its dossier. */
export function submitProblems(i: Partial<EvaluationInput>): ErrorDetail[] {
  return (i.fileIds ?? []).length ? [] : [at('/fileIds', '提交前须上传申报材料', 'upload the dossier before submitting')];
}

export type EvaluationAction = 'edit' | 'submit' | 'withdraw' | 'supplement' | 'accept' | 'return' | 'requestSupplements' | 'decideTrack' | 'assign' | 'conclude';
export type Actor = 'applicant' | 'body';

/** Each action: the states it is taken from, where it leads (null: the state stays), and who takes it. */
export const EVALUATION_MOVES: Record<EvaluationAction, { from: readonly EvaluationState[]; to: EvaluationState | null; by: Actor } & Bilingual> = {
  edit: { from: ['draft'], to: null, by: 'applicant', zh: '修改', en: 'edit' },
  submit: { from: ['draft'], to: 'submitted', by: 'applicant', zh: '提交', en: 'submit' },
  withdraw: { from: ['draft', 'submitted', 'accepted', 'supplementing', 'review'], to: 'withdrawn', by: 'applicant', zh: '撤回', en: 'withdraw' },
  // Back to the state the supplements were asked in (accepted or review).
  supplement: { from: ['supplementing'], to: null, by: 'applicant', zh: '提交补充材料', en: 'answer with supplements' },
  accept: { from: ['submitted'], to: 'accepted', by: 'body', zh: '受理', en: 'accept' },
  return: { from: ['submitted'], to: 'returned', by: 'body', zh: '不予受理', en: 'return' },
  requestSupplements: { from: ['accepted', 'review'], to: 'supplementing', by: 'body', zh: '要求补充材料', en: 'ask for supplements' },
  decideTrack: { from: ['submitted', 'accepted', 'supplementing', 'review'], to: null, by: 'body', zh: '决定绿色通道/优先评估', en: 'decide the track' },
  assign: { from: ['accepted', 'review'], to: 'review', by: 'body', zh: '分配评审专家', en: 'assign reviewers' },
  conclude: { from: ['review'], to: 'concluded', by: 'body', zh: '作出评价结论', en: 'conclude' },
};
const ACTIONS = Object.keys(EVALUATION_MOVES) as EvaluationAction[];

/** Why an action cannot be taken in this state, naming the actions that are open; null when it can. */
export function moveProblem(action: EvaluationAction, state: EvaluationState): Bilingual | null {
  const m = EVALUATION_MOVES[action];
  if (m.from.includes(state)) return null;
  const open = ACTIONS.filter((a) => EVALUATION_MOVES[a].by === m.by && EVALUATION_MOVES[a].from.includes(state));
  const s = EVALUATION_STATES[state];
  return {
    zh: `申请「${s.zh}」，不能${m.zh}${open.length ? `（可：${open.map((a) => EVALUATION_MOVES[a].zh).join('、')}）` : ''}`,
    en: `The application is ${s.en.toLowerCase()} and cannot ${m.en}${open.length ? ` (open: ${open.map((a) => EVALUATION_MOVES[a].en).join(', ')})` : ''}`,
  };
}

/** A track decision is open while a green channel or priority request waits for one. */
export const trackUndecided = (e: { trackRequested: string; trackDecision: string | null }) => e.trackRequested !== 'standard' && !e.trackDecision;

/** What this reader may do now: the web shows these buttons and nothing else. */
export function mayOf(e: { state: EvaluationState; trackRequested: string; trackDecision: string | null }, as: { applicant: boolean; body: boolean }): EvaluationAction[] {
  return ACTIONS.filter((a) => {
    const m = EVALUATION_MOVES[a];
    if (!(m.by === 'applicant' ? as.applicant : as.body) || !m.from.includes(e.state)) return false;
    return a !== 'decideTrack' || trackUndecided(e);
  });
}

/** The track and time limit in force: the one granted, else standard. */
export function trackInForce(e: { trackRequested: string; trackDecision: string | null }): { track: Track; timeLimitDays: number } {
  const track = (e.trackDecision === 'granted' ? e.trackRequested : 'standard') as Track;
  return { track, timeLimitDays: TRACKS[track].days };
}

export interface ConclusionInput { conclusion: string; findingsZh: string; conditionsZh?: string | null }

/** The body's conclusion: one of three, with its findings; a conditional one states its conditions. */
export function conclusionProblems(c: Partial<ConclusionInput>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!(Object.keys(CONCLUSIONS) as string[]).includes(c.conclusion ?? '')) p.push(at('/conclusion', '结论应为安全、附条件安全或不安全', 'the conclusion is safe, safe with conditions or not safe'));
  if (blank(c.findingsZh)) p.push(at('/findingsZh', '评价意见必填', 'the findings are required'));
  if (c.conclusion === 'safeWithConditions' && blank(c.conditionsZh)) p.push(at('/conditionsZh', '附条件安全须写明条件', 'state the conditions'));
  if (c.conclusion !== 'safeWithConditions' && !blank(c.conditionsZh)) p.push(at('/conditionsZh', '只有附条件安全的结论写明条件', 'only a conclusion with conditions states them'));
  return p;
}

export const certified = (c: string) => (CERTIFIED as readonly string[]).includes(c as Conclusion);
