import { useState } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import type { AppInfo } from '../hooks/use-app-info';
import { SettingsDrawer } from './Drawers';
import { DetailPane } from './DetailPane';
import { IndicatorPane, type Selection } from './IndicatorPane';
import { JobsBar } from './JobsBar';
import { MaterialsPane } from './MaterialsPane';
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

type Props = {
  project: ProjectInfo;
  appInfo: AppInfo | null;
  onClose: () => Promise<void>;
  onNew: () => void;
  onOpen: () => void;
};

type Panel = 'gaps' | 'binder' | 'settings' | 'info' | null;

/** The main window of an open project (UI.md "Main window"). */
export function MainShell({ project, appInfo, onClose, onNew, onOpen }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
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
  // Edits here (link, trash, merge…) move items in and out of 待归类 and 回收站 without a core event.
  // They change the evidence, so the check too; project.changed (adds, imports) re-checks by itself.
  const materialsChanged = () => {
    void materials.reload();
    void counts.reload();
    gaps.reload();
  };
  const material = materialIds.length === 1 ? (materials.items.find((m) => m.id === materialIds[0]) ?? null) : null;
  const select = (next: Selection) => {
    setSelection(next);
    setMaterialIds([]);
  };
  const isLeaf = indicator ? !systems.indicators.some((n) => n.parentId === indicator.id) : false;
  const levelName = indicator ? (systems.system?.levelNames[indicator.level - 1] ?? `${indicator.level}级指标`) : '';

  return (
    <div className="tz-shell">
      <TopBar
        project={project}
        onClose={onClose}
        onNew={onNew}
        onOpen={onOpen}
        onShowInfo={() => setPanel('info')}
        onGaps={() => setPanel('gaps')}
        onBinder={() => setPanel('binder')}
        onSettings={() => setPanel('settings')}
      />
      <div className="tz-body">
        <IndicatorPane
          systems={systems}
          gaps={gaps.byId}
          nativeDialogs={appInfo?.nativeDialogs ?? false}
          selection={selection}
          onSelect={select}
          counts={counts.counts}
          onAddFiles={adding.addFiles}
        />
        <MaterialsPane
          hasSystem={hasSystem}
          selection={selection}
          indicator={indicator}
          gap={indicator ? gaps.byId.get(indicator.id) : undefined}
          items={materials.items}
          loading={materials.loading}
          selectedIds={materialIds}
          onSelectIds={setMaterialIds}
          indicators={systems.indicators}
          onChanged={materialsChanged}
          onAddFiles={adding.addFiles}
          onArrange={materials.arrange}
        />
        <DetailPane
          indicator={indicator}
          isLeaf={isLeaf}
          gap={indicator ? gaps.byId.get(indicator.id) : undefined}
          checking={gaps.checking}
          items={materials.items}
          material={material}
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
        />
      </div>
      <JobsBar project={project} />
      <AddReportModal report={adding.report} onClose={adding.closeReport} onRetry={adding.retryWithPassword} />

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
    </div>
  );
}
