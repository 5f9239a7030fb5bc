#!/usr/bin/env bash
# One command for every release artefact, from the repository:
#   packaging/build.sh            # or VERSION=1.2.0 packaging/build.sh
# writes into dist/ the static binaries (CGO_ENABLED=0) for linux/amd64,
# linux/arm64 (a Raspberry Pi), windows/amd64 and darwin/arm64, the Debian
# packages of the two Linux builds, and SHA256SUMS over all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The version: $VERSION, else the newest tag (git describe), else
# 0.0.0+g<commit> (a Debian version starts with a digit).
version=${VERSION:-$(git describe --tags --dirty 2>/dev/null ||
  echo "0.0.0+g$(git rev-parse --short HEAD 2>/dev/null || echo unknown)")}
version=${version#v}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}

# The release binaries are built with the Go release named in
# packaging/release-go (fetched from the module proxy when the machine's Go
# is older): the patch releases fix the standard library (crypto/x509,
# crypto/tls, net/http) that the embedded NATS server reaches, and
# .ci/run's vulnerability check runs against the same release.
export GOTOOLCHAIN=${GOTOOLCHAIN_RELEASE:-$(cat packaging/release-go)}

rm -rf dist
mkdir -p dist
for target in linux/amd64 linux/arm64 windows/amd64 darwin/arm64; do
  os=${target%/*} arch=${target#*/}
  out=dist/cellule-$os-$arch
  [ "$os" = windows ] && out=$out.exe
  echo "building $out"
  # -trimpath: no build paths in the binary; -s -w: no symbol table nor
  # DWARF, a third smaller; the module version and commit stay in its
  # build information.
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -ldflags "-s -w" -o "$out" .
done
for arch in amd64 arm64; do
  (cd packaging && go run . --binary "../dist/cellule-linux-$arch" --arch "$arch" --version "$version" --out ../dist)
done
(cd dist && sha256sum -- * > SHA256SUMS)
cat dist/SHA256SUMS
