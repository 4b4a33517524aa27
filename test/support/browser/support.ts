/** Helpers shared by browser tests: the fixture server's /__test/ control API, console stubs. */

export interface LoggedRequest {
  method: string;
  url: string;
  at: number;
  kind: 'api' | 'snapshot';
}

async function post(path: string, body?: unknown): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
}

export const testControl = {
  reset: () => post('/__test/reset'),
  fault: (fault: Record<string, unknown>) => post('/__test/fault', fault),
  snapshotFault: (fault: { match: string; status?: number; times?: number; delayMs?: number }) =>
    post('/__test/snapshot-fault', fault),
  async requests(): Promise<LoggedRequest[]> {
    return (await (await fetch('/__test/requests')).json()) as LoggedRequest[];
  },
  async index(): Promise<unknown> {
    return (await fetch('/__test/index')).json();
  },
};

export function stubWarn(): { calls: unknown[][]; restore: () => void } {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => {
    calls.push(args);
  };
  return { calls, restore: () => (console.warn = original) };
}

/**
 * Collects every uncaught error and unhandled rejection that reaches the page during a suite:
 * a widget must never throw into its host. Call inside a `describe`; read `uncaught` in tests
 * (it is emptied before each).
 */
export function collectUncaught(): unknown[] {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent): void => void uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent): void => void uncaught.push(event.reason);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  beforeEach(() => {
    uncaught.length = 0;
  });
  return uncaught;
}

/**
 * Polls a condition on a page the test does not run in (an iframe loading the built bundle),
 * where @open-wc's waitUntil and the elements' updateComplete are not at hand.
 */
export async function pollUntil(check: () => boolean, what: string, timeout = 15000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An element's shadow text with whitespace folded, as a visitor reads it. */
export function shadowText(el: Element | null): string {
  return el?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
}
