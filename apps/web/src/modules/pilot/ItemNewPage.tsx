import { Alert, Breadcrumb, Card } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { Bi } from '../../app/components/Bi';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import { usePilotRoles } from './access';
import { PAGE_PATH, type ItemKind } from './api.lists';
import { ItemForm } from './ItemForm';
import { KIND_NAMES, LISTS } from './labels.lists';

/** 发布生产需求 / 发布成果: the form, saved as a draft or submitted for review; then the item's own page. */
export default function ItemNewPage({ kind }: { kind: ItemKind }) {
  const lang = useLang();
  const navigate = useNavigate();
  const { user, taskForce } = usePilotRoles();
  const list = LISTS[KIND_NAMES[kind].list];
  const noOrganisation = !taskForce && !!user && !user.organisationId;

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试" en="Pilot" /></Link> },
        { title: <Link to={PAGE_PATH[kind]}><Bi zh={list.zh} en={list.en} /></Link> },
        { title: kind === 'demand' ? <Bi zh="发布需求" en="Post a demand" /> : <Bi zh="发布成果" en="Post an achievement" /> },
      ]} />
      <PageHeader title={kind === 'demand' ? { zh: '发布生产需求', en: 'Post a production demand' } : { zh: '发布成果', en: 'Post an achievement' }}
        description={kind === 'demand'
          ? bi(lang, { zh: '说明需解决的问题、规模和条件。标题、摘要和技术条件公开，用于匹配中试能力和成果；预算与保密详情只对您接受的对接方开放。', en: 'Say what is to be solved, at what scale and under which conditions. The title, summary and conditions are public and drive the matching; the budget and the confidential detail open only to parties you accept.' })
          : bi(lang, { zh: '介绍成果、成熟度和已达规模。公开内容用于匹配生产需求；保密详情只对您接受的对接方开放。', en: 'Describe the result, its readiness and the scale reached. The public part drives the matching with demands; the confidential detail opens only to parties you accept.' })} />
      {noOrganisation && (
        <Alert type="warning" showIcon className="panel-alert"
          title={bi(lang, { zh: '您的账号尚未关联机构，不能代表机构发布；请联系管理员关联', en: 'Your account belongs to no organisation, so it cannot post for one; ask an administrator' })} />
      )}
      <Card className="panel" style={{ maxWidth: 960 }}>
        <ItemForm kind={kind} mode="create" onDone={(saved) => navigate(`${PAGE_PATH[kind]}/${saved.id}`)} onCancel={() => navigate(PAGE_PATH[kind])} />
      </Card>
    </>
  );
}
