#!/usr/bin/env bash
# Regenerates the modules' media fixtures with ffmpeg, and ffprobe's view of each beside it, into
# <module>/src/test/resources/fixtures/<format>/. Deterministic (bitexact flags, synthetic lavfi
# sources, one encoder thread); every file stays under 1 MB. Each module keeps its recipes in
# scripts/fixtures/<module>.sh, which defines a function named after the module (dashes as _).
#
#   scripts/make-fixtures.sh            # every module
#   scripts/make-fixtures.sh aac-adts   # one module
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
for tool in ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install ffmpeg" >&2; exit 1; }
done

ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }
# Writes <file>.packets.csv (pts,dts,duration,size,pos,flags per packet) and <file>.streams.txt.
probe() {
  local file=$1
  { echo "# ffprobe $(ffprobe -version | head -1 | cut -d' ' -f3): pts,dts,duration,size,pos,flags"
    ffprobe -v error -show_entries packet=pts,dts,duration,size,pos,flags -of csv=p=0 "$file"
  } > "$file.packets.csv"
  # One key=value per line per stream, so tests compare field by field.
  ffprobe -v error -show_entries stream=index,codec_name,profile,codec_type,sample_rate,channels,width,height,pix_fmt,field_order,r_frame_rate \
    -of default=noprint_wrappers=0 "$file" > "$file.streams.txt"
}
check_size() {
  local file=$1 size
  size=$(stat -c %s "$file")
  (( size < 1000000 )) || { echo "$file is $size bytes: fixtures stay under 1 MB" >&2; exit 1; }
}
bitexact=(-fflags +bitexact -flags +bitexact -threads 1)
# The static ffmpeg 7.0 (pip package imageio-ffmpeg==0.6.0, as .ci/run installs it; STREAMWIRE_FFMPEG7
# overrides): Enhanced FLV (HEVC, AV1 in FLV), which Debian's ffmpeg 5.1 can neither write nor read.
# Resolved when a recipe first calls ff7, so modules that do not need it do not need it installed.
ff7_bin() {
  local bin=${STREAMWIRE_FFMPEG7:-}
  [ -n "$bin" ] || bin=$(python3 -c 'import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())' 2>/dev/null) || true
  if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "ffmpeg 7 missing: python3 -m pip install imageio-ffmpeg==0.6.0 (or set STREAMWIRE_FFMPEG7)" >&2
    return 1
  fi
  echo "$bin"
}
ff7() {
  local bin
  bin=$(ff7_bin) || exit 1
  "$bin" -hide_banner -loglevel error -nostdin -y "$@"
}

for recipe in "$root"/scripts/fixtures/*.sh; do
  # shellcheck source=/dev/null
  source "$recipe"
done

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  for recipe in "$root"/scripts/fixtures/*.sh; do modules+=("$(basename "$recipe" .sh)"); done
fi
for m in "${modules[@]}"; do
  fn=${m//-/_}
  declare -F "$fn" >/dev/null || { echo "no fixture recipes for module $m (scripts/fixtures/$m.sh)" >&2; exit 1; }
  echo "== $m"
  "$fn"
done
