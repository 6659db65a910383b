import { bi, type Named } from './shared';

/** The names of the states and kinds the published-record pages show, as the server's Excel writes them. */
export const INSPECTION_KIND: Record<string, Named> = {
  scheduled: { zh: '督促检查', en: 'Scheduled', color: 'blue' },
  special: { zh: '专项督查', en: 'Special', color: 'purple' },
};
export const INSPECTION_STATUS: Record<string, Named> = {
  planned: { zh: '计划中', en: 'Planned', color: 'default' },
  inProgress: { zh: '进行中', en: 'In progress', color: 'processing' },
  closed: { zh: '已结束', en: 'Closed', color: 'success' },
};
export const RECTIFICATION_STATUS: Record<string, Named> = {
  open: { zh: '整改中', en: 'Open', color: 'orange' },
  submitted: { zh: '待验收', en: 'To review', color: 'gold' },
  closed: { zh: '已销号', en: 'Closed out', color: 'green' },
};
export const NOTICE_KIND: Record<string, Named> = {
  progress: { zh: '推进情况通报', en: 'Progress', color: 'blue' },
  commendation: { zh: '表扬通报', en: 'Commendation', color: 'green' },
  criticism: { zh: '批评通报', en: 'Criticism', color: 'red' },
};
export const NOTICE_STATUS: Record<string, Named> = {
  draft: { zh: '草稿', en: 'Draft', color: 'orange' },
  approved: { zh: '已审定', en: 'Approved', color: 'blue' },
  published: { zh: '已发布', en: 'Published', color: 'green' },
};
export const WINDOW: Record<string, Named> = {
  upcoming: { zh: '未开始', en: 'Upcoming', color: 'blue' },
  open: { zh: '征求意见中', en: 'Open', color: 'green' },
  closed: { zh: '已截止', en: 'Closed', color: 'default' },
};
export const DISPOSITION: Record<string, Named> = {
  adopted: { zh: '采纳', en: 'Adopted', color: 'green' },
  partlyAdopted: { zh: '部分采纳', en: 'Partly adopted', color: 'cyan' },
  notAdopted: { zh: '不予采纳', en: 'Not adopted', color: 'red' },
  explained: { zh: '已解释说明', en: 'Explained', color: 'blue' },
};

export const options = (m: Record<string, Named>, lang: 'zh' | 'en') =>
  Object.entries(m).map(([value, n]) => ({ value, label: bi(lang, n) }));
