#!/usr/bin/env bash
# Installs the build into a throw-away root (cmake --install) and checks it is installed like a
# desktop application: both programs (and equiscope-cli runs from there), the .desktop file, the
# AppStream metainfo (appstreamcli validate), the icon in the hicolor sizes, the man pages and
# the bash completion (which completes commands and --method values). With EQUISCOPE_TEST_DEB=1
# it also builds the Debian package and checks its contents and dependencies with dpkg-deb.
#   check-install.sh BUILD_DIR
set -euo pipefail
build=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "check-install: FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$root/usr" >/dev/null
id=io.github.equiscope.Equiscope
for f in bin/equiscope bin/equiscope-cli share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$id.svg share/man/man1/equiscope.1 share/man/man1/equiscope-cli.1 \
         share/bash-completion/completions/equiscope-cli share/equiscope/translations/equiscope_de.qm \
         share/equiscope/translations/equiscope_fr.qm; do
  [[ -s "$root/usr/$f" ]] || fail "missing $f"
done
for size in 16 22 24 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
  [[ -s "$png" ]] || fail "missing ${size}x${size} icon"
  # PNG header: width and height are the big-endian words at bytes 16 and 20.
  w=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  [[ "$w" == "$size" ]] || fail "${size}x${size} icon is $w pixels wide"
done
grep -q "^Exec=equiscope$" "$root/usr/share/applications/$id.desktop" || fail "desktop file Exec"
grep -q "^Icon=$id$" "$root/usr/share/applications/$id.desktop" || fail "desktop file Icon"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/$id.desktop" || fail "desktop-file-validate"
else
  echo "check-install: desktop-file-validate not installed; the .desktop file is checked by grep only"
fi
command -v appstreamcli >/dev/null || fail "appstreamcli not installed (package appstream)"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
version=$("$root/usr/bin/equiscope-cli" version) || fail "equiscope-cli version from the installed path"
[[ "$version" == Equiscope\ * ]] || fail "equiscope-cli version printed: $version"
grep -q '^\.TH EQUISCOPE-CLI 1' "$root/usr/share/man/man1/equiscope-cli.1" || fail "man page header"
grep -q 'sparse\\-fare' "$root/usr/share/man/man1/equiscope-cli.1" || fail "man page lists the methods"
bash -n "$root/usr/share/bash-completion/completions/equiscope-cli" || fail "completion syntax"
out=$(bash -c 'source "$1"; COMP_WORDS=(equiscope-cli tr); COMP_CWORD=1; _equiscope_cli; echo "${COMPREPLY[*]}";
               COMP_WORDS=(equiscope-cli train --method sparse); COMP_CWORD=3; _equiscope_cli; echo "${COMPREPLY[*]}";
               COMP_WORDS=(equiscope-cli datasets inspect --format id); COMP_CWORD=4; _equiscope_cli; echo "${COMPREPLY[*]}"' \
      _ "$root/usr/share/bash-completion/completions/equiscope-cli")
[[ "$out" == $'train\nsparse-fare\nidx' ]] || fail "completion gave: $out"

if [[ "${EQUISCOPE_TEST_DEB:-0}" == 1 ]]; then
  (cd "$build" && cpack -G DEB >/dev/null)
  deb=$(ls -t "$build"/equiscope_*.deb | head -n1)
  # (Into files, not pipes: grep -q closing a pipe early fails the pipeline under pipefail.)
  dpkg-deb --info "$deb" >"$root/info"
  dpkg-deb --contents "$deb" >"$root/contents"
  grep -q 'Depends:.*libqt6core6' "$root/info" || fail "package depends on Qt"
  grep -q 'Depends:.*libtorch' "$root/info" || fail "package depends on LibTorch"
  grep -q 'Depends:.*libopenblas0-openmp' "$root/info" || fail "package depends on OpenBLAS"
  for f in usr/bin/equiscope usr/bin/equiscope-cli usr/share/applications/$id.desktop \
           usr/share/man/man1/equiscope-cli.1 usr/share/bash-completion/completions/equiscope-cli; do
    grep -q "\./$f\$" "$root/contents" || fail "package lacks $f"
  done
  dpkg-deb -x "$deb" "$root/deb"
  version=$("$root/deb/usr/bin/equiscope-cli" version) || fail "equiscope-cli from the package"
  [[ "$version" == Equiscope\ * ]] || fail "packaged equiscope-cli version printed: $version"
  echo "check-install: $deb checked"
fi
echo "check-install: ok"
