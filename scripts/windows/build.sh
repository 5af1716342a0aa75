#!/usr/bin/env bash
# Build PerfDesk for Windows on this Linux machine, from the locked dependencies (uv.lock):
#
#   scripts/windows/build.sh OUTDIR
#
# writes OUTDIR/PerfDesk-<version>-win64.zip (portable: unzip, double-click PerfDesk.exe) and
# OUTDIR/PerfDesk-Setup-<version>.exe (per-user installer). PyInstaller runs under Wine with
# the embeddable Windows CPython; downloads are cached in ~/.cache/perfdesk-windows
# (PERFDESK_WINDOWS_CACHE), so a second build does not fetch them again.
source "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
mkdir -p "$1"
OUTDIR="$(realpath "$1")"
started=$SECONDS

ensure_wine nsis
ensure_uv
version="$(uv run --locked --no-dev python -c 'import perfdesk; print(perfdesk.__version__)')"
[[ "$version" =~ ^[0-9]+(\.[0-9]+)*$ ]] || die "unexpected version '$version'"
log "building PerfDesk $version"

export WINEPREFIX="$CACHE/prefix-build"
log "Wine prefix $WINEPREFIX"
new_prefix "$WINEPREFIX"
trap stop_prefix EXIT
# PyInstaller imports Qt while it analyses the program, and Qt needs these under Wine 8.0.
install_standins

work="$WINEPREFIX/drive_c/build"
mkdir -p "$work"
locked_requirements "$work/requirements.txt" --no-dev
log "Windows Python with the locked packages and PyInstaller"
install_windows_python "$work/requirements.txt" "$WINDOWS_SCRIPTS/build-requirements.txt"

# The sources PerfDesk runs from, copied onto drive C: (programs run from Z: see Linux paths).
mkdir -p "$work/src"
(cd "$REPO" && tar -cf - --exclude=__pycache__ launcher.py perfdesk ui resources) \
    | tar -xf - -C "$work/src"
cp "$WINDOWS_SCRIPTS/perfdesk.spec" "$work/src/"

log "PyInstaller"
cd "$work"
# Not news: Wine has no files for the api-ms-win-* API sets (Windows 10 has them all), and
# lxml's hook names lxml.html modules the spec leaves out.
windows_python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath 'C:\build\dist' --workpath 'C:\build\work' 'C:\build\src\perfdesk.spec' \
    2> >(grep -v -e "Library not found: could not resolve 'api-ms-win-" \
        -e 'Hidden import "lxml\.html\.' >&2)
bundle="$work/dist/PerfDesk"
for program in PerfDesk.exe perfdesk.com; do
    [ -f "$bundle/$program" ] || die "PyInstaller made no $program"
done
# Every Qt module the sources import is in the bundle (the spec's excludes may not take one).
for module in $(cd "$REPO" && grep -rhoE 'PySide6\.Qt[A-Za-z]+' launcher.py ui perfdesk | sort -u); do
    [ -f "$bundle/_internal/PySide6/${module#PySide6.}.pyd" ] || die "the bundle lacks $module"
done

zip_file="$OUTDIR/PerfDesk-$version-win64.zip"
setup_file="$OUTDIR/PerfDesk-Setup-$version.exe"
rm -f "$zip_file" "$setup_file"
log "zip"
(cd "$work/dist" && zip -q -r -9 -X "$zip_file" PerfDesk)

log "installer"
numbers=$(printf '%s.0.0.0.0' "$version" | cut -d. -f1-4)
makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$version" -DVERSION4="$numbers" -DSOURCE="$bundle" \
    -DICON="$REPO/resources/perfdesk.ico" -DSIZE_KB="$(du -sk "$bundle" | cut -f1)" \
    -DOUTFILE="$setup_file" "$WINDOWS_SCRIPTS/installer.nsi" >&2

log "done in $((SECONDS - started)) s: unpacked $(du -sh "$bundle" | cut -f1)"
ls -l "$zip_file" "$setup_file" >&2
