import * as echarts from 'echarts/core';
import { FunnelChart, GraphChart, MapChart, PieChart } from 'echarts/charts';
import { TitleComponent, VisualMapComponent } from 'echarts/components';

/**
 * The chart types only the industry map draws (district map, chain graph, lead funnel, fund pie). They
 * register with the platform's one ECharts core when an industry page loads, so the other
 * pages never carry them; app/components/EChart draws them like any other.
 */
echarts.use([MapChart, GraphChart, FunnelChart, PieChart, VisualMapComponent, TitleComponent]);

export { EChart } from '../../app/components/EChart';

/** The axis and tooltip style every industry chart shares. */
export const AXIS_LABEL = { color: '#5b6b82', fontSize: 12 };
export const PALETTE = ['#1d4f91', '#3a7bd5', '#5fa8d3', '#97c5e0', '#d4a017', '#8c6d1f'];
