/**
 * Custom properties on an element through the CSSOM only. lit's styleMap writes its first value
 * as a `style` attribute, which `style-src` without 'unsafe-inline' refuses (and reports); the
 * CSSOM (`style.setProperty`) is allowed by every Content-Security-Policy.
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

type Properties = Readonly<Record<string, string | undefined>>;

class CssPropertiesDirective extends Directive {
  private applied = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProperties() goes on an element: <div ${cssProperties(…)}>');
  }

  render(_properties: Properties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Properties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.applied) {
      if (properties[name] === undefined) {
        style.removeProperty(name);
        this.applied.delete(name);
      }
    }
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.applied.add(name);
    }
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);
