/**
 * Work that needs the next render's DOM (moving the keyboard focus to a card that is not drawn
 * yet, or back to the count when the button pressed disappears): queued, then run once after
 * the update. A failing task is logged, never thrown into the host page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class AfterRender implements ReactiveController {
  private tasks: (() => void)[] = [];

  constructor(
    private readonly tag: string,
    host: ReactiveControllerHost,
  ) {
    host.addController(this);
  }

  push(task: () => void): void {
    this.tasks.push(task);
  }

  /** Moves the keyboard to the element `selector` finds after the next render. */
  focus(root: ParentNode, selector: string): void {
    this.push(() => root.querySelector<HTMLElement>(selector)?.focus());
  }

  hostUpdated(): void {
    const tasks = this.tasks;
    this.tasks = [];
    for (const task of tasks) {
      try {
        task();
      } catch (error) {
        console.warn(`[semaine-industrie-widgets] <${this.tag}>:`, error);
      }
    }
  }
}
