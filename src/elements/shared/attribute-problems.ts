/**
 * Bad attributes are the partner's mistake, not the visitor's: the widget shows a short localised
 * notice and keeps working with defaults, and the console names the attribute so whoever pasted
 * the snippet can fix it. Each problem is logged once per element, not on every render.
 */
export interface AttributeProblem {
  attribute: string;
  value: string;
  /** Localised sentence shown in the widget. */
  message: string;
}

export class AttributeProblems {
  private readonly problems = new Map<string, AttributeProblem>();
  private readonly logged = new Set<string>();

  constructor(private readonly tag: string) {}

  report(problem: AttributeProblem): void {
    this.problems.set(problem.attribute, problem);
    const key = `${problem.attribute}=${problem.value}`;
    if (!this.logged.has(key)) {
      this.logged.add(key);
      console.warn(
        `[semaine-industrie-widgets] <${this.tag}> attribute "${problem.attribute}" has an invalid value ${JSON.stringify(problem.value)}: ${problem.message}`,
      );
    }
  }

  clear(attribute: string): void {
    this.problems.delete(attribute);
  }

  get list(): AttributeProblem[] {
    return [...this.problems.values()];
  }
}
