import type { ErrorDetail } from '../../../platform/http/errors.js';

/**
 * The review part's rules, pure: conflicts of interest in words with names, the blind view's
 * anonymous labels and the scrubbing of names from free text, who may be proposed and with what
 * share, and the notice's clock.
 */

type Text = { zh: string; en: string };

// Conflicts are the experts' (talent module): reviews of every kind word them the same way.
export { CONFLICT_KIND_NAMES, collaborationRef, conflictDetail, nameConflict, withRoom, type NamedConflict } from '../../talent/model/conflicts.js';
const msg = (zh: string, en: string) => `${zh}（${en}）`;

/** An assignment's life: assigned → submitted (locked), or declined, conflict, removed. */
export const ASSIGNMENT_STATUSES = {
  assigned: { zh: '评审中', en: 'Assigned' },
  submitted: { zh: '已提交', en: 'Submitted' },
  declined: { zh: '已谢绝', en: 'Declined' },
  conflict: { zh: '利益冲突回避', en: 'Withdrawn for a conflict' },
  removed: { zh: '已撤销', en: 'Removed' },
} as const;
/** An assignment that still counts: the reviewer is on the application. */
export const LIVE_ASSIGNMENT = ['assigned', 'submitted'] as const;

// ---------------------------------------------------------------------------------------------
// The blind view

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The lead is 申报单位 A, members B, C … in the order the application lists them. */
export const anonymousOrganisation = (i: number): Text => ({ zh: `申报单位 ${LETTERS[i] ?? i + 1}`, en: `Applicant ${LETTERS[i] ?? i + 1}` });
export const anonymousPerson = (i: number): Text => ({ zh: `成员 ${i + 1}`, en: `Member ${i + 1}` });

const PREFIXES = ['重庆市', '重庆'];
const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司'];
/** Shortened forms shorter than this are too likely to be ordinary words to scrub. */
const MIN_SHORT_FORM = 4;

/**
 * The ways a text may name an organisation: the full name, and the name without 重庆(市) before
 * it or its company form after it (重庆璧山合成生物有限公司 → 璧山合成生物有限公司, 重庆璧山合成生物,
 * 璧山合成生物). A shortened form of fewer than four characters is not used.
 */
export function organisationNameForms(name: string): string[] {
  const forms = new Set<string>([name.trim()]);
  const cut = (s: string) => {
    const out = [s];
    for (const p of PREFIXES) if (s.startsWith(p)) out.push(s.slice(p.length));
    for (const x of [...out]) {
      const sfx = SUFFIXES.find((f) => x.endsWith(f));
      if (sfx) out.push(x.slice(0, -sfx.length));
    }
    return out;
  };
  for (const f of cut(name.trim())) if (f.length >= MIN_SHORT_FORM) forms.add(f);
  return [...forms].filter(Boolean);
}

export interface Replacement { find: string; label: string }

/**
 * Every occurrence of a name, replaced by its label: longest names first (a full name before
 * its shortened form), Latin letters regardless of case.
 */
export function scrub(text: string | null | undefined, replacements: readonly Replacement[]): string | null {
  if (text === null || text === undefined) return null;
  const sorted = [...replacements].filter((r) => r.find.trim().length > 0).sort((a, b) => b.find.length - a.find.length);
  if (!sorted.length) return text;
  const pattern = new RegExp(sorted.map((r) => r.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const byKey = new Map(sorted.map((r) => [r.find.toLowerCase(), r.label] as const));
  return text.replace(pattern, (m) => byKey.get(m.toLowerCase()) ?? m);
}

// ---------------------------------------------------------------------------------------------
// The public notice

export interface AwardeeInput { applicationId: string; shareWan?: number | null }
export interface NoticeTerms { mode: string; fundingWan: number; maxTeams: number }

/**
 * Who may be proposed, and with what share. Single award (揭榜挂帅): exactly one application; its
 * share is the challenge's funding unless a smaller one is given. Parallel funding (并行资助): one
 * to max_teams applications, each with its share above zero, the shares adding up to no more than
 * the funding. An application is proposed once.
 */
export function proposalProblems(awardees: readonly AwardeeInput[], t: NoticeTerms): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!awardees.length) return [{ path: '/awardees', message: msg('至少拟立项一个申报', 'propose at least one application') }];
  if (t.mode === 'single' && awardees.length !== 1) p.push({ path: '/awardees', message: msg('揭榜挂帅只能拟立项一个申报', 'a single-award challenge proposes exactly one application') });
  if (t.mode === 'parallel' && awardees.length > t.maxTeams) p.push({ path: '/awardees', message: msg(`并行资助最多支持 ${t.maxTeams} 个团队`, `parallel funding funds at most ${t.maxTeams} teams`) });
  const seen = new Set<string>();
  awardees.forEach((a, i) => {
    if (seen.has(a.applicationId)) p.push({ path: `/awardees/${i}/applicationId`, message: msg('同一申报重复拟立项', 'the application is proposed twice') });
    seen.add(a.applicationId);
    const share = a.shareWan;
    if (share === undefined || share === null) {
      if (t.mode === 'parallel') p.push({ path: `/awardees/${i}/shareWan`, message: msg('并行资助须写明每个团队的资助额度（万元）', 'parallel funding needs each team\'s share (10k yuan)') });
    } else if (!(Number.isFinite(share) && share > 0)) p.push({ path: `/awardees/${i}/shareWan`, message: msg('资助额度须大于 0', 'the share must be above 0') });
  });
  const sum = awardees.reduce((s, a) => s + (a.shareWan ?? (t.mode === 'single' ? t.fundingWan : 0)), 0);
  // Too many awardees is the problem to fix first; their sum says nothing more.
  if (!p.some((x) => x.path === '/awardees') && sum > t.fundingWan + 1e-9) p.push({ path: '/awardees', message: msg(`资助额度合计 ${sum} 万元，超过榜单经费 ${t.fundingWan} 万元`, `the shares add up to ${sum}, above the challenge's funding of ${t.fundingWan} (10k yuan)`) });
  return p;
}

/** The share an awardee gets: as given, or the whole funding in a single award. */
export const shareOf = (a: AwardeeInput, t: NoticeTerms) => a.shareWan ?? t.fundingWan;

const DAY_MS = 86_400_000;
/** The notice runs notice_days × 24 hours from the instant it starts, by the server's clock. */
export const noticeEndsAt = (startsAt: Date, days: number) => new Date(startsAt.getTime() + days * DAY_MS);

/** Objections are lodged while the period runs; confirmation waits until it has ended. */
export const noticeOpen = (n: { endsAt: Date }, now: Date) => now.getTime() < n.endsAt.getTime();

export const OBJECTION_STATUSES = {
  pending: { zh: '待处理', en: 'Pending' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
} as const;
