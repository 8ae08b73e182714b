# Finding a Java 21+ runtime, shared by the product launcher (`fluffy`), the repository's `./fluffy`
# script and `./mvnw`. POSIX sh on purpose: mvnw is a /bin/sh script and sources this file.
#
# fluffy_find_java_home prints the home of the first Java 21+ it finds, in this order:
#   $FLUFFY_JAVA_HOME, $JAVA_HOME, the `java` on PATH, then the usual install folders.
# When none qualifies it explains on stderr what it tried and returns 1.

FLUFFY_MIN_JAVA=21

# Major version of the Java installed at $1, from its `release` file or else from `java -version`.
fluffy_java_major() {
  _fj_v=""
  if [ -r "$1/release" ]; then
    _fj_v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  fi
  if [ -z "$_fj_v" ] && [ -x "$1/bin/java" ]; then
    _fj_v=$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  _fj_v=${_fj_v#1.}
  echo "${_fj_v%%[!0-9]*}"
}

fluffy_java_candidates() {
  [ -n "${FLUFFY_JAVA_HOME:-}" ] && echo "$FLUFFY_JAVA_HOME"
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    _fj_java=$(command -v java)
    _fj_java=$(readlink -f "$_fj_java" 2>/dev/null || echo "$_fj_java")
    dirname "$(dirname "$_fj_java")"
  fi
  for _fj_dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                 "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$_fj_dir" ] && echo "$_fj_dir"
  done
}

fluffy_find_java_home() {
  _fj_tried=""
  _fj_seen=" "
  # A here-document, not a pipe, so the loop runs in this shell and `return` leaves the function.
  while IFS= read -r _fj_home; do
    [ -x "$_fj_home/bin/java" ] || continue
    _fj_real=$(readlink -f "$_fj_home" 2>/dev/null || echo "$_fj_home")
    case "$_fj_seen" in *" $_fj_real "*) continue ;; esac
    _fj_seen="$_fj_seen$_fj_real "
    _fj_major=$(fluffy_java_major "$_fj_home")
    if [ -n "$_fj_major" ] && [ "$_fj_major" -ge "$FLUFFY_MIN_JAVA" ]; then
      echo "$_fj_home"
      return 0
    fi
    _fj_tried="$_fj_tried
  $_fj_home (Java ${_fj_major:-of unknown version})"
  done <<EOF
$(fluffy_java_candidates)
EOF
  {
    echo "Fluffy needs Java $FLUFFY_MIN_JAVA or newer and found none."
    if [ -n "$_fj_tried" ]; then
      echo "Java installations found, all too old:$_fj_tried"
    else
      echo "No Java installation was found (looked at \$FLUFFY_JAVA_HOME, \$JAVA_HOME, PATH and /usr/lib/jvm)."
    fi
    echo "Install a JDK $FLUFFY_MIN_JAVA+ (Debian/Ubuntu: apt-get install openjdk-21-jdk; or https://adoptium.net)"
    echo "and, if it is not found by itself, point JAVA_HOME (or FLUFFY_JAVA_HOME) at it."
  } >&2
  return 1
}
