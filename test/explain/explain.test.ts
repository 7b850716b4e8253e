import { beforeAll, describe, expect, it } from 'vitest';
import type { Explainer } from '../../bot/explain/explainer.js';
import type { Part } from '../../bot/explain/explain.js';
import { rowsOf } from '../../bot/explain/rows.js';
import { realExplainer } from '../support/catalogue.js';

let explainer: Explainer;
beforeAll(async () => {
  explainer = await realExplainer();
});

const en = (text: string) => explainer.explain(text, 'en');
const ko = (text: string) => explainer.explain(text, 'ko');
const shape = (parts: readonly Part[]) => parts.map((part) => `${part.role}:${part.token}${part.known ? '' : '?'}`);

describe('explaining a docker command', () => {
  it('names the subcommand, every option as typed with its value, the image and the command after it', () => {
    const explained = en('docker run -d -p 8080:80 --name web nginx');
    expect(explained.status).toBe('explained');
    expect(explained.subcommand).toBe('run');
    expect(shape(explained.parts)).toEqual(['subcommand:run', 'option:-d', 'option:-p', 'value:8080:80', 'option:--name', 'value:web', 'image:nginx']);
    expect(explained.parts[2]!.text).toBe("Publishes the container's port 80/tcp on port 8080 of every interface of the host (reachable from other machines).");
    expect(explained.image).toEqual({ reference: 'nginx', registry: 'docker.io', repository: 'library/nginx', tag: null, digest: null });
    expect(explained.parts.at(-1)!.text).toContain('"latest"');
    expect(explained.topics).toEqual(expect.arrayContaining(['run-anatomy', 'detached-mode', 'port-publishing', 'container-names', 'tags']));
  });

  it('says that a redirection, a pipe or a second command after it is the shell\'s, and what it does, clause by clause', () => {
    expect(en('docker logs web > out.log 2>&1').effects).toEqual([
      "> out.log 2>&1 is your shell's, not Docker's. It writes what the command prints into the file out.log, replacing what was there. Error messages go where the output goes.",
    ]);
    expect(en('docker load < busybox.tar').effects.at(-1)).toBe("< busybox.tar is your shell's, not Docker's. It feeds the file busybox.tar to the command as its input.");
    expect(en('docker build . 2> err.txt').effects.at(-1)).toBe("2> err.txt is your shell's, not Docker's. It writes the command's error messages into the file err.txt.");
    expect(en('docker rm -f web 2>/dev/null').effects.at(-1)).toBe("2>/dev/null is your shell's, not Docker's. It throws away the command's error messages.");
    expect(en('docker run --rm alpine echo hi >> log.txt').effects.at(-1)).toContain('It adds what the command prints to the end of the file log.txt.');
    expect(en('docker logs -f web 2>&1 | grep ERROR').effects.at(-1)).toBe(
      "2>&1 | grep ERROR is your shell's, not Docker's. Error messages go where the output goes. It hands what the command prints to grep ERROR. Gorae explains the first docker command only.",
    );
    expect(ko('docker save myapp:1.0 | gzip > myapp.tar.gz').effects.at(-1), 'the file gets what gzip prints, the last program of the pipe').toBe(
      '| gzip > myapp.tar.gz: Docker가 아니라 셸이 처리하는 부분이에요. 명령이 출력하는 내용을 gzip 명령에 넘겨요. gzip 명령이 출력하는 내용을 myapp.tar.gz 파일에 덮어써요. 고래는 첫 docker 명령만 설명해요.',
    );
    expect(en('docker save img | gzip > x.tar.gz').effects.at(-1)).toBe(
      "| gzip > x.tar.gz is your shell's, not Docker's. It hands what the command prints to gzip. It writes what gzip prints into the file x.tar.gz, replacing what was there. Gorae explains the first docker command only.",
    );
    expect(en('docker logs web 2>&1 | grep -i error > errors.txt 2>/dev/null').effects.at(-1)).toContain(
      "It writes what grep -i error prints into the file errors.txt, replacing what was there. It throws away grep -i error's error messages.",
    );
    expect(en('docker ps -a && docker images').effects.at(-1)).toContain('Only if what comes before succeeds, the shell runs docker images. docker images, further on, is a docker command of its own');
    expect(en('docker stop web || true; docker rm web').effects.at(-1), '; runs whatever happened before it').toContain(
      'Only if what comes before fails, the shell runs true. Then the shell runs docker rm web, whether what came before succeeded or not.',
    );
    expect(en('docker ps -q | xargs docker stop').effects.at(-1)).toContain('xargs runs docker stop with what it is handed as arguments: every word printed.');
    expect(en('docker exec -i db psql -U postgres <<EOF').effects.at(-1)).toBe("<<EOF is your shell's, not Docker's. It feeds the lines typed after it, up to EOF, to the command as its input.");
    expect(en('docker logs -f web &').effects.at(-1)).toBe("& is your shell's, not Docker's. The shell runs what comes before in the background and gives the prompt back at once.");
    expect(en('docker exec -i db psql <<< "select 1"').effects.at(-1)).toBe('<<< "select 1" is your shell\'s, not Docker\'s. It feeds "select 1" to the command as its input.');
    expect(en('docker ps -q | xargs -n 1 docker stop').effects.at(-1)).toContain('xargs runs docker stop with what it is handed as arguments: every word printed.');
    expect(en('docker logs web &>/dev/null').effects.at(-1)).toBe("&>/dev/null is your shell's, not Docker's. It throws away what the command prints. Error messages go where the output goes.");
    expect(en('docker rm web;').effects.at(-1), 'nothing after the join, nothing to say of it').toBe("; is your shell's, not Docker's.");
    expect(en('docker logs -f web & docker ps').effects.at(-1)).toContain('in the background and gives the prompt back at once. Then the shell runs docker ps');
    expect(en('docker logs web | grep -E "error|warn"').effects.at(-1), 'a quoted | is no pipe').toContain('It hands what the command prints to grep -E "error|warn".');
    expect(en('docker save -o app.tar app').effects.join(' ')).not.toContain('shell');
  });

  it('reads the order of 2>&1 and > as the shell does, and says what a pipe after a file still carries', () => {
    expect(en('docker logs web 2>&1 > out.log').effects.at(-1)).toBe(
      "2>&1 > out.log is your shell's, not Docker's. 2>&1 comes before the output is sent elsewhere, so error messages go where the output was at that point, your terminal; swap the two to send them along. It writes what the command prints into the file out.log, replacing what was there.",
    );
    expect(en('docker build . 2>&1 >/dev/null | grep -i error').effects.at(-1)).toBe(
      "2>&1 >/dev/null | grep -i error is your shell's, not Docker's. 2>&1 comes before the output is sent elsewhere, so error messages go where the output was at that point: into the pipe. It throws away what the command prints. It hands only the command's error messages to grep -i error. Gorae explains the first docker command only.",
    );
    expect(en('docker logs web > out.log 2>&1 | cat').effects.at(-1)).toContain('cat gets nothing from the command: its output already went to the file.');
    expect(en('docker logs web |& grep -i error').effects.at(-1), '|& is 2>&1 |').toBe(
      "|& grep -i error is your shell's, not Docker's. Error messages go where the output goes. It hands what the command prints to grep -i error. Gorae explains the first docker command only.",
    );
    expect(en('docker logs web > out.log |& cat').effects.at(-1), "|&'s 2>&1 comes after the command's own redirections").toContain('cat gets nothing from the command');
    expect(en('docker build . 2>> build-errors.log').effects.at(-1)).toBe("2>> build-errors.log is your shell's, not Docker's. It adds the command's error messages to the end of the file build-errors.log.");
    expect(en('docker ps >&2').effects.at(-1)).toBe(">&2 is your shell's, not Docker's. What the command prints goes where error messages go.");
    expect(ko('docker logs web 2>&1 > out.log').effects.at(-1)).toContain('오류 메시지는 그때 출력이 가던 곳인 터미널로 가요.');
  });

  it('names a folder under the current one written with the shell\'s variable ($(pwd)/data, %CD%\\notebooks)', () => {
    const mounts = en('docker run -v "$(pwd)/data:/data" -v %CD%\\notebooks:/nb img').parts.filter((part) => part.role === 'option');
    expect(mounts.map((part) => part.text)).toEqual([
      'Bind mount: data in the folder you run the command from ($(pwd)) appears at /data in the container; both see and change the same files.',
      'Bind mount: notebooks in the folder you run the command from (%CD%) appears at /nb in the container; both see and change the same files.',
    ]);
    expect(en('docker run -v $(pwd)/../data:/d img').parts[1]!.text, 'a folder beside it is no folder in it').toContain("the host's $(pwd)/../data");
    expect(en('docker run -v $(Get-Location):/app img').parts[1]!.text).toContain('the folder you run the command from ($(Get-Location))');
  });

  it('says an option typed after exec\'s container is taken for the program, and fails', () => {
    const late = en('docker exec 44bd0e9bd9b8 -it bash').parts.find((part) => part.token === '-it')!;
    expect(late).toMatchObject({ role: 'argument', known: false });
    expect(late.text).toContain('Put options before the container');
    expect(en('docker exec web ls -la').parts.find((part) => part.token === '-la')!.text, 'an argument of the program is fine').not.toContain('Put options');
    expect(en('docker compose exec web -it bash').parts.find((part) => part.token === '-it')!.text).toContain('Put options before the container');
  });

  it('says a command substitution is run by the shell first, its words becoming the arguments', () => {
    expect(en('docker rm $(docker inspect -f {{.Id}} web)').parts.at(-1)!.text).toBe(
      'The shell first runs docker inspect -f {{.Id}} web and puts what it prints here, each word an argument of its own; when it prints nothing, nothing stands here, and a command that needs an argument refuses the line.',
    );
    expect(ko('docker rmi $(docker images -q -f dangling=true)').parts.at(-1)!.text).toContain('셸이 먼저 docker images -q -f dangling=true 명령을 실행하고');
  });

  it('says which IDs a listing substituted in prints: every container, the running ones, every image', () => {
    expect(en('docker rm -f $(docker ps -aq)').parts.at(-1)!.text).toContain('the ID of every container on this machine, running or stopped (-a: all of them, -q: IDs only)');
    expect(en('docker stop $(docker container ls --quiet)').parts.at(-1)!.text).toContain('every running container on this machine');
    expect(ko('docker rmi $(docker images -aq)').parts.at(-1)!.text).toContain('중간 이미지까지 이 머신의 모든 이미지 ID를 출력하고');
    expect(en('docker rm $(docker ps -aq -f status=exited)').parts.at(-1)!.text, 'a filter narrows it to what only running it tells').toContain('puts what it prints here');
  });

  it('says that with -d what you type reaches the container only once docker attach joins it', () => {
    expect(en('docker run -d -it ubuntu').effects).toContain('Standard input stays open while it runs in the background, but nothing you type reaches it until docker attach connects your terminal (Ctrl+P Ctrl+Q leaves again).');
    expect(en('docker run -d -it ubuntu').effects.join(' ')).not.toContain("What you type goes to the container's standard input.");
    expect(ko('docker run -it ubuntu').effects).toContain('입력하는 내용이 컨테이너의 표준 입력으로 가요.');
    expect(en('docker run -d -i busybox cat').effects.join(' '), 'detach keys need a terminal').toContain('Without -t there are no detach keys');
    expect(en('docker run -d -i busybox cat').effects.join(' ')).not.toContain('Ctrl+P Ctrl+Q');
  });

  it('says what the shell pipes into the command from before it, and that run and exec pass it on only with -i', () => {
    expect(en('cat dump.sql | docker exec -i db psql -U postgres').effects[0]).toBe("cat dump.sql | is your shell's, not Docker's: what cat dump.sql prints becomes the docker command's input.");
    expect(en('cat dump.sql | docker exec -i db psql -U postgres').effects.join(' ')).not.toContain('only with -i');
    expect(en('cat dump.sql | docker exec db psql').effects.at(-1)).toContain('docker run and docker exec hand their input on to the container only with -i');
    expect(en('docker run --rm hadolint/hadolint < Dockerfile').effects.at(-1)).toContain('only with -i');
    expect(en('docker load < app.tar').effects.join(' ')).not.toContain('only with -i');
    expect(en('$ docker exec -i db psql').effects.join(' '), 'a prompt is no pipe').not.toContain("shell's");
  });

  it('says docker build - reads the Dockerfile from standard input, with no folder sent, in its part and its effect', () => {
    const stdin = en('docker build -t app:1 - < Dockerfile');
    expect(stdin.parts.find((part) => part.token === '-')!.text).toContain('The Dockerfile comes from standard input instead of a folder');
    expect(stdin.effects[0]).toBe('Docker reads the Dockerfile from standard input, runs its steps (reusing cached layers unless --no-cache) and stores the resulting image; no folder is sent to the builder.');
    expect(en('docker build -t app:1 .').effects[0]).toContain('Docker sends the context folder to the builder');
  });

  it('says a bind mount with :ro or readonly lets the container read the files but not change them', () => {
    const [volume, mount] = en('docker run -v ./nginx.conf:/etc/nginx/nginx.conf:ro --mount type=bind,src=/srv/app,dst=/app,readonly nginx').parts.filter((part) => part.role === 'option');
    expect(volume!.text).toBe(
      "Bind mount: the host's ./nginx.conf appears at /etc/nginx/nginx.conf in the container; the container can read the files but not change them (read-only), while the host still can.",
    );
    expect(mount!.text).toBe("Bind mount: the host's /srv/app appears at /app in the container; the container can read the files but not change them (read-only), while the host still can.");
    expect(ko('docker run -v $(pwd):/app:ro node').parts[1]!.text).toBe(
      '바인드 마운트: 명령을 실행한 현재 폴더($(pwd))가 컨테이너의 /app에 보여요. 컨테이너는 파일을 읽기만 하고 고치지는 못해요(읽기 전용). 호스트에서는 계속 고칠 수 있어요.',
    );
  });

  it('says which of several Compose files given with -f is the base and which are merged onto it, in order', () => {
    const files = en('docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d').parts.filter((part) => part.token === '-f');
    expect(files.map((part) => part.text)).toEqual([
      'The base Compose file: the files given after it with -f are merged onto it in order, and relative paths in all of them count from its folder.',
      'Merged onto the Compose files before it, in order: settings it repeats override theirs, and what it adds joins them.',
    ]);
    expect(ko('docker-compose -f a.yml -f b.yml -f c.yml config').parts.filter((part) => part.token === '-f').map((part) => part.text).slice(1)).toEqual([
      '앞의 Compose 파일들 위에 순서대로 합쳐져요. 같은 설정을 다시 적으면 앞의 값을 덮어쓰고, 새 설정은 더해져요.',
      '앞의 Compose 파일들 위에 순서대로 합쳐져요. 같은 설정을 다시 적으면 앞의 값을 덮어쓰고, 새 설정은 더해져요.',
    ]);
    expect(en('docker compose -f prod.yml up -d').parts[1]!.text, 'one file is read instead of compose.yaml').toBe('Names the Compose file to read; without it, Compose looks for compose.yaml in the current folder.');
    expect(en('docker build -f a.Dockerfile -f b.Dockerfile .').parts[1]!.text, "build's -f is a Dockerfile, never merged").toContain('Uses this Dockerfile');
  });

  it('says --entrypoint "" clears the image\'s ENTRYPOINT, so the command after the image runs on its own', () => {
    const cleared = en('docker run --rm --entrypoint "" myapp:1.0 ls -la').parts.find((part) => part.token === '--entrypoint')!;
    expect(cleared.text).toBe(
      "Clears the image's ENTRYPOINT (an empty value): the command after the image runs on its own, as the program itself. Setting --entrypoint also drops the image's CMD, so name that command.",
    );
    expect(ko('docker run --entrypoint= myapp ls').parts.find((part) => part.token === '--entrypoint')!.text).toContain('이미지의 ENTRYPOINT를 비워요');
    expect(en('docker run --entrypoint /bin/sh myapp').parts[1]!.text).toBe("Replaces the image's ENTRYPOINT with /bin/sh.");
  });

  it('says compose run and exec act on exactly one service, where up and logs take any number or none', () => {
    const one = 'The service from the Compose file it acts on: this command takes exactly one, and refuses the line without it.';
    expect(en('docker compose run --rm web npm test').parts.find((part) => part.token === 'web')!.text).toBe(one);
    expect(en('docker compose exec db psql').parts.find((part) => part.token === 'db')!.text).toBe(one);
    expect(ko('docker compose run web sh').parts.find((part) => part.token === 'web')!.text).toBe('대상이 되는 Compose 파일의 서비스예요. 이 명령은 서비스를 꼭 하나만 받고, 없으면 이 줄을 거부해요.');
    expect(en('docker compose up -d web worker').parts.at(-1)!.text).toBe('A service from the Compose file; naming none means every service.');
  });

  it('explains variables set before docker as the shell\'s, for this one command, and what the ones Docker defines change', () => {
    const profiles = en('COMPOSE_PROFILES=worker docker compose up -d');
    expect(profiles.subcommand).toBe('compose up');
    expect(shape(profiles.parts)).toEqual(['variable:COMPOSE_PROFILES=worker', 'subcommand:compose', 'subcommand:up', 'option:-d']);
    expect(profiles.parts[0]!.text).toBe(
      'Your shell sets the environment variable COMPOSE_PROFILES to "worker" for this one command: docker (and Compose\'s ${…}) reads it, and the container gets it only through -e COMPOSE_PROFILES or Compose\'s environment:. Compose turns on these profiles (comma-separated), as --profile does: their services start too, beside every service that has no profile.',
    );
    const legacy = en('DOCKER_BUILDKIT=0 docker build -t legacy .').parts[0]!.text;
    expect(legacy).toContain('docker build builds with BuildKit when it is 1, and with the deprecated legacy builder when it is 0');
    expect(en('sudo DOCKER_HOST=ssh://me@server docker ps').parts[0]!.text).toContain('sends this command to the daemon at that address instead of the local one, as -H does.');
    expect(en('TAG=1.2 docker compose up -d').parts[0]!.text, 'a name Docker does not define is only set').toBe(
      'Your shell sets the environment variable TAG to "1.2" for this one command: docker (and Compose\'s ${…}) reads it, and the container gets it only through -e TAG or Compose\'s environment:.',
    );
    expect(ko('COMPOSE_PROJECT_NAME=demo docker compose up -d').parts[0]!.text).toContain('Compose가 이 값을 프로젝트 이름으로 써요.');
    expect(en('docker run -e A=1 alpine').parts.map((part) => part.role), 'a variable given with -e is an option').not.toContain('variable');
  });

  it('says the shell replaces a $(…) in a value with that command\'s output before docker sees it', () => {
    expect(en('docker build -t myorg/api:$(git rev-parse --short HEAD) .').parts[1]!.text).toBe(
      'Names the result myorg/api:$(git rev-parse --short HEAD) (NAME[:TAG]). Unless it is in single quotes, the shell first replaces $(git rev-parse --short HEAD) with what git rev-parse --short HEAD prints, so docker sees that output here.',
    );
    expect(ko('docker run -u $(id -u) alpine').parts[1]!.text).toContain('작은따옴표 안이 아니라면 셸이 먼저 $(id -u) 부분을 id -u 명령이 출력한 내용으로 바꿔서');
    expect(ko('docker run -u $(id -u):$(id -g) alpine').parts[1]!.text, 'two in one value, in one sentence').toContain('셸이 먼저 $(id -u), $(id -g) 부분을 각각 그 안의 명령이 출력한 내용으로 바꿔서');
    expect(en('docker run -u $(id -u):$(id -g) alpine').parts[1]!.text.match(/Unless/gu), 'said once').toHaveLength(1);
    expect(en('docker run -e GIT_SHA=`git rev-parse HEAD` alpine').parts[1]!.text).toContain('Unless it is in single quotes, the shell first replaces `git rev-parse HEAD` with what git rev-parse HEAD prints');
    expect(en('docker build -t myorg/api:1.0 .').parts[1]!.text).toBe('Names the result myorg/api:1.0 (NAME[:TAG]).');
  });

  it('says what a bind mount\'s :z and :Z do, and that :Z must stay off system folders', () => {
    const [shared, private_] = en('docker run -v /srv/site:/usr/share/nginx/html:ro,z -v ./data:/data:Z nginx').parts.filter((part) => part.role === 'option');
    expect(shared!.text).toContain('the container can read the files but not change them (read-only), while the host still can. :z has Docker relabel the files for SELinux (on SELinux hosts only) so that every container may use them');
    expect(private_!.text).toContain(':Z has Docker relabel the files for SELinux (on SELinux hosts only) for this container alone; never use it on a system folder such as /home or /usr');
    expect(ko('docker run -v ./data:/data:Z nginx').parts.find((part) => part.role === 'option')!.text).toContain(':Z는 Docker가 파일의 SELinux 레이블을 이 컨테이너 전용으로 바꿔요');
    expect(en('docker run -v ./data:/data nginx').parts.find((part) => part.role === 'option')!.text).not.toContain('SELinux');
  });

  it('says a mounted socket gives the container a line to the program behind it, not files to share', () => {
    const mount = en('docker run -v /var/run/docker.sock:/var/run/docker.sock portainer/portainer-ce').parts.find((part) => part.role === 'option')!;
    expect(mount.text).toBe("Bind mount of Docker's own socket /var/run/docker.sock: programs in the container can talk to the host's Docker Engine, at /var/run/docker.sock.");
    const agent = en('docker run -v /run/host-services/ssh-auth.sock:/ssh-agent.sock alpine').parts.find((part) => part.role === 'option')!;
    expect(agent.text).toBe('Bind mount of the socket /run/host-services/ssh-auth.sock: programs in the container can talk to the program on the host that listens on it, at /ssh-agent.sock.');
  });

  it('speaks Korean when asked to', () => {
    const explained = ko('docker run -d -p 8080:80 nginx 이게 무슨 뜻이야?');
    expect(explained.parts[2]!.text).toBe('호스트의 모든 네트워크 인터페이스(다른 컴퓨터에서도 접속 가능)의 8080 포트를 컨테이너의 80/tcp 포트에 연결해요.');
    expect(explained.effects[0]).toBe('먼저 로컬에서 이미지를 찾고, 없을 때만 받아 와요(--pull missing, 기본값).');
    expect(explained.effects[1], 'with -d, the effect says it runs in the background, not what happens without -d').toContain('컨테이너의 명령을 백그라운드에서 시작해요');
    expect(explained.effects.join(' ')).not.toContain('-d가 없으면');
    expect(ko('docker run -p 8080:80 nginx').effects[1]).toContain('-d가 없으면 끝날 때까지 출력이 터미널에 보여요');
    expect(en('docker compose up -d').effects).toEqual([
      "Compose creates the project's network and any missing containers, recreates those whose configuration changed and starts them in the background: your prompt comes back, and docker compose logs shows their output.",
    ]);
  });

  it('splits combined short flags and reads --opt=value, --opt value and -p80:80 alike', () => {
    expect(shape(en('docker run -dit --name=box -p80:80 --env A=1 alpine').parts)).toEqual([
      'subcommand:run', 'option:-d', 'option:-i', 'option:-t', 'option:--name', 'value:box', 'option:-p', 'value:80:80', 'option:--env', 'value:A=1', 'image:alpine',
    ]);
  });

  it('says which CLI first takes --format json, since Debian 12\'s CLI 20.10 prints the word instead', () => {
    expect(en('docker ps --format json').parts[1]!.text).toContain('json (CLI 23.0 and later)');
    expect(ko('docker version --format json').parts[1]!.text).toContain('json(CLI 23.0.5부터)');
    expect(en('docker events --format json').parts[1]!.text).toContain('json (CLI 24.0.6 and later)');
  });

  it('leaves the options after the image to the command run in the container, its arguments one row on screen', () => {
    const explained = en('docker run --rm alpine ls -la /');
    expect(shape(explained.parts)).toEqual(['subcommand:run', 'option:--rm', 'image:alpine', 'argument:ls', 'argument:-la', 'argument:/']);
    expect(rowsOf(explained.parts).slice(3).map((row) => [row.typed, row.text])).toEqual([
      ['ls', explained.parts[3]!.text],
      ['-la /', 'Arguments handed to that program, not to docker.'],
    ]);
    expect(rowsOf(ko('docker run --rm alpine ls -la /').parts).at(-1)!.text).toBe('docker가 아니라 그 프로그램에 넘기는 인자들이에요.');
    expect(rowsOf(en('docker run --rm alpine ls /').parts).at(-1)!.text, 'one alone').toBe('An argument handed to that program, not to docker.');
    expect(rowsOf(en('docker run --rm alpine sh -c "echo $HOME"').parts).slice(-2).map((row) => row.typed), 'a word the shell reads is never requoted').toEqual(['-c', 'echo $HOME']);
  });

  it("takes compose's --dry-run after any compose subcommand, as Compose does, but not compose's other options", () => {
    expect(shape(en('docker compose up --dry-run -d').parts)).toEqual(['subcommand:compose', 'subcommand:up', 'option:--dry-run', 'option:-d']);
    expect(shape(en('docker compose down --dry-run').parts)).toEqual(['subcommand:compose', 'subcommand:down', 'option:--dry-run']);
    expect(shape(en('docker compose up --project-name web').parts)).toContain('option:--project-name?');
  });

  it('reads management forms, sudo, a prompt and docker compose', () => {
    expect(en('$ sudo docker container run -it ubuntu bash').subcommand).toBe('run');
    expect(en('docker image pull redis:7').image?.tag).toBe('7');
    const compose = en('docker compose -f prod.yml up -d --build web');
    expect(compose.subcommand).toBe('compose up');
    expect(shape(compose.parts)).toEqual(['subcommand:compose', 'option:-f', 'value:prod.yml', 'subcommand:up', 'option:-d', 'option:--build', 'argument:web']);
    expect(en('docker-compose down -v').subcommand).toBe('compose down');
  });

  it('lets options follow the operands where docker does (logs, rm)', () => {
    expect(shape(en('docker logs web -f --tail 20').parts)).toEqual(['subcommand:logs', 'argument:web', 'option:-f', 'option:--tail', 'value:20']);
  });

  it('names an unknown option as unknown and offers a near typo, never a meaning', () => {
    const typo = en('docker run --netwrok host nginx');
    expect(typo.parts[1]).toMatchObject({ token: '--netwrok', known: false });
    expect(typo.parts[1]!.text).toBe("Unknown option: Docker's reference for docker run has no --netwrok, so Gorae won't guess what it means. Did you mean --network?");
    expect(ko('docker run --frobnicate nginx').parts[1]!.text).toBe('알 수 없는 옵션이에요: Docker 레퍼런스의 docker run에는 --frobnicate 옵션이 없어서, 뜻을 추측해서 설명하지는 않을게요.');
    expect(en('docker run -name web nginx').parts[1]).toMatchObject({ token: '-name', known: false, text: expect.stringContaining('Did you mean --name?') });
  });

  it('says so when the subcommand is not in the catalogue', () => {
    const explained = en('docker plugin install --grant-all-permissions vieux/sshfs');
    expect(explained.parts[0]).toMatchObject({ token: 'plugin', role: 'subcommand', known: false });
    expect(explained.parts.filter((part) => part.known)).toEqual([]);
  });

  it('names an unknown subcommand in full and judges none of its options or words, which docker alone knows', () => {
    const explained = en('docker compose frobnicate --rm web sh');
    expect(explained.subcommand).toBe('compose frobnicate');
    expect(shape(explained.parts)).toEqual(['subcommand:compose', 'subcommand:frobnicate?', 'option:--rm?', 'argument:web?', 'argument:sh?']);
    expect(explained.parts[1]!.text).toContain('no "docker compose frobnicate"');
    expect(explained.parts[2]!.text).toBe("Not explained: Gorae doesn't know docker compose frobnicate, so it can't say what this option does there.");
    expect(explained.parts[3]!.text).toBe("Not explained: Gorae doesn't know docker compose frobnicate, so it can't say what this word is for there.");
    expect(ko('docker frobnicate --rm x').parts[1]!.text).toBe('설명하지 않아요. 고래가 docker frobnicate 명령을 몰라서 여기서 이 옵션이 무슨 뜻인지 말할 수 없어요.');
  });

  it('explains the everyday commands beyond run and build: Compose exec and run, inspect, update, prune, login, networks and volumes', () => {
    const exec = en('docker-compose exec -T db psql -U postgres');
    expect(exec.subcommand).toBe('compose exec');
    expect(shape(exec.parts)).toEqual(['subcommand:docker-compose', 'subcommand:exec', 'option:-T', 'argument:db', 'argument:psql', 'argument:-U', 'argument:postgres']);
    expect(exec.topics).toContain('compose-commands');
    // docker-compose takes Compose's own options before its subcommand, as docker compose does.
    const files = en('docker-compose --env-file .env -f docker-compose.yml -f docker-compose.prod.yml up -d --build');
    expect(files.subcommand).toBe('compose up');
    expect(shape(files.parts)).toEqual([
      'subcommand:docker-compose', 'option:--env-file', 'value:.env', 'option:-f', 'value:docker-compose.yml', 'option:-f', 'value:docker-compose.prod.yml',
      'subcommand:up', 'option:-d', 'option:--build',
    ]);
    const run = en('docker compose run --rm web npm install');
    expect(run.topics).toContain('utility-containers');
    expect(shape(en('docker inspect --type volume data').parts)).toEqual(['subcommand:inspect', 'option:--type', 'value:volume', 'argument:data']);
    expect(en('docker inspect --type volume data').parts[3]!.text).toContain('a container, image, volume or network');
    expect(en('docker update --memory 1g --restart unless-stopped web').topics).toEqual(expect.arrayContaining(['resource-limits', 'restart-policies']));
    expect(shape(en('docker volume prune -a -f').parts)).toEqual(['subcommand:volume prune', 'option:-a', 'option:-f']);
    expect(en('docker login -u alice --password-stdin registry.example.com').parts.at(-1)!.text).toBe('The registry, as host or host:port; without it, Docker Hub.');
    expect(ko('docker network connect --ip 172.20.0.5 app-net web').parts.map((part) => part.text).slice(-2)).toEqual(['대상 네트워크예요: 이름이나 ID.', '대상 컨테이너예요: 이름이나 ID(겹치지 않는 ID 앞부분만으로도 돼요).']);
    expect(en('docker compose port web 80').parts.at(-1)!.text).toBe('A container port (PORT or PORT/PROTOCOL).');
  });

  it('reads a flag letter with its value after "=", as docker does (-H=false)', () => {
    expect(shape(en('docker history -H=false nginx').parts)).toEqual(['subcommand:history', 'option:-H', 'value:false', 'image:nginx']);
  });

  it("reads cmd.exe's %cd% as a host folder the shell fills in, as it reads $PWD", () => {
    const explained = en('docker run -v "%cd%":/app -w /app node:22 npm install');
    expect(explained.parts[1]!.text).toBe("Bind mount: the folder you run the command from (%cd%) appears at /app in the container; both see and change the same files.");
    expect(en('docker run %IMAGE%').parts[1]).toMatchObject({ role: 'image', known: false, text: expect.stringContaining('shell variable') });
    expect(en('docker run -v data%1:/data alpine').parts[1]!.text).toContain('Mounts the volume');
  });

  it('explains mounts, variables and restart policies with their values', () => {
    const explained = en('docker run -v data:/var/lib/mysql:ro --mount type=bind,src=/srv/app,dst=/app -e DEBUG -e MODE=prod --restart on-failure:3 mysql');
    const texts = explained.parts.filter((part) => part.role === 'option').map((part) => part.text);
    expect(texts).toEqual([
      'Mounts the volume "data" at /var/lib/mysql; Docker creates it if missing, and it outlives the container. (read-only inside the container)',
      "Bind mount: the host's /srv/app appears at /app in the container; both see and change the same files.",
      'Copies the environment variable DEBUG from the shell that runs docker into the container (left out if it isn\'t set there).',
      'Sets the environment variable MODE to "prod" inside the container.',
      'Restarts the container when it exits with an error (non-zero code), at most 3 times.',
    ]);
  });


  it("tells rename's new name from the container, and top's ps options from a program's arguments", () => {
    expect(en('docker rename web web-old').parts.map((part) => part.text).slice(1)).toEqual([
      'The container it acts on: a name or an ID (a unique prefix of the ID is enough).',
      'The new name it gets.',
    ]);
    const top = en('docker container top web -o pid,cmd').parts;
    expect(top.slice(2).map((part) => part.text)).toEqual([
      'Handed to ps, which lists the processes (ps options such as aux or -o pid,cmd); without any, ps -ef.',
      'Handed to ps, which lists the processes (ps options such as aux or -o pid,cmd); without any, ps -ef.',
    ]);
  });

  it('reads build --platform with several platforms as one multi-platform image, and with one as that platform', () => {
    const several = en('docker buildx build --platform linux/amd64,linux/arm64 -t me/app:1.0 --push .');
    expect(several.parts[2]!.text).toContain('one multi-platform image');
    expect(several.effects.at(-1)).toBe('The built image is also pushed to the registry its name points to; log in there first (docker login). A docker-container builder keeps no local copy unless --load is given too.');
    expect(en('docker build --platform linux/arm64 .').parts[1]!.text).toBe('Builds the image for the platform linux/arm64 (OS/architecture).');
    expect(en('docker run --platform linux/arm64 alpine').parts[1]!.text).toBe('Uses the image variant for the platform linux/arm64 (OS/architecture).');
  });

  it('says what an option that makes the command do something else does, instead of the command\'s usual effect', () => {
    const checked = en('docker build --check .');
    expect(checked.effects).toEqual(['Nothing is built: the builder reads the Dockerfile and the build options, prints what the build checks find, and stores no image.']);
    expect(en('docker build .').effects[0]).toContain('stores the resulting image');
  });

  it('reads a flag written out with =false as turned off, and with =true as the flag alone', () => {
    const attached = en('docker attach --sig-proxy=false web');
    expect(attached.parts.find((part) => part.token === '--sig-proxy')!.text).toMatch(/^Turned off here \(=false\)\. Switched on, it would do this: Passes signals/);
    expect(attached.parts.find((part) => part.token === 'false')!.text).toBe('=false turns --sig-proxy off, also where it is on by default.');
    const detached = ko('docker run --detach=true nginx');
    expect(detached.parts.find((part) => part.token === '--detach')!.text).toContain('백그라운드');
    expect(detached.parts.find((part) => part.token === 'true')!.text).toBe('=true는 --detach만 쓴 것과 같아요.');
    expect(en('docker run --privileged=false alpine').parts.find((part) => part.token === '--privileged')!.text).toMatch(/^Turned off here/);
  });

  it('tells a program after the image from the ENTRYPOINT arguments that start with a dash, and exec\'s program from run\'s', () => {
    const mysql = en('docker run -d -e MYSQL_ROOT_PASSWORD=pw mysql:8 --character-set-server=utf8mb4');
    expect(mysql.parts.find((part) => part.token === '--character-set-server=utf8mb4')!.text).toContain("handed to the image's ENTRYPOINT");
    expect(en('docker run --rm alpine ls /').parts.find((part) => part.token === 'ls')!.text).toContain("What the container runs in place of its default command");
    const exec = ko('docker exec -it db psql -U postgres');
    expect(exec.parts.find((part) => part.token === 'psql')!.text).toBe('실행 중인 컨테이너 안에서 실행할 프로그램이에요. 메인 프로세스와 별개의 프로세스로 돌아요.');
  });

  it('keeps unquoted Windows paths and documentation placeholders as written, instead of reading them as bash would', () => {
    const windows = en('docker run -it --name test1 -v C:\\Users\\ishan\\Documents\\docker_test:/data alpine');
    expect(windows.parts.find((part) => part.role === 'value' && part.token.startsWith('C:'))!.token).toBe('C:\\Users\\ishan\\Documents\\docker_test:/data');
    expect(windows.image?.reference).toBe('alpine');
    expect(en('docker build --rm -t wine:18.04 .\\conf\\docker\\wine').parts.at(-1)!.token, 'a relative Windows folder too').toBe('.\\conf\\docker\\wine');
    const tagged = en('docker build -t docker.io/<you>/kit:2.0.5 -t docker.io/<you>/kit:latest .');
    expect(shape(tagged.parts)).toEqual(['subcommand:build', 'option:-t', 'value:docker.io/<you>/kit:2.0.5', 'option:-t', 'value:docker.io/<you>/kit:latest', 'argument:.']);
    const placeholder = ko('docker run --gpus all -it nvcr.io/nvidia/pytorch:<tag>-py3 bash');
    expect(placeholder.parts.find((part) => part.role === 'image')!.text).toContain('꺾쇠괄호까지 포함해서 실제 값으로 바꾸세요');
    expect(placeholder.parts.at(-1)!.token).toBe('bash');
    // A real redirection still ends the command.
    expect(en('docker exec -i db mysql -uroot < dump.sql').parts.at(-1)!.token).toBe('-uroot');
  });

  it('names the current folder of a bind mount from $(pwd), $PWD, %cd% or ., and a folder under it as such', () => {
    expect(ko('docker run -v $(pwd):/app node').parts[1]!.text).toContain('명령을 실행한 현재 폴더($(pwd))가 컨테이너의 /app에 보여요');
    expect(en('docker run -v %cd%:/app node').parts[1]!.text).toContain('the folder you run the command from (%cd%)');
    expect(en('docker run -v $(pwd)/src:/app node').parts[1]!.text).toContain('src in the folder you run the command from ($(pwd)) appears at /app');
  });

  it('says that nothing starts when docker run names no image, as when a line lost its backslash', () => {
    expect(en('docker run -it --name web').effects).toEqual([
      'Nothing starts: docker run names no image here, so docker refuses the line ("requires at least 1 argument"). If the image was on a following line, join the lines with \\ (^ in cmd, ` in PowerShell).',
    ]);
    expect(en('docker run --help').effects.join(' ')).not.toContain('Nothing starts');
    expect(en('docker run -d nginx').effects.join(' ')).not.toContain('Nothing starts');
  });

  it('says what an image would start, not that the line is refused, when a question asks about the options ("docker run -it 뜻")', () => {
    expect(ko('docker run -it 뜻').effects).toEqual(['옵션 뒤에 이미지를 붙이면(docker run … 이미지) 그 이미지로 컨테이너를 띄워요. 이미지가 있어야 docker가 실행해요.']);
    expect(en('what does docker run -it mean?').effects.join(' ')).not.toContain('Nothing starts');
  });

  it('says that an option of the subcommand typed before it belongs after it', () => {
    const early = en('sudo docker -it exec web /bin/bash');
    expect(early.parts[0]!.text).toBe("-i belongs after the subcommand: before it only docker's own options go, and docker has no -i of its own, so it refuses the line. Write it after docker exec.");
    expect(early.subcommand).toBe('exec');
    // docker's own options stay explained where they belong.
    expect(en('docker -H ssh://me@server ps').parts[0]!.known).toBe(true);
  });

  it('names the option a typeset dash stands for, and reads the rest of the line as written', () => {
    const pasted = en('docker run -it –log-opt max-size=10k –name log-test ubuntu:14.04');
    expect(shape(pasted.parts)).toEqual(['subcommand:run', 'option:-i', 'option:-t', 'option:–log-opt?', 'option:–name?', 'image:ubuntu:14.04']);
    expect(pasted.parts[3]!.text).toContain('Type --log-opt.');
    expect(pasted.image?.reference).toBe('ubuntu:14.04');
    expect(ko('docker run —rm alpine').parts[1]!.text).toContain('--rm처럼 직접 입력하세요');
  });

  it('never promises a confirmation prompt that -f skips, nor cached layers that --no-cache refuses', () => {
    const pruned = en('docker system prune -af --volumes').effects.join(' ');
    expect(pruned).toContain('Without asking, the unused objects are deleted for good');
    expect(pruned, 'said once, with -f').not.toContain('confirmation');
    expect(en('docker system prune --volumes').effects.join(' ')).toContain('After a confirmation prompt (none with -f)');
    expect(en('docker system prune -a').parts[0]!.text, 'says what it keeps').toContain('Named volumes and their data stay; --volumes also removes unused anonymous ones.');
    expect(ko('docker image prune -a -f').effects.join(' ')).toContain('묻지 않고 바로 이미지를 완전히 지워요');
    expect(en('docker build --no-cache -t app .').effects[0]).toContain('unless --no-cache');
  });

  it('explains docker events and the docker context commands, naming a context as a Docker context, not a build context', () => {
    const events = en('docker events --filter event=die --since 10m');
    expect(events.parts.every((part) => part.known)).toBe(true);
    expect(events.topics).toContain('docker-events');
    const use = en('docker context use prod');
    expect(use.parts[1]).toMatchObject({ token: 'prod', role: 'argument', known: true });
    expect(use.parts[1]!.text).toContain('Docker context');
    expect(use.effects[0]).toContain('every terminal');
    expect(en('docker context create prod --docker host=ssh://deploy@203.0.113.10').parts.every((part) => part.known)).toBe(true);
  });

  it('explains a swarm service line: the image as an image, -p as a port on every node of the swarm, and the service in Korean too', () => {
    const created = en('docker service create --name web --replicas 3 -p 8080:80 nginx:1.27');
    expect(created.subcommand).toBe('service create');
    expect(shape(created.parts)).toEqual(['subcommand:service create', 'option:--name', 'value:web', 'option:--replicas', 'value:3', 'option:-p', 'value:8080:80', 'image:nginx:1.27']);
    expect(created.parts[5]!.text).toBe("Publishes the service's port 80/tcp on port 8080 of every node in the swarm; the routing mesh passes each connection on to a running task.");
    expect(created.parts[6]!.text).toBe('Host port 8080 → container port 80.');
    expect(created.image).toEqual({ reference: 'nginx:1.27', registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: null });
    expect(created.topics).toEqual(expect.arrayContaining(['orchestration', 'image-names']));
    expect(created.warnings).toEqual([]);
    expect(en('docker service create -p published=8080,target=80,mode=host nginx').parts[1]!.text).toContain('only the nodes running its tasks');
    expect(en('docker service create alpine ping -c 3 docker.com').parts.slice(2).map((part) => part.role)).toEqual(['argument', 'argument', 'argument', 'argument']);
    const korean = ko('docker service create --name web --replicas 3 -p 8080:80 nginx:1.27');
    expect(korean.parts[0]!.text).toContain('swarm 서비스를 만들어요');
    expect(korean.parts[5]!.text).toBe('서비스의 80/tcp 포트를 swarm에 있는 모든 노드의 8080 포트로 공개해요. 라우팅 메시가 연결을 실행 중인 태스크로 넘겨줘요.');
  });

  it('reads the stack name of docker stack deploy as a name and the file after -c as its value, and says .env is not read', () => {
    const deployed = en('docker stack deploy -c compose.yaml app');
    expect(deployed.subcommand).toBe('stack deploy');
    expect(shape(deployed.parts)).toEqual(['subcommand:stack deploy', 'option:-c', 'value:compose.yaml', 'argument:app']);
    expect(deployed.parts[3]!.text).toBe('The name of what is being created.');
    expect(deployed.image).toBeNull();
    expect(deployed.effects[0]).toContain('not from an .env file');
    expect(en('docker stack up -c compose.yaml app').subcommand).toBe('stack deploy');
    expect(en('docker stack rm app').parts[1]!.text).toContain('The stack it acts on');
  });

  it('reads docker swarm join as a token and a manager address, and the join-token role as worker or manager', () => {
    const joined = en('docker swarm join --token SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx 192.168.99.121:2377');
    expect(joined.subcommand).toBe('swarm join');
    expect(shape(joined.parts)).toEqual(['subcommand:swarm join', 'option:--token', 'value:SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx', 'argument:192.168.99.121:2377']);
    expect(joined.parts[1]!.text).toContain('a manager token a manager');
    expect(joined.parts[3]!.text).toBe('A manager of the swarm to join, as HOST:PORT (port 2377 when left out).');
    expect(joined.image).toBeNull();
    expect(en('docker swarm join-token -q manager').parts.at(-1)!.text).toContain('worker or manager');
  });

  it('says that service update --rollback goes back to the previous settings instead of applying new ones', () => {
    const rolledBack = en('docker service update --rollback web');
    expect(rolledBack.effects).toHaveLength(1);
    expect(rolledBack.effects[0]).toContain('Nothing new is applied');
    expect(rolledBack.parts[2]!.text).toContain('The swarm service it acts on');
    expect(en('docker service update --image nginx:1.27 web').effects[0]).toContain('a batch at a time');
  });

  it('explains docker buildx create part by part: buildx, the builder it creates, and --use making it the current one', () => {
    const created = en('docker buildx create --name multi --driver docker-container --use');
    expect(created.subcommand).toBe('buildx create');
    expect(shape(created.parts)).toEqual(['subcommand:buildx', 'subcommand:create', 'option:--name', 'value:multi', 'option:--driver', 'value:docker-container', 'option:--use']);
    expect(created.parts[0]!.text).toContain('the CLI plugin that builds with BuildKit');
    expect(created.parts[1]!.text).toContain('Creates a builder');
    expect(created.parts[4]!.text).toContain('docker-container (the default');
    expect(created.parts[4]!.text).toContain('only with --load');
    expect(created.effects).toHaveLength(2);
    expect(created.effects[0]).toContain('prints its name');
    expect(created.effects[1]).toBe('Builds in this Docker context now run on the new builder, until docker buildx use picks another.');
    expect(created.topics).toContain('buildx-platform');
    expect(created.image).toBeNull();
    expect(created.warnings).toEqual([]);
    const korean = ko('docker buildx create --name multi --driver docker-container --use');
    expect(korean.parts[1]!.text).toContain('빌더를 만들어요');
    expect(korean.effects[1]).toContain('새 빌더에서 실행돼요');
  });

  it("reads buildx's own options before its subcommand, its builder names as builders, and an unknown buildx subcommand as unknown", () => {
    expect(shape(en('docker buildx --builder multi ls').parts)).toEqual(['subcommand:buildx', 'option:--builder', 'value:multi', 'subcommand:ls']);
    expect(shape(en('docker buildx inspect multi --bootstrap').parts)).toEqual(['subcommand:buildx', 'subcommand:inspect', 'argument:multi', 'option:--bootstrap']);
    expect(en('docker buildx rm multi').parts[2]!.text).toContain('a name from docker buildx ls');
    expect(en('docker buildx prune -af --builder multi').parts.every((part) => part.known)).toBe(true);
    const unknown = en('docker buildx history ls');
    expect(unknown.subcommand).toBe('buildx history');
    expect(shape(unknown.parts)).toEqual(['subcommand:buildx', 'subcommand:history?', 'argument:ls?']);
  });

  it("knows the buildx-only build options a CI job passes, and buildx's short b for build", () => {
    const ci = en('docker buildx build --builder multi --metadata-file meta.json --attest type=sbom --allow network.host --annotation org.opencontainers.image.title=app -D -t me/app:1 --push .');
    expect(ci.subcommand).toBe('build');
    expect(ci.parts.every((part) => part.known)).toBe(true);
    expect(ci.parts.find((part) => part.text.includes('JSON file'))).toBeDefined();
    expect(en('docker buildx b -t me/app .').subcommand).toBe('build');
  });

  it('explains docker buildx imagetools inspect as reading the image from the registry without pulling it', () => {
    const inspected = en('docker buildx imagetools inspect nginx:1.27');
    expect(inspected.subcommand).toBe('buildx imagetools inspect');
    expect(shape(inspected.parts)).toEqual(['subcommand:buildx', 'subcommand:imagetools inspect', 'image:nginx:1.27']);
    expect(inspected.parts[1]!.text).toContain('straight from the registry without pulling it');
    expect(inspected.image).toEqual({ reference: 'nginx:1.27', registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: null });
    expect(inspected.topics).toEqual(expect.arrayContaining(['manifests', 'image-names']));
    expect(inspected.effects).toEqual([]);
    expect(ko('docker buildx imagetools inspect nginx:1.27').parts[1]!.text).toContain('이미지를 받지 않고');
    expect(en('docker buildx imagetools create -t me/app:1.0 me/app:amd64 me/app:arm64').effects[0]).toContain('pushed to the registry');
  });

  it('explains docker buildx bake -f with its file and --push pushing every built image', () => {
    const baked = en('docker buildx bake -f docker-bake.hcl --push');
    expect(baked.subcommand).toBe('buildx bake');
    expect(shape(baked.parts)).toEqual(['subcommand:buildx', 'subcommand:bake', 'option:-f', 'value:docker-bake.hcl', 'option:--push']);
    expect(baked.parts[1]!.text).toContain('Builds several images at once');
    expect(baked.parts[2]!.text).toBe('Reads this build definition file (HCL, JSON or Compose) instead of the default files; given several times, all of them are read and combined.');
    expect(baked.effects).toEqual([
      'Without -f it reads every default file it finds in the current folder (compose.yaml, docker-bake.hcl, docker-bake.override.hcl…) and merges them; without a target it builds the group or target named default.',
      'The built images are also pushed to the registries their names point to; log in there first (docker login).',
    ]);
    expect(baked.topics).toEqual(expect.arrayContaining(['ci-build-push', 'registries']));
    expect(en('docker buildx bake --print app').effects).toEqual(['Nothing is built: it only prints the resolved targets as JSON.']);
    expect(en('docker buildx bake app').parts[2]!.text).toContain('A target or group');
    expect(ko('docker buildx bake -f docker-bake.hcl --push').effects[1]).toContain('레지스트리에도 올려요');
  });

  it('explains docker scout quickview part by part: scout as a part of its own, the overview it prints, and the image it looks at', () => {
    const viewed = en('docker scout quickview nginx:1.27');
    expect(viewed.subcommand).toBe('scout quickview');
    expect(shape(viewed.parts)).toEqual(['subcommand:scout', 'subcommand:quickview', 'image:nginx:1.27']);
    expect(viewed.parts[0]!.text).toContain('known vulnerabilities (CVEs)');
    expect(viewed.parts[1]!.text).toContain('counted by severity next to its base image');
    expect(viewed.image).toEqual({ reference: 'nginx:1.27', registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: null });
    expect(viewed.effects).toEqual(['An image named without a prefix is the local one if there is one, or else the one in its registry (image://, the default).']);
    expect(viewed.topics).toEqual(expect.arrayContaining(['image-scanning', 'image-names']));
    expect(viewed.warnings).toEqual([]);
    expect(en('docker scout qv').subcommand).toBe('scout quickview');
    expect(shape(en('docker scout --debug cves').parts)).toEqual(['subcommand:scout', 'option:--debug', 'subcommand:cves']);
    const korean = ko('docker scout quickview nginx:1.27');
    expect(korean.parts[1]!.text).toContain('심각도별로 보여주고');
    expect(korean.effects[0]).toContain('없으면 레지스트리의 이미지를 써요');
  });

  it('explains docker scout cves --only-severity and --only-fixed as narrowing the CVEs it lists, every part known', () => {
    const listed = en('docker scout cves --only-severity critical,high --only-fixed myapp:1.0');
    expect(listed.subcommand).toBe('scout cves');
    expect(shape(listed.parts)).toEqual(['subcommand:scout', 'subcommand:cves', 'option:--only-severity', 'value:critical,high', 'option:--only-fixed', 'image:myapp:1.0']);
    expect(listed.parts[1]!.text).toContain('grouped by package');
    expect(listed.parts[2]!.text).toBe('Shows only the CVEs of these severities (a comma-separated list of critical, high, medium, low and unspecified).');
    expect(listed.parts[4]!.text).toContain('already have a fixed version');
    expect(listed.image).toMatchObject({ repository: 'library/myapp', tag: '1.0' });
    expect(listed.topics).toContain('image-scanning');
    const korean = ko('docker scout cves --only-severity critical,high --only-fixed myapp:1.0');
    expect(korean.parts[2]!.text).toContain('이 심각도의 CVE만 보여줘요');
    expect(korean.parts[4]!.text).toContain('이미 고친 버전이 나와서');
    expect(en('docker scout cves -e --format sarif -o report.json myapp:1.0').effects.at(-1)).toContain('exit code 2');
    expect(en('docker scout recommendations --only-refresh myapp:1.0').parts.every((part) => part.known)).toBe(true);
    expect(en('docker scout compare --to myapp:1.0 -x vulnerability myapp:1.1').parts.every((part) => part.known)).toBe(true);
  });

  it("says what a Scout source prefix such as local:// or fs:// means instead of misreading it as an invalid image name", () => {
    const local = en('docker scout cves local://myapp:1.0');
    expect(shape(local.parts)).toEqual(['subcommand:scout', 'subcommand:cves', 'image:local://myapp:1.0']);
    expect(local.parts[2]!.text).toBe('local:// takes an image from the local image store only, without looking in a registry. Gorae splits only image names without a prefix, so it says no more about the rest.');
    expect(local.image).toBeNull();
    expect(en('docker scout quickview fs://.').parts[2]!.text).toContain('a local folder or file');
    expect(ko('docker scout cves archive://alpine.tar').parts[2]!.text).toContain('docker save로 만든 tar 아카이브');
    expect(en('docker run local://myapp:1.0').parts[1]!.known).toBe(false);
  });

  it('explains docker init as writing four starter files after a few questions, and --version as printing the version instead', () => {
    const created = en('docker init');
    expect(created.subcommand).toBe('init');
    expect(shape(created.parts)).toEqual(['subcommand:init']);
    expect(created.parts[0]!.text).toContain('Creates starter Docker files');
    expect(created.effects).toEqual([
      "It writes .dockerignore, Dockerfile, compose.yaml and README.Docker.md; if any of them exists, it warns and asks before overwriting them all, and overwritten files can't be recovered.",
    ]);
    expect(created.topics).toEqual(expect.arrayContaining(['docker-init', 'dockerfile-build', 'compose-basics']));
    expect(created.image).toBeNull();
    expect(ko('docker init').effects[0]).toContain('덮어쓴 파일은 되살릴 수 없어요');
    const version = en('docker init --version');
    expect(version.parts.every((part) => part.known)).toBe(true);
    expect(version.effects).toEqual(["Nothing is created: it only prints the init plugin's version."]);
  });

  it('answers not-a-command for text without a docker command', () => {
    expect(en('how do I learn Docker?')).toMatchObject({ status: 'not-a-command', subcommand: null, image: null, parts: [] });
  });

  it('links only topics the knowledge base holds', () => {
    const knownTopics = en('docker run -d -p 80:80 -v data:/data --network app nginx').topics;
    expect(knownTopics.length).toBeGreaterThan(0);
    for (const id of knownTopics) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('explaining what the shell and docker make of the words as typed', () => {
  it('says -e KEY=$VAR gets the host value the shell fills in, not the text', () => {
    const part = en('docker run -e OPENAI_API_KEY=$OPENAI_API_KEY --rm myimg').parts.find((each) => each.token.startsWith('-e'))!;
    expect(part.text).toBe(
      "Sets the environment variable OPENAI_API_KEY inside the container. Unless the value is in single quotes, your shell first replaces $OPENAI_API_KEY there with the host's values of its variables (empty where one isn't set): the container gets those, not the text.",
    );
    expect(en('docker run -e MODE=prod myimg').parts.find((each) => each.token.startsWith('-e'))!.text).toBe('Sets the environment variable MODE to "prod" inside the container.');
    expect(en('docker run -e TAG=$(git rev-parse HEAD) myapp').parts.find((each) => each.token.startsWith('-e'))!.text, 'a command run, not a variable').toContain(
      'the shell first replaces $(git rev-parse HEAD) with what git rev-parse HEAD prints',
    );
  });

  it("warns that docker's own option right after the image is handed to the container, as docker's if meant so, and leaves the program's own options alone", () => {
    const late = en('docker run my-notebook -p 8888:8888 --gpus all');
    expect(late.warnings).toEqual([
      {
        token: '-p',
        text: "-p comes after the image my-notebook, so docker doesn't read it: it goes to the container's program (the image's ENTRYPOINT or command) as an argument. If you meant docker's own -p, put it before the image.",
      },
    ]);
    expect(ko('docker run myapp -d').warnings.map((warning) => warning.text)).toEqual([
      '-d 옵션이 이미지 myapp 뒤에 있어서 docker가 읽지 않아요. 이 단어는 컨테이너 프로그램(이미지의 ENTRYPOINT나 명령)에 인자로 넘어가요. docker의 -d 옵션을 쓰려던 거라면 이미지 앞에 적으세요.',
    ]);
    for (const line of ['docker run --rm postgres -c max_connections=200', 'docker run -it ubuntu bash -l', 'docker run alpine ls -la', 'docker run mysql --character-set-server=utf8mb4']) {
      expect(en(line).warnings.map((warning) => warning.token), line).not.toContain(line.split(' ').find((word, k) => k > 2 && word.startsWith('-')));
    }
  });
});
