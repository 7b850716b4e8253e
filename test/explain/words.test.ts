import { describe, expect, it } from 'vitest';
import { findCommand } from '../../bot/explain/words.js';

const words = (text: string) => findCommand(text)?.words;

describe('finding the Docker command in pasted text', () => {
  it('drops a prompt, sudo and variable assignments in front of docker', () => {
    expect(words('$ sudo docker ps -a')).toEqual(['docker', 'ps', '-a']);
    expect(words('user@host:~$ docker images')).toEqual(['docker', 'images']);
    expect(words('DOCKER_BUILDKIT=1 docker build -t app .')).toEqual(['docker', 'build', '-t', 'app', '.']);
  });

  it('keeps the variable assignments in front of docker apart, as typed, for the explanation', () => {
    expect(findCommand('COMPOSE_PROFILES=worker TAG="1.2 rc" docker compose up -d')?.variables).toEqual(['COMPOSE_PROFILES=worker', 'TAG=1.2 rc']);
    expect(findCommand('$ sudo DOCKER_HOST=ssh://me@server docker ps')?.variables).toEqual(['DOCKER_HOST=ssh://me@server']);
    expect(findCommand('docker run -e A=1 alpine')?.variables).toBeUndefined();
  });

  it('joins backslash continuations and option lines that lost their backslash', () => {
    expect(words('docker run \\\n  -d \\\n  --name db \\\n  postgres:16')).toEqual(['docker', 'run', '-d', '--name', 'db', 'postgres:16']);
    expect(words('docker run\n  -p 80:80\n  nginx')).toEqual(['docker', 'run', '-p', '80:80', 'nginx']);
    expect(words('docker ps\ndocker images')).toEqual(['docker', 'ps']);
    expect(words('docker run `\n -it alpine')).toEqual(['docker', 'run', '-it', 'alpine']);
  });

  it('keeps quoted words whole and shell expansions as typed', () => {
    expect(words(`docker run -e "GREETING=hello world" -v $(pwd):/app -v \${PWD}/data:/data -w "$HOME" img sh -c 'echo hi; ls'`)).toEqual([
      'docker', 'run', '-e', 'GREETING=hello world', '-v', '$(pwd):/app', '-v', '${PWD}/data:/data', '-w', '$HOME', 'img', 'sh', '-c', 'echo hi; ls',
    ]);
  });

  it('ends the command at a pipe, a redirection or a second command', () => {
    expect(words('docker ps -q | xargs docker stop')).toEqual(['docker', 'ps', '-q']);
    expect(words('docker build . 2>&1 && echo done')).toEqual(['docker', 'build', '.']);
  });

  it('keeps what the shell does after the command as typed, from its first operator on', () => {
    expect(findCommand('docker ps -q | xargs docker stop')?.shell).toBe('| xargs docker stop');
    expect(findCommand('docker build . 2>&1 && echo done')?.shell).toBe('2>&1 && echo done');
    expect(findCommand('docker load < busybox.tar')?.shell).toBe('< busybox.tar');
    expect(findCommand('docker logs web>out.log')?.shell).toBe('>out.log');
  });

  it('reads an unclosed ${ as typed instead of failing', () => {
    expect(words('docker run -e X=${HOME img')).toEqual(['docker', 'run', '-e', 'X=${HOME', 'img']);
  });

  it('takes what is piped in from before the command, without a prompt, and nothing from a question around it', () => {
    expect(findCommand('user@host:~$ cat x.sql | docker exec -i db psql')?.fed).toBe('cat x.sql |');
    expect(findCommand('gunzip -c app.tar.gz | docker load')?.fed).toBe('gunzip -c app.tar.gz |');
    expect(findCommand('what does cat dump.sql | docker exec -i db psql do?')?.fed).toBeUndefined();
    expect(findCommand('make || docker ps')?.fed).toBeUndefined();
  });

  it('finds no shell part in quotes, expansions or placeholders', () => {
    expect(findCommand(`docker ps --format "{{.Names}}|{{.Status}}" --filter 'name=a;b'`)?.shell).toBeUndefined();
    expect(findCommand('docker run -v $(pwd):/app img sh -c "a && b"')?.shell).toBeUndefined();
    expect(findCommand('docker pull docker.io/<you>/app:<tag>')?.shell).toBeUndefined();
  });

  it('cuts the question around the command, in Korean and in English', () => {
    expect(findCommand('docker run -d -p 8080:80 nginx 이게 무슨 뜻이야?')?.line).toBe('docker run -d -p 8080:80 nginx');
    expect(findCommand('what does docker run --rm -it alpine sh do?')?.line).toBe('docker run --rm -it alpine sh');
    expect(findCommand('docker run -d nginx?')?.line).toBe('docker run -d nginx');
    expect(findCommand('what does docker images --digests show?')?.line, "the question's verb").toBe('docker images --digests');
    expect(findCommand('docker images --digests show?')?.line, 'no question asked about it').toBe('docker images --digests show');
    expect(findCommand('is docker run --rm safe?')?.line).toBe('docker run --rm');
    expect(words('docker run alpine echo "안녕 하세요" 이건 뭐야')).toEqual(['docker', 'run', 'alpine', 'echo', '안녕 하세요']);
  });

  it('prefers the command inside a code block', () => {
    expect(words('이거 실행하면 어떻게 돼?\n```bash\ndocker run --rm hello-world\n```')).toEqual(['docker', 'run', '--rm', 'hello-world']);
    expect(words('what is `docker compose up -d` for')).toEqual(['docker', 'compose', 'up', '-d']);
  });

  it('finds nothing in text without a docker command', () => {
    expect(findCommand('how do I install Docker on Ubuntu')).toBeUndefined();
    expect(findCommand('dockerfile FROM alpine')).toBeUndefined();
  });
});
