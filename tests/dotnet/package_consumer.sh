#!/usr/bin/env bash
# ctest dotnet_package_consumer: packs the wrapper with capi/dotnet/pack.sh into a folder feed, makes a new
# console project that takes the Iro package from that feed alone (a package cache of its own, so the
# package just packed is the one used), and runs tests/dotnet/consumer/Program.cs with no LD_LIBRARY_PATH.
# Usage: package_consumer.sh SOURCE_ROOT LIBIRO_PATH VERSION WORK_DIR
set -euo pipefail
root=$1 lib=$2 version=$3 work=$4
unset LD_LIBRARY_PATH IRO_LIBRARY
rm -rf "$work"
mkdir -p "$work/feed" "$work/app"
"$root/capi/dotnet/pack.sh" "$work/feed" "$lib" "$version" >/dev/null
cat > "$work/app/app.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Iro" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
cp "$root/tests/dotnet/consumer/Program.cs" "$work/app/Program.cs"
export NUGET_PACKAGES="$work/packages"
cd "$work/app"
dotnet restore --source "$work/feed" --nologo >&2
dotnet build --no-restore -c Release --nologo -o "$work/out" >&2
ls "$work/out/runtimes/linux-x64/native" >&2
dotnet "$work/out/app.dll"
