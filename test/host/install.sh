#!/bin/sh
# Installs the offline VS Code test host: the VS Code 1.96.4 server that code-server 4.96.4 packages
# (web workbench + Node extension host), with Debian's Chromium to open the workbench headless.
# VS Code desktop and Electron cannot be downloaded on our machines; the npm registry and Debian's
# packages can. Idempotent: a finished install leaves a marker and the next run only says "ready".
#
#   sh test/host/install.sh        # host dir: $YCML_VSCODE_HOST_DIR, else ~/.cache/ycml-vscode-host/4.96.4
set -eu
CS_VERSION=4.96.4   # the last code-server line on Node 20 (VS Code 1.96.4); newer ones need Node 22+
HOST_DIR=${YCML_VSCODE_HOST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ycml-vscode-host/$CS_VERSION}
MARKER="$HOST_DIR/.installed"

if [ -f "$MARKER" ] && command -v chromium >/dev/null && command -v rg >/dev/null; then
  echo "vscode-host: ready in $HOST_DIR"
  exit 0
fi
echo "vscode-host: installing code-server $CS_VERSION into $HOST_DIR"

# Chromium opens the workbench, ripgrep replaces the binary @vscode/ripgrep would download, and
# libkrb5-dev + a compiler build the server's native modules.
if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! [ -e /usr/include/krb5.h ] || ! command -v g++ >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "vscode-host: as root, run: apt-get install -y chromium ripgrep libkrb5-dev build-essential python3" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium ripgrep libkrb5-dev build-essential python3 >/dev/null
fi

# Called from `npm test`, npm's own settings would point a nested install at the project itself.
unset npm_config_local_prefix npm_config_prefix npm_config_global
export npm_config_nodedir="${npm_config_nodedir:-/usr}"   # node-gyp builds against /usr/include/node
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

mkdir -p "$HOST_DIR" && cd "$HOST_DIR"
[ -f package.json ] || echo '{"private":true}' >package.json
# code-server's postinstall needs a git dependency we cannot fetch: install without scripts and do
# its steps here.
npm install --ignore-scripts --loglevel=error "code-server@$CS_VERSION"
npm rebuild --loglevel=error argon2

cd node_modules/code-server/lib/vscode
# The git dependency @vscode/proxy-agent is published on the registry as the same tarball.
registry=$(npm config get registry)
sed -i "s#\"git+ssh://[^\"]*vscode-proxy-agent[^\"]*\"#\"${registry%/}/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz\"#" npm-shrinkwrap.json
npm install --omit=dev --ignore-scripts --loglevel=error
npm rebuild --loglevel=error kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog node-pty
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# the server resolves its modules through the packaged (asar) name and its helper scripts by platform name
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --omit=dev --loglevel=error >/dev/null)

echo "$CS_VERSION" >"$MARKER"
echo "vscode-host: installed in $HOST_DIR"
