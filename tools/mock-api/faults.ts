/**
 * Injected failures, for testing the client's retries and parsing: delays, error statuses with
 * Retry-After, and the broken bodies proxies and dropped connections produce in the wild.
 */
import type { ServerResponse } from 'node:http';
import { errorResponse, isGone, statusMessage, writeResponse, writeText, JSON_TYPE, type ApiResponse } from './respond.js';
import type { Fault } from './types.js';

interface ActiveFault {
  fault: Fault;
  left: number;
}

/**
 * Faults in the order added. A request takes the first one that matches and still has uses
 * left, so queueing `{status: 503, times: 1}` then `{body: 'malformed', times: 1}` scripts
 * "first a 503, then garbage, then success".
 */
export class FaultList {
  private faults: ActiveFault[] = [];

  add(fault: Fault): void {
    this.faults.push({ fault: { ...fault }, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  take(url: string): Fault | undefined {
    const active = this.faults.find(({ fault, left }) => left > 0 && (fault.match === undefined || url.includes(fault.match)));
    if (!active) return undefined;
    active.left -= 1;
    return active.fault;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A front proxy's error page: what a client gets when the API is down behind its CDN. */
function htmlPage(status: number): string {
  const title = `${status} ${statusMessage(status)}`;
  return [
    '<html>',
    `<head><title>${title}</title></head>`,
    '<body>',
    `<center><h1>${title}</h1></center>`,
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
}

/** Whether the fault replaces the answer (otherwise it only delays it). */
export function hasOutcome(fault: Fault): boolean {
  return fault.body !== undefined || fault.status !== undefined;
}

/**
 * Writes the fault's outcome. `answer` computes the normal answer, whose text the broken-body
 * faults cut, so a truncated page really is the first half of the page the client asked for.
 */
export function writeFault(res: ServerResponse, fault: Fault, answer: () => ApiResponse): void {
  if (isGone(res)) return;
  if (fault.retryAfter !== undefined) res.setHeader('retry-after', String(fault.retryAfter));
  switch (fault.body) {
    case 'html': {
      const status = fault.status ?? 502;
      writeText(res, status, htmlPage(status), 'text/html; charset=utf-8');
      return;
    }
    case 'malformed': {
      const text = JSON.stringify(answer().body);
      // Half a JSON document never parses: the object is left open.
      writeText(res, fault.status ?? 200, `${text.slice(0, Math.floor(text.length / 2))}<!--`);
      return;
    }
    case 'truncated': {
      const bytes = Buffer.from(JSON.stringify(answer().body));
      // The announced length is the whole page, so the client sees a connection dropped
      // mid-body, not a short but complete answer.
      res.writeHead(fault.status ?? 200, {
        'content-type': JSON_TYPE,
        'content-length': String(bytes.length),
      });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      return;
    }
    default: {
      const status = fault.status ?? 500;
      writeResponse(res, errorResponse(status, statusMessage(status), { status }));
    }
  }
}
