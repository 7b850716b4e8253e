import { describe, expect, it } from 'vitest';
import { splitImage } from '../../bot/explain/image.js';
import { realExplainer } from '../support/catalogue.js';

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

describe('what the image part says', () => {
  it('says the digest decides when a tag and a digest are both given', async () => {
    const explainer = await realExplainer();
    const text = (reference: string) => explainer.explain(`docker pull ${reference}`, 'en').parts.at(-1)!.text;
    expect(text(`ghcr.io/o/app:1.2@sha256:${'c'.repeat(64)}`)).toContain('tag 1.2 is only a label here: the digest sha256:ccc');
    expect(text('nginx:1.25')).toBe('Image repository library/nginx on Docker Hub (docker.io, used when no registry is named); tag 1.25.');
    expect(explainer.explain('docker pull postgres:16', 'ko').parts.at(-1)!.text).toContain('태그: 16.');
  });
});
