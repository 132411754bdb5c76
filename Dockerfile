# syntax=docker/dockerfile:1
# Werkbrug container image (docs/deployment.md). Two stages: the build stage has the dev
# dependencies and builds the web app (Vite) and the server (esbuild) once; the runtime stage
# has only production dependencies, the built output, the migrations and the reference data.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    npm_config_update_notifier=false
WORKDIR /app
# pg_dump/pg_restore for backups on PostgreSQL (docs/operations.md): the client of the server's
# major version, 15 as in deploy/compose.yaml. Not a build tool; nothing else from apt.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY db/migrations ./db/migrations
# Reference data and fonts the app ships (.dockerignore leaves out a developer's database and files).
COPY data ./data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server/start.js"]
