import { Alert, Breadcrumb, Card } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { Bi } from '../../../app/components/Bi';
import { PageHeader } from '../../../app/PageHeader';
import { useLang } from '../../../app/i18n';
import { bi } from '../../supervision/shared';
import { useCatalogRoles } from './access';
import { NeedForm } from './NeedForm';

/** 提出技术需求: the form, saved as a draft or submitted for review; then the need's own page. */
export default function NeedNewPage() {
  const lang = useLang();
  const navigate = useNavigate();
  const { user, taskForce } = useCatalogRoles();
  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/challenges"><Bi zh="揭榜挂帅" en="Challenges" /></Link> },
        { title: <Link to="/challenges/needs"><Bi zh="技术需求目录" en="Need catalog" /></Link> },
        { title: <Bi zh="提出需求" en="Raise a need" /> },
      ]} />
      <PageHeader title={{ zh: '提出技术需求', en: 'Raise a technology need' }}
        description={bi(lang, { zh: '说明「卡脖子」问题、国内外现状和可衡量的目标指标。经主管部门审核入库后，需求将收录于下一版《关键核心技术需求目录》，并可据此发布揭榜挂帅或并行资助榜单。', en: 'State the problem, the current level and measurable targets. Once accepted, the need enters the next edition of the catalog and challenges can be posted from it.' })} />
      {!taskForce && !!user && !user.organisationId && (
        <Alert type="warning" showIcon className="panel-alert" title={bi(lang, { zh: '您的账号尚未关联机构，不能代表机构提出需求；请联系管理员', en: 'Your account belongs to no organisation; ask an administrator' })} />
      )}
      <Card className="panel" style={{ maxWidth: 980 }}>
        <NeedForm onDone={(saved) => navigate(`/challenges/needs/${saved.id}`)} onCancel={() => navigate('/challenges/needs')} />
      </Card>
    </>
  );
}
