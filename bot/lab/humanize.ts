import { eastAsianWidthType } from 'get-east-asian-width';

/*
 * The docker CLI's own wording, ported so Gorae's cells read exactly like `docker ps` / `docker images`:
 * go-units (HumanDuration, HumanSizeWithPrecision), docker/cli's formatter (TruncateID, Ellipsis,
 * DisplayablePorts) and Go's strconv.Quote.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** go-units HumanDuration: "Less than a second", "About a minute", "3 hours", "2 weeks". */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Hours are rounded; days, weeks and months are whole ones of those hours, as Go's integer division makes them.
  const hours = Math.trunc(ms / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`;
}

/** The CREATED column: the CLI measures from the engine's Unix seconds to the local clock. */
export const createdAgo = (createdSeconds: number, now: Date): string =>
  `${humanDuration(now.getTime() - createdSeconds * SECOND)} ago`;

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

/** go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits, "1.98MB". */
export function humanSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${formatG(size, 3)}${DECIMAL_UNITS[unit]}`;
}

/**
 * Go's `%.*g`: shortest of fixed or exponent form, trailing zeros dropped, ties rounded to even on
 * the exact binary value (1125 bytes is "1.12kB", not "1.13kB"), exponents written "e+03".
 */
export function formatG(value: number, precision: number): string {
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const exact = Math.abs(value).toPrecision(100).replace(/e.*$/, '');
  const [whole = '', fraction = ''] = exact.split('.');
  const digits = (whole + fraction).replace(/^0+/, '');
  let exponent = whole.replace(/^0+/, '').length - 1;
  if (whole.replace(/^0+/, '') === '') exponent = -(fraction.length - fraction.replace(/^0+/, '').length) - 1;
  let kept = digits.slice(0, precision).padEnd(precision, '0');
  const rest = digits.slice(precision);
  const roundUp = rest[0] !== undefined && (rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || Number(kept.at(-1)) % 2 === 1)));
  if (roundUp) {
    const bumped = (BigInt(kept) + 1n).toString();
    if (bumped.length > precision) {
      exponent += 1;
      kept = bumped.slice(0, precision);
    } else {
      kept = bumped;
    }
  }
  if (exponent < -4 || exponent >= precision) {
    const mantissa = trimZeros(`${kept[0]}.${kept.slice(1)}`);
    const power = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${power}`;
  }
  if (exponent < 0) return `${sign}${trimZeros(`0.${'0'.repeat(-exponent - 1)}${kept}`)}`;
  const point = exponent + 1;
  return `${sign}${trimZeros(`${kept.slice(0, point)}.${kept.slice(point)}`)}`;
}

const trimZeros = (text: string): string => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/** docker/cli TruncateID: drop an algorithm prefix ("sha256:"), keep 12 characters. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.length > 12 ? bare.slice(0, 12) : bare;
}

/** docker/cli Ellipsis: cut to a display width (Korean counts two), ending in "…". */
export function ellipsis(text: string, maxWidth: number): string {
  if (maxWidth <= 0) return '';
  const chars = [...text];
  if (maxWidth === 1) return chars[0] ?? '';
  if (/^[\x00-\x7f]*$/.test(text)) return text.length <= maxWidth ? text : `${text.slice(0, maxWidth - 1)}…`;
  let width = 0;
  const widths = chars.map((char) => (width += charWidth(char)));
  if (width <= maxWidth) return text;
  const cut = widths.findIndex((w, i) => w <= maxWidth - 1 && (widths[i + 1] ?? Infinity) > maxWidth - 1);
  return cut < 0 ? text : `${chars.slice(0, cut + 1).join('')}…`;
}

/** golang.org/x/text/width: East Asian Wide and Fullwidth count two, everything else one. */
function charWidth(char: string): number {
  const type = eastAsianWidthType(char.codePointAt(0)!);
  return type === 'wide' || type === 'fullwidth' ? 2 : 1;
}

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's strconv.Quote, which the CLI applies to COMMAND: printable runes stay, the rest is escaped. */
export function goQuote(text: string): string {
  if (/^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(text)) return `"${text}"`;
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f && char !== '"' && char !== '\\') out += char;
    else if (char === '"' || char === '\\') out += `\\${char}`;
    else if (PRINTABLE.test(char) && !(code >= 0xd800 && code <= 0xdfff)) out += char;
    else if (GO_ESCAPES[char]) out += GO_ESCAPES[char];
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

const hex = (code: number, digits: number): string => code.toString(16).padStart(digits, '0');

export interface PortSummary {
  readonly IP?: string | undefined;
  readonly PrivatePort: number;
  readonly PublicPort?: number | undefined;
  readonly Type: string;
}

/**
 * docker/cli DisplayablePorts: "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 9000-9002/tcp". Runs of
 * consecutive ports published one-to-one collapse into ranges; remapped ports are listed last.
 */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const sorted = [...ports].sort(comparePorts);
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const remapped: string[] = [];
  for (const port of sorted) {
    const current = port.PrivatePort;
    let key = port.Type;
    if (port.IP) {
      if (port.PublicPort !== current) {
        remapped.push(`${joinHostPort(port.IP, String(port.PublicPort ?? 0))}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(key, group.first, group.last));
    groups.set(key, { first: current, last: current });
  }
  for (const [key, group] of groups) result.push(formGroup(key, group.first, group.last));
  return [...result, ...remapped].join(', ');
}

function formGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const ip = slash >= 0 ? key.slice(0, slash) : '';
  const type = slash >= 0 ? key.slice(slash + 1) : key;
  const range = first === last ? String(first) : `${first}-${last}`;
  return `${ip ? `${joinHostPort(ip, range)}->${range}` : range}/${type}`;
}

const joinHostPort = (host: string, port: string): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** docker/cli 28's comparePorts: private port, then IP and public port as the engine wrote them. */
function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  if ((a.IP ?? '') !== (b.IP ?? '')) return (a.IP ?? '') < (b.IP ?? '') ? -1 : 1;
  if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0);
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}
