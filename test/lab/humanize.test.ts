import { describe, expect, it } from 'vitest';
import { createdAgo, displayablePorts, ellipsis, formatG, goQuote, humanDuration, humanSize, truncateId } from '../../bot/lab/humanize.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('durations as go-units words them', () => {
  it.each([
    [-5 * S, 'Less than a second'],
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1 * S, '1 second'],
    [1.9 * S, '1 second'],
    [2 * S, '2 seconds'],
    [59.9 * S, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'],
    [47 * H + 29 * M, '47 hours'],
    [47 * H + 30 * M, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
  ])('reads %d ms as "%s"', (ms, words) => {
    expect(humanDuration(ms)).toBe(words);
  });

  it('counts whole days, weeks and months as go-units does, never rounding them up', () => {
    const W = 7 * D;
    const MONTH = 30 * D;
    const YEAR = 365 * D;
    const cases: Array<[number, string]> = [
      [1 * H + 29 * M, 'About an hour'],
      [1 * H + 31 * M, '2 hours'],
      [3 * H + 29 * M, '3 hours'],
      [36 * H, '36 hours'],
      [2 * D + 14 * H, '2 days'],
      [13 * D + 5 * H, '13 days'],
      [13 * D + 23 * H, '13 days'],
      [2 * W + 4 * D, '2 weeks'],
      [4 * W + 3 * D, '4 weeks'],
      [1 * MONTH, '4 weeks'],
      [1 * MONTH + 2 * W, '6 weeks'],
      [2 * MONTH + 2 * W, '2 months'],
      [5 * MONTH + 2 * W, '5 months'],
      [24 * MONTH, '24 months'],
      [24 * MONTH + 2 * W, '2 years'],
      [3 * YEAR + 2 * MONTH, '3 years'],
    ];
    expect(cases.map(([ms]) => humanDuration(ms))).toEqual(cases.map(([, words]) => words));
  });

  it('measures CREATED from the engine\'s Unix seconds to the clock, as "… ago"', () => {
    const now = new Date(1_700_000_300_000);
    expect(createdAgo(1_700_000_000, now)).toBe('5 minutes ago');
    expect(createdAgo(1_700_000_300, now)).toBe('Less than a second ago');
    expect(createdAgo(1_700_000_300 - 3_600, now)).toBe('About an hour ago');
  });
});

describe('sizes as go-units HumanSizeWithPrecision(…, 3) writes them', () => {
  it.each([
    [0, '0B'],
    [1, '1B'],
    [999, '999B'],
    [1_000, '1kB'],
    [1_125, '1.12kB'],
    [1_135, '1.14kB'],
    [1_982_305, '1.98MB'],
    [12_345_678, '12.3MB'],
    [300_000_000, '300MB'],
    [999_600, '1e+03kB'],
    [1_000_000_000_000, '1TB'],
  ])('writes %d bytes as %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });

  it.each([
    [1.125, 3, '1.12'],
    [1.375, 3, '1.38'],
    [2.5, 1, '2'],
    [3.5, 1, '4'],
    [0.000012345, 3, '1.23e-05'],
    [0.00012345, 3, '0.000123'],
    [123456, 3, '1.23e+05'],
    [100, 3, '100'],
  ])('formats %d with %%.%dg as Go does: %s', (value, precision, text) => {
    expect(formatG(value, precision)).toBe(text);
  });
});

describe('ids, commands and names as the docker CLI shortens them', () => {
  it('keeps 12 characters of an id and drops its algorithm', () => {
    expect(truncateId('sha256:01aeed8c9cd87ad81d7bd9b9c98f2da699e245cfbf7ae67ef323a9cb43e32fe2')).toBe('01aeed8c9cd8');
    expect(truncateId('e5b1ab3d4b0c4763caa88bee5b517d2a75d004b0b7eb6da18103421b9e0f5237')).toBe('e5b1ab3d4b0c');
    expect(truncateId('short')).toBe('short');
  });

  it('cuts a command to 20 columns with an ellipsis, Korean counting two', () => {
    expect(ellipsis("sh -c 'exit 3'", 20)).toBe("sh -c 'exit 3'");
    expect(ellipsis("sh -c 'sleep 1000; echo hello'", 20)).toBe("sh -c 'sleep 1000; …");
    expect(ellipsis("sh -c 'echo 고래가 헤엄쳐요'", 20)).toBe("sh -c 'echo 고래가 …");
    expect(ellipsis('고래고래고래고래고래고래', 20)).toBe('고래고래고래고래고…');
    expect(ellipsis('abc', 1)).toBe('a');
    expect(ellipsis('abc', 0)).toBe('');
  });

  it('quotes a command like Go\'s strconv.Quote', () => {
    expect(goQuote("sh -c 'exit 3'")).toBe(`"sh -c 'exit 3'"`);
    expect(goQuote('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(goQuote('a\nb\tc\x01\x7f')).toBe('"a\\nb\\tc\\x01\\x7f"');
    expect(goQuote('고래 🐳')).toBe('"고래 🐳"');
    expect(goQuote('\u00a0\u200b')).toBe('"\\u00a0\\u200b"');
  });
});

describe('ports as docker/cli DisplayablePorts lists them', () => {
  it('shows a remapped port with its address, after the groups', () => {
    expect(
      displayablePorts([
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { PrivatePort: 443, Type: 'tcp' },
      ]),
    ).toBe('443/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });

  it('collapses consecutive ports into ranges, per address and protocol', () => {
    expect(
      displayablePorts([
        { IP: '0.0.0.0', PrivatePort: 9001, PublicPort: 9001, Type: 'udp' },
        { IP: '0.0.0.0', PrivatePort: 9000, PublicPort: 9000, Type: 'udp' },
        { IP: '::', PrivatePort: 9000, PublicPort: 9000, Type: 'udp' },
        { IP: '::', PrivatePort: 9001, PublicPort: 9001, Type: 'udp' },
        { PrivatePort: 5000, Type: 'tcp' },
        { PrivatePort: 5001, Type: 'tcp' },
        { PrivatePort: 5003, Type: 'tcp' },
      ]),
    ).toBe('5000-5001/tcp, 5003/tcp, 0.0.0.0:9000-9001->9000-9001/udp, [::]:9000-9001->9000-9001/udp');
  });

  it('prints nothing for a container without ports', () => {
    expect(displayablePorts([])).toBe('');
  });
});
