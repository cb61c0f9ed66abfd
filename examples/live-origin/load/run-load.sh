#!/usr/bin/env bash
# Load test of the live origin, alone and behind an nginx caching edge (load/nginx-edge.conf).
# Builds nothing: it needs examples/live-origin/target/live-origin.jar (package) and the module's
# test classes (test-compile). Everything runs on 127.0.0.1, on free ports, under one temp dir, and
# is stopped at the end (also on Ctrl-C). Three bounded runs, each with the probes (a playlist
# request a second; a new ffmpeg publish that ffprobe must read):
#   1. HLS_EDGE   HLS viewers through the edge      (target: >= 10,000, 0 errors)
#   2. HLS_ORIGIN HLS viewers straight on the origin (target: >= 5,000, p99 segment < 100 ms)
#   3. FLV_ORIGIN HTTP-FLV readers on the origin     (target: >= 2,000, 0 resets)
# and during each: the new publish succeeds and the probe's playlist answers in < 100 ms.
#
# Environment (defaults): HLS_EDGE=10000 HLS_ORIGIN=5000 FLV_ORIGIN=2000 DURATION=60 RAMP=20
# ORIGIN_JAR=target/live-origin.jar INPUT=(20 s made with ffmpeg) VIDEO_KBPS=300
# SOURCE_IPS=8 (clients bound round-robin to 127.0.0.2..9: more ephemeral ports, and each address
# stays under the origin's default cap of 1,000 connections per address, --max-per-address)
# RUNS="edge origin flv" OUT=(temp dir; JSON summaries and logs stay there) LOAD_CP (classpath).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

HLS_EDGE=${HLS_EDGE:-10000}
HLS_ORIGIN=${HLS_ORIGIN:-5000}
FLV_ORIGIN=${FLV_ORIGIN:-2000}
DURATION=${DURATION:-60}
RAMP=${RAMP:-20}
SOURCE_IPS=${SOURCE_IPS:-8}
RUNS=${RUNS-edge origin flv}
ORIGIN_JAR=${ORIGIN_JAR:-$MODULE_DIR/target/live-origin.jar}
OUT=${OUT:-$(mktemp -d /tmp/streamwire-load.XXXXXX)}
mkdir -p "$OUT"
chmod 755 "$OUT"    # nginx workers started by root run as "nobody" and must reach the cache dir

for tool in java ffmpeg ffprobe nginx curl python3 unzip; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || { echo "missing $tool" >&2; exit 1; }
done
[ -f "$ORIGIN_JAR" ] || { echo "no $ORIGIN_JAR: run ./mvnw -pl examples/live-origin package -DskipTests" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
CP=$(load_classpath)
raise_nofile

pids=()
cleanup() { stop_pid "${pids[@]}"; }
trap cleanup EXIT INT TERM

RTMP_PORT=$(free_port); HTTP_PORT=$(free_port); EDGE_PORT=$(free_port)
ORIGIN=127.0.0.1:$HTTP_PORT
echo "== origin $ORIGIN_JAR: RTMP $RTMP_PORT, HTTP $HTTP_PORT; edge $EDGE_PORT; output in $OUT"
java -jar "$ORIGIN_JAR" $(origin_args "$ORIGIN_JAR") --bind 127.0.0.1 --rtmp-port "$RTMP_PORT" --http-port "$HTTP_PORT" >"$OUT/origin.log" 2>&1 &
origin_pid=$!; pids+=("$origin_pid")
wait_port "$HTTP_PORT" 30
wait_port "$RTMP_PORT" 30

INPUT=${INPUT:-}
if [ -z "$INPUT" ]; then INPUT=$OUT/input.flv; make_input "$INPUT"; fi
pids+=("$(publish "$INPUT" "rtmp://127.0.0.1:$RTMP_PORT/live/stream" "$OUT/publish.log")")
wait_url "http://$ORIGIN/live/stream.m3u8" 30

mkdir -p "$OUT/edge"
chmod 755 "$OUT/edge"
sed -e "s|@PREFIX@|$OUT/edge|g" -e "s|@EDGE_PORT@|$EDGE_PORT|g" -e "s|@ORIGIN@|$ORIGIN|g" -e "s|@WORKERS@|auto|g" \
  "$LOAD_DIR/nginx-edge.conf" >"$OUT/edge/nginx.conf"
"$NGINX" -p "$OUT/edge" -c "$OUT/edge/nginx.conf" -e "$OUT/edge/error.log" >"$OUT/edge/stdout.log" 2>&1 &
edge_pid=$!; pids+=("$edge_pid")
wait_url "http://127.0.0.1:$EDGE_PORT/live/stream.m3u8" 15
sleep 4    # a few segments in the window

# run NAME BASE_URL GENERATOR_ARGS...: one bounded generator run with both probes on BASE_URL.
run() {
  local name=$1 base=$2; shift 2
  echo "== run $name: $* (${DURATION} s, ramp ${RAMP} s)"
  local samples_o="$OUT/$name.origin.samples" samples_e="$OUT/$name.edge.samples" so se
  so=$(sample "$origin_pid" "$samples_o"); se=$(sample "$edge_pid" "$samples_e")
  local t0 t1
  t0=$(date +%s.%N)
  java -Xss512k -cp "$CP" io.streamwire.examples.load.LoadGenerator "$@" --duration "$DURATION" --ramp "$RAMP" \
    --source-ips "$SOURCE_IPS" --probe "$base/live/stream.m3u8" \
    --publish-probe "rtmp://127.0.0.1:$RTMP_PORT/live/probe-$name" --publish-check "$base/live/probe-$name.m3u8" \
    --out "$OUT/$name.json" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" || echo "generator exited $? (see $OUT/$name.stderr)"
  t1=$(date +%s.%N)
  stop_pid "$so" "$se"
  echo "$(cpu_rss "$samples_o" "$t0" "$t1") $(cpu_rss "$samples_e" "$t0" "$t1")" >"$OUT/$name.cpu"
  sleep 5    # let the servers drop the closed connections
}

for r in $RUNS; do
  case $r in
    edge)   run edge   "http://127.0.0.1:$EDGE_PORT" --hls "http://127.0.0.1:$EDGE_PORT/live/stream.m3u8" --hls-viewers "$HLS_EDGE" ;;
    origin) run origin "http://$ORIGIN" --hls "http://$ORIGIN/live/stream.m3u8" --hls-viewers "$HLS_ORIGIN" ;;
    flv)    run flv    "http://$ORIGIN" --flv "http://$ORIGIN/live/stream.flv" --flv-readers "$FLV_ORIGIN" ;;
    *) echo "unknown run $r (edge, origin, flv)" >&2; exit 2 ;;
  esac
