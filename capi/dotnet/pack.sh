#!/usr/bin/env bash
# Packs the C# wrapper as a NuGet package: OUT_DIR/Iro.VERSION.nupkg with lib/netstandard2.0, lib/net8.0
# and, under runtimes/linux-x64/native/, libiro.so and every shared library it needs beyond the C and C++
# runtimes (ldd decides; today Boost.Serialization). On .NET the wrapper loads the bundled libraries from
# that folder before libiro.so (NativeLoader.cs), so an application needs no LD_LIBRARY_PATH.
#
# Usage: capi/dotnet/pack.sh OUT_DIR LIBIRO_PATH VERSION
#   LIBIRO_PATH: the built library (build/lib/libiro.so; symlinks are followed).
#   VERSION: the library's version (CMakeLists.txt project(iro VERSION ...)).
# Needs the .NET SDK and NuGet packages for netstandard2.0 and net8.0 (NETStandard.Library,
# Microsoft.NETCore.App.Ref 8), which a plain restore takes from the NuGet source the machine has.
set -euo pipefail
if [[ $# -ne 3 ]]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
out=$1 lib=$2 version=$3
here=$(cd "$(dirname "$0")" && pwd)
[[ -f $lib ]] || { echo "pack.sh: no library at $lib" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d "${TMPDIR:-/tmp}/iro-pack.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/native"
cp -L "$lib" "$stage/native/libiro.so"

# Every library ldd resolves, but for the C and C++ runtimes every Linux machine with .NET has.
deps=()
while read -r name _ path _; do
  case $name in
    linux-vdso.so.*|ld-linux*|libc.so.*|libm.so.*|libstdc++.so.*|libgcc_s.so.*|libpthread.so.*|libdl.so.*|librt.so.*) continue ;;
  esac
  [[ -n ${path:-} && -f $path ]] || { echo "pack.sh: ldd could not resolve $name for $lib" >&2; exit 1; }
  cp -L "$path" "$stage/native/$name"
  deps+=("$stage/native/$name")
done < <(ldd "$lib" | awk '$2 == "=>" { print $1, $2, $3, $4 }')

dependencies=$(IFS=';'; echo "${deps[*]:-}")
dotnet pack "$here/Iro.csproj" -c Release -o "$out" --nologo \
  --artifacts-path "$stage/artifacts" \
  -p:Version="$version" \
  -p:IroNativeLibrary="$stage/native/libiro.so" \
  -p:IroNativeDependencies="$dependencies" >&2
echo "$out/Iro.$version.nupkg"
