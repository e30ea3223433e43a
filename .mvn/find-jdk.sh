# Sourced by ./mvnw and ./marketlake: makes JAVA_HOME point at a JDK 21 or newer.
# Order: JAVA_HOME if it is 21+, else the newest 21+ JDK under /usr/lib/jvm, else stop with one line.
ml_java_major() {
  # The JDK's release file answers without starting a JVM; ask the JVM only when there is none.
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
    if [ -n "$v" ]; then echo "$v"; return 0; fi
  fi
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
