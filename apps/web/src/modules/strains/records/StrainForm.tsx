import { Button, Checkbox, DatePicker, Divider, Form, Input, InputNumber, Select, Space, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Bi } from '../../../app/components/Bi';
import { useLang } from '../../../app/i18n';
import { bi } from '../../supervision/shared';
import { OrganisationSelect } from '../../talent/OrganisationSelect';
import { dateProps, notAfterToday, required, requiredValue } from '../stock/forms';
import type { Lineage, StrainFull } from './api';
import { ATMOSPHERES, HAZARD_CLASSES, minimumLevel, ORGANISM_KINDS } from './labels';

/** The form's values: the MCL fields, a hazard class of 'none' for a non-pathogen. */
export interface StrainValues {
  organismKind: string; genus: string; species?: string; subspecies?: string; strainDesignation?: string; nameZh?: string; typeStrain?: boolean; otherNumbers?: string[];
  lineage?: Lineage; depositorOrganisationId?: string | null; depositorNameZh?: string; historyZh?: string; depositedOn?: string | null;
  isolationSourceZh?: string; isolationPlaceZh?: string; isolationLat?: number | null; isolationLon?: number | null; isolationCountry?: string; isolatedOn?: string | null;
  mediumZh?: string; growthTemperatureC?: number | null; atmosphere?: string | null;
  applicationsZh?: string[]; products?: string[]; enzymes?: string[]; tolerances?: string[]; keyGenes?: string[]; literature?: { citation: string; doi?: string }[];
  hazardClass: string; biosafetyLevel: number; gmo?: boolean; exportControl?: boolean; nagoyaAbs?: boolean; restricted?: boolean; restrictionNoteZh?: string;
}

const blank = (s?: string | null) => (s?.trim() ? s.trim() : null);

/** The body the server takes: empty text is null, the hazard class a number or null. */
export function strainBodyOf(v: StrainValues) {
  const lineage = Object.fromEntries(Object.entries(v.lineage ?? {}).filter(([, x]) => typeof x === 'string' && x.trim()).map(([k, x]) => [k, (x as string).trim()]));
  return {
    organismKind: v.organismKind, genus: v.genus.trim(), species: blank(v.species), subspecies: blank(v.subspecies), strainDesignation: blank(v.strainDesignation), nameZh: blank(v.nameZh),
    typeStrain: !!v.typeStrain, otherNumbers: v.otherNumbers ?? [], lineage: Object.keys(lineage).length ? lineage : null,
    depositorNameZh: blank(v.depositorNameZh), historyZh: blank(v.historyZh), depositedOn: v.depositedOn ?? null,
    isolationSourceZh: blank(v.isolationSourceZh), isolationPlaceZh: blank(v.isolationPlaceZh), isolationLat: v.isolationLat ?? null, isolationLon: v.isolationLon ?? null,
    isolationCountry: blank(v.isolationCountry), isolatedOn: v.isolatedOn ?? null, mediumZh: blank(v.mediumZh), growthTemperatureC: v.growthTemperatureC ?? null, atmosphere: v.atmosphere ?? null,
    applicationsZh: v.applicationsZh ?? [], products: v.products ?? [], enzymes: v.enzymes ?? [], tolerances: v.tolerances ?? [], keyGenes: v.keyGenes ?? [],
    literature: (v.literature ?? []).filter((l) => l?.citation?.trim()).map((l) => ({ citation: l.citation.trim(), ...(l.doi?.trim() ? { doi: l.doi.trim() } : {}) })),
    hazardClass: v.hazardClass === 'none' ? null : Number(v.hazardClass), biosafetyLevel: v.biosafetyLevel,
    gmo: !!v.gmo, exportControl: !!v.exportControl, nagoyaAbs: !!v.nagoyaAbs, restricted: !!v.restricted, restrictionNoteZh: blank(v.restrictionNoteZh),
  };
}

/** A stored strain as the form's values. */
export const valuesOf = (s: StrainFull): StrainValues => ({
  ...s, species: s.species ?? undefined, subspecies: s.subspecies ?? undefined, strainDesignation: s.strainDesignation ?? undefined, nameZh: s.nameZh ?? undefined,
  depositorNameZh: s.depositorNameZh ?? undefined, historyZh: s.historyZh ?? undefined, isolationSourceZh: s.isolationSourceZh ?? undefined, isolationPlaceZh: s.isolationPlaceZh ?? undefined,
  isolationCountry: s.isolationCountry ?? undefined, mediumZh: s.mediumZh ?? undefined, restrictionNoteZh: s.restrictionNoteZh ?? undefined,
  hazardClass: s.hazardClass === null ? 'none' : String(s.hazardClass),
});

