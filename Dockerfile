# Gorae's container image: build with the dev tools, ship only what runs.
# Base: the official Node.js 24 LTS on Debian 12 "bookworm", slim variant (no compilers, no docs).
# Pin a digest (node:24-bookworm-slim@sha256:…) when your registry policy asks for it.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY locales ./locales
RUN npm run build

# Production dependencies alone, in their own stage so npm's cache never reaches the final image.
# --omit=optional too: TypeScript is an optional peer of i18next (30 MB the bot never loads), and
# the other optional packages are ssh2's native speed-ups, which need a compiler this image lacks.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --loglevel=error

FROM node:24-bookworm-slim
# tini is PID 1: it forwards SIGTERM/SIGINT to Node and reaps children, so `docker stop` is prompt.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/log/apt /var/log/dpkg.log
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/bot ./dist/bot
COPY --from=build /app/dist/locales ./dist/locales
COPY knowledge ./knowledge
# /data holds what must outlive the container (exchange folder, audit log, unanswered questions);
# it belongs to the `node` user so a named volume mounted there starts out writable.
RUN mkdir -p /data/exchange && chown -R node:node /data

ENV NODE_ENV=production \
    GORAE_EXCHANGE_DIR=/data/exchange \
    GORAE_AUDIT_LOG=/data/audit.jsonl \
    GORAE_GAPS_FILE=/data/gaps.jsonl \
    GORAE_HEALTH_FILE=/tmp/gorae-health.json

# The official image's unprivileged user (uid 1000).
USER node

# Healthy = knowledge loaded, Discord gateway ready, state refreshed recently (see bot/health.ts).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "/app/dist/bot/main.js", "health"]

ENTRYPOINT ["/usr/bin/tini", "--", "node", "/app/dist/bot/main.js"]

LABEL org.opencontainers.image.title="Gorae" \
      org.opencontainers.image.description="A bilingual (Korean/English) Docker assistant for Discord and the terminal" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="docker.io/library/node:24-bookworm-slim"
