import { BUILTIN_EVENT_NAMES, canonicalEventName, eventsInWindow, expandEventNames } from './calendar';
import { formatYmd, monthDay, parseLooseYmd, parseYmd, ymdParts } from './dates';
import { RULE_SCHEMAS } from './model';
import type {
  CalendarEvent,
  GapFinding,
  GapIndicator,
  GapIndicatorResult,
  GapInput,
  GapItem,
  GapPeriod,
  GapResult,
  GapRule,
  GapSatisfied,
  GapStatus,
} from './model';
import { effectiveWindow, periodNeed, skippedText, spanText, splitPeriods } from './periods';
import type { PeriodSpan } from './periods';

/*
 * 查漏补缺: checks every applicable leaf indicator that asks for materials against its
 * confirmed rules and the checks that need no rule, then rolls the statuses up the tree.
 * Plain data in, plain data out: the core loads GapInput from the database, the UI shows
 * GapResult, and every rule is tested on plain objects.
 *
 * A window that is not over yet (its end after today) is checked up to today: periods and
 * festivals that have not begun are not asked for, and one still running is only noted when
 * it lacks evidence, so mid-cycle 齐全 means "nothing overdue", not "the whole year done".
 * An open end is today itself, and the last period is pro-rated like any partial one.
 *
 * Items outside the window, or undated, are reported once (as 'problem') and do not count
 * toward count/periodic/event rules: an inspector reviewing 上年8月–本年7月 will not accept
 * them as evidence for it. docType and package rules ask what kinds exist, not when, so they
 * take every item that counts.
 */

/** Template leftovers: 20xx, xx年, xx月, XX, ××, **, ## (half- and full-width). */
const PLACEHOLDER_SOURCE = '20[xX×ｘＸ]{2}|(?<![A-Za-z])[xXｘＸ]{2,}(?![A-Za-z])|×{2,}|[*＊]{2,}|[#＃]{2,}';
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');
/** Not global, so test() keeps no state: the quick check for the common clean title. */
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE);

/** The placeholders left in a text, each once, in order of appearance. */
export function findPlaceholders(text: string): string[] {
  if (!HAS_PLACEHOLDER.test(text)) return [];
  return [...new Set(text.match(PLACEHOLDER) ?? [])];
}

/**
 * Whether a leaf asks for documentary evidence: it does unless its 测评方法 are given and
 * none is a kind of 材料审核 (实地考察 or 问卷调查 alone leave nothing to file). Handbooks
 * also write 查阅资料 / 台账检查 / 档案审查 for the same review; calling such a leaf 无要求
 * would hide its gaps, so those words count too.
 */
export function asksForMaterials(methods: readonly string[]): boolean {
  const given = methods.map((m) => m.trim()).filter(Boolean);
  return given.length === 0 || given.some((m) => /材料|资料|台账|档案/.test(m));
}

/** Items of one leaf that have a date, sorted by it, as parallel arrays for binary search. */
type Pool = { days: number[]; ids: number[] };

/** A period with its bounds as day numbers and its message text, computed once per window. */
type Span = { span: PeriodSpan; from: number; to: number; text: string };
/** An occurrence of an event, with its day number and label ("2025年中秋节（10月6日）"). */
type Occurrence = { day: number; period: string };

/** A window with both ends, as text (for messages) and as day numbers (for comparisons). */
type Win = { start: string; end: string; s: number; e: number };

type Context = {
  items: Map<number, LeafItem>;
  indicators: Map<number, GapIndicator>;
  window: GapInput['window'];
  windowStart: number | null;
  windowEnd: number | null;
  /** The window when both ends are set: then every rule counts in it, whatever its items. */
  closed: Win | null;
  today: string;
  todayDay: number | null;
  /** Today, when the window has an end after it: later periods and festivals are not due yet. */
  pending: number | null;
  knownEvents: Set<string>;
  customEvents: CalendarEvent[];
  periodCache: Map<string, Span[]>;
  eventCache: Map<string, Occurrence[]>;
};

