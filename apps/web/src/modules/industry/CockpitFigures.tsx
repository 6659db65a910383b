import type { ReactNode } from 'react';
import { Alert, Button, Card, Progress, Statistic, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { qs } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import type { Rollup } from './api';
import { money, num, shareOf } from './format';
import { INDICATORS } from './labels';

/** The roll-up's headline figures, each a link to the records behind it. */

function FigureCard({ to, testId, title, value, suffix, note, accent }: { to: string; testId: string; title: ReactNode; value: number; suffix?: string; note?: ReactNode; accent?: string }) {
  return (
    <Link to={to} data-testid={testId} className="figure-card-link">
      <Card className="panel figure-card" size="small" hoverable style={accent ? { borderTop: `3px solid ${accent}` } : undefined}>
        <Statistic title={title} value={value} suffix={suffix} styles={{ content: { fontWeight: 600, color: accent } }} />
        {note && <div className="cell-sub">{note}</div>}
      </Card>
    </Link>
  );
}

/** Scale against the 2027 target of 1000 亿元. */
export function ScaleTargetCard({ r }: { r: Rollup }) {
  const lang = useLang();
  const pct = shareOf(r.totalYi, r.target);
  return (
    <Link to={`/industry/targets/industryScale${qs({ year: r.year })}`} data-testid="rollup-scale" className="figure-card-link">
      <Card className="panel scale-card" hoverable>
        <div className="scale-card-body">
          <Progress type="dashboard" percent={pct} size={132} strokeColor={{ '0%': '#3a7bd5', '100%': '#1d4f91' }} format={() => <span className="scale-card-pct">{pct}%</span>} />
          <div>
            <Typography.Text type="secondary"><Bi zh={`${r.year ?? ''} 年产业规模（已核实）`} en={`Industry scale ${r.year ?? ''} (verified)`} /></Typography.Text>
            <div className="scale-card-value">
              {lang === 'zh' ? <>{num(lang, r.totalYi)}<small> 亿元</small></> : <>{num(lang, r.totalYi / 10, 3)}<small> bn yuan</small></>}
            </div>
            <Typography.Text type="secondary">
              {lang === 'zh' ? `2027 年目标突破 ${r.target} 亿元 · 企业 ${r.enterprises ?? 0} 家` : `2027 target: ${r.target / 10} bn yuan · ${r.enterprises ?? 0} enterprises`}
            </Typography.Text>
            {r.fromOutputValueWan > 0 && (
              <div className="cell-sub">{lang === 'zh' ? `其中 ${money(lang, r.fromOutputValueWan)} 按产值计（未报营收）` : `${money(lang, r.fromOutputValueWan)} of it counted as output value (no revenue reported)`}</div>
            )}
          </div>
        </div>
      </Card>
    </Link>
  );
}

/** Enterprises by revenue tier (and how many were attracted) and by designation. */
export function TierCards({ r }: { r: Rollup }) {
  const lang = useLang();
  const t = r.tiers ?? { t100: 0, t100a: 0, t50: 0, t50a: 0 };
  const d = r.designations;
  const y = qs({ year: r.year });
  return (
    <div className="figure-grid" data-testid="rollup-tiers">
      <FigureCard to={`/industry/targets/leadingEnterprises100${y}`} testId="tier-100" accent="#d4380d" value={t.t100} suffix={lang === 'zh' ? '家' : undefined}
        title={<Bi zh="营收 ≥100 亿元" en="Revenue ≥ 10 bn yuan" />}
        note={lang === 'zh' ? `其中引进 ${t.t100a} 家（目标 ${INDICATORS.leadingEnterprises100.goal} 家）` : `${t.t100a} attracted (target: ${INDICATORS.leadingEnterprises100.goal})`} />
      <FigureCard to={`/industry/targets/largeEnterprises50${y}`} testId="tier-50" accent="#d48806" value={t.t50} suffix={lang === 'zh' ? '家' : undefined}
        title={<Bi zh="营收 ≥50 亿元" en="Revenue ≥ 5 bn yuan" />}
        note={lang === 'zh' ? `其中引进 ${t.t50a} 家（目标 ${INDICATORS.largeEnterprises50.goal} 家）` : `${t.t50a} attracted (target: ${INDICATORS.largeEnterprises50.goal})`} />
      <FigureCard to="/industry/targets/srdiEnterprises" testId="designation-srdi" accent="#1d4f91" value={d.srdi} suffix={lang === 'zh' ? '家' : undefined}
        title={<Bi zh="专精特新" en="SRDI" />} note={lang === 'zh' ? `合计 ${d.any} 家（目标 ${INDICATORS.srdiEnterprises.goal} 家）` : `${d.any} designated (target: ${INDICATORS.srdiEnterprises.goal})`} />
      <FigureCard to="/industry/targets/srdiEnterprises" testId="designation-little-giant" accent="#722ed1" value={d.littleGiant} suffix={lang === 'zh' ? '家' : undefined}
        title={<Bi zh="“小巨人”" en="Little giants" />} note={bi(lang, { zh: '国家级专精特新', en: 'national SRDI' })} />
    </div>
  );
}

/** How much is still unverified: only verified figures count toward the targets. */
export function UnverifiedAlert({ r, canVerify }: { r: Rollup; canVerify: boolean }) {
  const lang = useLang();
  const navigate = useNavigate();
  const u = r.unverified;
  const rule = bi(lang, { zh: '只有已核实的数据计入目标。', en: 'Only verified figures count toward the targets.' });
  if (!u.figures) {
    return <Alert type="success" showIcon className="panel-alert" data-testid="unverified-alert" data-unverified={0}
      title={lang === 'zh' ? `${r.year ?? ''} 年经营数据均已核实` : `All ${r.year ?? ''} figures are verified`} description={rule} />;
  }
  return (
    <Alert type="warning" showIcon className="panel-alert" data-testid="unverified-alert" data-unverified={u.figures}
      title={lang === 'zh'
        ? `${r.year} 年尚有 ${u.figures} 条企业经营数据待核实，合计 ${money(lang, u.scaleWan)}，未计入目标`
        : `${u.figures} ${u.figures === 1 ? 'report' : 'reports'} of ${r.year} figures (${money(lang, u.scaleWan)}) await verification and are not counted`}
      description={<>{rule}{lang === 'zh' ? ' 企业自报数据须经所在区县核实后方可计入。' : ' Self-reported figures count once the enterprise\'s district has verified them.'}</>}
      action={canVerify && <Button size="small" type="primary" ghost onClick={() => navigate('/industry/figures')} data-testid="unverified-go"><Bi zh="去核实" en="Verify" /></Button>} />
  );
}
