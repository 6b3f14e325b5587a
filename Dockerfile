# The register's image: one image for every service of the production shape (docker-compose.yml);
# REGISTER_SERVICES picks what a container runs. Not built on the development machines of this
# project (no Docker there): checked by services/register/compose.unit.test.ts only (README).
#
# build: the toolchain compiles better-sqlite3 from source (no prebuilt binary is downloaded) and
# `npm ci` runs `prepare`, i.e. tsc into dist/; then the dev dependencies are pruned away.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY events events
COPY services services
COPY bench bench
COPY tools tools
COPY web web
COPY schema schema
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# runtime: compiled JavaScript, production node_modules and the GraphQL schema; no compiler, no
# sources, a non-root user, and the data directory as a volume.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    REGISTER_DATA_DIR=/var/lib/register \
    REGISTER_HOST=0.0.0.0 \
    REGISTER_PORT=4000 \
    REGISTER_BRIDGE_PORT=4100
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/schema schema
RUN mkdir -p /var/lib/register && chown node:node /var/lib/register
USER node
VOLUME ["/var/lib/register"]
EXPOSE 4000 4100
# No curl in the slim image: Node's fetch asks /healthz on the register's own port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.REGISTER_PORT || '4000') + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/services/register/cli.js", "start"]
