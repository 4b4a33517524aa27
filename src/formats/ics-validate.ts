/**
 * A small RFC 5545 checker for the files `eventToIcs` writes, shared by the Node and browser
 * tests. It checks what calendar apps actually choke on (line endings, folding, nesting, missing
 * properties, a TZID without its VTIMEZONE), not the whole grammar.
 */

const MAX_OCTETS = 75;
const NAME = /^[A-Za-z0-9-]+$/;
const TEXT_PROPERTIES = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT']);
const LOCAL_STAMP = /^\d{8}T\d{6}$/;
const UTC_STAMP = /^\d{8}T\d{6}Z$/;
const OFFSET = /^[+-]\d{4}(\d{2})?$/;

interface Property {
  name: string;
  params: Map<string, string>;
  value: string;
  line: number;
}

interface Component {
  name: string;
  properties: Property[];
  children: Component[];
  line: number;
}

function octets(text: string): number {
  let count = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    count += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return count;
}

/** Problems found in `text`, each naming its line; an empty list means the file is fine. */
export function validateIcs(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('file does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('bare CR or LF (lines must end with CRLF)');
  const physical = text.split('\r\n');
  if (physical[physical.length - 1] === '') physical.pop();
  physical.forEach((line, i) => {
    if (octets(line) > MAX_OCTETS) problems.push(`line ${i + 1}: ${octets(line)} octets (max ${MAX_OCTETS})`);
    if (line === '') problems.push(`line ${i + 1}: empty line`);
  });
  const logical = unfold(physical, problems);
  const properties = logical.map((l) => parseLine(l.text, l.line, problems)).filter((p): p is Property => p !== undefined);
  const root = nest(properties, problems);
  if (root) checkCalendar(root, problems);
  return problems;
}

function unfold(physical: string[], problems: string[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  physical.forEach((line, i) => {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const last = out[out.length - 1];
      if (last) last.text += line.slice(1);
      else problems.push(`line ${i + 1}: continuation line with nothing to continue`);
    } else {
      out.push({ text: line, line: i + 1 });
    }
  });
  return out;
}

function parseLine(text: string, line: number, problems: string[]): Property | undefined {
  // Parameter values may be quoted and contain ':' or ';'; walk the line instead of splitting.
  let i = 0;
  let inQuotes = false;
  let colon = -1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) {
    problems.push(`line ${line}: no ':' in content line`);
    return undefined;
  }
  const [name = '', ...rawParams] = text.slice(0, colon).split(';');
  if (!NAME.test(name)) problems.push(`line ${line}: bad property name ${JSON.stringify(name)}`);
  const params = new Map<string, string>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq <= 0) problems.push(`line ${line}: bad parameter ${JSON.stringify(raw)}`);
    else params.set(raw.slice(0, eq).toUpperCase(), raw.slice(eq + 1));
  }
  const value = text.slice(colon + 1);
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) problems.push(`line ${line}: control character in value`);
  return { name: name.toUpperCase(), params, value, line };
}

function nest(properties: Property[], problems: string[]): Component | undefined {
  const stack: Component[] = [];
  let root: Component | undefined;
  for (const p of properties) {
    if (p.name === 'BEGIN') {
      const component: Component = { name: p.value.toUpperCase(), properties: [], children: [], line: p.line };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(component);
      else if (root) problems.push(`line ${p.line}: content after the calendar`);
      else root = component;
      stack.push(component);
    } else if (p.name === 'END') {
      const open = stack.pop();
      if (!open) problems.push(`line ${p.line}: END:${p.value} without BEGIN`);
      else if (open.name !== p.value.toUpperCase()) {
        problems.push(`line ${p.line}: END:${p.value} closes BEGIN:${open.name} (line ${open.line})`);
      }
    } else {
      const current = stack[stack.length - 1];
      if (current) current.properties.push(p);
      else problems.push(`line ${p.line}: property ${p.name} outside any component`);
    }
  }
  for (const open of stack) problems.push(`BEGIN:${open.name} (line ${open.line}) never closed`);
  if (!root) problems.push('no BEGIN:VCALENDAR');
  else if (root.name !== 'VCALENDAR') problems.push(`first component is ${root.name}, not VCALENDAR`);
  return root;
}

