#!/usr/bin/env bash
# The Streamwire origin vs nginx-rtmp vs node-media-server 4.4.3: same machine, same input, same
# readers; CPU (utime+stime from /proc/<pid>/stat, as % of one core, averaged over the run) and
# peak RSS (VmRSS sampled every second; nginx: master + workers summed) of the server only. CPU is
# also given for the readers' time after WARMUP s, the same window for every server: without the
# ramp and the JVM's JIT compilation (the origin's first ~20 s), i.e. what a running server costs.
#   scenario A: 1 publisher, 500 readers        scenario B: 20 publishers, 10 readers each
# Readers: "rtmp" (RTMP play, which all three serve; the fair comparison) and "flv" (HTTP-FLV, the
# origin and node-media-server; nginx-rtmp has none). HLS: the origin always packages HLS / LL-HLS,
# nginx-rtmp has "hls on" (load/nginx-rtmp.conf), node-media-server 4 has no HLS at all; nobody
# plays HLS here (see run-load.sh for that), so the origin and nginx-rtmp pay for packaging, NMS not.
#
# Builds nothing: needs target/live-origin.jar and the module's test classes (the generator), and
# load/nms/node_modules (installed here with "npm ci" from load/nms/package-lock.json when missing).
# REPEAT runs every case that many times, interleaved (all cases, then all again), and reports the
# median CPU with its range: this machine's figures move by a few points from run to run.
# Environment (defaults): SERVERS="origin nginx-rtmp nms" SCENARIOS="A B" MODES="rtmp flv" REPEAT=1
# DURATION=60 WARMUP=20 RAMP=5 READERS_A=500 PUBLISHERS_B=20 READERS_PER_B=10 ORIGIN_JAR ORIGIN_JAVA_OPTS="" ORIGIN_ARGS=""
# VIDEO_KBPS=300 OUT=(temp dir) LOAD_CP.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SERVERS=${SERVERS:-origin nginx-rtmp nms}
SCENARIOS=${SCENARIOS:-A B}
MODES=${MODES:-rtmp flv}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-20}
REPEAT=${REPEAT:-1}
RAMP=${RAMP:-5}
READERS_A=${READERS_A:-500}
PUBLISHERS_B=${PUBLISHERS_B:-20}
READERS_PER_B=${READERS_PER_B:-10}
ORIGIN_JAR=${ORIGIN_JAR:-$MODULE_DIR/target/live-origin.jar}
OUT=${OUT:-$(mktemp -d /tmp/streamwire-compare.XXXXXX)}
mkdir -p "$OUT"; chmod 755 "$OUT"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
RTMP_MODULE=${RTMP_MODULE:-/usr/lib/nginx/modules/ngx_rtmp_module.so}
CP=$(load_classpath)
raise_nofile

case " $SERVERS " in *" nms "*)
  if [ ! -d "$LOAD_DIR/nms/node_modules/node-media-server" ]; then
    echo "== npm ci (node-media-server 4.4.3) in $LOAD_DIR/nms"
    (cd "$LOAD_DIR/nms" && npm ci --no-audit --no-fund >/dev/null)
  fi ;;
esac
case " $SERVERS " in *" nginx-rtmp "*)
  [ -f "$RTMP_MODULE" ] || { echo "no $RTMP_MODULE: apt-get install libnginx-mod-rtmp" >&2; exit 1; } ;;
esac

INPUT=${INPUT:-}
if [ -z "$INPUT" ]; then INPUT=$OUT/input.flv; make_input "$INPUT"; fi

pids=()
cleanup() { stop_pid "${pids[@]}"; }
trap cleanup EXIT INT TERM