type LeafItem = { item: GapItem; day: number | null };

/** First index whose value is ≥ x (upper = false) or > x (upper = true). */
function bound(days: readonly number[], x: number, upper: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < x || (upper && days[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function idsBetween(pool: Pool, from: number, to: number): number[] {
  return pool.ids.slice(bound(pool.days, from, false), bound(pool.days, to, true));
}

function quote(item: GapItem): string {
  const title = item.title.trim().replace(/^《(.*)》$/, '$1');
  if (title) return `《${title}》`;
  return item.docNo.trim() ? `文号为${item.docNo.trim()}的材料` : `编号${item.id}的材料`;
}

type Filter = { kind?: string; keyword?: string };

/** "会议记录（题名含“学习”）"; "材料" when the rule does not name a kind. */
function describe(f: Filter): string {
  const kind = f.kind?.trim();
  const keyword = f.keyword?.trim();
  return `${kind || '材料'}${keyword ? `（题名含“${keyword}”）` : ''}`;
}

function matches(item: GapItem, f: Filter): boolean {
  const kind = f.kind?.trim();
  const keyword = f.keyword?.trim();
  return (!kind || item.type.trim() === kind) && (!keyword || item.title.includes(keyword));
}

const missing = (rule: string, period: string, need: number, have: number, message: string, itemIds: number[]) =>
  ({ rule, period, need, have, message, severity: 'missing', itemIds }) satisfies GapFinding;

const problem = (rule: string, message: string, itemIds: number[] = []): GapFinding => ({
  rule,
  period: '',
  need: 0,
  have: 0,
  message,
  severity: 'problem',
  itemIds,
});

const shortage = (what: string, need: number, have: number) => `缺少${what}：至少${need}件，现有${have}件`;

/** A stored rule checked against its schema; a string saying why when it cannot be checked. */
function parseRule(rule: GapIndicator['rules'][number]): GapRule | string {
  const name = rule.text.trim() || rule.type;
  const schema = (RULE_SCHEMAS as Record<string, (typeof RULE_SCHEMAS)[keyof typeof RULE_SCHEMAS] | undefined>)[
    rule.type
  ];
  if (!schema) return `规则“${name}”的类型“${rule.type}”无法识别，未能检查，请重新设置这条规则`;
  const parsed = schema.safeParse(rule.params);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '参数'))].join('、');
    return `规则“${name}”的参数有误（${fields}），未能检查，请重新设置这条规则`;
  }
  // The schema was picked by rule.type, so type and params agree.
  return { type: rule.type, params: parsed.data, text: rule.text } as GapRule;
}

// Rules of many leaves share a window, so periods and occurrences are built once per evaluation.
function periodsFor(ctx: Context, period: GapPeriod, every: number | undefined, w: Win) {
  const key = `${period}|${every ?? 1}|${w.start}|${w.end}`;
  let spans = ctx.periodCache.get(key);
  if (!spans) {
    spans = splitPeriods(period, every, w).map((span) => ({
      span,
      from: parseYmd(span.from)!,
      to: parseYmd(span.to)!,
      text: spanText(span),
    }));
    ctx.periodCache.set(key, spans);
  }
  return spans;
}

function eventsFor(ctx: Context, names: string[], w: Win) {
  const key = `${names.join('|')}|${w.start}|${w.end}`;
  let events = ctx.eventCache.get(key);
  if (!events) {
    events = eventsInWindow(w, ctx.customEvents, names).map((ev) => {
      const day = parseYmd(ev.date)!;
      return { day, period: `${ymdParts(day).year}年${ev.name}（${monthDay(day)}）` };
    });
    ctx.eventCache.set(key, events);
  }
  return events;
}

type Found = { findings: GapFinding[]; satisfied: GapSatisfied[] };

// A module function, not a closure in checkRule: tsx (esbuild keepNames) wraps each closure
// it creates, and checkRule runs thousands of times per evaluation.
function satisfiedBy(out: Found, rule: GapRule, period: string, itemIds: number[]): void {
  out.satisfied.push({ rule: rule.type, period, text: rule.text, itemIds });
}

