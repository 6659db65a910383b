import type { ReactNode } from 'react';
import {
  ApartmentOutlined, AuditOutlined, ClusterOutlined, DashboardOutlined, DatabaseOutlined, ExperimentOutlined, FileTextOutlined,
  SettingOutlined, TeamOutlined, TrophyOutlined,
} from '@ant-design/icons';
import type { Role } from './session';
import { FACTORY_READERS } from '../modules/factory/access';

export interface NavItem {
  /** The path the item opens (leaf) or a group key. */
  key: string;
  /** i18n key of the label. */
  label: string;
  icon?: ReactNode;
  roles?: Role[];
  children?: NavItem[];
}

/** Navigation follows what users come to do (DESIGN.md, Web). */
export const NAV: NavItem[] = [
  { key: '/', label: 'nav.cockpit', icon: <DashboardOutlined /> },
  {
    key: 'plan', label: 'nav.plan', icon: <FileTextOutlined />,
    children: [
      { key: '/plan/actions', label: 'nav.actions' },
      { key: '/plan/tasks', label: 'nav.tasks' },
      { key: '/plan/targets', label: 'nav.targets' },
      { key: '/plan/text', label: 'nav.planText' },
    ],
  },
  {
    key: 'supervision', label: 'nav.supervision', icon: <AuditOutlined />,
    children: [
      { key: '/supervision', label: 'nav.supervisionCockpit', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/supervision/inbox', label: 'nav.inbox', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/supervision/work-points', label: 'nav.workPoints', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/supervision/reports', label: 'nav.reports', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/supervision/year-plan', label: 'nav.yearPlan', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/supervision/indicators', label: 'nav.indicators', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/supervision/major-lists', label: 'nav.majorLists', roles: ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute', 'pilotBase', 'curator', 'expert'] },
      { key: '/supervision/inspections', label: 'nav.inspections', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/notices', label: 'nav.notices' },
      { key: '/consultations', label: 'nav.consultations' },
      { key: '/supervision/settings', label: 'nav.supervisionSettings', roles: ['admin', 'taskforce'] },
    ],
  },
  {
    key: 'industry', label: 'nav.industry', icon: <ApartmentOutlined />,
    children: [
      { key: '/industry', label: 'nav.industryMap' },
      { key: '/industry/enterprises', label: 'nav.enterprises' },
      { key: '/industry/chains', label: 'nav.chains' },
      { key: '/industry/parks', label: 'nav.parks' },
      { key: '/industry/leads', label: 'nav.leads', roles: ['admin', 'taskforce', 'district'] },
      { key: '/industry/funds', label: 'nav.funds', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/industry/figures', label: 'nav.figures', roles: ['admin', 'taskforce', 'unit', 'district', 'enterprise'] },
      { key: '/industry/search', label: 'nav.industrySearch' },
    ],
  },
  {
    key: 'pilot', label: 'nav.pilot', icon: <ExperimentOutlined />,
    children: [
      { key: '/pilot', label: 'nav.pilotMap' },
      { key: '/pilot/bases', label: 'nav.pilotBases' },
      { key: '/pilot/demands', label: 'nav.pilotDemands' },
      { key: '/pilot/achievements', label: 'nav.pilotAchievements' },
      { key: '/pilot/editions', label: 'nav.pilotEditions' },
      { key: '/pilot/responses', label: 'nav.pilotResponses', roles: ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'] },
      { key: '/pilot/bookings', label: 'nav.pilotBookings', roles: ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'] },
      { key: '/pilot/projects', label: 'nav.pilotProjects' },
      { key: '/pilot/services', label: 'nav.pilotServices' },
    ],
  },
  {
    key: 'challenges', label: 'nav.challenges', icon: <TrophyOutlined />,
    children: [
      { key: '/challenges', label: 'nav.challengeList' },
      { key: '/challenges/needs', label: 'nav.techNeeds' },
      { key: '/challenges/applications', label: 'nav.myApplications', roles: ['admin', 'taskforce', 'enterprise', 'institute'] },
      { key: '/challenges/review', label: 'nav.reviewDesk', roles: ['expert'] },
      { key: '/challenges/board', label: 'nav.awardBoard', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/challenges/results', label: 'nav.challengeResults' },
      { key: '/innovation/platforms', label: 'nav.innovationPlatforms' },
      { key: '/ip', label: 'nav.ip' },
    ],
  },
  {
    key: 'strains', label: 'nav.strains', icon: <DatabaseOutlined />,
    children: [
      { key: '/strains', label: 'nav.strainCatalogue' },
      { key: '/strains/deposits', label: 'nav.strainDeposits', roles: ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase'] },
      { key: '/strains/stock', label: 'nav.strainStock', roles: ['admin', 'taskforce', 'curator'] },
      { key: '/strains/requests', label: 'nav.strainRequests', roles: ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase'] },
      { key: '/strains/identify', label: 'nav.strainIdentify' },
      { key: '/strains/germplasm', label: 'nav.germplasm' },
      { key: '/strains/labs', label: 'nav.biosafetyLabs' },
      { key: '/safety/evaluations', label: 'nav.safetyEvaluations' },
    ],
  },
  {
    key: 'factory', label: 'nav.factory', icon: <ClusterOutlined />,
    children: [
      { key: '/factory', label: 'nav.factories' },
      { key: '/factory/events', label: 'nav.epcisEvents', roles: FACTORY_READERS },
      { key: '/factory/trace', label: 'nav.trace', roles: FACTORY_READERS },
      { key: '/factory/batches', label: 'nav.batches', roles: FACTORY_READERS },
      { key: '/factory/golden', label: 'nav.goldenBatches', roles: FACTORY_READERS },
      { key: '/factory/alarms', label: 'nav.processAlarms', roles: FACTORY_READERS },
      { key: '/factory/models', label: 'nav.monitorModels', roles: FACTORY_READERS },
    ],
  },
  {
    key: 'talent', label: 'nav.talent', icon: <TeamOutlined />,
    children: [
      { key: '/talent/experts', label: 'nav.experts', roles: ['admin', 'taskforce', 'unit', 'district', 'expert'] },
      { key: '/talent/committee', label: 'nav.committee' },
      { key: '/talent/people', label: 'nav.talentPeople', roles: ['admin', 'taskforce', 'unit', 'district'] },
      { key: '/talent/education', label: 'nav.education' },
    ],
  },
  {
    key: 'admin', label: 'nav.admin', icon: <SettingOutlined />, roles: ['admin'],
    children: [
      { key: '/admin/users', label: 'nav.users' },
      { key: '/admin/organisations', label: 'nav.organisations' },
      { key: '/admin/tokens', label: 'nav.allTokens' },
    ],
  },
];

const leaves = (items: NavItem[]): NavItem[] => items.flatMap((i) => (i.children ? leaves(i.children) : [i]));

/** The menu item a path belongs to: the longest leaf key that prefixes it (/plan/tasks/22 → /plan/tasks). */
export function selectedKey(pathname: string): string | undefined {
  let best: string | undefined;
  for (const { key } of leaves(NAV)) {
    const match = key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(key + '/');
    if (match && (!best || key.length > best.length)) best = key;
  }
  return best;
}

export function openGroup(pathname: string): string | undefined {
  return NAV.find((g) => g.children?.some((c) => pathname === c.key || pathname.startsWith(c.key + '/')))?.key;
}
