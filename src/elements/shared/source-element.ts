/**
 * The attributes every data-driven widget accepts to say where its data comes from, and the store
 * it reads through: declared once for the banner, the list and the map.
 */
import { property } from 'lit/decorators.js';
import { feedStore, type FeedStore } from '../../store/feed-store.js';
import { LangElement } from './lang-element.js';

export class SourceElement extends LangElement {
  /** Snapshot base URL (default: the page's `sdi:src` meta, then the snapshot beside the script). */
  @property({ type: String }) src?: string;
  /** OpenAgenda agenda uid: read the live API instead of a snapshot. */
  @property({ type: String }) agenda?: string;
  /** OpenAgenda public read key (live mode). */
  @property({ type: String, attribute: 'api-key' }) apiKey?: string;
  /** API base URL, e.g. a partner's proxy (live mode). */
  @property({ type: String }) api?: string;

  /**
   * The store to read from; the page-wide one unless a test or an app gives its own.
   * @internal
   */
  store: FeedStore = feedStore;
}

/** The properties whose change means another source (the language too: its problems are said in it). */
export const SOURCE_PROPERTIES = ['src', 'agenda', 'apiKey', 'api'] as const;