/** The window a rule counts in; null when it has no valid dates (then nothing is counted or required). */
function ruleWindow(ctx: Context, dated: LeafItem[], period: GapPeriod | null): Win | null {
  if (ctx.closed) return ctx.closed;
  const earliest = dated.length ? formatYmd(dated[0]!.day!) : null;
  const w = effectiveWindow(ctx.window, earliest, ctx.today, period);
  const s = parseYmd(w.start);
  const e = parseYmd(w.end);
  return s === null || e === null || s > e ? null : { ...w, s, e };
}

/** Items of the pool inside the window that match the rule's filters, still sorted. */
function select(pool: LeafItem[], f: Filter, w: Win | null): Pool {
  const out: Pool = { days: [], ids: [] };
  if (!w) return out;
  const { s, e } = w;
  for (const { item, day } of pool) {
    if (day !== null && day >= s && day <= e && matches(item, f)) {
      out.days.push(day);
      out.ids.push(item.id);
    }
  }
  return out;
}

function checkRule(ctx: Context, rule: GapRule, counting: LeafItem[], dated: LeafItem[], out: Found): void {
  switch (rule.type) {
    case 'count': {
      const p = rule.params;
      const pool = select(dated, p, ruleWindow(ctx, dated, null));
      const have = pool.ids.length;
      if (have >= p.min) return satisfiedBy(out, rule, '', pool.ids);
      // Say why the user's own count is higher than ours.
      const outside = counting.filter((c) => matches(c.item, p)).length - have;
      const why = outside > 0 ? `（另有${outside}件没有日期或不在测评期间内，未计入）` : '';
      out.findings.push(missing('count', '', p.min, have, shortage(describe(p), p.min, have) + why, pool.ids));
      return;
    }
    case 'periodic': {
      const p = rule.params;
      const w = ruleWindow(ctx, dated, p.period);
      if (!w) return;
      const pool = select(dated, p, w);
      for (const { span, from, to, text } of periodsFor(ctx, p.period, p.every, w)) {
        if (ctx.pending !== null && from > ctx.pending) break;
        const ids = idsBetween(pool, from, to);
        const need = periodNeed(p.min, span);
        const running = ctx.pending !== null && to >= ctx.pending;
        if (need === null) {
          out.findings.push({
            rule: 'periodic',
            period: span.label,
            need: 0,
            have: ids.length,
            message: skippedText(span),
            severity: 'note',
            itemIds: ids,
          });
        } else if (ids.length >= need) satisfiedBy(out, rule, span.label, ids);
        else if (running) {
          const message = `${text}尚未结束，目前${shortage(describe(p), need, ids.length)}`;
          out.findings.push({ ...missing('periodic', span.label, need, ids.length, message, ids), severity: 'note' });
        } else {
          const message = `${text}${shortage(describe(p), need, ids.length)}`;
          out.findings.push(missing('periodic', span.label, need, ids.length, message, ids));
        }
      }
      return;
    }
    case 'event': {
      const p = rule.params;
      const need = p.min ?? 1;
      const names = expandEventNames(p.events);
      for (const name of names.filter((n) => !ctx.knownEvents.has(n))) {
        out.findings.push(
          problem('event', `规则“${rule.text.trim() || name}”中的“${name}”不是内置节日，请在自定义节日中添加它的日期`),
        );
      }
      const w = ruleWindow(ctx, dated, null);
      if (!w) return;
      const pool = select(dated, p, w);
      const around = p.withinDays === 0 ? '当天' : `前后${p.withinDays}天内`;
      for (const { day, period } of eventsFor(ctx, names, w)) {
        if (ctx.pending !== null && day - p.withinDays > ctx.pending) break;
        const ids = idsBetween(pool, day - p.withinDays, day + p.withinDays);
        if (ids.length >= need) satisfiedBy(out, rule, period, ids);
        else if (ctx.pending !== null && day + p.withinDays >= ctx.pending) {
          const days = p.withinDays === 0 ? '当天' : `前后${p.withinDays}天`;
          const message = `${period}${days}尚未过完，目前${shortage(describe(p), need, ids.length)}`;
          out.findings.push({ ...missing('event', period, need, ids.length, message, ids), severity: 'note' });
        } else {
          const message = `${period}${around}${shortage(describe(p), need, ids.length)}`;
          out.findings.push(missing('event', period, need, ids.length, message, ids));
        }
      }
      return;
    }
    case 'docType': {
      const kind = rule.params.kind.trim();
      const ids = counting.filter((c) => c.item.type.trim() === kind).map((c) => c.item.id);
      if (ids.length) return satisfiedBy(out, rule, '', ids);
      out.findings.push(missing('docType', '', 1, 0, `缺少类型为“${kind}”的材料`, []));
      return;
    }
    case 'package': {
      const kinds = [...new Set(rule.params.kinds.map((k) => k.trim()))];
      const byActivity = new Map<string, GapItem[]>();
      for (const { item } of counting) {
        const name = item.activity.trim();
        if (!name) continue;
        const list = byActivity.get(name);
        if (list) list.push(item);
        else byActivity.set(name, [item]);
      }
      if (byActivity.size === 0) {
        const message = `没有注明所属活动的材料，无法检查活动材料是否齐全（每项活动应有：${kinds.join('、')}）`;
        out.findings.push(missing('package', '', kinds.length, 0, message, []));
        return;
      }
      for (const [name, list] of byActivity) {
        const have = new Set(list.map((i) => i.type.trim()));
        const lacking = kinds.filter((k) => !have.has(k));
        const period = `活动“${name}”`;
        const ids = list.map((i) => i.id);
        if (lacking.length === 0) satisfiedBy(out, rule, period, ids);
        else {
          const message = `${period}缺少：${lacking.join('、')}`;
          out.findings.push(missing('package', period, kinds.length, kinds.length - lacking.length, message, ids));
        }
      }
      return;
    }
  }
}

