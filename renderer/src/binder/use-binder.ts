import { useCallback, useEffect, useRef, useState } from 'react';
import {
  binderSettingsSchema,
  type BinderSettings,
  type BindPlanView,
  type OutputFile,
} from '../../../shared/ipc/contract-binder';
import { api } from '../api';
import { useCoreEvent } from '../hooks/use-core-event';

/** Which indicators to bind: by the saved 分卷方式, or exactly the ones picked. */
export type Scope = { mode: 'by' } | { mode: 'pick'; indicatorIds: number[] };

export type FontChoice = { name: string; file: string | null };

export type BinderState = {
  /** The options as shown (saved a moment after each change); null until loaded. */
  settings: BinderSettings | null;
  /** A change waits to be saved, or is being saved. */
  saving: boolean;
  saveError: string | null;
  change: (patch: Partial<BinderSettings>) => void;
  fonts: FontChoice[];
  plan: BindPlanView | null;
  planning: boolean;
  planError: string | null;
  outputs: { dir: string; files: OutputFile[] } | null;
  reloadOutputs: () => void;
  /** Saves a waiting change now; resolves once what is on screen is what is saved (false: it could not be). */
  flush: () => Promise<boolean>;
};

/** Typing in a number or text field: save once the user pauses. */
const SAVE_DELAY_MS = 500;
/** Edits come in bursts (an add job's items): plan once the burst is over. */
const PLAN_DELAY_MS = 150;

/**
 * The binder's options (loaded each time the screen opens, saved when changed), the fonts to
 * offer, the index preview for the scope and saved options, and the files earlier runs made.
 */
export function useBinder(open: boolean, systemId: number | null, scope: Scope): BinderState {
  const [settings, setSettings] = useState<BinderSettings | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  /** Bumped when a save is stored: the preview is planned with the saved options. */
  const [savedVersion, setSavedVersion] = useState(0);
  const [fonts, setFonts] = useState<FontChoice[]>([]);
  const [plan, setPlan] = useState<BindPlanView | null>(null);
  const [planning, setPlanning] = useState(false);
  const [planError, setPlanError] = useState<string | null>(null);
  const [outputs, setOutputs] = useState<{ dir: string; files: OutputFile[] } | null>(null);

  const latest = useRef<BinderSettings | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const planTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const planGeneration = useRef(0);

  const reloadOutputs = useCallback(() => {
    void api.tryCall('binder.outputs', {}).then((r) => {
      if (r.ok) setOutputs(r.value);
    });
  }, []);

  // Each opening reads the options afresh (another window, or the CLI, may have changed them).
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.tryCall('binder.settings', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        latest.current = r.value;
        setSettings(r.value);
      } else setSaveError(r.error.message);
    });
    void api.tryCall('binder.fonts', {}).then((r) => {
      if (live && r.ok) setFonts(r.value);
    });
    reloadOutputs();
    return () => {
      live = false;
    };
  }, [open, reloadOutputs]);

  const inFlight = useRef<Promise<boolean> | null>(null);

  const save = useCallback((): Promise<boolean> => {
    saveTimer.current = null;
    const value = latest.current;
    if (!value) return Promise.resolve(false);
    const checked = binderSettingsSchema.safeParse(value);
    if (!checked.success) {
      // A half-typed number: the field shows what is wrong; nothing is saved until it is right.
      setSaving(false);
      return Promise.resolve(false);
    }
    const run = (async () => {
      const r = await api.tryCall('binder.saveSettings', checked.data);
      // A later change is waiting: its save follows, and it is what the screen shows.
      if (saveTimer.current) return r.ok;
      setSaving(false);
      if (r.ok) {
        setSaveError(null);
        setSavedVersion((v) => v + 1);
        // 保存位置 may have changed where earlier files are looked for.
        reloadOutputs();
      } else setSaveError(r.error.message);
      return r.ok;
    })();
    inFlight.current = run;
    void run.finally(() => {
      if (inFlight.current === run) inFlight.current = null;
    });
    return run;
  }, [reloadOutputs]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (saveTimer.current) {
      clearTimeout(saveTimer.current);
      return save();
    }
    return inFlight.current ?? true;
  }, [save]);

  const change = useCallback(
    (patch: Partial<BinderSettings>) => {
      if (!latest.current) return;
      latest.current = { ...latest.current, ...patch };
      setSettings(latest.current);
      setSaving(true);
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save],
  );

  // Closing the screen saves what is waiting rather than dropping it.
  useEffect(() => {
    if (open) return;
    if (saveTimer.current) {
      clearTimeout(saveTimer.current);
      void save();
    }
  }, [open, save]);

  const indicatorIds = scope.mode === 'pick' ? scope.indicatorIds : null;
  const idsKey = indicatorIds?.join(',') ?? '';

  const replan = useCallback(async () => {
    const mine = ++planGeneration.current;
    if (systemId === null || (indicatorIds !== null && indicatorIds.length === 0)) {
      setPlan(null);
      setPlanError(null);
      setPlanning(false);
      return;
    }
    setPlanning(true);
    const r = await api.tryCall('binder.plan', {
      systemId,
      ...(indicatorIds !== null ? { indicatorIds } : {}),
    });
    if (mine !== planGeneration.current) return;
    if (r.ok) {
      setPlan(r.value);
      setPlanError(null);
    } else setPlanError(r.error.message);
    setPlanning(false);
    // idsKey stands for indicatorIds, a new array on every render.
  }, [systemId, idsKey]);

  const schedulePlan = useCallback(() => {
    if (planTimer.current) clearTimeout(planTimer.current);
    planTimer.current = setTimeout(() => {
      planTimer.current = null;
      void replan();
    }, PLAN_DELAY_MS);
  }, [replan]);

  useEffect(() => {
    if (!open) return;
    schedulePlan();
    return () => {
      if (planTimer.current) clearTimeout(planTimer.current);
      planTimer.current = null;
    };
  }, [open, schedulePlan, savedVersion]);

  useCoreEvent((event) => {
    if (open && event.type === 'project.changed') schedulePlan();
  });

  return {
    settings,
    saving,
    saveError,
    change,
    fonts,
    plan,
    planning,
    planError,
    outputs,
    reloadOutputs,
    flush,
  };
}
