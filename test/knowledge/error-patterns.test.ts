import { describe, expect, it } from 'vitest';
import { ErrorPatterns, normalizeErrorText } from '../../bot/knowledge/error-patterns.js';
import type { Topic } from '../../bot/knowledge/topic.js';

const topic = (id: string, errors: string[], aftermath: string[] = []): Topic => ({ id, errors, aftermath } as unknown as Topic);

const patterns = new ErrorPatterns([
  topic('err-port-allocated', ['Bind for … failed: port is already allocated', 'address already in use']),
  topic('err-driver-failed-port', ['driver failed programming external connectivity on endpoint']),
  topic('err-name-in-use', ['The container name … is already in use by container']),
]);

describe('pasted error messages', () => {
  it('are found by their stable text whatever the variable parts are', () => {
    expect(patterns.match('Bind for 0.0.0.0:8080 failed: port is already allocated')?.topic).toBe('err-port-allocated');
    expect(patterns.match('Bind for 127.0.0.1:5432 failed: port is already allocated.')?.topic).toBe('err-port-allocated');
  });

  it('are found inside a sentence in Korean or English, across line breaks and quotes', () => {
    expect(patterns.match('docker run 하니까 이런 에러가 나요\nConflict. The container name "/web" is already\n  in use by container "3f2a…". 왜 그래요?')?.topic).toBe('err-name-in-use');
    expect(patterns.match('getting this: docker: Error response from daemon: listen tcp4 0.0.0.0:80: bind: Address already in use.')?.topic).toBe('err-port-allocated');
  });

  it('go to the cause at the end of the message when a wrapper matches too', () => {
    const pasted = 'driver failed programming external connectivity on endpoint web (ab12): Bind for 0.0.0.0:80 failed: port is already allocated';
    expect(patterns.match(pasted)?.topic).toBe('err-port-allocated');
    expect(patterns.match('driver failed programming external connectivity on endpoint web (ab12): (iptables failed: No chain)')?.topic).toBe('err-driver-failed-port');
  });

  it('go to the cause when the paste ends with a message that only reports its aftermath', () => {
    const withAftermath = new ErrorPatterns([
      topic('err-port-allocated', ['Bind for … failed: port is already allocated']),
      topic('err-container-not-running', ['cannot attach to a stopped container'], ['Error response from daemon: Container … is not running']),
    ]);
    const pasted = 'ERROR: for db  Cannot start service db: Bind for 0.0.0.0:5432 failed: port is already allocated\nError response from daemon: Container 3f2a is not running';
    expect(withAftermath.match(pasted)?.topic).toBe('err-port-allocated');
    expect(withAftermath.match('Error response from daemon: Container 3f2a is not running')?.topic).toBe('err-container-not-running');
  });

  it('go to the pattern that pins down more text when two end at the same place', () => {
    const both = new ErrorPatterns([topic('short', ['already in use by container']), topic('long', ['The container name … is already in use by container'])]);
    expect(both.match('The container name "/db" is already in use by container "9f"')?.topic).toBe('long');
  });

  it('need every fixed part, in order', () => {
    expect(patterns.match('port is already allocated, Bind for 0.0.0.0:80 failed')).toBeUndefined();
    expect(patterns.match('how do I publish a port?')).toBeUndefined();
  });

  it('compare text without case, quotes or repeated spaces', () => {
    expect(normalizeErrorText('The  Container\tname "/web"')).toBe('the container name /web');
  });
});
