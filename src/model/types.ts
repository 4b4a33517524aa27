/**
 * The normalised event model. Everything the widgets show comes from these shapes, whichever
 * source they were read from (a static snapshot or the live OpenAgenda API), so the elements never
 * see the raw API's legacy fields, offset formats or custom-field ids.
 */

/** Languages the widgets speak. Text from the feed may carry more; we keep only these. */
export type Lang = 'fr' | 'en';

/** A text in several languages; a language may be missing, `pickText` falls back. */
export type LocalText = Partial<Record<Lang, string>>;

export type EventStatus = 'scheduled' | 'rescheduled' | 'moved-online' | 'postponed' | 'full' | 'cancelled';

export type Attendance = 'onsite' | 'online' | 'mixed';

/** One time slot. Instants are epoch milliseconds (UTC), so sorting and comparing are cheap. */
export interface Timing {
  begin: number;
  end: number;
}

export type Registration = { type: 'url'; value: string } | { type: 'email'; value: string } | { type: 'phone'; value: string };

export interface SdiLocation {
  name?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  /** INSEE commune code, e.g. "69123". */
  insee?: string;
  /** INSEE department code, e.g. "69", "2A", "974". */
  departmentCode?: string;
  departmentName?: string;
  /** INSEE region code, e.g. "84", "04" (La Réunion). */
  regionCode?: string;
  regionName?: string;
  lat?: number;
  lng?: number;
}

export interface AccessibilityFlags {
  /** hearing */ hi: boolean;
  /** visual */ vi: boolean;
  /** psychic */ pi: boolean;
  /** motor */ mi: boolean;
  /** intellectual */ ii: boolean;
}

/** A choice of a custom field (event format or audience), labelled from the agenda's schema. */
export interface Choice {
  id: number;
  label: LocalText;
}

export interface SdiEvent {
  uid: number;
  slug: string;
  /** Public OpenAgenda page, when the agenda slug is known. */
  url?: string;
  title: LocalText;
  summary: LocalText;
  description: LocalText;
  conditions: LocalText;
  keywords: string[];
  /** Sorted by begin; never empty for a usable event. */
  timings: Timing[];
  /** IANA zone of the event, e.g. "Europe/Paris", "Indian/Reunion". */
  timezone: string;
  status: EventStatus;
  attendance: Attendance;
  onlineUrl?: string;
  registration: Registration[];
  location?: SdiLocation;
  /** Ids of the event-format choices (custom field), labels in the edition schema. */
  types: number[];
  /** Ids of the audience choices (custom field), labels in the edition schema. */
  audiences: number[];
  accessibility: AccessibilityFlags;
  age?: { min?: number; max?: number };
  image?: { url: string; thumbnail?: string; width?: number; height?: number; credits?: string };
  featured: boolean;
  updatedAt?: number;
}

/** The custom-field schema the labels of `types` and `audiences` come from. */
export interface FeedSchema {
  /** Field code in the agenda, e.g. "types-devenement" (never hard-coded by the widgets). */
  typeField?: string;
  audienceField?: string;
  types: Choice[];
  audiences: Choice[];
}

/** What a normalisation batch produced: usable events and the count of records skipped. */
export interface NormaliseResult {
  events: SdiEvent[];
  skipped: number;
  /** Why records were skipped, by reason, for the widget's "could not show" message. */
  skippedReasons: Record<string, number>;
}
