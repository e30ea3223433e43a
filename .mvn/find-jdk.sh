# Sourced by ./mvnw and ./marketlake: makes JAVA_HOME point at a JDK 21 or newer.
# Order: JAVA_HOME if it is 21+, else the newest 21+ JDK under /usr/lib/jvm, else stop with one line.
ml_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
ml_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(ml_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then return 0; fi
  fi
  best=""; bestv=0
  set +f  # ./mvnw runs with globbing off
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(ml_java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "marketlake: needs a JDK 21 or newer; set JAVA_HOME or install one (for example: apt-get install openjdk-21-jdk-headless)" >&2
    exit 2
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}
ml_find_jdk
