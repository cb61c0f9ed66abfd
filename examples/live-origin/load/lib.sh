# Shared shell helpers of run-load.sh and compare.sh (sourced, not run).
# Everything listens on 127.0.0.1 only, on ports the kernel says are free.

LOAD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MODULE_DIR=$(cd "$LOAD_DIR/.." && pwd)
REPO_DIR=$(cd "$MODULE_DIR/../.." && pwd)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# wait_url URL SECONDS: until URL answers 200 (curl), or fail.
wait_url() {
  local url=$1 limit=$2 i
  for ((i = 0; i < limit * 4; i++)); do
    if curl -fs -o /dev/null --max-time 2 "$url"; then return 0; fi
    sleep 0.25
  done
  echo "no 200 from $url within $limit s" >&2
  return 1
}

# wait_port PORT SECONDS
wait_port() {
  local port=$1 limit=$2 i
  for ((i = 0; i < limit * 4; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  echo "nothing listens on 127.0.0.1:$port after $limit s" >&2
  return 1
}

# raise_nofile: as many open files as the hard limit allows (65535 wanted).
raise_nofile() {
  ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  echo "== open files: soft $(ulimit -n), hard $(ulimit -Hn)$( [ "$(ulimit -n)" -lt 65535 ] && echo ' (65535 not allowed here)')"
}

# The generator's classpath: the module's test classes and the shaded jar; when that jar has no
# Netty yet (the origin before its Netty rewrite), Maven prints the dependency classpath (offline;
# it builds nothing). LOAD_CP overrides all of this.
load_classpath() {
  if [ -n "${LOAD_CP:-}" ]; then echo "$LOAD_CP"; return; fi
  local jar="$MODULE_DIR/target/live-origin.jar" classes="$MODULE_DIR/target/test-classes"
  [ -d "$classes/io/streamwire/examples/load" ] || { echo "no $classes/io/streamwire/examples/load: run ./mvnw -pl examples/live-origin test-compile first" >&2; return 1; }
  if unzip -l "$jar" 'io/netty/channel/Channel.class' >/dev/null 2>&1; then
    echo "$classes:$jar"
  else
    local cp
    cp=$(mktemp)
    (cd "$REPO_DIR" && ./mvnw -B -q -ntp -o -pl examples/live-origin dependency:build-classpath \
        -Denforcer.skip=true -Dmdep.outputFile="$cp" >/dev/null)
    echo "$classes:$jar:$(cat "$cp")"
    rm -f "$cp"
  fi
}

# origin_args JAR: extra options for the origin: its admin listener (/stats, /metrics) on a free
# port instead of the fixed default, where the jar has one (the JDK HttpServer origin had none).
origin_args() {
  if unzip -l "$1" 'io/streamwire/examples/origin/OriginArgs.class' >/dev/null 2>&1; then echo "--admin-port 0"; fi
}

# sample PID OUT: every second, append "<epoch s> <utime+stime ticks> <rss kB>" summed over PID and
# its children (nginx workers), from /proc; stops when PID exits or the sampler is killed.
# Called as $(sample …): the command substitution's subshell must not run the caller's EXIT trap.
sample() {
  trap - EXIT INT TERM
  local pid=$1 out=$2
  (
    while [ -d "/proc/$pid" ]; do
      local ticks=0 rss=0 p stat r
      for p in $pid $(ps -o pid= --ppid "$pid" 2>/dev/null); do
        stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        stat=${stat##*) }                     # fields after "(comm) "
        set -- $stat
        ticks=$((ticks + ${12} + ${13}))      # utime + stime (fields 14, 15)
        r=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
        rss=$((rss + ${r:-0}))
      done
      echo "$(date +%s.%N) $ticks $rss" >> "$out"
      sleep 1
    done
  ) </dev/null >/dev/null 2>&1 &
  echo $!
}

# cpu_rss FILE [FROM_EPOCH TO_EPOCH]: "avg CPU % of one core" and "peak RSS MB" over the samples.
cpu_rss() {
  python3 - "$@" <<'EOF'
import os, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
if len(sys.argv) > 3:
    lo, hi = float(sys.argv[2]), float(sys.argv[3])
    rows = [r for r in rows if lo <= r[0] <= hi]
if len(rows) < 2:
    print("n/a n/a"); sys.exit()
hz = os.sysconf("SC_CLK_TCK")
cpu = (rows[-1][1] - rows[0][1]) / hz / (rows[-1][0] - rows[0][0]) * 100
print(f"{cpu:.1f} {max(r[2] for r in rows) / 1024:.0f}")
EOF
}

# make_input FILE: 20 s of libx264 (-g 50, 640x360 testsrc2, ${VIDEO_KBPS:-300} kbit/s) + AAC sine
# in FLV, published later with -stream_loop -1 -c copy so that no encoder competes for the CPU.
make_input() {
  ffmpeg -hide_banner -nostdin -v error -y -f lavfi -i testsrc2=size=640x360:rate=25 \
    -f lavfi -i sine=frequency=1000:sample_rate=44100 -t 20 \
    -c:v libx264 -preset veryfast -g 50 -keyint_min 50 -sc_threshold 0 -pix_fmt yuv420p \
    -b:v "${VIDEO_KBPS:-300}k" -maxrate "${VIDEO_KBPS:-300}k" -bufsize "$((2 * ${VIDEO_KBPS:-300}))k" \
    -c:a aac -b:a 64k -f flv "$1"
}

# publish FILE URL LOG: loops FILE to URL in real time in the background; prints the pid.
publish() {
  trap - EXIT INT TERM
  ffmpeg -hide_banner -nostdin -v error -re -stream_loop -1 -i "$1" -c copy -f flv "$2" </dev/null >"$3" 2>&1 &
  echo $!
}

# stop_pid PID...: TERM, then KILL after 5 s; only the given pids.
stop_pid() {
  local p
  for p in "$@"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "$@"; do
    [ -n "$p" ] || continue
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$p" 2>/dev/null || true
  done
}