/** Window, date, placeholder and 待补充 checks on one item. */
function checkItem(ctx: Context, { item, day }: LeafItem, out: GapFinding[]): void {
  const { windowStart: s, windowEnd: e } = ctx;
  // Most items are clean: leave before building any text.
  const clean =
    day !== null &&
    (s === null || day >= s) &&
    (e === null || day <= e) &&
    item.status !== 'incomplete' &&
    !HAS_PLACEHOLDER.test(item.title) &&
    !HAS_PLACEHOLDER.test(item.docNo);
  if (clean) return;
  const name = quote(item);
  for (const [field, text] of [
    ['题名', item.title],
    ['文号', item.docNo],
  ] as const) {
    const found = findPlaceholders(text);
    if (found.length) out.push(problem('placeholder', `${name}${field}中有未填写的“${found.join('”“')}”`, [item.id]));
  }
  const date = item.date?.trim() ?? '';
  if (!date) out.push(problem('window', `${name}没有日期`, [item.id]));
  else if (day === null) {
    const found = findPlaceholders(date);
    out.push(
      found.length
        ? problem('placeholder', `${name}日期中有未填写的“${found.join('”“')}”`, [item.id])
        : problem('window', `${name}的日期“${date}”无法识别，应为“年-月-日”`, [item.id]),
    );
  } else {
    const { start, end } = ctx.window;
    if (s !== null && e !== null && (day < s || day > e)) {
      out.push(problem('window', `${name}的日期 ${date} 不在测评期间（${start} 至 ${end}）内`, [item.id]));
    } else if (s !== null && e === null && day < s) {
      out.push(problem('window', `${name}的日期 ${date} 早于测评期间的开始日期 ${start}`, [item.id]));
    } else if (s === null && e !== null && day > e) {
      out.push(problem('window', `${name}的日期 ${date} 晚于测评期间的结束日期 ${end}`, [item.id]));
    }
  }
  if (item.status === 'incomplete') {
    out.push({
      rule: 'incomplete',
      period: '',
      need: 0,
      have: 0,
      message: `${name}待补充`,
      severity: 'note',
      itemIds: [item.id],
    });
  }
}

