/**
 * The Core Business Vocabulary (CBV 2.0) values the JSON schema names, with Chinese and English
 * labels for pages and reports, and the reading of any of the forms a value may be written in.
 */
export interface VocabEntry { code: string; zh: string; en: string }

const entries = (rows: [string, string, string][]): VocabEntry[] => rows.map(([code, zh, en]) => ({ code, zh, en }));

const eventTypes = entries([
  ['ObjectEvent', '对象事件', 'Object event'],
  ['AggregationEvent', '聚合事件', 'Aggregation event'],
  ['TransactionEvent', '交易事件', 'Transaction event'],
  ['TransformationEvent', '转化事件', 'Transformation event'],
  ['AssociationEvent', '关联事件', 'Association event'],
]);

const actions = entries([
  ['ADD', '新增', 'Add'],
  ['OBSERVE', '观察', 'Observe'],
  ['DELETE', '删除', 'Delete'],
]);

const bizSteps = entries([
  ['accepting', '验收', 'Accepting'], ['arriving', '到达', 'Arriving'], ['assembling', '组装', 'Assembling'],
  ['collecting', '收集', 'Collecting'], ['commissioning', '赋码投产', 'Commissioning'], ['consigning', '交付承运', 'Consigning'],
  ['creating_class_instance', '创建批次实例', 'Creating class instance'], ['cycle_counting', '循环盘点', 'Cycle counting'],
  ['decommissioning', '注销标识', 'Decommissioning'], ['departing', '离开', 'Departing'], ['destroying', '销毁', 'Destroying'],
  ['disassembling', '拆解', 'Disassembling'], ['dispensing', '分装发放', 'Dispensing'], ['encoding', '编码', 'Encoding'],
  ['entering_exiting', '进出', 'Entering or exiting'], ['holding', '暂扣', 'Holding'], ['inspecting', '检验', 'Inspecting'],
  ['installing', '安装', 'Installing'], ['killing', '灭活标签', 'Killing'], ['loading', '装载', 'Loading'], ['other', '其他', 'Other'],
  ['packing', '包装', 'Packing'], ['picking', '拣货', 'Picking'], ['receiving', '收货', 'Receiving'], ['removing', '移除', 'Removing'],
  ['repackaging', '重新包装', 'Repackaging'], ['repairing', '维修', 'Repairing'], ['replacing', '更换', 'Replacing'],
  ['reserving', '预留', 'Reserving'], ['retail_selling', '零售', 'Retail selling'], ['shipping', '发运', 'Shipping'],
  ['staging_outbound', '出库备货', 'Staging outbound'], ['stock_taking', '盘点', 'Stock taking'], ['stocking', '上架', 'Stocking'],
  ['storing', '储存', 'Storing'], ['transporting', '运输', 'Transporting'], ['unloading', '卸货', 'Unloading'],
  ['unpacking', '拆包', 'Unpacking'], ['void_shipping', '取消发运', 'Void shipping'], ['sensor_reporting', '传感器上报', 'Sensor reporting'],
  ['sampling', '取样', 'Sampling'],
]);

const dispositions = entries([
  ['active', '已激活', 'Active'], ['available', '可用', 'Available'], ['completeness_inferred', '完整性推定', 'Completeness inferred'],
  ['completeness_verified', '完整性已核实', 'Completeness verified'], ['conformant', '合格', 'Conformant'],
  ['container_closed', '容器已封闭', 'Container closed'], ['container_open', '容器已打开', 'Container open'], ['damaged', '损坏', 'Damaged'],
  ['destroyed', '已销毁', 'Destroyed'], ['dispensed', '已分发', 'Dispensed'], ['disposed', '已处置', 'Disposed'], ['encoded', '已编码', 'Encoded'],
  ['expired', '已过期', 'Expired'], ['in_progress', '在制', 'In progress'], ['in_transit', '在途', 'In transit'], ['inactive', '未激活', 'Inactive'],
  ['mismatch_class', '品类不符', 'Mismatch: class'], ['mismatch_instance', '实例不符', 'Mismatch: instance'],
  ['mismatch_quantity', '数量不符', 'Mismatch: quantity'], ['needs_replacement', '需更换', 'Needs replacement'],
  ['no_pedigree_match', '谱系不符', 'No pedigree match'], ['non_conformant', '不合格', 'Non-conformant'],
  ['non_sellable_other', '不可销售（其他）', 'Non-sellable (other)'], ['partially_dispensed', '部分分发', 'Partially dispensed'],
  ['recalled', '已召回', 'Recalled'], ['reserved', '已预留', 'Reserved'], ['retail_sold', '已零售', 'Retail sold'], ['returned', '已退回', 'Returned'],
  ['sellable_accessible', '可售可取', 'Sellable, accessible'], ['sellable_not_accessible', '可售不可取', 'Sellable, not accessible'],
  ['stolen', '被盗', 'Stolen'], ['unavailable', '不可用', 'Unavailable'], ['unknown', '未知', 'Unknown'],
]);

