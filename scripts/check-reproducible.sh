#!/usr/bin/env bash
# Reproducible-build check for the published artifacts: builds the library modules (every module
# with a src/main/java/module-info.java) and the BOM twice from clean, in a scratch copy of this
# work tree, and compares the SHA-256 of every jar they produce (classes, sources, javadoc).
# Exits 0 when each jar of the second build is byte-identical to the first, 1 otherwise (the
# differing entries are listed). Extra arguments go to Maven, e.g. -o to stay offline.
#
#   scripts/check-reproducible.sh          # about 2 x 40 s on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."

modules=()
for descriptor in */src/main/java/module-info.java; do
  modules+=("${descriptor%%/src/main/java/module-info.java}")
done
projects="$(IFS=,; echo "${modules[*]}"),bom"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/streamwire-repro.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/tree" "$scratch/first"
# The work tree as it is (uncommitted edits included), without build output or git metadata.
tar --exclude=./.git --exclude='*/target' -cf - . | tar -xf - -C "$scratch/tree"

build() {
  (cd "$scratch/tree" && ./mvnw -B -ntp -q "$@" -DskipTests -pl "$projects" clean package)
}
jar_hashes() {
  (cd "$scratch/tree" && find . -path '*/target/*.jar' -not -path '*/target/*/*' | LC_ALL=C sort | xargs sha256sum)
}

echo "== reproducible: first build of $projects"
build "$@"
jar_hashes > "$scratch/first.sha256"
(cd "$scratch/tree" && find . -path '*/target/*.jar' -not -path '*/target/*/*' -exec cp --parents {} "$scratch/first" \;)

echo "== reproducible: second build, from clean"
build "$@"
jar_hashes > "$scratch/second.sha256"

count=$(wc -l < "$scratch/first.sha256")
if [ "$count" -eq 0 ]; then
  echo "no jars were built" >&2
  exit 1
fi
if cmp -s "$scratch/first.sha256" "$scratch/second.sha256"; then
  sed 's|  \./|  |' "$scratch/second.sha256"
  echo "== reproducible: $count jars, all byte-identical across two clean builds"
  exit 0
fi

echo "== reproducible: jars differ between two clean builds" >&2
diff "$scratch/first.sha256" "$scratch/second.sha256" >&2 || true
while read -r _ jar; do
  if ! cmp -s "$scratch/first/$jar" "$scratch/tree/$jar"; then
    echo "-- $jar: entries whose CRC, size or time differ (first build <, second >)" >&2
    diff <(unzip -v "$scratch/first/$jar" | awk 'NR>3 {print $1, $5, $6, $7, $8}') \
         <(unzip -v "$scratch/tree/$jar" | awk 'NR>3 {print $1, $5, $6, $7, $8}') >&2 || true
  fi
done < "$scratch/first.sha256"
exit 1
