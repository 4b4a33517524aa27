/**
 * «Près de moi»: the visitor's position, asked for only when they press the button (never on
 * load: a permission prompt nobody asked for is how sites get blocked), and forgotten on the
 * second press. A refusal is a normal answer, reported as such, not an error.
 */
import type { ReactiveControllerHost } from 'lit';
import type { NearStatus } from './filter-controls.js';
import type { Position } from './results.js';

export class NearMe {
  status: NearStatus = 'idle';
  position?: Position;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called when the position arrives or is forgotten: the order of the list changes. */
    private readonly moved: () => void,
  ) {}

  private set(status: NearStatus, position?: Position): void {
    this.status = status;
    this.position = position;
    this.host.requestUpdate();
  }

  readonly toggle = (): void => {
    if (this.status === 'on') {
      this.set('idle');
      this.moved();
      return;
    }
    const geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geolocation) {
      this.set('unavailable');
      return;
    }
    this.set('locating');
    try {
      geolocation.getCurrentPosition(
        (found) => {
          this.set('on', { lat: found.coords.latitude, lng: found.coords.longitude });
          this.moved();
        },
        (error) => this.set(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
        // A town-level position is enough to sort events; it is quicker and kinder to batteries.
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
      );
    } catch {
      this.set('unavailable');
    }
  };
}
