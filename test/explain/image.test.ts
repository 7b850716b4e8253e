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

  it('does not split a shell variable or an invalid reference, and tells capitals in the repository apart', () => {
    expect(splitImage('$IMAGE').problem).toBe('variable');
    expect(splitImage('MyApp:latest').problem).toBe('uppercase');
    expect(splitImage('myapp:Latest').problem, 'a tag may hold capitals').toBeUndefined();
    expect(splitImage('nginx::1').problem).toBe('invalid');
  });
});

describe('what the image part says', () => {
  it('says the digest decides when a tag and a digest are both given', async () => {
    const explainer = await realExplainer();
    const text = (reference: string) => explainer.explain(`docker pull ${reference}`, 'en').parts.at(-1)!.text;
    expect(text(`ghcr.io/o/app:1.2@sha256:${'c'.repeat(64)}`)).toContain('tag 1.2 is only a label here: the digest sha256:ccc');
    expect(text('nginx:1.25')).toBe('Image repository library/nginx (no registry is named, so the name points to Docker Hub: docker.io/library/nginx); tag 1.25.');
    expect(explainer.explain('docker pull postgres:16', 'ko').parts.at(-1)!.text).toContain('태그: 16.');
  });

  it('says a name without a registry only points to Docker Hub, and that run takes a local image of that name before it pulls', async () => {
    const explainer = await realExplainer();
    const image = (line: string, lang: 'en' | 'ko' = 'en') => explainer.explain(line, lang).parts.find((part) => part.role === 'image')!.text;
    expect(image('docker run -d myapp:1.0')).toBe(
      'Image repository library/myapp (no registry is named, so the name points to Docker Hub: docker.io/library/myapp); tag 1.0. Docker uses a local image of that name if there is one, and only otherwise tries to pull it from Docker Hub.',
    );
    expect(image('docker run -d myapp:1.0', 'ko')).toBe(
      'library/myapp 레포지토리의 이미지예요. 레지스트리를 적지 않았으니 이 이름이 가리키는 곳은 Docker Hub(docker.io/library/myapp)예요. 태그: 1.0. 그 이름의 로컬 이미지가 있으면 그것을 쓰고, 없을 때만 Docker Hub에서 받으려고 해요.',
    );
    expect(image('docker create ghcr.io/o/app:1')).toContain('on the registry ghcr.io; tag 1. Docker uses a local image of that name if there is one, and only otherwise tries to pull it from ghcr.io.');
    expect(image('docker pull docker.io/library/nginx:1.27'), 'a registry typed out is named as typed').toBe('Image repository library/nginx on the registry docker.io; tag 1.27.');
    expect(image('docker run --pull always myapp:1.0'), '--pull always pulls even with a local image').not.toContain('local image');
    expect(image('docker push myapp:1.0'), 'only run and create look for a local image first').not.toContain('local image');
  });
});
