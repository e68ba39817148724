import { Form, Input, InputNumber, Radio, Select, Switch, TreeSelect } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { BinderSettings } from '../../../shared/ipc/contract-binder';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { FolderField } from '../components/FolderField';
import type { FontChoice, Scope } from './use-binder';

type Props = {
  settings: BinderSettings;
  change: (patch: Partial<BinderSettings>) => void;
  fonts: FontChoice[];
  scope: Scope;
  onScope: (scope: Scope) => void;
  indicators: IndicatorNode[];
  nativeDialogs: boolean;
  /** 立卷人 when left empty. */
  userName: string;
  /** While a volume is being bound: what it was started with stays on screen. */
  disabled: boolean;
};

const BY_OPTIONS: { value: BinderSettings['by']; label: string }[] = [
  { value: 'top', label: '每个一级指标一卷' },
  { value: 'second', label: '每个二级指标一卷' },
  { value: 'all', label: '整个体系一卷' },
];

const POSITION_OPTIONS: { value: BinderSettings['numberPosition']; label: string }[] = [
  { value: 'outer-top', label: '外侧上角（默认）' },
  { value: 'outer-bottom', label: '外侧下角' },
  { value: 'bottom-center', label: '底部居中' },
];

const SPINE_OPTIONS = [0, 20, 30, 40, 50].map((w) => ({ value: w, label: w === 0 ? '不生成' : `${w} 毫米宽` }));

const RETENTION_OPTIONS = ['永久', '定期30年', '定期10年'].map((v) => ({ value: v, label: v }));

/** A number field the user has emptied (InputNumber gives null; the settings type does not allow it). */
const missing = (v: unknown) => v === null || v === undefined;

type TreeOption = { value: number; title: string; children: TreeOption[] };

/** One labelled row; the label points at the control so clicking it (and screen readers) find it. */
function Row({
  id,
  label,
  tip,
  children,
  error,
}: {
  id: string;
  label: string;
  tip: string;
  children: ReactNode;
  error?: string;
}) {
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      tooltip={tip}
      validateStatus={error ? 'error' : undefined}
      help={error}
      className="tz-binder-field"
    >
      {children}
    </Form.Item>
  );
}

