/**
 * The detail's two actions: "add to calendar" (an .ics file made in the page, nothing uploaded)
 * and "share" (the system share sheet where there is one, else the clipboard).
 */
import { eventToIcs, icsFileName } from '../../formats/ics.js';
import type { Lang, SdiEvent } from '../../model/types.js';

export interface CalendarFile {
  name: string;
  text: string;
}

export function calendarFile(event: SdiEvent, lang: Lang, now: number): CalendarFile {
  return {
    name: icsFileName(event, lang),
    text: eventToIcs(event, { lang, now, ...(event.url ? { url: event.url } : {}) }),
  };
}

/**
 * Hands a file to the browser's download. The object URL is revoked on the next task, not at
 * once: Firefox reads it after the click handler returns.
 */
export function saveFile(file: CalendarFile, where: ShadowRoot | HTMLElement): void {
  const blob = new Blob([file.text], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  // Firefox only follows a click on a link that is in a document.
  where.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

export async function shareLink(url: string, title: string): Promise<ShareOutcome> {
  const nav = navigator as Navigator & { share?: (data: ShareData) => Promise<void>; canShare?: (data: ShareData) => boolean };
  const data: ShareData = { url, title };
  if (typeof nav.share === 'function' && (typeof nav.canShare !== 'function' || nav.canShare(data))) {
    try {
      await nav.share(data);
      return 'shared';
    } catch (error) {
      // The visitor closing the share sheet is a choice, not a failure to report.
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    }
  }
  try {
    if (!navigator.clipboard?.writeText) return 'failed';
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}
