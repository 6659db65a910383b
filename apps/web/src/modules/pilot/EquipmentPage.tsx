import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Space } from 'antd';
import { EditOutlined, LoginOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { LoadState } from '../../app/components/LoadState';
import { PageHeader } from '../../app/PageHeader';
import { useLang } from '../../app/i18n';
import { useApi } from '../../app/useApi';
import { bi } from '../supervision/shared';
import { useDistrictNames } from '../supervision/WorkShared';
import { usePilotRoles } from './access';
import type { BaseProfile, EquipmentCalendar as CalendarData, EquipmentDetail } from './api.bases';
import { AllianceTag, EquipmentStatusTag, HourlyPriceList } from './BaseTags';
import { BookingRequestForm, type PickedSlot } from './BookingRequestForm';
import { calendarWindow, cqToday } from './BookingTime';
import { EquipmentCalendar, type CalendarView } from './EquipmentCalendar';
import { EquipmentFormModal } from './EquipmentFormModal';

const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Why the reader cannot book here, and what to do about it. */
function NoBooking({ item }: { item: EquipmentDetail }) {
  const lang = useLang();
  const location = useLocation();
  const { signedIn, party } = usePilotRoles();
  if (item.status !== 'available') {
    return <Alert type="warning" showIcon data-testid="pilot-booking-closed"
      title={bi(lang, { zh: `设备${item.status === 'maintenance' ? '维护中' : '已停用'}，暂不接受预约`, en: `The item is ${item.status === 'maintenance' ? 'under maintenance' : 'retired'} and takes no bookings` })}
      description={bi(lang, { zh: '可在日历上查看已有时段，或联系基地了解恢复时间。', en: 'The calendar still shows its slots; ask the base when it returns.' })} />;
  }
  if (!signedIn) {
    return <Alert type="info" showIcon data-testid="pilot-booking-sign-in"
      title={bi(lang, { zh: '登录后即可预约', en: 'Sign in to book' })}
      description={bi(lang, { zh: '企业、高校院所和中试基地的账号可预约共享设备，价格按机构类别计算。', en: 'Enterprises, institutes and pilot bases book shared equipment, priced by their category.' })}
      action={<Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}><Button size="small" type="primary" icon={<LoginOutlined />}><Bi zh="登录" en="Sign in" /></Button></Link>} />;
  }
  if (!party) {
    return <Alert type="info" showIcon data-testid="pilot-booking-not-party"
      title={bi(lang, { zh: '您的账号角色不预约设备', en: 'Your role does not book equipment' })}
      description={bi(lang, { zh: '预约由企业、高校院所和中试基地账号提出；您可查看日历上的占用情况。', en: 'Enterprises, institutes and pilot bases book; you can see the busy times.' })} />;
  }
  return null;
}

/**
 * 设备日历: one item of shared equipment, its week or month of bookings (busy times for
 * everyone; who and why for the requester and the base), and the request form for parties.
 */