done

python3 - "$OUT" $RUNS <<'EOF'
import json, os, sys
out, runs = sys.argv[1], sys.argv[2:]
print()
print(f"{'run':7} {'clients':>8} {'errors':>7} {'retries':>8} {'playlist p50/p99/max ms':>24} {'segment p50/p99/max ms':>23} "
      f"{'FLV conn/resets':>15} {'probe p99/max ms':>17} {'publish':>8} {'origin CPU%/RSS MB':>19} {'edge CPU%/RSS MB':>17}  target")
for r in runs:
    path = os.path.join(out, r + ".json")
    if not os.path.exists(path):
        print(f"{r:7} (no summary: see {out}/{r}.stderr)"); continue
    j = json.load(open(path))
    h, f, p = j["hls"], j["flv"], j["probe"]["playlist"]
    clients = h["viewers"] + f["readers"]
    errors = h["failures"]["total"] + f["failures"]["total"]
    retries = h["failures"]["staleRetries"]
    pl, sg = h["playlists"], h["segments"]
    trip = lambda s: f"{s['p50Ms']:.0f}/{s['p99Ms']:.0f}/{s['maxMs']:.0f}" if s["count"] else "-"
    flv = f"{f['connectedAtEnd']}/{f['failures']['reset']}" if f["readers"] else "-"
    probe = f"{p['p99Ms']:.0f}/{p['maxMs']:.0f}" if p["count"] else "-"
    cpu = open(os.path.join(out, r + ".cpu")).read().split()
    publish_ok = bool(j["publish"].get("ok"))
    probes_ok = publish_ok and p["count"] > 0 and p["p99Ms"] < 100 and j["probe"]["failures"]["total"] == 0
    if r == "edge":
        met = errors == 0
    elif r == "origin":
        met = errors == 0 and sg["count"] > 0 and sg["p99Ms"] < 100
    else:
        met = f["failures"]["reset"] == 0 and f["connectedAtEnd"] == f["readers"]
    verdict = "met" if met and probes_ok else "MISSED"
    print(f"{r:7} {clients:>8} {errors:>7} {retries:>8} {trip(pl):>24} {trip(sg):>23} {flv:>15} {probe:>17} "
          f"{'ok' if publish_ok else 'FAILED':>8} {cpu[0]+'/'+cpu[1]:>19} {cpu[2]+'/'+cpu[3]:>17}  {verdict}")
print("\nretries: requests an HLS viewer sent again on a new connection because the server had closed the"
      "\nidle keep-alive connection it went out on (as HTTP clients do; not counted as errors).")
print(f"\nJSON summaries, samples and logs: {out}")
EOF