const errorReasons = entries([
  ['did_not_occur', '事件未曾发生', 'Did not occur'],
  ['incorrect_data', '数据有误', 'Incorrect data'],
]);

const bizTransactionTypes = entries([
  ['bol', '提单', 'Bill of lading'], ['cert', '证书', 'Certificate'], ['desadv', '发货通知', 'Despatch advice'], ['inv', '发票', 'Invoice'],
  ['pedigree', '谱系', 'Pedigree'], ['po', '采购订单', 'Purchase order'], ['poc', '采购订单确认', 'Purchase order confirmation'],
  ['prodorder', '生产订单', 'Production order'], ['recadv', '收货通知', 'Receiving advice'], ['rma', '退货授权', 'Return merchandise authorisation'],
  ['testprd', '检测规程', 'Test procedure'], ['testres', '检测结果', 'Test result'],
]);

const sourceDestTypes = entries([
  ['owning_party', '所有方', 'Owning party'], ['possessing_party', '持有方', 'Possessing party'], ['location', '地点', 'Location'],
]);

const sensorAlertTypes = entries([
  ['ALARM_CONDITION', '报警', 'Alarm condition'], ['ERROR_CONDITION', '故障', 'Error condition'],
]);

const measurementTypes = entries([
  ['AbsoluteHumidity', '绝对湿度', 'Absolute humidity'], ['AbsorbedDose', '吸收剂量', 'Absorbed dose'], ['AbsorbedDoseRate', '吸收剂量率', 'Absorbed dose rate'],
  ['Acceleration', '加速度', 'Acceleration'], ['Activity', '放射性活度', 'Activity'], ['Altitude', '海拔', 'Altitude'],
  ['AmountOfSubstance', '物质的量', 'Amount of substance'], ['AmountOfSubstancePerUnitVolume', '物质的量浓度', 'Amount of substance per unit volume'],
  ['Angle', '角度', 'Angle'], ['AngularAcceleration', '角加速度', 'Angular acceleration'], ['AngularMomentum', '角动量', 'Angular momentum'],
  ['AngularVelocity', '角速度', 'Angular velocity'], ['Area', '面积', 'Area'], ['Capacitance', '电容', 'Capacitance'], ['Conductance', '电导', 'Conductance'],
  ['Conductivity', '电导率', 'Conductivity'], ['Count', '计数', 'Count'], ['Density', '密度', 'Density'], ['Dimensionless', '无量纲', 'Dimensionless'],
  ['DoseEquivalent', '剂量当量', 'Dose equivalent'], ['DoseEquivalentRate', '剂量当量率', 'Dose equivalent rate'], ['DynamicViscosity', '动力黏度', 'Dynamic viscosity'],
  ['ElectricCharge', '电荷', 'Electric charge'], ['ElectricCurrent', '电流', 'Electric current'], ['ElectricCurrentDensity', '电流密度', 'Electric current density'],
  ['ElectricFieldStrength', '电场强度', 'Electric field strength'], ['Energy', '能量', 'Energy'], ['Exposure', '照射量', 'Exposure'], ['Force', '力', 'Force'],
  ['Frequency', '频率', 'Frequency'], ['Illuminance', '照度', 'Illuminance'], ['Inductance', '电感', 'Inductance'], ['Irradiance', '辐照度', 'Irradiance'],
  ['KinematicViscosity', '运动黏度', 'Kinematic viscosity'], ['Length', '长度', 'Length'], ['LinearMomentum', '动量', 'Linear momentum'],
  ['Luminance', '亮度', 'Luminance'], ['LuminousFlux', '光通量', 'Luminous flux'], ['LuminousIntensity', '发光强度', 'Luminous intensity'],
  ['MagneticFlux', '磁通量', 'Magnetic flux'], ['MagneticFluxDensity', '磁感应强度', 'Magnetic flux density'], ['MagneticVectorPotential', '磁矢势', 'Magnetic vector potential'],
  ['Mass', '质量', 'Mass'], ['MassConcentration', '质量浓度', 'Mass concentration'], ['MassFlowRate', '质量流量', 'Mass flow rate'],
  ['MassPerAreaTime', '单位面积质量通量', 'Mass per area and time'], ['MemoryCapacity', '存储容量', 'Memory capacity'], ['MolalityOfSolute', '质量摩尔浓度', 'Molality of solute'],
  ['MolarEnergy', '摩尔能量', 'Molar energy'], ['MolarMass', '摩尔质量', 'Molar mass'], ['MolarVolume', '摩尔体积', 'Molar volume'], ['Power', '功率', 'Power'],
  ['Pressure', '压力', 'Pressure'], ['RadiantFlux', '辐射通量', 'Radiant flux'], ['RadiantIntensity', '辐射强度', 'Radiant intensity'],
  ['RelativeHumidity', '相对湿度', 'Relative humidity'], ['Resistance', '电阻', 'Resistance'], ['Resistivity', '电阻率', 'Resistivity'],
  ['SolidAngle', '立体角', 'Solid angle'], ['SpecificVolume', '比体积', 'Specific volume'], ['Speed', '速度', 'Speed'], ['SurfaceDensity', '面密度', 'Surface density'],
  ['SurfaceTension', '表面张力', 'Surface tension'], ['Temperature', '温度', 'Temperature'], ['Time', '时间', 'Time'], ['Torque', '扭矩', 'Torque'],
  ['Voltage', '电压', 'Voltage'], ['Volume', '体积', 'Volume'], ['VolumeFlowRate', '体积流量', 'Volume flow rate'], ['VolumeFraction', '体积分数', 'Volume fraction'],
  ['VolumetricFlux', '体积通量', 'Volumetric flux'], ['Wavenumber', '波数', 'Wavenumber'],
]);

