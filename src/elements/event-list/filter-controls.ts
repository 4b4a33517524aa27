/**
 * The visitor's filter form: native controls only (select, date, search, checkbox), which every
 * browser, screen reader and phone already knows how to operate. The element owns the state;
 * this template only reports what the visitor asked for.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { QUERY_MAX_LENGTH } from '../../filters/apply.js';
import type { AccessibilityKey, AttendanceFilter, FilterState } from '../../filters/filter-state.js';
import type { QuickRange } from '../../filters/quick-dates.js';
import { departments, regions } from '../../geo/admin.js';
import { intlLocale } from '../../i18n/locale.js';
import { pickText } from '../../model/text.js';
import type { Choice, FeedSchema, Lang } from '../../model/types.js';
import { accessibilityIcon } from './icons.js';
import type { ListMessages } from './messages.js';
import type { ControlKey } from './options.js';

export type NearStatus = 'idle' | 'locating' | 'on' | 'denied' | 'unavailable';
export type TextKey = 'q' | 'city';

export interface ControlsContext {
  lang: Lang;
  m: ListMessages;
  controls: ReadonlySet<ControlKey>;
  filters: FilterState;
  drafts: Record<TextKey, string>;
  schema: FeedSchema | undefined;
  quick: Partial<Record<QuickRange, { from: string; to: string }>>;
  near: NearStatus;
  active: number;
  /** The visitor has filters of their own to clear (presets are not theirs). */
  clearable: boolean;
  /** Fold all but the search into a disclosure. */
  narrow: boolean;
  onChange: (patch: FilterState, changed: (keyof FilterState)[]) => void;
  onText: (key: TextKey, value: string, now: boolean) => void;
  onQuick: (kind: QuickRange) => void;
  onNear: () => void;
  onClear: () => void;
}

const ACCESS_KEYS: readonly AccessibilityKey[] = ['mi', 'hi', 'vi', 'pi', 'ii'];
const MULTIPLE = '__multiple';

const sortedRegions = new Map<Lang, typeof regions>();

function regionsFor(lang: Lang): typeof regions {
  let list = sortedRegions.get(lang);
  if (!list) {
    const collator = new Intl.Collator(intlLocale(lang));
    list = [...regions].sort((a, b) => collator.compare(a.name, b.name));
    sortedRegions.set(lang, list);
  }
  return list;
}

function departmentsIn(region: string | undefined): typeof departments {
  return region ? departments.filter((d) => d.regionCode === region) : departments;
}

