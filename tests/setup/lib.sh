# Shared by test.sh and the steps in tests/setup/: installing Debian packages on demand and
# stopping what the steps start.

_cleanups=()

# add_cleanup CMD: run CMD (with eval) when test.sh exits, last added first.
add_cleanup() { _cleanups+=("$1"); }

run_cleanups() {
  local i
  for ((i = ${#_cleanups[@]} - 1; i >= 0; i--)); do
    eval "${_cleanups[$i]}" || true
  done
}

_apt_updated=0
# need_apt PACKAGE...: installs those Debian packages that are not installed yet.
need_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "test.sh: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "$_apt_updated" = 0 ]; then
    $sudo apt-get update -qq >/dev/null
    _apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
