# One image per deployable, all from this file; pick one with --target:
#   docker build --target auth -t stuffmart/auth .
# Targets: gateway, auth, catalog, orders, payments, expiration (Node bundles), client (Next.js).
# docker-compose.yml and skaffold.yaml name the same targets.

# engines.node in package.json is >=20.19; slim Debian keeps glibc for prebuilt native modules.
ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NEXT_TELEMETRY_DISABLED=1

# npm ci needs the lockfile and every workspace's package.json, and nothing else. Collecting
# them in a stage of their own keeps the install layers below cached until a dependency
# changes, rather than until any source file does.
FROM base AS manifests
COPY . /src
RUN cd /src \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents '{}' /app/ ';' \
 && cp package-lock.json /app/

# Everything, dev tools included, to build with.
FROM base AS deps
COPY --from=manifests /app/ ./
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build -- gateway auth catalog orders payments expiration

FROM deps AS client-build
COPY . .
# The build cache and the dev-inclusive node_modules stay behind; the runtime installs its own.
RUN npm run build --workspace=client \
 && rm -rf client/.next/cache client/node_modules

# Production dependencies of the Node services only (not the storefront's React and Next).
# The bundles inline our workspace packages, so their links in node_modules would only dangle.
FROM base AS server-modules
COPY --from=manifests /app/ ./
RUN npm ci --omit=dev \
      --workspace=gateway \
      --workspace=subgraphs/auth \
      --workspace=subgraphs/catalog \
      --workspace=subgraphs/orders \
      --workspace=subgraphs/payments \
      --workspace=workers/expiration \
 && rm -rf node_modules/@stuffmart

FROM base AS client-modules
COPY --from=manifests /app/ ./
RUN npm ci --omit=dev --workspace=client

# The runtime base of every Node service: no npm cache, no compilers, no source, not root.
# package.json stays for its "type": "module", which makes Node load the bundles as ESM;
# workspaces keep their own node_modules where npm put a package for one of them alone.
FROM ${NODE_IMAGE} AS server
WORKDIR /app
ENV NODE_ENV=production \
    BIND_HOST=0.0.0.0
COPY --from=server-modules /app/ ./
# The node user (uid 1000) comes with the official image; files stay root's, read-only to it.
USER node

FROM server AS gateway
# The bundle's own directory is not where the source looked for the supergraph.
ENV GATEWAY_PORT=4000 \
    SUPERGRAPH_PATH=/app/schema/supergraph.graphql
COPY schema/supergraph.graphql ./schema/supergraph.graphql
COPY --from=build /app/dist/gateway.js /app/dist/gateway.js.map ./dist/
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.GATEWAY_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/gateway.js"]

FROM server AS auth
ENV AUTH_PORT=4001
COPY --from=build /app/dist/auth.js /app/dist/auth.js.map ./dist/
EXPOSE 4001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.AUTH_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/auth.js"]

FROM server AS catalog
ENV CATALOG_PORT=4002
COPY --from=build /app/dist/catalog.js /app/dist/catalog.js.map ./dist/
EXPOSE 4002
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.CATALOG_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/catalog.js"]

FROM server AS orders
ENV ORDERS_PORT=4003
COPY --from=build /app/dist/orders.js /app/dist/orders.js.map ./dist/
EXPOSE 4003
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.ORDERS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/orders.js"]

FROM server AS payments
ENV PAYMENTS_PORT=4004
COPY --from=build /app/dist/payments.js /app/dist/payments.js.map ./dist/
EXPOSE 4004
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PAYMENTS_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/payments.js"]

FROM server AS expiration
ENV EXPIRATION_PORT=4005
COPY --from=build /app/dist/expiration.js /app/dist/expiration.js.map ./dist/
EXPOSE 4005
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.EXPIRATION_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/expiration.js"]

FROM ${NODE_IMAGE} AS client
WORKDIR /app/client
ENV NODE_ENV=production \
    CLIENT_PORT=3000 \
    BIND_HOST=0.0.0.0 \
    GATEWAY_URL=http://gateway:4000/graphql
COPY --from=client-modules /app/ /app/
COPY --from=client-build /app/client/ /app/client/
# The one place Next.js writes at run time (image and fetch caches); the rest stays root's.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.CLIENT_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Next.js behind our own node:http server, which appends each browser's address to
# X-Forwarded-For for the gateway (scripts/storefront-server.mjs); node receives SIGTERM itself.
CMD ["node", "/app/client/scripts/storefront-server.mjs"]
