import { EyeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import type { AppInfo } from '../hooks/use-app-info';
import { SettingsDrawer } from './Drawers';
import { DetailPane } from './DetailPane';
import { IndicatorPane, type Selection } from './IndicatorPane';
import { JobsBar } from './JobsBar';
import { MaterialsPane } from './MaterialsPane';
import { NextSteps } from './NextSteps';
import { SelectionSummary } from './SelectionSummary';
import { ProjectInfoModal } from './ProjectInfoModal';
import { TopBar } from './TopBar';
import { useSystems } from '../systems/use-systems';
import { BinderScreen } from '../binder/BinderScreen';
import { GapsDashboard } from '../gaps/GapsDashboard';
import { useGaps } from '../gaps/use-gaps';
import { AddReportModal } from '../materials/AddReportModal';
import { useAddMaterials } from '../materials/use-add-materials';
import { useMaterialCounts } from '../materials/use-material-counts';
import { useMaterials } from '../materials/use-materials';
import type { PageFocus } from '../materials/MaterialPages';
import { NotificationBell } from '../review/NotificationBell';
import { ReadOnlyProvider, useGuard } from '../review/read-only';
import { ReviewScreen } from '../review/ReviewScreen';
import { AdvancedSearch } from '../search/AdvancedSearch';
import { SearchBox } from '../search/SearchBox';
import { useOpenHit, type ShowTarget } from '../search/use-open-hit';

type Props = {
  project: ProjectInfo;
  appInfo: AppInfo | null;
  onClose: () => Promise<void>;
  onNew: () => void;
  onOpen: () => void;
};

type Panel = 'gaps' | 'binder' | 'settings' | 'info' | 'review' | 'advanced' | null;

/** The main window of an open project (UI.md "Main window"); in 只读审阅 every edit is off. */
export function MainShell(props: Props) {
  return (
    <ReadOnlyProvider readOnly={props.project.readOnly}>
      <Shell {...props} />
    </ReadOnlyProvider>
  );
}

function Shell({ project, appInfo, onClose, onNew, onOpen }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
  const [advancedText, setAdvancedText] = useState('');
  const [selection, setSelection] = useState<Selection>(null);
  const systems = useSystems();
  const hasSystem = systems.systems.length > 0;
  const indicator =
    selection?.kind === 'indicator' ? (systems.indicators.find((n) => n.id === selection.id) ?? null) : null;
  const [materialIds, setMaterialIds] = useState<number[]>([]);
  const materials = useMaterials(selection);
  const counts = useMaterialCounts();
  const gaps = useGaps(systems.systemId);
  // Both panes take files; one adder for them, since every adder hears every add job and opens its own 添加结果.
  const adding = useAddMaterials();
  const guard = useGuard();
  const addFiles = guard(adding.addFiles);
  // Edits here (link, trash, merge…) move items in and out of 待归类 and 回收站 without a core event.
  // They change the evidence, so the check too; project.changed (adds, imports) re-checks by itself.
  const materialsChanged = () => {
    void materials.reload();
    void counts.reload();
    gaps.reload();
  };
  const material = materialIds.length === 1 ? (materials.items.find((m) => m.id === materialIds[0]) ?? null) : null;
  // A search hit, a notification or the review screen shows a place, an item in it, a page of it.
  const [pageFocus, setPageFocus] = useState<(PageFocus & { materialId: number }) | null>(null);
  /** The user picked items: a page asked for earlier must not open again when one comes back. */
  const selectIds = (ids: number[]) => {
    setMaterialIds(ids);
    setPageFocus(null);
  };
  const select = (next: Selection) => {
    setSelection(next);
    selectIds([]);
  };
  const focusSeq = useRef(0);
  const show = useCallback((target: ShowTarget) => {
    setSelection(target.selection);
    setMaterialIds(target.materialId !== undefined ? [target.materialId] : []);
    setPageFocus(
      target.materialId !== undefined && target.page
        ? { ...target.page, materialId: target.materialId, seq: ++focusSeq.current }
        : null,
    );
  }, []);
  const opener = useOpenHit(systems, show);
  const isLeaf = indicator ? !systems.indicators.some((n) => n.parentId === indicator.id) : false;
  const levelName = indicator ? (systems.system?.levelNames[indicator.level - 1] ?? `${indicator.level}级指标`) : '';

  return (
    <div className={project.readOnly ? 'tz-shell tz-shell-readonly' : 'tz-shell'}>
      <TopBar
        project={project}
        onClose={onClose}
        onNew={onNew}
        onOpen={onOpen}
        onShowInfo={() => setPanel('info')}
        onGaps={() => setPanel('gaps')}
        onBinder={() => setPanel('binder')}
        onReview={() => setPanel('review')}
        onSettings={() => setPanel('settings')}
        search={
          <SearchBox
            systemId={systems.systemId}
            onOpen={opener.openHit}
            onAdvanced={(text) => {
              setAdvancedText(text);
              setPanel('advanced');
            }}
          />
        }
        bell={<NotificationBell onOpenItem={(id) => void opener.openMaterial(id)} />}
      />
      {project.readOnly && (
        <div className="tz-readonly-banner" role="status">
          <EyeOutlined />
          <strong>只读审阅：不能修改</strong>
          <span>可以浏览、搜索、审阅查看全部材料和装订成卷；如需修改，请关闭项目后以正常方式打开。</span>
          <span className="tz-spacer" />
          <Button size="small" onClick={() => void onClose()}>
            关闭项目
          </Button>
        </div>
      )}
      <div className="tz-body">
        <IndicatorPane
          systems={systems}
          gaps={gaps.byId}
          nativeDialogs={appInfo?.nativeDialogs ?? false}
          selection={selection}
          onSelect={select}
          counts={counts.counts}
          onAddFiles={addFiles}
        />
        <MaterialsPane
          hasSystem={hasSystem}
          selection={selection}
          indicator={indicator}
          gap={indicator ? gaps.byId.get(indicator.id) : undefined}
          items={materials.items}
          loading={materials.loading}
          selectedIds={materialIds}
          onSelectIds={selectIds}
          indicators={systems.indicators}
          onChanged={materialsChanged}
          onAddFiles={addFiles}
          onArrange={materials.arrange}
          onReview={() => setPanel('review')}
        />
        <DetailPane
          indicator={indicator}
          isLeaf={isLeaf}
          gap={indicator ? gaps.byId.get(indicator.id) : undefined}
          checking={gaps.checking}
          items={materials.items}
          material={material}
          openPage={pageFocus && material && pageFocus.materialId === material.id ? pageFocus : undefined}
          indicators={systems.indicators}
          levelName={levelName}
          onSaved={(node) => {
            systems.replace(node);
            // Rules, people or 完成时限 may have changed: the preview under the rules follows.
            gaps.reload();
          }}
          onTreeChanged={() => {
            void systems.reload();
            gaps.reload();
          }}
          onMaterialChanged={materialsChanged}
          idleTitle={materialIds.length > 1 ? '已选材料' : '工作步骤'}
          idle={
            materialIds.length > 1 ? (
              <SelectionSummary count={materialIds.length} />
            ) : (
              <NextSteps
                hasSystem={hasSystem}
                materials={counts.counts?.all ?? 0}
                inbox={counts.counts?.inbox ?? 0}
                gaps={gaps.result?.summary ?? null}
                onInbox={() => select({ kind: 'unsorted' })}
                onGaps={() => setPanel('gaps')}
                onBinder={() => setPanel('binder')}
              />
            )
          }
        />
      </div>
      <JobsBar project={project} />
      <AddReportModal
        report={adding.report}
        onClose={adding.closeReport}
        onRetry={adding.retryWithPassword}
        indicators={systems.indicators}
        onLinked={materialsChanged}
      />

      <ProjectInfoModal open={panel === 'info'} onClose={() => setPanel(null)} />
      <GapsDashboard
        open={panel === 'gaps'}
        onClose={() => setPanel(null)}
        system={systems.system}
        indicators={systems.indicators}
        gaps={gaps}
        nativeDialogs={appInfo?.nativeDialogs ?? false}
        onJump={(id) => {
          select({ kind: 'indicator', id });
          setPanel(null);
        }}
      />
      <BinderScreen
        open={panel === 'binder'}
        onClose={() => setPanel(null)}
        system={systems.system}
        indicators={systems.indicators}
        nativeDialogs={appInfo?.nativeDialogs ?? false}
        userName={appInfo?.userName ?? ''}
      />
      <SettingsDrawer open={panel === 'settings'} appInfo={appInfo} onClose={() => setPanel(null)} />
      <AdvancedSearch
        open={panel === 'advanced'}
        onClose={() => setPanel(null)}
        initialText={advancedText}
        indicators={systems.indicators}
        onOpenMaterial={(id, page) => {
          setPanel(null);
          void opener.openMaterial(id, page);
        }}
      />
      <ReviewScreen
        open={panel === 'review'}
        onClose={() => setPanel(null)}
        indicators={systems.indicators}
        startId={indicator?.id ?? null}
        onShowItem={(id) => {
          setPanel(null);
          void opener.openMaterial(id);
        }}
      />
    </div>
  );
}
