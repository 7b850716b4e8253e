import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../bot/explain/catalogue.js';
import { holdsCommand } from '../../bot/explain/route.js';
import type { Knowledge } from '../../bot/knowledge/knowledge.js';
import { realCatalogue } from '../support/catalogue.js';
import { realKnowledge } from '../support/knowledge.js';

let catalogue: Catalogue;
let knowledge: Knowledge;
beforeAll(async () => {
  [catalogue, knowledge] = await Promise.all([realCatalogue(), realKnowledge()]);
});
const trouble = (text: string) => knowledge.asksAboutOutcome(text);

describe('telling a pasted command from a question about one', () => {
  it.each([
    'docker run -d -p 8080:80 nginx 이게 무슨 뜻이야?',
    'what does docker run --rm -it alpine sh do?',
    '$ docker pull nginx:1.25',
    'docker run alpine ls',
    '```\ndocker compose up -d\n```',
    'sudo docker logs web',
    'docker build .',
    'docker rm web db cache',
    'docker run -it ubuntu 이게 뭐야?',
    "docker run alpine sh -c 'echo not found'",
    'docker inspect -f {{.State}} web',
    'docker stop it',
    'docker compose up web db',
    'docker run --rm alpine echo this or that',
    'cat app.log | docker exec -i web grep -c error',
    'DOCKER_BUILDKIT=0 docker build -t app . 2>&1 | grep -i error',
    'COMPOSE_PROFILES=worker docker compose up web',
    'docker logs web 2>&1 | grep error',
    'docker exec dind docker ps',
    'docker run -d \\\n  -e LOG_LEVEL=error \\\n  --name web \\\n  nginx',
    'docker run -d nginx\n이게 뭐야?',
    'docker run -d nginx 하면 어떻게 돼요?',
    'docker run -d -p 80:80 nginx 이런 게 있는데 무슨 뜻이에요?',
    'docker compose down -v 하면 볼륨도 지워지겠는데 맞나요?',
    'docker run --rm ^\n  alpine sh -c "test -f /x || echo not found"',
    'docker run --rm alpine\n    sh -c "ls /nope || echo failed"',
    'docker run ubuntu top',
    'docker logs web',
    'docker logs search',
    'docker rm init',
    'docker compose logs search',
    'docker compose up proxy init',
    'docker exec web ls examples',
    'docker run myapp examples',
  ])('explains %s', (text) => {
    expect(holdsCommand(text, catalogue, trouble)).toBe(true);
  });

  it.each([
    'docker run vs docker start',
    'docker run vs start',
    'what does docker run do?',
    'docker ps 컬럼이 뭐야',
    'how to use docker',
    'docker ps not showing my container',
    'docker logs too big how to rotate',
    'docker build takes forever',
    "docker run hello-world doesn't work",
    'docker compose up fails',
    'docker pull nginx not working',
    'docker ps -a 했는데 아무것도 안 나와요',
    'docker run -d -p 80:80 nginx 했는데 접속이 안돼요',
    'docker stop doesnt stop my container',
    'docker compose up ignores my env file',
    'docker logs the container is empty',
    'docker run exits immediately',
    'docker compose up crashes',
    'docker run -d ubuntu 했는데 Exited (0) 떠요 왜 그래요?',
    'why does docker run -d ubuntu exit right away',
    'docker run -v or --mount which is better',
    'docker run -p vs --publish-all',
    'docker exec into a stopped container',
    'docker run in the background',
    'docker run -v 랑 --mount 중에 뭐가 나아요?',
    'docker compose logs only last 50 lines',
    'docker stats shows 99% memory',
    'docker inspect says OOMKilled true',
    'is docker exec -it better than docker attach?',
    'What is the difference between docker run -it and docker exec -it',
    'Should I use docker run --rm or docker rm afterwards?',
    'docker run -p 8080:80 nginx 했는데 localhost:8080 안들어가짐',
    'docker logs -f web 치니까 아무것도 안나와요',
    'docker run -it ubuntu 로 들어갔는데 나오면 컨테이너 꺼짐',
    '$ docker buildx build --platform linux/amd64,linux/arm64 -t acme/app:latest .\nERROR: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
    '$ docker compose -f docker-compose.yml up\nvalidating /home/dev/proj/docker-compose.yml: services.web.ports must be a array',
    'docker run -d ubuntu 실행했는데 docker ps에 안보임',
    "$ docker run -it --rm myorg/tool:2.3\nWARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8)\nexec /app/tool: exec format error",
    '$ docker-compose up -d\nCreating network "inventory_default" with the default driver\nERROR: could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
    'docker logs just the errors',
    'docker images which ones can I delete',
    'docker save load example',
    'docker stop kill',
    'docker rm rmi',
    'docker cp 사용법',
    'docker tag examples',
  ])('leaves %s to the knowledge base', (text) => {
    expect(holdsCommand(text, catalogue, trouble)).toBe(false);
  });
});
