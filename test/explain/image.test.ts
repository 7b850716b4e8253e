import { describe, expect, it } from 'vitest';
import { splitImage } from '../../bot/explain/image.js';

describe('splitting an image reference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', null, null],
    ['nginx:1.25-alpine', 'docker.io', 'library/nginx', '1.25-alpine', null],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', null],
    ['ghcr.io/owner/app:v1', 'ghcr.io', 'owner/app', 'v1', null],
    ['localhost:5000/team/api', 'localhost:5000', 'team/api', null, null],
    ['localhost/app:dev', 'localhost', 'app', 'dev', null],
    ['index.docker.io/library/alpine:3', 'docker.io', 'library/alpine', '3', null],
    ['mcr.microsoft.com/mssql/server:2022-latest', 'mcr.microsoft.com', 'mssql/server', '2022-latest', null],
    [`alpine@sha256:${'a'.repeat(64)}`, 'docker.io', 'library/alpine', null, `sha256:${'a'.repeat(64)}`],
    [`registry.example.com:443/x/y:1@sha256:${'b'.repeat(64)}`, 'registry.example.com:443', 'x/y', '1', `sha256:${'b'.repeat(64)}`],
  ])('%s → %s / %s / %s / %s', (reference, registry, repository, tag, digest) => {
    expect(splitImage(reference)).toEqual({ reference, registry, repository, tag, digest });
  });

  it('does not split a shell variable or an invalid reference', () => {
    expect(splitImage('$IMAGE').problem).toBe('variable');
    expect(splitImage('MyApp:latest').problem).toBe('invalid');
    expect(splitImage('nginx::1').problem).toBe('invalid');
  });
});