export const NEW_STRAIN: Partial<StrainValues> = { organismKind: 'bacterium', hazardClass: 'none', biosafetyLevel: 1, isolationCountry: 'CN', atmosphere: 'aerobic', typeStrain: false, literature: [] };

const Tags = ({ placeholder }: { placeholder: string }) => <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder={placeholder} />;
const grid = { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: 16 } as const;

/**
 * The MCL fields in sections (name and taxonomy, deposit history, isolation, growth, applications
 * and traits, literature, biosafety). The level must reach what the hazard class needs; the form
 * says so beside the field, and the server refuses less, naming the field.
 */
export function StrainFields({ form, forOrganisation }: { form: FormInstance<StrainValues>; forOrganisation: boolean }) {
  const lang = useLang();
  const hazard = Form.useWatch('hazardClass', form);
  const minimum = minimumLevel(hazard && hazard !== 'none' ? Number(hazard) : null);
  const opts = (o: Record<string, { zh: string; en: string }>) => Object.entries(o).map(([value, n]) => ({ value, label: bi(lang, n) }));
  const section = (zh: string, en: string) => <Divider titlePlacement="start" plain><Typography.Text strong><Bi zh={zh} en={en} /></Typography.Text></Divider>;

  return (
    <>
      {section('名称与分类', 'Name and taxonomy')}
      <div style={grid}>
        <Form.Item name="organismKind" label={<Bi zh="生物类别" en="Kind" />} rules={requiredValue(lang, '请选择类别', 'Choose the kind')}><Select options={opts(ORGANISM_KINDS)} data-testid="records-form-kind" /></Form.Item>
        <Form.Item name="genus" label={<Bi zh="属" en="Genus" />} rules={required(lang, '请填写属名', 'Write the genus')} extra={bi(lang, { zh: '首字母大写，如 Bacillus', en: 'Capitalised, e.g. Bacillus' })}><Input data-testid="records-form-genus" /></Form.Item>
        <Form.Item name="species" label={<Bi zh="种加词" en="Species" />} extra={bi(lang, { zh: '小写，如 subtilis', en: 'Lower case, e.g. subtilis' })}><Input data-testid="records-form-species" /></Form.Item>
        <Form.Item name="subspecies" label={<Bi zh="亚种" en="Subspecies" />}><Input /></Form.Item>
        <Form.Item name="strainDesignation" label={<Bi zh="菌株名" en="Strain designation" />}><Input data-testid="records-form-designation" /></Form.Item>
        <Form.Item name="nameZh" label={<Bi zh="中文名" en="Chinese name" />}><Input data-testid="records-form-namezh" /></Form.Item>
      </div>
      <div style={grid}>
        <Form.Item name="otherNumbers" label={<Bi zh="其他保藏编号" en="Other collections' numbers" />} extra="ATCC 8739, DSM 1576" style={{ gridColumn: 'span 2' }}><Tags placeholder="ATCC 8739" /></Form.Item>
        <Form.Item name="typeStrain" valuePropName="checked" label=" "><Checkbox><Bi zh="模式菌株" en="Type strain" /></Checkbox></Form.Item>
      </div>
      <Typography.Text type="secondary"><Bi zh="分类谱系（不填则按属名补全）" en="Lineage (filled from the genus when empty)" /></Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', columnGap: 8 }}>
        {(['domain', 'phylum', 'class', 'order', 'family'] as const).map((r) => <Form.Item key={r} name={['lineage', r]} label={r}><Input /></Form.Item>)}
      </div>

      {section('保藏历史', 'History of deposit')}
      <div style={grid}>
        {forOrganisation && <Form.Item name="depositorOrganisationId" label={<Bi zh="保藏单位（代提交）" en="Depositor (on behalf of)" />} style={{ gridColumn: 'span 2' }}><OrganisationSelect testId="records-form-depositor-org" /></Form.Item>}
        <Form.Item name="depositorNameZh" label={<Bi zh="保藏人" en="Deposited by" />}><Input /></Form.Item>
        <Form.Item name="depositedOn" label={<Bi zh="保藏日期" en="Deposited on" />} {...dateProps}><DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} /></Form.Item>
      </div>
      <Form.Item name="historyZh" label={<Bi zh="来源历史" en="History" />}><Input.TextArea rows={2} /></Form.Item>

      {section('分离', 'Isolation')}
      <div style={grid}>
        <Form.Item name="isolationSourceZh" label={<Bi zh="分离源" en="Source" />}><Input /></Form.Item>
        <Form.Item name="isolationPlaceZh" label={<Bi zh="分离地点" en="Place" />}><Input /></Form.Item>
        <Form.Item name="isolatedOn" label={<Bi zh="分离日期" en="Isolated on" />} {...dateProps}><DatePicker style={{ width: '100%' }} disabledDate={notAfterToday} /></Form.Item>
        <Form.Item name="isolationLat" label={<Bi zh="纬度" en="Latitude" />}><InputNumber min={-90} max={90} step={0.01} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="isolationLon" label={<Bi zh="经度" en="Longitude" />}><InputNumber min={-180} max={180} step={0.01} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="isolationCountry" label={<Bi zh="国家代码" en="Country" />}><Input maxLength={2} /></Form.Item>
      </div>

      {section('培养条件', 'Growth conditions')}
      <div style={grid}>
        <Form.Item name="mediumZh" label={<Bi zh="培养基" en="Medium" />}><Input /></Form.Item>
        <Form.Item name="growthTemperatureC" label={<Bi zh="培养温度 °C" en="Temperature °C" />}><InputNumber min={-20} max={120} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="atmosphere" label={<Bi zh="气体条件" en="Atmosphere" />}><Select allowClear options={opts(ATMOSPHERES)} /></Form.Item>
      </div>

      {section('应用与特性', 'Applications and traits')}
      <div style={grid}>
        <Form.Item name="applicationsZh" label={<Bi zh="应用" en="Applications" />}><Tags placeholder={bi(lang, { zh: '回车分隔', en: 'Enter to add' })} /></Form.Item>
        <Form.Item name="products" label={<Bi zh="产物" en="Products" />}><Tags placeholder="L-谷氨酸" /></Form.Item>
        <Form.Item name="enzymes" label={<Bi zh="酶" en="Enzymes" />}><Tags placeholder="α-淀粉酶" /></Form.Item>
        <Form.Item name="tolerances" label={<Bi zh="耐受性" en="Tolerances" />}><Tags placeholder="耐热" /></Form.Item>
        <Form.Item name="keyGenes" label={<Bi zh="关键基因" en="Key genes" />}><Tags placeholder="aprE" /></Form.Item>
      </div>
      <Form.List name="literature">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'citation']} style={{ width: 460 }} rules={required(lang, '请填写引文', 'Write the citation')}><Input placeholder={bi(lang, { zh: '文献引文', en: 'Citation' })} /></Form.Item>
                <Form.Item name={[f.name, 'doi']} style={{ width: 200 }}><Input placeholder="DOI 10.…" /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ citation: '' })}><Bi zh="添加文献" en="Add a reference" /></Button>
          </>
        )}
      </Form.List>

      {section('生物安全', 'Biosafety')}
      <div style={grid}>
        <Form.Item name="hazardClass" label={<Bi zh="危害程度分类" en="Hazard class" />} rules={requiredValue(lang, '请选择', 'Choose one')}><Select options={opts(HAZARD_CLASSES)} data-testid="records-form-hazard" /></Form.Item>
        <Form.Item name="biosafetyLevel" label={<Bi zh="所需生物安全等级" en="Biosafety level" />} rules={requiredValue(lang, '请选择', 'Choose one')}
          extra={bi(lang, { zh: `该危害程度至少须 BSL-${minimum}`, en: `This hazard class needs at least BSL-${minimum}` })}>
          <Select options={[1, 2, 3, 4].map((l) => ({ value: l, label: `BSL-${l}`, disabled: l < minimum }))} data-testid="records-form-bsl" />
        </Form.Item>
        <Form.Item name="restrictionNoteZh" label={<Bi zh="限制说明" en="Restriction note" />}><Input /></Form.Item>
      </div>
      <Space wrap>
        <Form.Item name="gmo" valuePropName="checked" noStyle><Checkbox><Bi zh="转基因（GMO）" en="GMO" /></Checkbox></Form.Item>
        <Form.Item name="exportControl" valuePropName="checked" noStyle><Checkbox><Bi zh="出口管制" en="Export controlled" /></Checkbox></Form.Item>
        <Form.Item name="nagoyaAbs" valuePropName="checked" noStyle><Checkbox><Bi zh="名古屋议定书 / 惠益分享" en="Nagoya / ABS" /></Checkbox></Form.Item>
        <Form.Item name="restricted" valuePropName="checked" noStyle><Checkbox><Bi zh="标记为受限" en="Mark restricted" /></Checkbox></Form.Item>
      </Space>
    </>
  );
}