function valueOf(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

function regionControl(ctx: ControlsContext): TemplateResult {
  const { m, filters } = ctx;
  const onChange = (event: Event) => {
    const region = valueOf(event) || undefined;
    const patch: FilterState = { region };
    const changed: (keyof FilterState)[] = ['region'];
    // A department of another region would leave the list empty for no visible reason.
    const department = departments.find((d) => d.code === filters.department);
    if (region && department && department.regionCode !== region) {
      patch.department = undefined;
      changed.push('department');
    }
    ctx.onChange(patch, changed);
  };
  return html`<div class="field" part="field">
    <label for="f-region">${m.region}</label>
    <select id="f-region" part="select" @change=${onChange}>
      <option value="" .selected=${!filters.region}>${m.allRegions}</option>
      ${regionsFor(ctx.lang).map((r) => html`<option value=${r.code} .selected=${filters.region === r.code}>${r.name}</option>`)}
    </select>
  </div>`;
}

function departmentControl(ctx: ControlsContext): TemplateResult {
  const { m, filters } = ctx;
  const list = departmentsIn(filters.region);
  return html`<div class="field" part="field">
    <label for="f-department">${m.department}</label>
    <select id="f-department" part="select" @change=${(event: Event) => ctx.onChange({ department: valueOf(event) || undefined }, ['department'])}>
      <option value="" .selected=${!filters.department}>${m.allDepartments}</option>
      ${list.map((d) => html`<option value=${d.code} .selected=${filters.department === d.code}>${d.code} – ${d.name}</option>`)}
    </select>
  </div>`;
}

function choiceControl(
  ctx: ControlsContext,
  key: 'types' | 'audiences',
  id: string,
  label: string,
  all: string,
  choices: readonly Choice[] | undefined,
): TemplateResult {
  const selected = ctx.filters[key] ?? [];
  const onChange = (event: Event) => {
    const value = valueOf(event);
    if (value === MULTIPLE) return;
    ctx.onChange({ [key]: value ? [Number(value)] : undefined }, [key]);
  };
  return html`<div class="field" part="field">
    <label for=${id}>${label}</label>
    <select id=${id} part="select" @change=${onChange}>
      <option value="" .selected=${selected.length === 0}>${all}</option>
      ${
        selected.length > 1
          ? html`<option value=${MULTIPLE} .selected=${true}>${ctx.m.several(selected.length)}</option>`
          : nothing
      }
      ${(choices ?? []).map(
        (c) =>
          html`<option value=${String(c.id)} .selected=${selected.length === 1 && selected[0] === c.id}>${pickText(c.label, ctx.lang)}</option>`,
      )}
    </select>
  </div>`;
}

function textControl(ctx: ControlsContext, key: TextKey, label: string, hint: string): TemplateResult {
  const id = `f-${key}`;
  return html`<div class="field ${key === 'q' ? 'field-wide' : ''}" part="field">
    <label for=${id}>${label}</label>
    <input id=${id} part="input" type=${key === 'q' ? 'search' : 'text'} placeholder=${hint} autocomplete="off"
      maxlength=${key === 'q' ? QUERY_MAX_LENGTH : nothing} enterkeyhint="search" .value=${live(ctx.drafts[key])}
      @input=${(event: Event) => ctx.onText(key, valueOf(event), false)}
      @change=${(event: Event) => ctx.onText(key, valueOf(event), true)} />
  </div>`;
}

function dateControl(ctx: ControlsContext): TemplateResult {
  const { m, filters } = ctx;
  const quick = (kind: QuickRange, label: string) => {
    const range = ctx.quick[kind];
    if (!range) return nothing;
    const pressed = filters.from === range.from && filters.to === range.to;
    return html`<button type="button" class="quick" part="button quick" aria-pressed=${pressed ? 'true' : 'false'}
      @click=${() => ctx.onQuick(kind)}>${label}</button>`;
  };
  return html`<fieldset class="field dates" part="field">
    <legend>${m.dates}</legend>
    <div class="date-inputs">
      <label for="f-from">${m.from}</label>
      <input id="f-from" part="input" type="date" .value=${live(filters.from ?? '')} max=${filters.to ?? nothing}
        @change=${(event: Event) => ctx.onChange({ from: valueOf(event) || undefined }, ['from'])} />
      <label for="f-to">${m.to}</label>
      <input id="f-to" part="input" type="date" .value=${live(filters.to ?? '')} min=${filters.from ?? nothing}
        @change=${(event: Event) => ctx.onChange({ to: valueOf(event) || undefined }, ['to'])} />
    </div>
    <div class="quick-row">${quick('today', m.today)} ${quick('week', m.thisWeek)} ${quick('edition', m.editionWeek)}</div>
  </fieldset>`;
}

function attendanceControl(ctx: ControlsContext): TemplateResult {
  const { m, filters } = ctx;
  const option = (value: AttendanceFilter | '', label: string) =>
    html`<option value=${value} .selected=${(filters.attendance ?? '') === value}>${label}</option>`;
  return html`<div class="field" part="field">
    <label for="f-attendance">${m.attendance}</label>
    <select id="f-attendance" part="select"
      @change=${(event: Event) => ctx.onChange({ attendance: (valueOf(event) || undefined) as AttendanceFilter | undefined }, ['attendance'])}>
      ${option('', m.attendanceAny)} ${option('onsite', m.onsite)} ${option('online', m.online)}
    </select>
  </div>`;
}

function accessibilityControl(ctx: ControlsContext): TemplateResult {
  const { m, filters } = ctx;
  const wanted = new Set(filters.accessibility ?? []);
  const toggle = (key: AccessibilityKey, on: boolean) => {
    const next = new Set(wanted);
    if (on) next.add(key);
    else next.delete(key);
    ctx.onChange({ accessibility: next.size ? ACCESS_KEYS.filter((k) => next.has(k)) : undefined }, ['accessibility']);
  };
  return html`<fieldset class="field access-field" part="field">
    <legend>${m.accessibility}</legend>
    ${ACCESS_KEYS.map(
      (key) => html`<label class="check"><input type="checkbox" .checked=${live(wanted.has(key))}
        @change=${(event: Event) => toggle(key, (event.target as HTMLInputElement).checked)} />${accessibilityIcon(key)}
        ${m.access[key]}</label>`,
    )}
  </fieldset>`;
}

function nearControl(ctx: ControlsContext): TemplateResult {
  const { m } = ctx;
  const message =
    ctx.near === 'locating'
      ? m.nearLocating
      : ctx.near === 'denied'
        ? m.nearDenied
        : ctx.near === 'unavailable'
          ? m.nearUnavailable
          : ctx.near === 'on'
            ? m.nearActive
            : '';
  return html`<div class="field near" part="field">
    <button type="button" class="near-button" part="button near" aria-pressed=${ctx.near === 'on' ? 'true' : 'false'}
      ?disabled=${ctx.near === 'locating'} @click=${ctx.onNear}>${m.near}</button>
    <p class="near-status ${ctx.near === 'denied' || ctx.near === 'unavailable' ? 'problem' : ''}" role="status">${message}</p>
  </div>`;
}

export function renderFilterControls(ctx: ControlsContext): TemplateResult | typeof nothing {
  const { controls, m } = ctx;
  if (controls.size === 0) return nothing;
  const has = (key: ControlKey) => controls.has(key);
  const search = has('search') ? textControl(ctx, 'q', m.search, m.searchHint) : nothing;
  const others = [
    has('region') ? regionControl(ctx) : nothing,
    has('department') ? departmentControl(ctx) : nothing,
    has('city') ? textControl(ctx, 'city', m.city, m.cityHint) : nothing,
    has('type') ? choiceControl(ctx, 'types', 'f-type', m.type, m.allTypes, ctx.schema?.types) : nothing,
    has('audience') ? choiceControl(ctx, 'audiences', 'f-audience', m.audience, m.allAudiences, ctx.schema?.audiences) : nothing,
    has('attendance') ? attendanceControl(ctx) : nothing,
    has('date') ? dateControl(ctx) : nothing,
    has('accessibility') ? accessibilityControl(ctx) : nothing,
    has('near') ? nearControl(ctx) : nothing,
  ].filter((control) => control !== nothing);
  // On a narrow widget the search stays in view and the other filters fold away; the summary
  // says how many are active, so a folded filter never silently empties the list.
  const fields =
    ctx.narrow && others.length > 1
      ? html`${search === nothing ? nothing : html`<div class="fields">${search}</div>`}
          <details class="more-filters">
            <summary part="filters-toggle">${m.moreFilters(ctx.active)}</summary>
            <div class="fields">${others}</div>
          </details>`
      : html`<div class="fields">${search}${others}</div>`;
  return html`<form class="filters" part="filters" role="search" aria-label=${m.filtersLabel}
      @submit=${(event: Event) => event.preventDefault()}>
    ${fields}
    ${
      ctx.clearable
        ? html`<button type="button" class="clear" part="button clear" @click=${ctx.onClear}>${m.clear}</button>`
        : nothing
    }
  </form>`;
}