/** 装订范围 and the binder's options; each change is saved for this project. */
export function BinderOptions({
  settings,
  change,
  fonts,
  scope,
  onScope,
  indicators,
  nativeDialogs,
  userName,
  disabled,
}: Props) {
  const tree = useMemo(() => {
    const byParent = new Map<number | null, IndicatorNode[]>();
    for (const n of indicators) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
    const build = (parent: number | null): TreeOption[] =>
      (byParent.get(parent) ?? [])
        .filter((n) => n.applicable)
        .map((n) => ({ value: n.id, title: n.code ? `${n.code} ${n.title}` : n.title, children: build(n.id) }));
    return build(null);
  }, [indicators]);

  const fontValue = settings.fontFile ?? '';
  const fontOptions = fonts.map((f) => ({ value: f.file ?? '', label: f.name }));
  if (fontValue && !fontOptions.some((o) => o.value === fontValue))
    fontOptions.push({ value: fontValue, label: fontValue.split(/[\\/]/).pop() ?? fontValue });

  return (
    <Form
      layout="horizontal"
      labelCol={{ flex: '112px' }}
      wrapperCol={{ flex: 'auto' }}
      labelAlign="left"
      colon={false}
      disabled={disabled}
      className="tz-binder-options"
      aria-label="装订选项"
      onSubmitCapture={(e) => e.preventDefault()}
    >
      <h3 className="tz-binder-section">装订范围</h3>
      <Radio.Group
        className="tz-binder-scope"
        value={scope.mode}
        aria-label="装订范围"
        onChange={(e) => onScope(e.target.value === 'pick' ? { mode: 'pick', indicatorIds: [] } : { mode: 'by' })}
        options={[
          { value: 'by', label: '按分卷方式' },
          { value: 'pick', label: '选定指标' },
        ]}
      />
      {scope.mode === 'by' ? (
        <Row
          id="tz-binder-by"
          label="分卷方式"
          tip="每卷装订哪些指标的材料。一卷太厚时会按“每卷页数上限”在两件材料之间再分卷。"
        >
          <Select id="tz-binder-by" value={settings.by} onChange={(by) => change({ by })} options={BY_OPTIONS} />
        </Row>
      ) : (
        <Row id="tz-binder-pick" label="选定指标" tip="只装订选中的指标，每个指标一卷（含其下级指标的材料）。">
          <TreeSelect<number[]>
            id="tz-binder-pick"
            multiple
            showSearch
            treeNodeFilterProp="title"
            value={scope.indicatorIds}
            treeData={tree}
            onChange={(ids) => onScope({ mode: 'pick', indicatorIds: ids })}
            placeholder="选择要装订的指标"
            popupMatchSelectWidth={380}
            maxTagCount="responsive"
            allowClear
          />
        </Row>
      )}

      <h3 className="tz-binder-section">分卷</h3>
      <Row
        id="tz-binder-max-pages"
        label="每卷页数上限"
        tip="一卷超过这么多页时，在两件材料之间分成“第1卷 共2卷”这样的几卷。一卷装订后厚度不宜超过2厘米（约300页）。"
        error={missing(settings.maxPages) ? '请填写页数（10–5000）' : undefined}
      >
        <InputNumber
          id="tz-binder-max-pages"
          min={10}
          max={5000}
          precision={0}
          value={settings.maxPages}
          onChange={(v) => change({ maxPages: v as number })}
          suffix="页"
          style={{ width: 130 }}
        />
      </Row>
      <Row
        id="tz-binder-max-mb"
        label="按大小分卷"
        tip="网上报送常限制单个文件大小。填写后，超过这个大小的案卷也会分卷；不填则不按大小分卷。"
      >
        <InputNumber
          id="tz-binder-max-mb"
          min={1}
          max={10000}
          value={settings.maxVolumeMb}
          onChange={(v) => change({ maxVolumeMb: v ?? null })}
          placeholder="不限"
          suffix="MB"
          style={{ width: 130 }}
        />
      </Row>
      <Row
        id="tz-binder-size-limit"
        label="体积提醒"
        tip="装订好的案卷超过这个大小时提醒您（不会分卷）。"
        error={missing(settings.sizeLimitMb) ? '请填写大小' : undefined}
      >
        <InputNumber
          id="tz-binder-size-limit"
          min={1}
          max={10000}
          value={settings.sizeLimitMb}
          onChange={(v) => change({ sizeLimitMb: v as number })}
          suffix="MB"
          style={{ width: 130 }}
        />
      </Row>
      <Row
        id="tz-binder-linked"
        label="一件挂多个指标"
        tip="一件材料关联了几个指标时：在每个指标下都装订一份，或只装订一次、其他指标下的目录注明它在哪一卷哪一页。"
      >
        <Radio.Group
          id="tz-binder-linked"
          className="tz-binder-vertical-radios"
          value={settings.linkedItems}
          onChange={(e) => change({ linkedItems: e.target.value as BinderSettings['linkedItems'] })}
          options={[
            { value: 'repeat', label: '每处都装订' },
            { value: 'reference', label: '只装订一次，其他处注明“见第X卷第Y页”' },
          ]}
        />
      </Row>

      <h3 className="tz-binder-section">版式</h3>
      <Row
        id="tz-binder-position"
        label="页码位置"
        tip="页号盖在每页材料上。文书档案习惯：双面打印时正面在右上角、背面在左上角。"
      >
        <Select
          id="tz-binder-position"
          value={settings.numberPosition}
          onChange={(numberPosition) => change({ numberPosition })}
          options={POSITION_OPTIONS}
        />
      </Row>
      <Row id="tz-binder-duplex" label="双面打印" tip="按双面打印排版：背面的页号和装订边在另一侧。">
        <Switch id="tz-binder-duplex" checked={settings.duplex} onChange={(duplex) => change({ duplex })} />
      </Row>
      <Row id="tz-binder-margin" label="装订边" tip="左侧（双面时背面为右侧）留出的装订宽度，材料内容会缩放避开。">
        <InputNumber
          id="tz-binder-margin"
          min={0}
          max={50}
          value={settings.bindingMarginMm}
          onChange={(v) => change({ bindingMarginMm: v ?? 0 })}
          suffix="毫米"
          style={{ width: 130 }}
        />
      </Row>
      <Row id="tz-binder-dividers" label="指标分隔页" tip="每个指标的材料前加一页，写明指标编号和名称，方便翻找。">
        <Switch id="tz-binder-dividers" checked={settings.dividers} onChange={(dividers) => change({ dividers })} />
      </Row>
      <Row id="tz-binder-photos" label="照片每页" tip="每页排几张照片；照片下方印上说明（时间、地点、人物、事由）。">
        <Radio.Group
          id="tz-binder-photos"
          optionType="button"
          value={settings.photosPerPage}
          onChange={(e) => change({ photosPerPage: e.target.value as 1 | 2 })}
          options={[
            { value: 1, label: '1 张' },
            { value: 2, label: '2 张' },
          ]}
        />
      </Row>
      <Row id="tz-binder-font" label="字体" tip="封面、卷内目录、备考表、页号和照片说明用的字体。">
        <Select
          id="tz-binder-font"
          value={fontValue}
          onChange={(v: string) => change({ fontFile: v || null })}
          options={fontOptions.length ? fontOptions : [{ value: '', label: '默认字体' }]}
        />
      </Row>
      <Row id="tz-binder-spine" label="卷脊" tip="另外生成一个卷脊.pdf，打印后贴在档案盒脊背上；宽度按档案盒选择。">
        <Select
          id="tz-binder-spine"
          value={settings.spineWidthMm}
          onChange={(spineWidthMm) => change({ spineWidthMm })}
          options={SPINE_OPTIONS}
        />
      </Row>

      <h3 className="tz-binder-section">封面与备考表</h3>
      <Row id="tz-binder-retention" label="保管期限" tip="印在封面上。">
        <Select
          id="tz-binder-retention"
          value={settings.retention}
          onChange={(retention) => change({ retention })}
          options={RETENTION_OPTIONS}
        />
      </Row>
      <Row id="tz-binder-filer" label="立卷人" tip="印在卷内备考表上；不填则用当前使用人。">
        <Input
          id="tz-binder-filer"
          value={settings.filer}
          maxLength={20}
          placeholder={userName}
          onChange={(e) => change({ filer: e.target.value })}
        />
      </Row>
      <Row id="tz-binder-checker" label="检查人" tip="印在卷内备考表上。">
        <Input
          id="tz-binder-checker"
          value={settings.checker}
          maxLength={20}
          onChange={(e) => change({ checker: e.target.value })}
        />
      </Row>
      <Row
        id="tz-binder-code"
        label="档号前缀"
        tip="印在封面的档号栏，后接卷号，例如“WS·2026-D10-”。不填则档号栏留空。"
      >
        <Input
          id="tz-binder-code"
          value={settings.archiveCode}
          maxLength={60}
          onChange={(e) => change({ archiveCode: e.target.value })}
        />
      </Row>

      <label className="tz-binder-section" htmlFor="tz-binder-outdir">
        保存位置
      </label>
      <div className="tz-binder-outdir">
        <FolderField
          id="tz-binder-outdir"
          value={settings.outDir ?? ''}
          onChange={(v) => change({ outDir: v.trim() ? v : null })}
          placeholder="项目文件夹里的“案卷”"
          dialogTitle="选择案卷的保存位置"
          nativeDialogs={nativeDialogs}
          disabled={disabled}
        />
      </div>
    </Form>
  );
}
