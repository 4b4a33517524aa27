/**
 * A widget's membership of a `group`: it follows the filter changes the other widgets of the
 * group announce, and announces its own (and the events it opens) with the group's name. Follows
 * while the element is on the page, and the new group when `group` changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FilterState } from '../filters/filter-state.js';
import { announceFilters, announceOpen, followGroup, type EventOpenDetail, type FilterChangeDetail } from './events.js';

export interface GroupLinkOptions {
  /** The host's `group` attribute. */
  group: () => string | undefined;
  /** Another widget of the group changed some filters. */
  apply: (detail: FilterChangeDetail) => void;
}

export class GroupLink implements ReactiveController {
  private unfollow?: () => void;
  private followed?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: GroupLinkOptions,
  ) {
    host.addController(this);
  }

  /** The group, trimmed; undefined when there is none. */
  get group(): string | undefined {
    return this.options.group()?.trim() || undefined;
  }

  /** Tells the page and the group that this widget's filters changed. */
  publish(filters: FilterState, changed: (keyof FilterState)[]): void {
    const group = this.group;
    announceFilters(this.host, { ...(group ? { group } : {}), filters, changed });
  }

  /** Tells the page and the group that the visitor opened an event. */
  opened(detail: Omit<EventOpenDetail, 'group'>): void {
    const group = this.group;
    announceOpen(this.host, { ...detail, ...(group ? { group } : {}) });
  }

  private follow(): void {
    const group = this.group;
    if (group === this.followed && (this.unfollow || !group)) return;
    this.unfollow?.();
    this.unfollow = undefined;
    this.followed = group;
    // Never off the page: lit also updates an element removed before its first render, and a
    // listener added then would outlive it (hostConnected follows when it comes back).
    if (group && this.host.isConnected) this.unfollow = followGroup(this.host, group, this.options.apply);
  }

  hostConnected(): void {
    this.follow();
  }

  /** After the host's willUpdate: a changed `group` is followed before the render. */
  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.unfollow?.();
    this.unfollow = undefined;
    this.followed = undefined;
  }
}
