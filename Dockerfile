# lotse container image (issue #21): multi-stage, non-root, nothing downloaded at run time.
# The build needs the npm registry and nothing else: native modules (better-sqlite3, hnswlib-node) are compiled
# from source against the Node headers of the build image, so no prebuilt binary and no header tarball is fetched.
# Docs: docs/operations/container.md
# Node 20 (>= 20.19) or 22 (>= 22.12), see package.json "engines".
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /opt/lotse
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
# true adds the optional @huggingface/transformers (+ ~450 MB of onnxruntime) for EMBEDDINGS_LOCAL_PATH.
ARG LOCAL_EMBEDDINGS=false
COPY package.json package-lock.json .npmrc ./
# Install scripts only for the packages allowed in package.json "allowScripts" (esbuild, better-sqlite3, hnswlib-node).
# (--omit=optional would also drop esbuild's platform binary, which tsx needs; the optional embedding stack is
# removed by name instead: nothing else depends on it.)
RUN npm ci --omit=dev --ignore-scripts \
 && npm rebuild esbuild better-sqlite3 hnswlib-node \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src node_modules/hnswlib-node/build/Release/obj.target \
 && if [ "$LOCAL_EMBEDDINGS" != true ]; then \
      rm -rf node_modules/@huggingface node_modules/onnxruntime-node node_modules/onnxruntime-web \
        node_modules/onnxruntime-common node_modules/sharp node_modules/@img; \
    fi \
 && npm cache clean --force
COPY tsconfig.json ./
COPY bin ./bin
COPY bot ./bot
COPY knowledge ./knowledge
COPY policies ./policies
COPY prompts ./prompts

FROM node:${NODE_VERSION}-bookworm-slim
LABEL org.opencontainers.image.title="lotse" \
      org.opencontainers.image.description="Assistant for staff of German county administrations, offline" \
      org.opencontainers.image.licenses="EUPL-1.2"
WORKDIR /opt/lotse
COPY --from=build /opt/lotse ./
# Writable state lives outside the code: the data dir and the knowledge folder (console uploads land there).
# The sample sources of Kreis Musterland seed the knowledge volume; mount the county's own folder instead.
RUN mkdir -p /var/lib/lotse /srv/lotse \
 && cp -r knowledge/sources /srv/lotse/knowledge \
 && chown -R node:node /var/lib/lotse /srv/lotse \
 && chmod 0700 /var/lib/lotse
ENV DATA_DIR=/var/lib/lotse \
    KNOWLEDGE_DIR=/srv/lotse/knowledge \
    HOST=0.0.0.0 \
    PORT=3978 \
    SHUTDOWN_DRAIN_S=10
VOLUME ["/var/lib/lotse", "/srv/lotse/knowledge"]
USER node
EXPOSE 3978
# /readyz: 200 once the index is loaded and the store answers, 503 while draining or while PostgreSQL is down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains the outboxes for up to SHUTDOWN_DRAIN_S: give `docker stop` a longer timeout (-t 20).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/lotse.js"]
CMD ["serve"]