# start_server NAME DIR: sets server_pid, RTMP_PORT, HTTP_PORT.
start_server() {
  local name=$1 dir=$2
  mkdir -p "$dir"; chmod 755 "$dir"
  RTMP_PORT=$(free_port); HTTP_PORT=$(free_port)
  case $name in
    origin)
      # shellcheck disable=SC2086
      java ${ORIGIN_JAVA_OPTS:-} -jar "$ORIGIN_JAR" $(origin_args "$ORIGIN_JAR") ${ORIGIN_ARGS:-} --bind 127.0.0.1 --rtmp-port "$RTMP_PORT" --http-port "$HTTP_PORT" \
        >"$dir/server.log" 2>&1 & ;;
    nginx-rtmp)
      mkdir -p "$dir/hls"; chmod 1777 "$dir/hls"   # written by the worker ("nobody" when started as root)
      sed -e "s|@PREFIX@|$dir|g" -e "s|@RTMP_PORT@|$RTMP_PORT|g" -e "s|@HTTP_PORT@|$HTTP_PORT|g" \
        -e "s|@MODULE@|$RTMP_MODULE|g" "$LOAD_DIR/nginx-rtmp.conf" >"$dir/nginx.conf"
      "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/server.log" 2>&1 & ;;
    nms)
      cp "$LOAD_DIR/nms/config.json" "$dir/config.json"   # NMS writes a generated secret into it
      node "$LOAD_DIR/nms/node_modules/node-media-server/bin/app.js" -c "$dir/config.json" --bind 127.0.0.1 \
        --rtmp-port "$RTMP_PORT" --http-port "$HTTP_PORT" --data-path "$dir/data" --record-path "$dir/record" \
        --no-admin >"$dir/server.log" 2>&1 & ;;
    *) echo "unknown server $name" >&2; exit 2 ;;
  esac
  server_pid=$!; pids+=("$server_pid")
  wait_port "$RTMP_PORT" 30
  wait_port "$HTTP_PORT" 30
}

