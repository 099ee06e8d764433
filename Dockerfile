# syntax=docker/dockerfile:1
# Tidewatch: multi-stage build. `docker build -t tidewatch .` then see docker-compose.yml.
# Stages: build (everything, compiles server + web), deps (production dependencies of the server
# only), runtime (node, those dependencies, the compiled code; runs as the unprivileged `node`).
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install all workspaces and compile --------------------------------------------------
FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# Manifests first: the dependency layer is reused until a package.json or the lock file changes.
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/triggers/package.json packages/triggers/
COPY packages/api-client/package.json packages/api-client/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY test/package.json test/
# npm ci with the base image's npm 10 (npm 11 rejects a lock without other platforms' optional binaries).
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --output-style=stream

# ---- deps: production dependencies of the server (no web, test or build tooling) ---------------
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/package.json /src/package-lock.json ./
COPY --from=build /src/packages/core/package.json packages/core/
COPY --from=build /src/packages/triggers/package.json packages/triggers/
COPY --from=build /src/packages/api-client/package.json packages/api-client/
COPY --from=build /src/apps/server/package.json apps/server/
COPY --from=build /src/apps/web/package.json apps/web/
COPY --from=build /src/test/package.json test/
RUN npm ci --omit=dev --workspace=@tidewatch/server --include-workspace-root=false --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime --------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    TIDEWATCH_DATA_DIR=/data \
    TIDEWATCH_SERVER_PORT=3000
WORKDIR /app
# node_modules holds symlinks to the workspace packages below (@tidewatch/core, …/triggers).
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/package.json ./
COPY --from=build /src/packages/core/package.json packages/core/
COPY --from=build /src/packages/core/dist packages/core/dist
COPY --from=build /src/packages/triggers/package.json packages/triggers/
COPY --from=build /src/packages/triggers/dist packages/triggers/dist
COPY --from=build /src/apps/server/package.json apps/server/
COPY --from=build /src/apps/server/dist apps/server/dist
COPY --from=build /src/apps/web/dist apps/web/dist
# `tidewatch check|backup|migrate-from-wud` inside the container (docker exec tidewatch tidewatch check).
RUN chmod 0755 apps/server/dist/main.js \
 && ln -s /app/apps/server/dist/main.js /usr/local/bin/tidewatch \
 && mkdir -p /data \
 && chown node:node /data
# Unprivileged. Reading the Docker socket needs its group: see group_add in docker-compose.yml.
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.TIDEWATCH_SERVER_PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/app/apps/server/dist/main.js"]