export const CBV = {
  eventTypes, actions, bizSteps, dispositions, errorReasons, bizTransactionTypes, sourceDestTypes, sensorAlertTypes, measurementTypes,
} as const;

export type CbvKind = keyof typeof CBV;

/**
 * How each kind is written besides the bare word: its CBV 1.x URN prefix, its CBV 2.0 Web URI
 * term prefix (also used compacted as `cbv:BizStep-…`), or the GS1 Web Vocabulary (`gs1:…`).
 */
const FORMS: Partial<Record<CbvKind, { urn?: string; term?: string; gs1?: boolean }>> = {
  bizSteps: { urn: 'urn:epcglobal:cbv:bizstep:', term: 'BizStep-' },
  dispositions: { urn: 'urn:epcglobal:cbv:disp:', term: 'Disp-' },
  errorReasons: { urn: 'urn:epcglobal:cbv:er:', term: 'ER-' },
  bizTransactionTypes: { urn: 'urn:epcglobal:cbv:btt:', term: 'BTT-' },
  sourceDestTypes: { urn: 'urn:epcglobal:cbv:sdt:', term: 'SDT-' },
  measurementTypes: { gs1: true },
  sensorAlertTypes: { gs1: true },
};

const CBV_BASES = ['https://ref.gs1.org/cbv/', 'https://ns.gs1.org/cbv/', 'http://ref.gs1.org/cbv/', 'cbv:'];
const GS1_BASES = ['https://gs1.org/voc/', 'https://www.gs1.org/voc/', 'http://gs1.org/voc/', 'gs1:'];

const codeSets = Object.fromEntries(Object.entries(CBV).map(([k, list]) => [k, new Map(list.map((e) => [e.code, e]))])) as Record<CbvKind, Map<string, VocabEntry>>;

/** The bare CBV word a value stands for (`commissioning` for any of its forms), or null when it is not CBV. */
export function cbvWord(kind: CbvKind, value: string): string | null {
  const set = codeSets[kind];
  if (set.has(value)) return value;
  const forms = FORMS[kind];
  if (!forms) return null;
  let word: string | null = null;
  if (forms.urn && value.startsWith(forms.urn)) word = value.slice(forms.urn.length);
  if (forms.term) for (const base of CBV_BASES) if (value.startsWith(base + forms.term)) word = value.slice(base.length + forms.term.length);
  if (forms.gs1) for (const base of GS1_BASES) if (value.startsWith(base)) word = value.slice(base.length);
  return word !== null && set.has(word) ? word : null;
}

/** The Chinese and English label of a CBV value in any of its forms; null when it is not CBV. */
export function cbvLabel(kind: CbvKind, value: string): VocabEntry | null {
  const word = cbvWord(kind, value);
  return word === null ? null : codeSets[kind].get(word)!;
}