/**
 * The nearest non-empty value up the tree: one collector per B-level and one reviewer per
 * A-level indicator (DOMAIN.md), and 完成时限 is often set on a merged upper cell, so a leaf
 * inherits what its ancestors carry.
 */
function inherited(ctx: Context, ind: GapIndicator, pick: (i: GapIndicator) => string): string {
  let node: GapIndicator | undefined = ind;
  // The step limit guards against a parent cycle in bad input.
  for (let steps = 0; node && steps < 64; steps++) {
    const value = pick(node).trim();
    if (value) return value;
    node = node.parentId === null ? undefined : ctx.indicators.get(node.parentId);
  }
  return '';
}

function evaluateLeaf(ctx: Context, ind: GapIndicator): Pick<GapIndicatorResult, 'status' | 'findings' | 'satisfied'> {
  if (!ind.applicable || !asksForMaterials(ind.methods)) return { status: 'none', findings: [], satisfied: [] };

  const linked = [...new Set(ind.itemIds)].map((id) => ctx.items.get(id)).filter((i): i is LeafItem => !!i);
  const counting = linked.filter((c) => c.item.status !== 'rejected');
  // Sorted once per leaf; every rule filters this list, which keeps the order.
  const dated = counting.filter((c) => c.day !== null).sort((a, b) => a.day! - b.day!);
  const out: Found = { findings: [], satisfied: [] };

  if (counting.length === 0) {
    const rejected = linked.length;
    const message = rejected ? `没有可用的材料（${rejected}件已剔除，不计入）` : '没有任何材料';
    out.findings.push(missing('evidence', '', 1, 0, message, []));
  }

  let checked = 0;
  for (const stored of ind.rules) {
    if (!stored.confirmed) continue;
    const rule = parseRule(stored);
    if (typeof rule === 'string') {
      out.findings.push(problem('invalidRule', rule));
      continue;
    }
    checked++;
    checkRule(ctx, rule, counting, dated, out);
  }
  if (checked === 0 && counting.length > 0) {
    out.satisfied.push({ rule: 'evidence', period: '', text: '至少1件材料', itemIds: counting.map((c) => c.item.id) });
  }

  for (const c of counting) checkItem(ctx, c, out.findings);

  if (!inherited(ctx, ind, (i) => i.collector)) out.findings.push(problem('responsibility', '未指定收集人'));
  if (!inherited(ctx, ind, (i) => i.reviewer)) out.findings.push(problem('responsibility', '未指定审核人'));

  const deadline = parseLooseYmd(inherited(ctx, ind, (i) => i.deadline));
  if (deadline !== null && ctx.todayDay !== null && deadline < ctx.todayDay && out.findings.some(isUnmet)) {
    out.findings.push(problem('deadline', `完成时限 ${formatYmd(deadline)} 已过，材料仍不齐全`));
  }

  const status: GapStatus = counting.length === 0 ? 'missing' : out.findings.some(isUnmet) ? 'partial' : 'complete';
  return { status, ...out };
}

/** A finding that keeps a leaf from 齐全 ('note' only flags). */
function isUnmet(f: GapFinding): boolean {
  return f.severity !== 'note';
}

const zeroCounts = (): Record<GapStatus, number> => ({ complete: 0, partial: 0, missing: 0, none: 0 });

function percentOf(counts: Record<GapStatus, number>): number {
  const required = counts.complete + counts.partial + counts.missing;
  return required === 0 ? 100 : Math.round((counts.complete / required) * 100);
}

/** A parent's status from its children's: 'none' children only matter when all are 'none'. */
function rollUp(statuses: GapStatus[]): GapStatus {
  const required = statuses.filter((s) => s !== 'none');
  if (required.length === 0) return 'none';
  if (required.every((s) => s === 'complete')) return 'complete';
  if (required.every((s) => s === 'missing')) return 'missing';
  return 'partial';
}

