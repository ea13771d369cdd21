# The product as one image: the API, the built PWA and the migrations. The database is a
# separate PostgreSQL (see docker-compose.yml); the embedded one is for machines without it.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# The registry mirror some networks use strips npm's signatures; the tarball's sha512 is still checked.
ENV COREPACK_INTEGRITY_KEYS=0
RUN corepack enable
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY server/package.json server/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build && pnpm install --frozen-lockfile --prod --config.confirmModulesPurge=false

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server/dist/index.js"]
