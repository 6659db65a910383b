import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { useLang } from '../../app/i18n';
import { bi } from '../supervision/shared';
import type { MapData } from './api';
import { EChart } from './charts';
import { ATTRIBUTION, loadChongqingMap, MAP_NAME, type DistrictFeature } from './chongqingMap';
import { num } from './format';
import { MEASURES } from './labels';

/**
 * Chongqing's 38 districts coloured by one measure; a click opens the enterprise list of that
 * district. The boundaries load on first use, in their own chunk.
 */
export function DistrictMap({ data, height = 520 }: { data: MapData; height?: number }) {
  const lang = useLang();
  const navigate = useNavigate();
  const [features, setFeatures] = useState<DistrictFeature[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailed(null);
    loadChongqingMap().then((f) => live && setFeatures(f), (e) => live && setFailed(errorMessage(e)));
    return () => { live = false; };
  }, [attempt]);

  const m = MEASURES[data.measure];
  const unit = lang === 'zh' ? m.unitZh : m.unitEn;

  const option = useMemo(() => {
    if (!features) return null;
    const byCode = new Map(data.items.map((i) => [i.code, i]));
    const values = data.items.map((i) => i.value);
    const max = Math.max(1, ...values);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { nameZh: string; nameEn: string; value: number } }) => {
          const d = p.data;
          if (!d) return '';
          const [main, aside] = lang === 'zh' ? [d.nameZh, d.nameEn] : [d.nameEn, d.nameZh];
          return `<b>${main}</b> <span style="opacity:.6">${aside}</span><br/>${lang === 'zh' ? m.zh : m.en}：<b>${num(lang, d.value)}</b> ${unit}`
            + `<br/><span style="opacity:.6">${lang === 'zh' ? '点击查看该区县企业' : 'Click for the district\'s enterprises'}</span>`;
        },
      },
      visualMap: {
        type: 'continuous', min: 0, max, calculable: true, left: 8, bottom: 8, itemHeight: 120,
        text: [lang === 'zh' ? `多（${unit}）` : `High (${unit})`, lang === 'zh' ? '少' : 'Low'], textStyle: { color: '#5b6b82', fontSize: 11 },
        inRange: { color: ['#eef3fb', '#b7cdee', '#6f9be0', '#2f62c0', '#143a84'] },
      },
      series: [{
        type: 'map', map: MAP_NAME, roam: true, scaleLimit: { min: 0.8, max: 6 }, selectedMode: false,
        layoutCenter: ['56%', '50%'], layoutSize: '112%',
        label: { show: false }, itemStyle: { borderColor: '#fff', borderWidth: 0.8, areaColor: '#eef3fb' },
        emphasis: { label: { show: true, color: '#0f2747', fontSize: 12 }, itemStyle: { areaColor: '#d4a017' } },
        // The boundaries name districts as the GeoJSON does; the value joins by GB/T 2260 code.
        data: features.map((f) => {
          const item = byCode.get(f.adcode);
          return { name: f.name, code: f.adcode, nameZh: item?.nameZh ?? f.name, nameEn: item?.nameEn ?? f.name, value: item?.value ?? 0 };
        }),
      }],
    };
  }, [features, data, lang, m, unit]);

  if (failed) {
    return <Alert type="error" showIcon title={bi(lang, { zh: '区县边界加载失败', en: 'Could not load the district boundaries' })} description={failed}
      action={<Button size="small" onClick={() => setAttempt((a) => a + 1)}>{bi(lang, { zh: '重试', en: 'Retry' })}</Button>} />;
  }
  if (!option || !features) return <Skeleton.Node active style={{ width: '100%', height }} />;

  return (
    <div data-testid="district-map" data-regions={features.length} data-measure={data.measure}>
      <EChart option={option} height={height} ariaLabel={bi(lang, { zh: `重庆市 ${features.length} 个区县${m.zh}分布图`, en: `Map of Chongqing's ${features.length} districts: ${m.en}` })}
        onClick={(p) => {
          const code = (p.data as { code?: string } | undefined)?.code;
          if (code) navigate(`/industry/enterprises?districtCode=${code}`);
        }} />
      <div className="map-caption">
        <Typography.Text type="secondary" data-testid="district-map-caption">
          {lang === 'zh' ? `全市 ${features.length} 个区县 · ${m.zh}（${m.unitZh}）${data.year ? ` · ${data.year} 年` : ''}` : `${features.length} districts · ${m.en} (${m.unitEn})${data.year ? ` · ${data.year}` : ''}`}
        </Typography.Text>
        <Typography.Text type="secondary" className="map-attribution">{ATTRIBUTION}</Typography.Text>
      </div>
    </div>
  );
}
