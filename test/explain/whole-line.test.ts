import { beforeAll, describe, expect, it } from 'vitest';
import type { Explainer } from '../../bot/explain/explainer.js';
import { realExplainer } from '../support/catalogue.js';

let explainer: Explainer;
beforeAll(async () => {
  explainer = await realExplainer();
});

const en = (text: string) => explainer.explain(text, 'en');
const ko = (text: string) => explainer.explain(text, 'ko');
const part = (text: string, token: string) => en(text).parts.find((candidate) => candidate.token === token)!.text;
const warned = (text: string) => en(text).warnings.map((warning) => warning.token);
const warning = (text: string, token: string) => en(text).warnings.find((candidate) => candidate.token === token)?.text;
const REFUSED = 'Nothing happens: docker refuses this line before it pulls, builds or starts anything (see the warnings).';

describe('capabilities', () => {
  it("says a capability of Docker's default set is granted already, and warns of none", () => {
    const line = 'docker run --cap-add=NET_BIND_SERVICE -d nginx';
    expect(part(line, '--cap-add')).toMatch(/^NET_BIND_SERVICE is already in Docker's default set of capabilities, so this adds nothing new/);
    expect(warned(line)).toEqual([]);
    expect(warned('docker run --cap-add chown --cap-add CAP_KILL --cap-add SETFCAP -d nginx'), 'in any spelling').toEqual([]);
    expect(warned('docker run --cap-add SYS_NICE -d nginx'), 'one beyond the default set').toEqual(['--cap-add']);
  });

  it('speaks of the capability added and of no other', () => {
    const ptrace = warning('docker run --cap-add SYS_PTRACE -d nginx', '--cap-add')!;
    expect(ptrace).toMatch(/^--cap-add SYS_PTRACE lets processes in the container trace other processes and read their memory/);
    expect(ptrace).not.toMatch(/SYS_ADMIN|NET_ADMIN/);
    expect(warning('docker run --cap-add NET_ADMIN -d nginx', '--cap-add')).not.toMatch(/SYS_ADMIN|ALL/);
    expect(warning('docker run --cap-add sys_admin -d nginx', '--cap-add')).toMatch(/^--cap-add SYS_ADMIN is close to root on the host/);
  });
});

describe('lines docker refuses', () => {
  it('warns that --restart and --rm are refused together, and says nothing starts', () => {
    const explained = en('docker run --restart=always --rm -d nginx');
    expect(explained.warnings[0]!.text).toMatch(/^--restart always and --rm can't go together: .* docker refuses the line .* no container starts\./);
    expect(explained.effects).toEqual([REFUSED]);
    expect(explained.parts.at(-1)!.text, 'no image is looked for').not.toContain('Docker uses a local image');
    expect(explained.topics).toContain('restart-policies');
    expect(warned('docker run --restart=no --rm nginx'), '--restart no goes with --rm').not.toContain('--restart');
    expect(warned('docker run --restart on-failure:3 --rm nginx')).toContain('--restart');
  });

  it('warns that a restart policy docker does not know is refused, and names the one a slip meant', () => {
    const slip = en('docker run -d --restart=unles-stopped nginx');
    expect(slip.effects).toEqual([REFUSED]);
    expect(warning('docker run -d --restart=unles-stopped nginx', '--restart')).toMatch(/^unles-stopped is not a restart policy, .*You probably meant --restart unless-stopped\.$/);
    expect(slip.topics).toContain('restart-policies');
    expect(warning('docker run -d --restart sometimes nginx', '--restart')).toMatch(/Use one of no, always, on-failure \(on-failure:3 to stop after 3 restarts\) or unless-stopped\.$/);
    expect(warning('docker run -d --restart on nginx', '--restart'), 'two letters say too little to guess from').not.toContain('You probably meant');
    expect(warning('docker run -d --restart Always nginx', '--restart')).toMatch(/You probably meant --restart always\.$/);
    expect(warning('docker run -d --restart :3 nginx', '--restart')).toMatch(/^:3 is not written the way docker reads a policy/);
    expect(warned('docker run -d --restart alwys --rm nginx').filter((token) => token === '--restart'), 'one warning, not also the one for --rm').toHaveLength(1);
    expect(warning('docker create --restart always:3 nginx', '--restart')).toContain("(Docker 25 and later: \"invalid restart policy: maximum retry count can only be used with 'on-failure'\")");
    expect(part('docker create --restart always:3 nginx', '--restart'), 'a refused value is not described as a policy').toBe(part('docker create --restart sometimes nginx', '--restart'));
    expect(part('docker create --restart always:3 nginx', '--restart')).not.toBe(part('docker create --restart always nginx', '--restart'));
    expect(ko('docker run -d --restart alwys nginx').warnings[0]!.text).toMatch(/^alwys: 그런 재시작 정책은 없어서 .* 쓰려던 건 --restart always 같아요\.$/);
    expect(warning('docker run -d --restart on-faliure:3 nginx', '--restart'), 'the count stays with the policy meant').toMatch(/You probably meant --restart on-failure:3\.$/);
    expect(warning('docker run -d --restart alwys:3 nginx', '--restart'), 'no count offered where docker refuses one').toMatch(/You probably meant --restart always\.$/);
    for (const line of ['docker run -d --restart unless-stopped nginx', 'docker run -d --restart on-failure:5 nginx', 'docker run --restart=no nginx', 'docker run -d --restart always:0 nginx', 'docker run -d --restart always: nginx']) {
      expect(warned(line), `${line}: docker takes it`).not.toContain('--restart');
    }
  });

  it('warns that --memory-swap without -m is refused, and not with -m or -1', () => {
    expect(en('docker run --memory-swap 1g -d nginx').effects).toEqual([REFUSED]);
    expect(warning('docker run --memory-swap 1g -d nginx', '--memory-swap')).toContain('("You should always set the Memory limit when using Memoryswap limit")');
    expect(warned('docker run -m 512m --memory-swap 1g -d nginx')).toEqual([]);
    expect(warned('docker run --memory-swap -1 -d nginx'), 'unlimited swap needs no memory limit').toEqual([]);
  });

  it('warns that capitals in the repository are refused, builds and pulls nothing, and points to err-invalid-reference', () => {
    const build = en('docker build -t MyApp:Latest .');
    expect(build.warnings.map((found) => found.text)).toEqual([
      'MyApp:Latest has capitals in its repository name, which docker refuses ("invalid reference format: repository name must be lowercase"), so nothing is pulled, built or started. Write the name in lowercase: myapp:Latest (a tag may keep its capitals).',
    ]);
    expect(build.effects).toEqual([REFUSED]);
    expect(build.topics).toContain('err-invalid-reference');
    const run = en('docker run -d Nginx');
    expect(run.effects).toEqual([REFUSED]);
    expect(run.parts.at(-1)!.text).toContain('repository names must be lowercase (a tag may have capitals)');
    expect(warned('docker build -t myapp:Latest .'), 'a tag may hold capitals').toEqual([]);
    expect(ko('docker run Nginx').effects).toEqual(['아무 일도 일어나지 않아요. docker가 무언가를 받거나 빌드하거나 시작하기 전에 이 줄을 거부해요(아래 주의를 보세요).']);
  });
});

describe('what the rest of the line changes', () => {
  it('says -p publishes nothing under --network host, where Docker discards published ports', () => {
    const line = 'docker run --network=host -p 8080:80 -d nginx';
    expect(part(line, '-p')).toMatch(/^Publishes nothing here: with --network host .* Docker discards published ports/);
    expect(part('docker run --net host -P nginx', '-P')).toMatch(/^Publishes nothing here/);
    expect(part('docker run -p 8080:80 nginx', '-p')).toMatch(/^Publishes the container's port 80\/tcp on port 8080 of every interface/);
  });

  it("says build's --network sets the RUN steps' network only, with none of run's words", () => {
    const build = en('docker build --network=host -t app .');
    expect(build.parts.find((found) => found.token === '--network')!.text).toMatch(/^The RUN steps use the host's network instead of one of their own while they build/);
    expect(build.warnings, "no container listens on the build's network").toEqual([]);
    expect(part('docker build --network none .', '--network')).toContain('a step that downloads anything');
  });

  it('says a build with --output type=local or tar writes files, stores no image, and -t names nothing', () => {
    const local = en('docker build --platform linux/amd64 -t app --output type=local,dest=./out .');
    expect(local.parts.find((found) => found.token === '--output')!.text).toBe("Writes the result's files (the final stage's filesystem) into the folder ./out instead of storing an image.");
    expect(local.parts.find((found) => found.token === '-t')!.text).toContain('nothing is stored under this name');
    expect(local.effects).toEqual([
      "Docker sends the context folder to the builder, runs the Dockerfile's steps (reusing cached layers unless --no-cache) and writes the result's files where --output says; no image is stored, so docker images won't list one.",
    ]);
    expect(part('docker build -o ./dist .', '-o'), '-o PATH is the local exporter').toContain('into the folder ./dist');
    expect(part('docker build --output type=tar,dest=out.tar .', '--output')).toContain('as one tar archive to out.tar');
    expect(en('docker build --output type=image -t app .').effects[0], 'an image exporter stores an image').toContain('stores the resulting image');
  });

  it("says docker logs has nothing to read with the none logging driver, and shows the output otherwise", () => {
    expect(en('docker run --log-driver none -d myapp').effects.at(-1)).toBe('With the none logging driver its output is kept nowhere: docker logs has nothing to read for this container and says so with an error.');
    expect(en('docker run --log-driver none -d myapp').effects.join(' ')).not.toContain('docker logs shows its output');
    expect(en('docker run -d myapp').effects.at(-1)).toBe('docker logs shows its output.');
  });

  it('says --pull always pulls every time and --pull never never pulls', () => {
    expect(en('docker run --pull always -d nginx').effects[0]).toMatch(/^Docker first pulls the image from its registry, even when a copy is here already/);
    expect(en('docker run --pull always -d nginx').effects.join(' ')).not.toContain('if it is missing');
    expect(en('docker run --pull never nginx').effects[0]).toBe('Docker never pulls the image (--pull never): it must be here already, or the line fails.');
    expect(en('docker create nginx').effects[0]).toBe('Docker first looks for the image here and pulls it only if it is missing (--pull missing, the default).');
  });

  it('says push and pull --all-tags without a tag mean every tag, not latest', () => {
    const push = part('docker image push --all-tags myorg/app', 'myorg/app');
    expect(push).toContain('every tag this repository has on this Docker host');
    expect(push).not.toContain('latest"');
    expect(part('docker push -a myorg/app', 'myorg/app')).toContain('every tag this repository has on this Docker host');
    expect(part('docker pull -a myorg/app', 'myorg/app')).toContain('every tag the repository has on the registry');
  });

  it('names the stack\'s services and networks after the stack name typed', () => {
    expect(en('docker stack deploy -c docker-stack.yml myapp').effects[0]).toContain('named after the stack (myapp_web, myapp_default…)');
  });

  it('says a published port on 0.0.0.0 or [::] is on every interface, like one without an address, and a range is ports', () => {
    expect(part('docker run -p 0.0.0.0:80:80 nginx', '-p')).toBe(part('docker run -p 80:80 nginx', '-p'));
    expect(part('docker run -p [::]:80:80 nginx', '-p')).toContain('every interface of the host (reachable from other machines)');
    expect(part('docker run -p 8000-8010:8000-8010 nginx', '-p')).toBe(
      "Publishes the container's ports 8000-8010/tcp on ports 8000-8010 of every interface of the host (reachable from other machines), one to one in order.",
    );
  });

  it('says what :nocopy on a volume does', () => {
    expect(part('docker run -v data:/var/lib/data:nocopy app', '-v')).toContain(':nocopy keeps Docker from filling a new, empty volume with the files the image has at that path');
  });

  it('warns that a detached shell image with no command and no -it exits at once, pointing to container-exits-immediately', () => {
    const explained = en('docker run -d ubuntu');
    expect(explained.warnings.map((found) => found.text)).toEqual([
      "ubuntu's default command is a shell, and here it gets no command, no terminal and no input: it ends at once, and the container exits right after it starts (docker ps -a shows it Exited). Give it a command to run after the image, or use -it (-dit in the background) to keep the shell open.",
    ]);
    expect(explained.topics).toContain('container-exits-immediately');
    expect(warned('docker run -d alpine:3.20')).toEqual(['alpine:3.20']);
    expect(warned('docker run -dit ubuntu'), 'a terminal keeps the shell open').toEqual([]);
    expect(warned('docker run -d ubuntu sleep infinity'), 'a command of its own').toEqual([]);
    expect(warned('docker run -d nginx'), 'a server is no shell').toEqual([]);
  });

  it('warns that --load of a multi-platform build needs the containerd image store', () => {
    const line = 'docker buildx build --load --platform linux/amd64,linux/arm64 -t app .';
    expect(warning(line, '--load')).toMatch(/^--load with several platforms \(linux\/amd64,linux\/arm64\) needs the containerd image store/);
    expect(warned('docker buildx build --load --platform linux/arm64 -t app .')).toEqual([]);
  });
});

describe('what the words themselves are', () => {
  it('says BUILDKIT_INLINE_CACHE and the proxy arguments are built in, needing no ARG', () => {
    expect(part('docker build --build-arg BUILDKIT_INLINE_CACHE=1 -t app .', '--build-arg')).toMatch(/^BUILDKIT_INLINE_CACHE is a built-in BuildKit build argument, not one the Dockerfile declares with ARG/);
    expect(part('docker build --build-arg HTTPS_PROXY=http://proxy:3128 .', '--build-arg')).toContain("one of Docker's predefined build arguments");
    expect(part('docker build --build-arg BUILDKIT_CONTEXT_KEEP_GIT_DIR=1 .', '--build-arg')).toContain('built-in BuildKit build argument');
    expect(part('docker build --build-arg NODE_VERSION=22 .', '--build-arg')).toBe('Sets a build-time variable declared with ARG in the Dockerfile.');
  });

  it("says build's -f path counts from the current folder, not the context", () => {
    expect(part('docker build -f Dockerfile.prod ./app', '-f')).toContain('a relative path counts from the folder you run the command in, not from the context');
  });

  it('says which way docker cp copies, and that - is a tar stream', () => {
    const out = en('docker cp web:/app/log.txt .').parts.map((found) => found.text);
    expect(out.slice(1)).toEqual(['Copies from /app/log.txt inside the container web.', 'Copies into the folder you run the command in, on the host.']);
    expect(part('docker cp - web:/tmp < archive.tar', '-')).toBe('- reads a tar archive from standard input (what the shell feeds in) and unpacks it at the destination.');
    expect(part('docker cp web:/var/log -', '-')).toBe('- writes the source to standard output as a tar archive, instead of into a folder.');
    expect(part('docker cp ./site web:/usr/share/nginx/html', './site')).toMatch(/^Copies from \.\/site on the host/);
    expect(part('docker cp C:\\data\\app.conf web:/etc/app.conf', 'C:\\data\\app.conf'), 'a Windows drive is a host path').toMatch(/^Copies from C:\\data\\app\.conf on the host/);
  });

  it('says commands that use only local images contact no registry, and keeps Docker Hub for those that do', () => {
    for (const line of ['docker save myapp:1.0 -o app.tar', 'docker tag myapp:1.0 myapp:stable', 'docker rmi myapp:1.0', 'docker image inspect myapp:1.0', 'docker history myapp:1.0']) {
      const text = en(line).parts.find((found) => found.role === 'image')!.text;
      expect(text, line).toContain('this command looks for it here and contacts no registry');
      expect(text, line).not.toContain('points to Docker Hub');
    }
    expect(part('docker pull myapp:1.0', 'myapp:1.0')).toContain('points to Docker Hub');
    expect(part('docker tag myapp:1.0 myorg/myapp:1.0', 'myorg/myapp:1.0'), "tag's new name is where a push would send it").toContain(
      '(the name it gets on this Docker host, docker.io/myorg/myapp in full; a docker push of this name would send it to Docker Hub)',
    );
    expect(part('docker commit web ghcr.io/me/web:2', 'ghcr.io/me/web:2'), "commit's image is a new name too").toContain('a docker push of this name would send it to ghcr.io');
  });

  it('notes that docker-compose with a hyphen is Compose v1, replaced by the docker compose plugin', () => {
    expect(part('docker-compose up -d', 'docker-compose')).toContain('docker-compose with a hyphen may be Compose v1');
    expect(part('docker compose up -d', 'compose')).not.toContain('Compose v1');
  });

  it('knows docker builder prune and docker manifest inspect, with every option', () => {
    const prune = en('docker builder prune -af --filter until=72h');
    expect(prune.subcommand).toBe('builder prune');
    expect(prune.parts.filter((found) => !found.known)).toEqual([]);
    expect(prune.effects).toEqual(['Without asking, the build cache is deleted for good; the next builds redo the steps it held instead of reusing them.']);
    const manifest = en('docker manifest inspect --verbose nginx:latest');
    expect(manifest.subcommand).toBe('manifest inspect');
    expect(manifest.parts.filter((found) => !found.known)).toEqual([]);
    expect(manifest.parts[0]!.text).toContain('straight from the registry without pulling the image');
  });
});

describe('Korean wording', () => {
  it('says -p connects the host port to the container port, and uses one word for repository and main process', () => {
    expect(ko('docker run -p 127.0.0.1:8080:80 nginx').parts[1]!.text).toBe('호스트의 루프백 주소(이 컴퓨터에서만 접속 가능)의 8080 포트를 컨테이너의 80/tcp 포트에 연결해요.');
    expect(ko('docker pull nginx').parts.at(-1)!.text).toMatch(/^library\/nginx 레포지토리의 이미지예요/);
    expect(ko('docker exec web ls').parts.find((found) => found.token === 'ls')!.text).toContain('메인 프로세스와 별개의 프로세스');
  });
});
