import { beforeAll, describe, expect, it } from 'vitest';
import type { Explainer } from '../../bot/explain/explainer.js';
import { realExplainer } from '../support/catalogue.js';

let explainer: Explainer;
beforeAll(async () => {
  explainer = await realExplainer();
});

const warned = (line: string) => explainer.explain(line, 'en').warnings.map((warning) => warning.token);

describe('warnings a careful admin must see', () => {
  it.each([
    ['docker run --privileged alpine', ['--privileged']],
    ['docker run -v /var/run/docker.sock:/var/run/docker.sock portainer/portainer-ce', ['-v']],
    ['docker run --mount type=bind,source=/,target=/host alpine', ['--mount']],
    ['docker run -v /etc:/host-etc alpine', ['-v']],
    ['docker run -v ~:/home/me alpine', ['-v']],
    ['docker run -v $HOME:/root alpine', ['-v']],
    ['docker run --network host nginx', ['--network']],
    ['docker run --net=host nginx', ['--net']],
    ['docker run --pid=host --ipc host --userns host alpine', ['--pid', '--ipc', '--userns']],
    ['docker run --cap-add SYS_ADMIN --cap-add=NET_ADMIN --cap-add ALL alpine', ['--cap-add', '--cap-add', '--cap-add']],
    ['docker run --security-opt seccomp=unconfined --security-opt apparmor=unconfined alpine', ['--security-opt', '--security-opt']],
    ['docker run --device /dev/ttyUSB0 alpine', ['--device']],
    ['docker run -d -p 5432:5432 postgres', ['-p']],
    ['docker run -d -p 3306:3306 -v db:/var/lib/mysql mysql', ['-p']],
    ['docker run --rm -e POSTGRES_PASSWORD=x postgres', ['--rm']],
    ['docker run --use-api-socket alpine', ['--use-api-socket']],
    ['docker run --volume=/var/run:/var/run:rw gcr.io/cadvisor/cadvisor', ['--volume']],
    ['docker service create -p 5432:5432 postgres', ['-p']],
    ['docker service create --publish published=6379,target=6379,mode=host redis', ['--publish']],
    ['docker service update --publish-add 3306:3306 db', ['--publish-add']],
    ['docker service create --mount type=bind,src=/var/run/docker.sock,dst=/var/run/docker.sock portainer/agent', ['--mount']],
    ['docker service update --mount-add type=bind,source=/,target=/host agent', ['--mount-add']],
    ['docker service create --cap-add NET_ADMIN --network host alpine', ['--cap-add', '--network']],
  ])('%s', (line, tokens) => {
    expect(warned(line)).toEqual(tokens);
  });

  it.each([
    'docker run -d -p 127.0.0.1:5432:5432 postgres',
    'docker run -d -p 8080:80 nginx',
    'docker run --rm -v $(pwd):/work alpine ls',
    'docker run -v /etc/localtime:/etc/localtime:ro alpine',
    'docker run --network app --cap-drop ALL alpine',
    'docker run --privileged=false alpine',
    // Compose's run keeps the service's volumes, which live in the Compose file, not on the line.
    'docker compose run --rm web python manage.py migrate',
    'docker service create --name web --replicas 3 -p 8080:80 nginx',
    'docker service create --network backend --mount type=volume,src=pgdata,dst=/var/lib/postgresql/data postgres',
  ])('stays quiet about %s', (line) => {
    expect(warned(line)).toEqual([]);
  });

  it('warns that a listing substituted into rm or rmi stands for every container or image on the machine, and how many go', () => {
    const warning = (line: string) => explainer.explain(line, 'en').warnings.map((found) => `${found.token} ${found.text}`);
    expect(warning('docker rm -f $(docker ps -aq)')).toEqual([
      "$(docker ps -aq) Every container on this machine, not only this project's: all of them are deleted, the running ones killed first (-f), with whatever they wrote outside volumes.",
    ]);
    expect(warning('docker container rm $(docker ps -a -q)')[0]).toContain('running ones are refused without -f');
    expect(warning('docker rmi $(docker image ls -q)')[0]).toContain('one a container uses, or with several tags (docker images -q lists it once per tag), is refused');
    expect(warning('docker rmi -f $(docker images -q)')[0]).toContain("except those a running container uses, which even -f can't remove");
    expect(warning('docker rm $(docker ps -q)')[0], 'running ones only, refused without -f').toContain('each one is refused and nothing is deleted');
    expect(explainer.explain('docker rm $(docker ps -q)', 'en').effects, 'and what happens agrees').toEqual([
      'Nothing is deleted: docker refuses to remove a running container without -f, and every container listed here is running.',
    ]);
    expect(warning('docker rm -f $(sudo docker ps -q)')[0]).toContain('Stopped containers stay');
    expect(warned('docker stop $(docker ps -q)'), 'stopping deletes nothing').toEqual([]);
    expect(warned('docker rm $(docker ps -aq --filter status=exited)'), 'a filter narrows it').toEqual([]);
    expect(warned('docker rmi $(docker ps -aq)'), 'container IDs are no images').toEqual([]);
  });

  it('warns that -t spoils output sent to a file or a pipe, and not when only errors go there', () => {
    expect(warned('docker exec -it mysql mysqldump redmine > redmine.sql')).toEqual(['-t']);
    expect(warned('docker exec -t db pg_dumpall | gzip > all.sql.gz')).toEqual(['-t']);
    expect(warned('docker exec -it web bash')).toEqual([]);
    expect(warned('docker exec -it db pg_dump -U app 2> errors.log')).toEqual([]);
    expect(warned('docker exec -t db pg_dump 2>err.log > dump.sql'), 'the output redirection after the errors one').toEqual(['-t']);
    expect(explainer.explain('docker exec -it db pg_dump > dump.sql', 'en').warnings[0]!.text).toContain('ends every line with CRLF');
  });

  it('warns that docker run and exec refuse -it when the input comes from a file or a pipe, and says to keep -i alone', () => {
    expect(warned('docker exec -it pg psql -U postgres mydb < dump.sql')).toEqual(['-t']);
    expect(warned('cat dump.sql | docker exec -it pg psql -U postgres')).toEqual(['-t']);
    expect(warned('docker run --rm -it -v data:/data alpine sh <<EOF')).toEqual(['-t']);
    expect(explainer.explain('docker exec -it pg psql < dump.sql', 'en').warnings[0]!.text).toBe(
      '-t asks for a terminal, but here the input comes from a file or a pipe, not your keyboard: with -i docker refuses the line ("the input device is not a TTY") and nothing runs. Leave out -t and keep -i, so the input reaches the program.',
    );
    expect(explainer.explain('cat dump.sql | docker exec -it pg psql', 'ko').warnings[0]!.text).toContain('-t는 빼고 -i만 남기면');
    expect(warned('docker exec -i pg psql < dump.sql'), '-i alone is the fix').toEqual([]);
    expect(warned('docker exec -t pg psql < dump.sql'), 'without -i docker reads no input, so it checks no terminal').toEqual([]);
    expect(warned('docker run -dit -v data:/data alpine sh < script.sh'), 'a detached container attaches nothing').toEqual([]);
    expect(warned('docker create -it -v data:/data alpine < script.sh'), 'create attaches nothing').toEqual([]);
  });

  it('warns that prune --volumes deletes unused volumes with their data, and that -a deletes every image no container uses', () => {
    expect(warned('docker system prune -af --volumes')).toEqual(['-a', '--volumes']);
    expect(warned('docker image prune -a')).toEqual(['-a']);
    expect(warned('docker system prune -f')).toEqual([]);
    expect(warned('docker ps -a'), '-a of another command deletes nothing').toEqual([]);
    const [all, volumes] = explainer.explain('docker system prune -af --volumes', 'en').warnings.map((warning) => warning.text);
    expect(all).toBe(
      '-a deletes every image no container uses (a stopped container counts as using its image), not only dangling ones, and all build cache: base images and the images you built or pulled go too, and the next run or build has to pull or build everything again.',
    );
    expect(volumes).toContain('on Engine 23.0 and later the anonymous ones (named volumes go only with docker volume prune -a), on older engines the named ones too.');
    expect(explainer.explain('docker image prune -a', 'en').warnings[0]!.text).not.toContain('build cache');
    expect(explainer.explain('docker system prune --volumes', 'ko').warnings[0]!.text).toContain('데이터째 완전히 지워요');
  });

  it('warns that a build argument named like a secret stays in the image, and points to build secrets', () => {
    expect(warned('docker build --build-arg GITHUB_TOKEN=ghp_abc123 -t app .')).toEqual(['--build-arg']);
    expect(warned('docker build --build-arg NPM_TOKEN --build-arg dbPassword=x --build-arg AWS_SECRET_ACCESS_KEY=y .')).toEqual(['--build-arg', '--build-arg', '--build-arg']);
    expect(warned('docker compose build --build-arg API-KEY=z')).toEqual(['--build-arg']);
    expect(warned('docker build --build-arg NODE_VERSION=22 --build-arg KEYBOARD=us --build-arg TOKENIZER=bpe .'), 'a secret word only as a whole part of the name').toEqual([]);
    expect(explainer.explain('docker build --build-arg GITHUB_TOKEN=ghp_abc123 -t app .', 'en').warnings[0]!.text).toBe(
      "--build-arg GITHUB_TOKEN looks like a secret, and build arguments are not for secrets: their values stay in the image's metadata, where docker history and provenance attestations show them to anyone who has the image. Pass it as a build secret instead: --secret id=GITHUB_TOKEN,env=GITHUB_TOKEN on this line and RUN --mount=type=secret,id=GITHUB_TOKEN,env=GITHUB_TOKEN in the Dockerfile.",
    );
    expect(explainer.explain('docker build --build-arg GITHUB_TOKEN=x .', 'ko').warnings[0]!.text).toContain('빌드 시크릿으로 넘기세요');
  });

  it('keeps --rm quiet where nothing is lost: on build, and on a one-shot run whose input or output the shell takes', () => {
    expect(warned('docker build --rm -t app .')).toEqual([]);
    expect(warned('docker run --rm ubuntu cat /etc/os-release > os.txt')).toEqual([]);
    expect(warned('docker run --rm -i hadolint/hadolint < Dockerfile')).toEqual([]);
    expect(warned('docker run --rm postgres:16')).toEqual(['--rm']);
    expect(warned('docker run --rm postgres:16 && echo started'), 'a second command keeps nothing').toEqual(['--rm']);
  });

  it('says why, in the reader\'s language', () => {
    expect(explainer.explain('docker run -p 6379:6379 redis', 'en').warnings[0]!.text).toContain('Use -p 127.0.0.1:6379:6379');
    // Redis and Memcached take connections without a password: anyone who reaches the port is in, not just trying.
    expect(explainer.explain('docker run -p 6379:6379 redis', 'en').warnings[0]!.text).toContain('asks no password by default');
    expect(explainer.explain('docker run -p 5432:5432 postgres', 'en').warnings[0]!.text).toContain('can try to log in');
    expect(explainer.explain('docker run -v /var/run:/var/run alpine', 'en').warnings[0]!.text).toContain('Docker');
    expect(explainer.explain('docker run --privileged alpine', 'ko').warnings[0]!.text).toContain('호스트를 장악할 수 있어요');
    // A swarm service can't publish on 127.0.0.1 alone: the advice is an overlay network instead.
    const swarm = explainer.explain('docker service create -p 5432:5432 postgres', 'en').warnings[0]!.text;
    expect(swarm).toContain('every interface of the swarm\'s nodes');
    expect(swarm).not.toContain('127.0.0.1');
  });

  it('says that the host network shares the network alone, and that each other host namespace shares its own alone', () => {
    const network = explainer.explain('docker run --network host nginx', 'en').warnings[0]!.text;
    expect(network).toContain("uses the host's own network");
    expect(network).not.toMatch(/processes|IPC|users/);
    expect(explainer.explain('docker run --net=host nginx', 'ko').warnings[0]!.text).toContain('네트워크 격리를 없애요');
    const [pid, ipc, userns, uts, cgroupns] = explainer.explain('docker run --pid=host --ipc host --userns host --uts host --cgroupns host alpine', 'en').warnings.map((warning) => warning.text);
    expect(pid).toMatch(/^--pid host shares the host's process namespace: the container sees every process on the host/);
    expect(ipc).toMatch(/^--ipc host shares the host's IPC namespace: the container can read and change the host's shared memory/);
    expect(userns).toMatch(/^--userns host turns off user-namespace remapping for this container/);
    expect(uts).toMatch(/^--uts host shares the host's UTS namespace: the container has the host's host name/);
    expect(cgroupns).toMatch(/^--cgroupns host shares the host's cgroup namespace/);
    // Each speaks of its own namespace: none lists the others.
    for (const [text, others] of [[pid, /IPC|cgroup|user-namespace|host name/], [ipc, /process|cgroup|host name/], [cgroupns, /process|IPC|host name/]] as const) expect(text).not.toMatch(others);
    expect(explainer.explain('docker run --ipc=host alpine', 'ko').warnings[0]!.text).toBe(
      '--ipc host 옵션은 호스트의 IPC 네임스페이스를 같이 써요. 컨테이너가 호스트의 공유 메모리, 세마포어, 메시지 큐를 읽고 바꿀 수 있어요. 꼭 필요한 도구가 아니면 빼세요.',
    );
  });
});

describe('a published port the official image does not listen on', () => {
  const about = (line: string) => explainer.explain(line, 'en').warnings.filter((warning) => warning.text.includes('where nothing listens'));

  it('warns that -p 8080:8080 nginx forwards to a port nothing listens on, and says which to publish', () => {
    const [warning, ...more] = about('docker run -d -p 8080:8080 nginx');
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ token: '-p' });
    expect(warning!.text).toContain('nginx listens inside the container on 80, and this publishes container port 8080');
    expect(warning!.text).toContain('-p 8080:80.');
    expect(about('docker run -d -p 5433:5433 postgres:16')).toHaveLength(1);
    expect(about('docker run -d -e POSTGRES_PASSWORD=x -v pgdata:/var/lib/postgresql/data -p 5433:5433 postgres'), 'a password and a data volume move no port').toHaveLength(1);
  });

  it.each([
    'docker run -d -p 8080:80 nginx:alpine',
    'docker run -d -p 127.0.0.1:5432:5432 postgres',
    'docker run -d -p 8080:8080 nginx nginx -c /etc/nginx/alt.conf',
    'docker run -d --network host -p 8080:8080 nginx',
    'docker run -d -p 3000:3000 node:20',
    'docker run -d -p 8080:8080 myorg/nginx',
    'docker run -d -p 80:80 -p 443:443 -v ./nginx.conf:/etc/nginx/conf.d/default.conf nginx',
    'docker run -d -p 80:80 -p 443:443 nginx',
    'docker run -d -e PGPORT=5433 -p 5433:5433 postgres',
    'docker run -d --env-file .env -p 5433:5433 postgres',
  ])('says nothing of %s: the port is the image\'s, its command or network is not the image\'s own, or the image is not an official one it knows', (line) => {
    expect(about(line)).toEqual([]);
  });
});
