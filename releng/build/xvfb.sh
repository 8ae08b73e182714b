#!/usr/bin/env bash
# Started by the build (profile own-xvfb) when there is no DISPLAY: runs an Xvfb server for the UI tests
# in the foreground; Maven stops it when the build ends.
display="${1:-:93}"
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "fluffy build: no DISPLAY and no Xvfb. The UI tests need an X server: install Xvfb" \
       "(Debian/Ubuntu: apt-get install xvfb) or run the build with DISPLAY set." >&2
  exit 1
fi
# A server left over on this display (an earlier build killed hard) is fine to reuse.
if [ -e "/tmp/.X11-unix/X${display#:}" ]; then
  echo "fluffy build: reusing the X server on display $display"
  exit 0
fi
exec Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp
