#!/usr/bin/env bash
# Builds the application's OCI image with no container engine and no registry (issue 26, ADR 0030):
#
#   target/image/smp-api.tar       the image in `docker save` format (load it with `skopeo copy`, `podman load`,
#                                  `docker load`), named ${IMAGE_NAME}:${IMAGE_TAG} — by default the Helm chart's
#                                  default image, ghcr.io/schooltrust/smp-api:<the chart's appVersion>
#   target/image/rootfs/           the same image unpacked from that tar (what the end-to-end profile runs)
#   target/image/bom.cdx.json      the CycloneDX SBOM of the application's dependencies (also in the image)
#
# Layers: a Debian 12 root filesystem from Debian packages (mmdebstrap, variant essential) carrying a jlinked Java
# runtime from the JDK in IMAGE_JDK (Temurin 25) and the entrypoint; then the app in Quarkus' four layers (lib/,
# quarkus-run.jar, quarkus/, app/); then the AOT cache, trained here by starting the image's own runtime on the image's
# own files (chroot, uid 1001) against a throwaway PostgreSQL and driving the main flows with signed tokens.
#
# Run by `./mvnw package -Pimage` after Quarkus has built target/quarkus-app (as an aot-jar). Needs root (mmdebstrap,
# chroot, mounts) and installs mmdebstrap, umoci and skopeo from Debian when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."
VERSION="${1:?usage: build.sh VERSION}"
# The Helm chart's default image is this one: the same name, tagged with the chart's appVersion (HelmChartTest).
IMAGE_NAME="${IMAGE_NAME:-ghcr.io/schooltrust/smp-api}"
IMAGE_TAG="${IMAGE_TAG:-$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' helm/smp-api/Chart.yaml)}"
IMAGE_JDK="${IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SUITE=bookworm
APP_UID=1001
OUT=target/image
APP=target/quarkus-app
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
started=$(date +%s)
step() { echo "[image $(( $(date +%s) - started ))s] $*"; }

[ "$(id -u)" -eq 0 ] || { echo "build.sh needs root (mmdebstrap, chroot)" >&2; exit 1; }
[ -x "$IMAGE_JDK/bin/jlink" ] || { echo "no JDK at $IMAGE_JDK (set IMAGE_JDK to a JDK 25)" >&2; exit 1; }
[ -f "$APP/quarkus-run.jar" ] || { echo "no $APP/quarkus-run.jar: run ./mvnw package -Pimage" >&2; exit 1; }
missing=()
for tool in mmdebstrap umoci skopeo; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

rm -rf "$OUT" && mkdir -p "$OUT"
BASE="$OUT/base"

step "base root filesystem: Debian $SUITE (mmdebstrap, variant essential)"
mmdebstrap --quiet --variant=essential --include=tzdata \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
  --customize-hook="echo 'smp:x:$APP_UID:0:Trust SMP API:/home/smp:/usr/sbin/nologin' >> \"\$1\"/etc/passwd" \
  --customize-hook="mkdir -p \"\$1\"/home/smp && chown $APP_UID:0 \"\$1\"/home/smp && chmod 0770 \"\$1\"/home/smp" \
  "$SUITE" "$BASE" \
  "deb http://deb.debian.org/debian $SUITE main" \
  "deb http://deb.debian.org/debian $SUITE-updates main" \
  "deb http://deb.debian.org/debian-security $SUITE-security main"
# the image has no hostname or resolver of its own: the container runtime supplies them
: > "$BASE/etc/hostname"; : > "$BASE/etc/resolv.conf"; printf '127.0.0.1 localhost\n::1 localhost\n' > "$BASE/etc/hosts"

step "jlinked Java runtime from $IMAGE_JDK"
"$IMAGE_JDK/bin/jlink" \
  --add-modules java.se,jdk.unsupported,jdk.zipfs,jdk.management,jdk.management.agent,jdk.jfr,jdk.naming.dns,jdk.crypto.cryptoki,jdk.localedata,jdk.charsets,jdk.net,jdk.httpserver \
  --include-locales en,cy \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$BASE/opt/java"
# the runtime's own CDS archive, for these flags (compact object headers, as the entrypoint runs it)
"$BASE/opt/java/bin/java" -Xshare:dump -XX:+UseCompactObjectHeaders -XX:+UseSerialGC >/dev/null
mkdir -p "$BASE/opt/smp/bin" "$BASE/deployments"
install -m 0755 src/main/image/run "$BASE/opt/smp/bin/run"

step "app layout (aot-jar) and SBOM"
# The AOT cache checks each class-path jar's size and modification time, and an image layer keeps whole seconds: the
# app is staged with one whole-second time (the commit's), and that copy is both trained on and layered.
STAGE="$OUT/app"
cp -a "$APP" "$STAGE"
rm -f "$STAGE/quarkus-app-dependencies.txt"
EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
find "$STAGE" -exec touch -h -d "@$EPOCH" {} +
APP="$STAGE"
if [ -f target/bom.json ]; then cp target/bom.json "$OUT/bom.cdx.json"; else echo "no target/bom.json (CycloneDX)" >&2; exit 1; fi
mkdir -p "$OUT/sbom" && cp "$OUT/bom.cdx.json" "$OUT/sbom/bom.cdx.json"

# --- training: the image's files, the image's runtime, the image's user ------------------------------------------
TRAIN="$OUT/train-rootfs"
cp -a "$BASE" "$TRAIN"
cp -a "$APP/." "$TRAIN/deployments/"
PGDATA=$(mktemp -d /tmp/smp-image-pg.XXXXXX)
chown postgres "$PGDATA" 2>/dev/null || { echo "no postgres user for the training database" >&2; exit 1; }
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
APP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
MGMT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill -9 "$app_pid" 2>/dev/null || true; fi
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT
step "training database (PostgreSQL on port $PG_PORT)"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PGDATA" --auth=trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1" -w start >/dev/null

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/train-key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$OUT/train-key.pem" -pubout -outform DER | base64 -w0)

step "training run: the image's runtime on the image's files, recording the AOT cache"
env -i PATH=/usr/bin:/bin \
  QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" \
  SMP_WEBHOOKS_SECRET_KEY="$(openssl rand -base64 32)" \
  SMP_AOT_CACHE=off \
  bash src/main/image/chroot-run "$TRAIN" -XX:AOTCacheOutput=/tmp/app.aot -XX:MaxRAM=512m \
  > "$OUT/train.log" 2>&1 &
app_pid=$!
bash src/main/image/train.sh "$OUT/train-key.pem" "http://127.0.0.1:$APP_PORT" "http://127.0.0.1:$MGMT_PORT" \
  || { tail -50 "$OUT/train.log" >&2; exit 1; }
kill -TERM "$app_pid"
wait "$app_pid" || true
app_pid=""
[ -s "$TRAIN/tmp/app.aot" ] || { tail -50 "$OUT/train.log" >&2; echo "no AOT cache was written" >&2; exit 1; }
mkdir -p "$OUT/aot" && mv "$TRAIN/tmp/app.aot" "$OUT/aot/app.aot" && chmod 0644 "$OUT/aot/app.aot"
step "AOT cache: $(du -h "$OUT/aot/app.aot" | cut -f1)"

# --- the image ---------------------------------------------------------------------------------------------------
step "OCI image (umoci): base, lib/, quarkus-run.jar, quarkus/, app/, AOT cache"
LAYOUT="$OUT/oci"
umoci init --layout "$LAYOUT"
umoci new --image "$LAYOUT:smp"
insert() { umoci insert --image "$LAYOUT:smp" --history.created_by "$3" "$1" "$2" >/dev/null; }
insert "$BASE" / "Debian $SUITE (mmdebstrap essential), jlinked Java runtime, entrypoint"
insert "$APP/lib" /deployments/lib "Quarkus layer: lib/"
insert "$APP/quarkus-run.jar" /deployments/quarkus-run.jar "Quarkus layer: quarkus-run.jar"
insert "$APP/quarkus" /deployments/quarkus "Quarkus layer: quarkus/"
insert "$APP/app" /deployments/app "Quarkus layer: app/ and the SBOM"
insert "$OUT/sbom" /deployments/sbom "CycloneDX SBOM"
insert "$OUT/aot/app.aot" /deployments/app.aot "AOT cache trained with this runtime"
umoci config --image "$LAYOUT:smp" \
  --config.user "$APP_UID:0" \
  --config.workingdir /deployments \
  --config.entrypoint /opt/smp/bin/run \
  --config.env JAVA_HOME=/opt/java --config.env LANG=C.UTF-8 --config.env HOME=/home/smp \
  --config.exposedports 8080/tcp --config.exposedports 9000/tcp \
  --config.label "org.opencontainers.image.title=smp-api" \
  --config.label "org.opencontainers.image.version=$VERSION" \
  --config.label "org.opencontainers.image.description=Trust Social Media Policy API" \
  --history.created_by "umoci config: uid $APP_UID, group 0, entrypoint /opt/smp/bin/run"
skopeo copy --quiet "oci:$LAYOUT:smp" "docker-archive:$OUT/smp-api.tar:$IMAGE_NAME:$IMAGE_TAG"
step "image: $OUT/smp-api.tar ($(du -h "$OUT/smp-api.tar" | cut -f1)), $IMAGE_NAME:$IMAGE_TAG (app $VERSION)"

# --- what was written is what runs: unpack the tar itself --------------------------------------------------------
step "unpacking the image tar into $OUT/rootfs"
skopeo copy --quiet "docker-archive:$OUT/smp-api.tar" "oci:$OUT/check:smp"
umoci unpack --image "$OUT/check:smp" "$OUT/bundle" >/dev/null
rm -rf "$OUT/rootfs" && mv "$OUT/bundle/rootfs" "$OUT/rootfs"
cp "$OUT/bundle/config.json" "$OUT/runtime-config.json"
rm -rf "$OUT/bundle" "$OUT/check" "$TRAIN" "$OUT/train-key.pem"
step "done"
