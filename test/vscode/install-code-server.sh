#!/bin/bash
# Installs code-server (VS Code 1.100.3 for the browser, the last release that runs on
# Node 20) from npm into DEST, offline-safe, unless it is already there.
# Needs Debian packages: libkrb5-dev (kerberos addon), ripgrep, build-essential, python3.
# Usage: install-code-server.sh DEST   -> DEST/node_modules/.bin/code-server
set -euo pipefail
DEST=${1:?usage: install-code-server.sh DEST}
CS_VERSION=${CS_VERSION:-4.100.3}
if [ -x "$DEST/node_modules/.bin/code-server" ] && grep -q "\"version\": \"$CS_VERSION\"" "$DEST/node_modules/code-server/package.json" 2>/dev/null; then
  echo "code-server $CS_VERSION: cached in $DEST"; exit 0
fi
for p in libkrb5-dev ripgrep; do
  dpkg -s "$p" >/dev/null 2>&1 || { echo "missing Debian package $p (apt-get install -y libkrb5-dev ripgrep chromium)"; exit 1; }
done
mkdir -p "$DEST" && DEST=$(cd "$DEST" && pwd) && cd "$DEST"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
# @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks for a cached
# tarball in $TMPDIR/vscode-ripgrep-cache-<version>/: seed it with Debian's rg.
export TMPDIR="$DEST/.tmp"; mkdir -p "$TMPDIR/rg"
cp "$(command -v rg)" "$TMPDIR/rg/rg"
for v in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$v"
  for t in v13.0.0-10 v13.0.0-13 v13.0.0-4; do
    tar czf "$TMPDIR/vscode-ripgrep-cache-$v/ripgrep-$t-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rg" rg
  done
done
# node-pty's postinstall runs `npx node-gyp`; code-server's postinstall refuses root without unsafe_perm.
echo "installing code-server $CS_VERSION into $DEST (about a minute)"
npm_config_yes=true npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CS_VERSION" > "$DEST/install.log" 2>&1 \
  || { tail -40 "$DEST/install.log"; exit 1; }
XDG_CONFIG_HOME="$TMPDIR/xdg" XDG_DATA_HOME="$TMPDIR/xdg" XDG_CACHE_HOME="$TMPDIR/xdg" "$DEST/node_modules/.bin/code-server" --version