function one(component: Component, name: string, problems: string[]): Property | undefined {
  const found = component.properties.filter((p) => p.name === name);
  if (found.length === 0) problems.push(`${component.name} (line ${component.line}): missing ${name}`);
  if (found.length > 1) problems.push(`${component.name} (line ${component.line}): ${name} more than once`);
  return found[0];
}

function checkCalendar(calendar: Component, problems: string[]): void {
  const version = one(calendar, 'VERSION', problems);
  if (version && version.value !== '2.0') problems.push(`VERSION is ${version.value}, not 2.0`);
  one(calendar, 'PRODID', problems);
  const zones = new Set<string>();
  for (const child of calendar.children) {
    if (child.name === 'VTIMEZONE') {
      const tzid = checkTimeZone(child, problems);
      if (tzid) zones.add(tzid);
    }
  }
  const events = calendar.children.filter((c) => c.name === 'VEVENT');
  if (events.length === 0) problems.push('no VEVENT');
  const uids = new Set<string>();
  for (const event of events) {
    checkEvent(event, zones, problems);
    const uid = event.properties.find((p) => p.name === 'UID')?.value;
    if (uid && uids.has(uid)) problems.push(`VEVENT (line ${event.line}): duplicate UID ${uid}`);
    if (uid) uids.add(uid);
  }
}

function checkTimeZone(zone: Component, problems: string[]): string | undefined {
  const tzid = one(zone, 'TZID', problems)?.value;
  const observances = zone.children.filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT');
  if (observances.length === 0) problems.push(`VTIMEZONE ${tzid ?? ''}: no STANDARD or DAYLIGHT`);
  for (const observance of observances) {
    const start = one(observance, 'DTSTART', problems);
    if (start && !LOCAL_STAMP.test(start.value)) problems.push(`line ${start.line}: observance DTSTART must be local time`);
    for (const name of ['TZOFFSETFROM', 'TZOFFSETTO']) {
      const offset = one(observance, name, problems);
      if (offset && !OFFSET.test(offset.value)) problems.push(`line ${offset.line}: bad ${name} ${offset.value}`);
    }
  }
  return tzid;
}

function checkEvent(event: Component, zones: Set<string>, problems: string[]): void {
  one(event, 'UID', problems);
  const stamp = one(event, 'DTSTAMP', problems);
  if (stamp && !UTC_STAMP.test(stamp.value)) problems.push(`line ${stamp.line}: DTSTAMP must be UTC (…Z)`);
  const start = one(event, 'DTSTART', problems);
  const end = event.properties.find((p) => p.name === 'DTEND');
  for (const p of [start, end]) {
    if (!p) continue;
    const tzid = p.params.get('TZID');
    if (tzid !== undefined && !zones.has(tzid)) problems.push(`line ${p.line}: TZID ${tzid} has no VTIMEZONE`);
    const pattern = tzid === undefined ? UTC_STAMP : LOCAL_STAMP;
    if (!pattern.test(p.value)) problems.push(`line ${p.line}: bad ${p.name} value ${p.value}`);
  }
  // Comparable as strings only in the same zone, which is how this library writes them.
  if (start && end && start.params.get('TZID') === end.params.get('TZID') && end.value < start.value) {
    problems.push(`line ${end.line}: DTEND before DTSTART`);
  }
  for (const p of event.properties) {
    if (TEXT_PROPERTIES.has(p.name)) checkText(p, problems);
  }
}

/** In TEXT values, ',' and ';' must be escaped and a backslash may only start \\ \; \, \n. */
function checkText(p: Property, problems: string[]): void {
  const { value } = p;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      const next = value[i + 1];
      if (next === undefined || !'\\;,nN'.includes(next)) {
        problems.push(`line ${p.line}: bad escape in ${p.name}`);
        return;
      }
      i++;
    } else if (c === ',' || c === ';') {
      problems.push(`line ${p.line}: unescaped '${c}' in ${p.name}`);
      return;
    }
  }
}
