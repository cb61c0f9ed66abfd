#!/usr/bin/env bash
# Regenerates the modules' media fixtures with ffmpeg, and ffprobe's view of each beside it, into
# <module>/src/test/resources/fixtures/<format>/. Deterministic (bitexact flags, synthetic lavfi
# sources, one encoder thread); every file stays under 1 MB. Each module issue adds its recipes here.
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

aac_adts() {
  local dir=$root/aac-adts/src/test/resources/fixtures/adts
  mkdir -p "$dir"
  # AAC-LC stereo 44.1 kHz, 2 s of a 440 Hz tone.
  ff -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=2" -ac 2 \
     -c:a aac -b:a 96k "${bitexact[@]}" -f adts "$dir/sine-44100-stereo.aac"
  # AAC-LC mono 8 kHz, 1 s.
  ff -f lavfi -i "sine=frequency=1000:sample_rate=8000:duration=1" -ac 1 \
     -c:a aac -b:a 24k "${bitexact[@]}" -f adts "$dir/sine-8000-mono.aac"
  for f in "$dir"/*.aac; do probe "$f"; check_size "$f"; done
}

modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(aac-adts)
for m in "${modules[@]}"; do
  case "$m" in
    aac-adts) aac_adts ;;
    *) echo "no fixture recipes for module $m yet" >&2; exit 1 ;;
  esac
done
