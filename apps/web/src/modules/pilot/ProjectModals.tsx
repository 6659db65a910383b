import { Alert, App as AntApp, Button, DatePicker, Form, Input, Modal, Radio, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { Bi } from '../../app/components/Bi';
import { useLang } from '../../app/i18n';
import { useFormSubmit } from '../../app/useFormSubmit';
import { upload, type FileMeta } from '../supervision/api';
import { bi } from '../supervision/shared';
import { usePilotRoles } from './access';
import type { ProjectDetail } from './api.deals';
import { GATE_RESULT_CODES, GATE_RESULTS, nextProjectStage, PROJECT_STAGES, type GateResult } from './labels.deals';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** One optional file held by the form until it is sent (then uploaded through /api/files). */
function FilePick({ value, onChange, testId }: { value?: File | null; onChange?: (f: File | null) => void; testId: string }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const fileList: UploadFile[] = value ? [{ uid: 'evidence', name: value.name, status: 'done' }] : [];
  return (
    <Upload fileList={fileList} maxCount={1} onRemove={() => onChange?.(null)}
      beforeUpload={(f) => {
        if (f.size > MAX_FILE_BYTES) message.error(bi(lang, { zh: '文件不能超过 10 MB', en: 'At most 10 MB' }));
        else onChange?.(f);
        return false; // sent with the review, not on its own
      }}>
      <Button icon={<UploadOutlined />} data-testid={testId}><Bi zh="选择文件" en="Choose file" /></Button>
    </Upload>
  );
}

interface GateValues { result: GateResult; reviewerNameZh: string; reviewedOn: Dayjs; evidenceZh: string; evidenceFileId?: File | null; noteZh?: string }

/**
 * 关口评审: the task force or the project's base records a review of the gate to the next stage
 * (who reviewed, when, the result, the evidence, optionally a file); a pass moves the project on,
 * a fail or a rework keeps it where it is.
 */
export function ProjectGateModal({ project, onClose, onDone }: { project: ProjectDetail; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { user } = usePilotRoles();
  const [form] = Form.useForm<GateValues>();
  const result = Form.useWatch('result', form);
  const next = nextProjectStage(project.stage);
  const from = PROJECT_STAGES[project.stage];
  const to = next ? PROJECT_STAGES[next] : null;

  const { submit, saving } = useFormSubmit(form, async (v) => {
    const file = v.evidenceFileId ? await upload<FileMeta>('/api/files', v.evidenceFileId) : null;
    await api.post(`/api/pilot/projects/${project.id}/gates`, {
      result: v.result, reviewerNameZh: v.reviewerNameZh.trim(), reviewedOn: v.reviewedOn.format('YYYY-MM-DD'), evidenceZh: v.evidenceZh.trim(),
      evidenceFileId: file?.id ?? null, noteZh: v.noteZh?.trim() || null, toStage: next,
    });
    message.success(v.result === 'pass' && to
      ? bi(lang, { zh: `评审通过，项目进入「${to.zh}」`, en: `Passed; the project moves to ${to.en}` })
      : bi(lang, { zh: '已记录评审结果，项目留在本阶段', en: 'Review recorded; the project stays at its stage' }));
    onDone();
  });

  return (
    <Modal open width={680} onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh="关口评审" en="Gate review" />} okText={bi(lang, { zh: '记录评审', en: 'Record' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ 'data-testid': 'pilot-gate-ok', disabled: !next } as never}>
      <Alert type={result === 'pass' ? 'success' : 'info'} showIcon className="panel-alert" data-testid="pilot-gate-transition"
        title={to ? (lang === 'zh' ? `关口：${from.zh} → ${to.zh}` : `Gate: ${from.en} → ${to.en}`) : bi(lang, { zh: '项目已处于最后阶段', en: 'The project is at its last stage' })}
        description={project.stage === 'pilot' ? bi(lang, { zh: '通过本关口后项目计入“从1到10”转化数。', en: 'Passing this gate counts the project toward the "1 to 10" conversions.' }) : undefined} />
      <Form form={form} layout="vertical" className="modal-form" name="gate"
        initialValues={{ result: 'pass', reviewerNameZh: user?.displayName ?? '', reviewedOn: dayjs(), evidenceFileId: null }}>
        <Form.Item name="result" label={<Bi zh="评审结果" en="Result" />} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="pilot-gate-result"
            options={GATE_RESULT_CODES.map((k) => ({ value: k, label: bi(lang, GATE_RESULTS[k]) }))} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 16 }}>
          <Form.Item name="reviewerNameZh" label={<Bi zh="评审人 / 评审组" en="Reviewer" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请填写评审人', en: 'Name the reviewer' }) }, { max: 200 }]}>
            <Input maxLength={200} data-testid="pilot-gate-reviewer" />
          </Form.Item>
          <Form.Item name="reviewedOn" label={<Bi zh="评审日期" en="Reviewed on" />} rules={[{ required: true, message: bi(lang, { zh: '请选择日期', en: 'Choose the date' }) }]}
            extra={bi(lang, { zh: `不早于进入本阶段的 ${project.stageEnteredOn}`, en: `Not before ${project.stageEnteredOn}, when the stage began` })}>
            <DatePicker className="full-width" data-testid="pilot-gate-date"
              disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(project.stageEnteredOn), 'day')} />
          </Form.Item>
        </div>
        <Form.Item name="evidenceZh" label={<Bi zh="评审依据" en="Evidence" />}
          rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明评审依据', en: 'State the evidence' }) }, { max: 4000 }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="pilot-gate-evidence"
            placeholder={bi(lang, { zh: '例如：500 L 连续三批收率 ≥ 85%，质量符合企业标准；专家组现场核查意见', en: 'e.g. three 500 L batches at ≥ 85 % yield, within spec; the panel\'s site visit' })} />
        </Form.Item>
        <Form.Item name="evidenceFileId" label={<Bi zh="佐证材料（可选，≤ 10 MB）" en="Supporting file (optional)" />}>
          <FilePick testId="pilot-gate-file" />
        </Form.Item>
        <Form.Item name="noteZh" label={<Bi zh="备注" en="Note" />} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="pilot-gate-note"
            placeholder={result === 'rework' ? bi(lang, { zh: '需整改的事项', en: 'What must be reworked' }) : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The task force or the project's base stops a project, saying why. */
export function ProjectStopModal({ project, onClose, onDone }: { project: Pick<ProjectDetail, 'id' | 'code'>; onClose: () => void; onDone: () => void }) {
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, saving } = useFormSubmit(form, async (v) => {
    await api.post(`/api/pilot/projects/${project.id}/stop`, { reason: v.reason.trim() });
    message.success(bi(lang, { zh: `已终止项目 ${project.code}`, en: `Stopped ${project.code}` }));
    onDone();
  });
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={saving} destroyOnHidden mask={{ closable: false }}
      title={<Bi zh={`终止项目 ${project.code}`} en={`Stop ${project.code}`} />} okText={bi(lang, { zh: '终止', en: 'Stop' })} cancelText={bi(lang, { zh: '取消', en: 'Cancel' })}
      okButtonProps={{ danger: true, 'data-testid': 'pilot-project-stop-ok' } as never}>
      <Form form={form} layout="vertical" className="modal-form" name="project-stop">
        <Form.Item name="reason" label={<Bi zh="终止理由" en="Why" />} rules={[{ required: true, whitespace: true, message: bi(lang, { zh: '请说明终止理由', en: 'Say why' }) }, { max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="pilot-project-stop-reason"
            placeholder={bi(lang, { zh: '例如：放大后收率不达预期，企业决定不再投入', en: 'e.g. the yield at scale fell short and the enterprise withdrew' })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
