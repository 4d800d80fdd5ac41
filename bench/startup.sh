#!/bin/sh
# Times `retrograd plugins` in fresh JVMs, as the launcher runs it, and prints the median and the
# fastest wall time in milliseconds for each jar. Jars are run in turn, so that a busy machine slows
# them alike. Then prints, for the first jar, the command line's injector and Plugins.load() timed
# inside one fresh JVM (bench/StartupTimes.java).
#
#   bench/startup.sh [RUNS] [JAR...]      default: 15 runs of demo/target/retrograd.jar
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- "$root/demo/target/retrograd.jar"
opts="-XX:+UseParallelGC -Xmn64m"
times=$(mktemp)
i=0
while [ "$i" -lt "$runs" ]; do
  for jar in "$@"; do
    start=$(date +%s%N)
    java $opts -jar "$jar" plugins >/dev/null
    echo "$jar $(( ($(date +%s%N) - start) / 1000000 ))" >>"$times"
  done
  i=$((i + 1))
done
for jar in "$@"; do
  grep -F "$jar " "$times" | cut -d' ' -f2 | sort -n | awk -v jar="$jar" \
    '{ v[NR] = $1 } END { printf "%s: retrograd plugins median %d ms, fastest %d ms (%d runs)\n", jar, v[int((NR + 1) / 2)], v[1], NR }'
done
rm -f "$times"
java $opts -cp "$1" "$root/bench/StartupTimes.java"
