/**
 * The filter presets a partner sets by attribute on the widgets that show events (the list and
 * the map), and the group they share filters with: declared once, read the same way by both.
 */
import { property } from 'lit/decorators.js';
import { SourceElement } from './source-element.js';

export class FilterPresetElement extends SourceElement {
  @property({ type: String }) region?: string;
  @property({ type: String }) department?: string;
  @property({ type: String }) type?: string;
  @property({ type: String }) audience?: string;
  @property({ type: String }) from?: string;
  @property({ type: String }) to?: string;
  @property({ type: String }) group?: string;
}