export default function EquipmentPage() {
  const { id } = useParams<{ id: string }>();
  const lang = useLang();
  const districts = useDistrictNames();
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'month' ? 'month' : 'week';
  const anchor = isDate(params.get('date')) ? params.get('date')! : cqToday();
  const item = useApi<EquipmentDetail>(`/api/pilot/equipment/${id}`);
  const span = calendarWindow(view, anchor);
  const calendar = useApi<CalendarData>(`/api/pilot/equipment/${id}/bookings${qs(span)}`);
  const e = item.data;
  const base = useApi<BaseProfile>(e?.may.edit ? `/api/pilot/bases/${e.baseId}` : null);
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<PickedSlot | null>(null);
  const [selection, setSelection] = useState<{ from: string; to: string } | null>(null);

  const setParam = (changes: Record<string, string | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    return next;
  }, { replace: true });

  if (item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400)) {
    return <Result status="404" title={bi(lang, { zh: '设备不存在', en: 'Equipment not found' })} subTitle={item.error.message}
      extra={<Link to="/pilot/bases"><Button type="primary"><Bi zh="返回中试基地" en="Back to pilot bases" /></Button></Link>} />;
  }

  return (
    <>
      <Breadcrumb className="page-breadcrumb" items={[
        { title: <Link to="/pilot"><Bi zh="中试图谱" en="Pilot map" /></Link> },
        { title: <Link to="/pilot/bases"><Bi zh="中试基地" en="Pilot bases" /></Link> },
        { title: e ? <Link to={`/pilot/bases/${e.baseId}?tab=equipment`}>{e.baseNameZh}</Link> : '…' },
        { title: e?.code ?? '…' },
      ]} />
      <LoadState loading={item.loading && !e} error={item.error} reload={item.reload} rows={8}>
        {e && (
          <>
            <PageHeader title={{ zh: e.nameZh, en: e.nameZh }}
              tags={<Space size={[6, 6]} wrap><span className="mono" data-testid="pilot-equipment-code">{e.code}</span><EquipmentStatusTag status={e.status} /></Space>}
              extra={e.may.edit && (
                <Space wrap>
                  <Link to={`/pilot/bookings${qs({ view: 'queue', equipmentId: e.id })}`}>
                    <Button icon={<UnorderedListOutlined />} data-testid="pilot-equipment-queue"><Bi zh="该设备的预约" en="Its bookings" /></Button>
                  </Link>
                  <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!base.data} data-testid="pilot-equipment-edit">
                    <Bi zh="编辑设备" en="Edit" />
                  </Button>
                </Space>
              )} />
            <Card className="panel">
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
                { key: 'base', label: <Bi zh="所属基地" en="Base" />,
                  children: <Space size={4} wrap><Link to={`/pilot/bases/${e.baseId}`}>{e.baseNameZh}</Link><span className="cell-sub mono">{e.baseCode}</span><AllianceTag member={e.allianceMember} /></Space> },
                { key: 'district', label: <Bi zh="区县" en="District" />, children: districts.name(e.districtCode) ?? e.districtCode },
                { key: 'platform', label: <Bi zh="所属平台" en="Platform" />, children: e.platformNameZh ?? '—' },
                { key: 'type', label: <Bi zh="类型 / 型号" en="Type / model" />, children: `${e.typeZh}${e.model ? ` · ${e.model}` : ''}` },
                { key: 'capacity', label: <Bi zh="容量" en="Capacity" />, children: `${e.capacityL != null ? `${e.capacityL.toLocaleString()} L` : '—'}${e.capacityZh ? ` · ${e.capacityZh}` : ''}` },
                { key: 'prices', label: <Bi zh="小时价格" en="Hourly price" />, children: <HourlyPriceList prices={e} /> },
              ]} />
            </Card>
            <Row gutter={[16, 16]} className="section">
              <Col xs={24} xl={e.may.book ? 16 : 24}>
                <Card className="panel" title={<Bi zh="设备日历" en="Calendar" />}>
                  {calendar.error
                    ? <LoadState loading={false} error={calendar.error} reload={calendar.reload}>{null}</LoadState>
                    : (
                      <EquipmentCalendar view={view} anchor={anchor} slots={calendar.data?.slots ?? []} loading={calendar.loading}
                        onView={(v) => setParam({ view: v === 'week' ? undefined : v })} onAnchor={(d) => setParam({ date: d === cqToday() ? undefined : d })}
                        onPick={e.may.book ? (date, hour) => setPicked({ date, hour, seq: Date.now() }) : undefined} selection={selection} />
                    )}
                </Card>
              </Col>
              {e.may.book ? (
                <Col xs={24} xl={8}>
                  <Card className="panel" title={<Bi zh="预约申请" en="Request a slot" />}>
                    <BookingRequestForm equipmentId={e.id} prices={e} slots={calendar.data?.slots ?? []} picked={picked} onSlot={setSelection} onBooked={calendar.reload} />
                  </Card>
                </Col>
              ) : (
                <Col xs={24}><NoBooking item={e} /></Col>
              )}
            </Row>
            {editing && base.data && (
              <EquipmentFormModal baseId={e.baseId} platforms={base.data.platforms} equipment={e} onClose={() => setEditing(false)}
                onSaved={() => { setEditing(false); item.reload(); calendar.reload(); }} />
            )}
          </>
        )}
      </LoadState>
    </>
  );
}
