#!/usr/bin/env bash
# Builds the container image, starts it with an (unreachable) OIDC issuer and waits until /readyz answers inside the
# container, then checks it runs as the unprivileged `node` user. Needs a Docker daemon and access to the registry
# that serves the `node` base image: test/integration/ops/compose.int.test.ts runs it where `docker info` answers and
# skips otherwise; test/integration/ops/container-image.int.test.ts checks the Dockerfile's contract everywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="lotse-check:$$"
name="lotse-check-$$"
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; docker rmi -f "$tag" >/dev/null 2>&1 || true; }
trap cleanup EXIT
docker build -t "$tag" .
docker run -d --name "$name" \
  -e OIDC_ISSUER=https://idp.invalid/realms/lotse -e OIDC_CLIENT_ID=lotse \
  -e OIDC_REDIRECT_URL=https://lotse.kreis.example/auth/callback "$tag" >/dev/null
probe="fetch('http://127.0.0.1:3978/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
for _ in $(seq 1 60); do
  if docker exec "$name" node -e "$probe"; then
    user=$(docker exec "$name" id -un)
    [[ "$user" == node ]] || { echo "container runs as $user, expected node"; exit 1; }
    echo "container image: /readyz answers, runs as node"
    exit 0
  fi
  sleep 2
done
docker logs "$name" | tail -40
echo "container image: /readyz did not answer within 120 s"
exit 1
