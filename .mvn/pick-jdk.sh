# The course's one way to find a JDK 21+: sourced by ./mvnw, ./chat, ./course and .ci/run, and
# run with /bin/sh by chat.jar's launcher (packed inside it) when the jar is started on an older Java.
# - JAVA_HOME set: it is used as it is; if it is older than 21, stop with one clear line.
# - JAVA_HOME unset and the `java` on PATH is older than 21 (Debian's default is 17): use the
#   newest JDK 21+ found in the usual places, so the README's commands work as written.
# ./mvnw is the Maven Wrapper's script plus one line that sources this file: a wrapper upgrade
# rewrites mvnw, so put that line back (.ci/jdk-check fails until it is there).

course_java_major() {
  # "17.0.15" -> 17, "25" -> 25, "1.8.0_402" -> 1 (older than 21 either way).
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

course_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    course_java="$JAVA_HOME/bin/java"
  else
    course_java=$(command -v java 2>/dev/null || true)
  fi
  course_major=0
  [ -n "$course_java" ] && [ -x "$course_java" ] && course_major=$(course_java_major "$course_java")
  if [ "${course_major:-0}" -ge 21 ]; then
    # Name the JDK in JAVA_HOME too, so scripts can always run "$JAVA_HOME/bin/java".
    if [ -z "${JAVA_HOME-}" ]; then
      course_home=$(cd "$(dirname "$(readlink -f "$course_java" 2>/dev/null || echo "$course_java")")/.." && pwd)
      [ -x "$course_home/bin/java" ] && JAVA_HOME=$course_home && export JAVA_HOME
    fi
    return 0
  fi
  if [ -n "${JAVA_HOME-}" ]; then
    echo "error: this course needs JDK 21 or newer, but JAVA_HOME=$JAVA_HOME is JDK ${course_major:-?}. Point JAVA_HOME at a JDK 21+ (see README, Prerequisites)." >&2
    exit 1
  fi
  course_best="" course_best_major=0
  case $- in *f*) course_noglob=1 ;; *) course_noglob=0 ;; esac
  set +f
  for course_jdk in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME:-/nonexistent}"/.sdkman/candidates/java/*; do
    [ -x "$course_jdk/bin/javac" ] || continue
    course_v=$(course_java_major "$course_jdk/bin/java")
    if [ "${course_v:-0}" -gt "$course_best_major" ]; then
      course_best=$course_jdk course_best_major=$course_v
    fi
  done
  [ "$course_noglob" = 1 ] && set -f
  if [ "$course_best_major" -ge 21 ]; then
    JAVA_HOME=$course_best
    export JAVA_HOME
    return 0
  fi
  echo "error: this course needs JDK 21 or newer; the default java is JDK ${course_major:-none} and no JDK 21+ was found. Install one and set JAVA_HOME (see README, Prerequisites)." >&2
  exit 1
}

course_pick_jdk