/**
 * Checks every indicator of the input: leaves against their confirmed rules and the checks
 * that need no rule, parents by rolling up their children. Never throws on bad rules or dates;
 * they come back as findings. Results are in the order of input.indicators.
 */
export function evaluateGaps(input: GapInput): GapResult {
  const indicators = new Map(input.indicators.map((i) => [i.id, i]));
  const children = new Map<number, number[]>();
  for (const ind of input.indicators) {
    if (ind.parentId === null || ind.parentId === ind.id || !indicators.has(ind.parentId)) continue;
    const list = children.get(ind.parentId);
    if (list) list.push(ind.id);
    else children.set(ind.parentId, [ind.id]);
  }
  const windowStart = parseYmd(input.window.start);
  const windowEnd = parseYmd(input.window.end);
  const todayDay = parseYmd(input.today);
  const customEvents = input.customEvents.map((e) => ({ name: canonicalEventName(e.name), date: e.date.trim() }));
  const ctx: Context = {
    // Each date parsed once, however many indicators an item serves.
    items: new Map(input.items.map((item) => [item.id, { item, day: parseYmd(item.date) }])),
    indicators,
    window: {
      start: windowStart === null ? null : formatYmd(windowStart),
      end: windowEnd === null ? null : formatYmd(windowEnd),
    },
    windowStart,
    windowEnd,
    closed:
      windowStart !== null && windowEnd !== null && windowStart <= windowEnd
        ? { start: formatYmd(windowStart), end: formatYmd(windowEnd), s: windowStart, e: windowEnd }
        : null,
    today: input.today.trim(),
    todayDay,
    pending: todayDay !== null && windowEnd !== null && windowEnd > todayDay ? todayDay : null,
    knownEvents: new Set([...BUILTIN_EVENT_NAMES, ...customEvents.map((e) => e.name)]),
    customEvents,
    periodCache: new Map(),
    eventCache: new Map(),
  };

  const results = new Map<number, GapIndicatorResult>();
  const visiting = new Set<number>();
  const leaves = new Set<number>();
  const resultOf = (ind: GapIndicator): GapIndicatorResult => {
    const done = results.get(ind.id);
    if (done) return done;
    visiting.add(ind.id);
    // A child already being visited means a parent cycle in bad input: cut it there.
    const kids = (children.get(ind.id) ?? [])
      .filter((id) => !visiting.has(id))
      .map((id) => resultOf(indicators.get(id)!));
    let result: GapIndicatorResult;
    const base = { id: ind.id, code: ind.code, title: ind.title };
    if (kids.length === 0) {
      const leaf = evaluateLeaf(ctx, ind);
      const counts = zeroCounts();
      counts[leaf.status] = 1;
      result = { ...base, ...leaf, counts, percent: percentOf(counts) };
      leaves.add(ind.id);
    } else {
      const counts = zeroCounts();
      for (const k of kids) for (const s of Object.keys(counts) as GapStatus[]) counts[s] += k.counts[s];
      const own = new Set(ind.itemIds.filter((id) => (ctx.items.get(id)?.item.status ?? 'rejected') !== 'rejected'));
      const findings: GapFinding[] = own.size
        ? [
            {
              rule: 'evidence',
              period: '',
              need: 0,
              have: own.size,
              message: `有${own.size}件材料直接挂在本级指标下，查漏补缺只统计末级指标的材料，如需计入请挂到相应的下级指标`,
              severity: 'note',
              itemIds: [...own],
            },
          ]
        : [];
      result = {
        ...base,
        status: rollUp(kids.map((k) => k.status)),
        findings,
        satisfied: [],
        counts,
        percent: percentOf(counts),
      };
    }
    visiting.delete(ind.id);
    results.set(ind.id, result);
    return result;
  };

  const out = input.indicators.map(resultOf);
  const summary = zeroCounts();
  for (const id of leaves) summary[results.get(id)!.status]++;
  return { summary, indicators: out };
}