# one SERVER SCENARIO MODE RUN: a fresh server, its publishers, the readers for DURATION s, the samples.
one() {
  local server=$1 scenario=$2 mode=$3 name="$1-$2-$3" run=$4 dir="$OUT/$1-$2-$3"
  if [ "$REPEAT" -gt 1 ]; then dir="$dir-$run"; fi
  local publishers readers i keys=() urls=() pub_pids=()
  if [ "$scenario" = A ]; then publishers=1; readers=$READERS_A; else publishers=$PUBLISHERS_B; readers=$((PUBLISHERS_B * READERS_PER_B)); fi
  start_server "$server" "$dir"
  for ((i = 0; i < publishers; i++)); do
    keys+=("s$i")
    pub_pids+=("$(publish "$INPUT" "rtmp://127.0.0.1:$RTMP_PORT/live/s$i" "$dir/publish-$i.log")")
  done
  pids+=("${pub_pids[@]}")
  sleep 6    # publishers connected, a GOP or two in the servers' caches
  for k in "${keys[@]}"; do
    if [ "$mode" = rtmp ]; then urls+=("rtmp://127.0.0.1:$RTMP_PORT/live/$k"); else urls+=("http://127.0.0.1:$HTTP_PORT/live/$k.flv"); fi
  done
  local list; list=$(IFS=,; echo "${urls[*]}")
  echo "== $name: $publishers publisher(s), $readers $mode readers, ${DURATION} s (run $run of $REPEAT)"
  local samples="$dir/server.samples" sp t0 t1
  sp=$(sample "$server_pid" "$samples")
  t0=$(date +%s.%N)
  java -cp "$CP" io.streamwire.examples.load.LoadGenerator --"$mode" "$list" --"$mode"-readers "$readers" \
    --duration "$DURATION" --ramp "$RAMP" --out "$dir/load.json" >"$dir/load.stdout" 2>"$dir/load.stderr" \
    || echo "generator exited $? (see $dir/load.stderr)"
  t1=$(date +%s.%N)
  stop_pid "$sp"
  echo "$name $(basename "$dir") $(cpu_rss "$samples" "$t0" "$t1") $(cpu_rss "$samples" "$(awk -v a="$t0" -v b="$WARMUP" 'BEGIN { printf "%.3f", a + b }')" "$t1" | cut -d' ' -f1)" >>"$OUT/results.txt"
  stop_pid "${pub_pids[@]}" "$server_pid"
  sleep 2
}

: >"$OUT/results.txt"
for ((run = 1; run <= REPEAT; run++)); do
  for scenario in $SCENARIOS; do
    for server in $SERVERS; do
      for mode in $MODES; do
        [ "$server/$mode" = nginx-rtmp/flv ] && continue   # nginx-rtmp has no HTTP-FLV
        one "$server" "$scenario" "$mode" "$run"
      done
    done
  done
done

python3 - "$OUT" "$WARMUP" <<'EOF'
import json, os, statistics, sys
out, warmup = sys.argv[1], sys.argv[2]
runs = {}
for line in open(os.path.join(out, "results.txt")):
    name, d, cpu, rss, warm = line.split()
    server, scenario, mode = name.rsplit("-", 2)
    f = os.path.join(out, d, "load.json")
    s = json.load(open(f))[mode] if os.path.exists(f) else None
    runs.setdefault((scenario, mode, server), []).append((cpu, rss, s, warm))

def med(values):
    """The median of the figures that are not n/a (as text), and their range when there are several."""
    v = sorted(float(x) for x in values if x != "n/a")
    if not v:
        return "n/a", ""
    return f"{statistics.median(v):.1f}", (f" ({v[0]:.1f}-{v[-1]:.1f})" if len(v) > 1 else "")

rows = {}
for key, rs in runs.items():
    ss = [r[2] for r in rs if r[2]]
    conn = f"{min(s['connectedAtEnd'] for s in ss)}/{ss[0]['readers']}" if ss else "-"
    err = sum(s["failures"]["total"] for s in ss) if ss else "-"
    mb = f"{statistics.median(s['bytes'] for s in ss) / 1e6:.0f}" if ss else "-"
    rss = max((int(r[1]) for r in rs if r[1] != "n/a"), default="n/a")
    rows[key] = (med(r[0] for r in rs), med(r[3] for r in rs), conn, err, mb, rss, len(rs))
order = ["origin", "nginx-rtmp", "nms"]
print()
print(f"runs per case: {max((r[6] for r in rows.values()), default=0)}; CPU: the median (range); connected: the fewest; errors: summed; RSS: the peak")
print(f"{'scenario':8} {'readers':7} {'server':11} {'connected/readers':>17} {'errors':>6} {'MB read':>8} {'avg CPU % (1 core)':>20} {'after ' + warmup + ' s':>18} {'peak RSS MB':>11}")
for (scenario, mode, server), (cpu, warm, conn, err, mb, rss, n) in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1], order.index(kv[0][2]))):
    print(f"{scenario:8} {mode:7} {server:11} {conn:>17} {err:>6} {mb:>8} {cpu[0] + cpu[1]:>20} {warm[0] + warm[1]:>18} {rss:>11}")
print("\ngoal: origin CPU <= nginx-rtmp's (rtmp readers) and <= half of node-media-server's (same readers)")
for (scenario, mode, server), (cpu, warm, *_) in sorted(rows.items()):
    if server != "origin" or cpu[0] == "n/a":
        continue
    for peer, factor in (("nginx-rtmp", 1.0), ("nms", 0.5)):
        p = rows.get((scenario, mode, peer))
        if p and p[0][0] != "n/a":
            for what, mine, theirs in (("whole run", cpu[0], p[0][0]), (f"after {warmup} s", warm[0], p[1][0])):
                if mine == "n/a" or theirs == "n/a":
                    continue
                ok = float(mine) <= float(theirs) * factor
                print(f"  {scenario} {mode:4} {what:12} origin {mine}% vs {peer} {theirs}% x {factor}: {'met' if ok else 'MISSED'}")
print(f"\nJSON summaries, samples and logs: {out}")
EOF
