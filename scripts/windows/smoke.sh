#!/usr/bin/env bash
# Smoke-test the Windows build of PerfDesk under Wine, as an officer would use it:
#
#   scripts/windows/smoke.sh OUTDIR        (after build.sh OUTDIR)
#
# In a fresh Wine prefix with no Python: installs PerfDesk-Setup-<version>.exe silently and
# unzips the portable zip elsewhere; with each, works through the command line (sample, list,
# print, export-xlsx, backup, restore, import a PDF, check) and the window (start, print
# preview, screenshot, close, no lock left), first without any CJK font (a warning, still a
# PDF), then with one under a Windows name. Checks that nothing of the test prefix (stand-in
# DLLs, the font) is in the zip or the installed files, and uninstalls (the data stays). The
# core tests under the Windows Python are core_tests.sh, run on its own. Writes OUTDIR/smoke.pdf and
# OUTDIR/window.png; exits non-zero on the first failure.
source "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
OUTDIR="$(realpath "$1")"
started=$SECONDS

ensure_wine xvfb xdotool poppler-utils fonts-wqy-zenhei
ensure_uv
version="$(uv run --locked --no-dev python -c 'import perfdesk; print(perfdesk.__version__)')"
zip_file="$OUTDIR/PerfDesk-$version-win64.zip"
setup_file="$OUTDIR/PerfDesk-Setup-$version.exe"
[ -f "$zip_file" ] && [ -f "$setup_file" ] || die "no build of $version in $OUTDIR (run build.sh)"
CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
CJK_FONT_NAME=WenQuanYiZenHei  # its PostScript name, as pdffonts shows it

logs="$OUTDIR/smoke-logs"
rm -rf "$logs" "$OUTDIR/smoke.pdf" "$OUTDIR/window.png"
mkdir -p "$logs"

# A virtual screen of a usual office PC for the window.
display=""
for number in $(seq 90 120); do
    if [ ! -e "/tmp/.X11-unix/X$number" ] && [ ! -e "/tmp/.X$number-lock" ]; then
        display=":$number"
        break
    fi
done
[ -n "$display" ] || die "no free X display"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY="$display"
cleanup() {
    stop_prefix
    kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

export WINEPREFIX="$CACHE/prefix-smoke"
log "fresh Wine prefix $WINEPREFIX"
new_prefix "$WINEPREFIX"
install_standins
drive_c="$WINEPREFIX/drive_c"
if find "$drive_c" -iname 'python*.exe' | grep . >/dev/null; then
    die "the test prefix has a Python"
fi
user_dir="$drive_c/users/$(id -un)"
local_appdata="$user_dir/AppData/Local"
smoke="$drive_c/smoke"
mkdir -p "$smoke"
cd "$smoke"  # programs run from drive C:

check() {  # DESCRIPTION COMMAND...: run a check, fail the smoke with DESCRIPTION if it fails
    local description="$1"
    shift
    "$@" || die "$description"
}

# Run a console program; its stdout and stderr (the command line writes UTF-8 into pipes, not
# the console's code page 936) land in $logs/LABEL.out and .err.
cli() {
    local label="$1" status=0
    shift
    wine_run "$@" >"$logs/$label.out" 2>"$logs/$label.err" || status=$?
    sed "s/^/    $label: /" "$logs/$label.out" "$logs/$label.err" >&2
    return "$status"
}

# perfdesk.com of one copy, with that copy's database.
perfdesk() {  # COPY LABEL ARGS...
    local copy="$1" label="$2"
    shift 2
    cli "$copy-$label" "${program_dir[$copy]}\\perfdesk.com" ${db_args[$copy]:+"${db_args[$copy]}"} "$@"
}

declare -A program_dir db_args db_file

log "install $(basename "$setup_file") /S"
cp "$setup_file" "$smoke/setup.exe"
check "the installer failed" cli install 'C:\smoke\setup.exe' /S
installed="$local_appdata/Programs/PerfDesk"
for file in PerfDesk.exe perfdesk.com uninstall.exe _internal/resources/sample.json; do
    [ -f "$installed/$file" ] || die "the installer put no $file in $installed"
done
shortcut="绩效目标表编制 (PerfDesk).lnk"
start_menu="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
[ -f "$start_menu/$shortcut" ] || die "no 开始菜单 shortcut $shortcut"
[ -f "$user_dir/Desktop/$shortcut" ] || die "no 桌面 shortcut $shortcut"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\PerfDesk'
check "no uninstaller registered" cli registry reg query "$uninstall_key" /v UninstallString
grep -qi 'uninstall.exe' "$logs/registry.out" || die "the uninstaller is registered wrongly"
program_dir[installed]='C:\users\'"$(id -un)"'\AppData\Local\Programs\PerfDesk'
db_args[installed]=""  # the default database, in the officer's data folder
db_file[installed]="$local_appdata/PerfDesk/perfdesk.db"

log "unzip $(basename "$zip_file")"
mkdir -p "$drive_c/portable"
unzip -q "$zip_file" -d "$drive_c/portable"
program_dir[portable]='C:\portable\PerfDesk'
mkdir -p "$smoke/portable"
db_args[portable]='--db=C:\smoke\portable\perfdesk.db'
db_file[portable]="$smoke/portable/perfdesk.db"

log "the zip and the installed files are the same, and hold nothing of the test prefix"
(cd "$installed" && find . -type f ! -name uninstall.exe | sed 's|^\./||' | sort) \
    >"$logs/installed-files.txt"
unzip -Z1 "$zip_file" | grep -v '/$' | sed 's|^PerfDesk/||' | sort >"$logs/zip-files.txt"
diff -u "$logs/zip-files.txt" "$logs/installed-files.txt" >&2 \
    || die "the installer and the zip hold different files"
foreign_names='(^|/)(icuuc|bcryptprimitives|mscms)\.dll$|(^|/)(simsun|simfang|simhei|simkai)\.tt[cf]$|wqy'
if grep -iE "$foreign_names" "$logs/zip-files.txt"; then
    die "the bundle holds a file of the test prefix"
fi
foreign_sums="$(md5sum "$drive_c"/windows/system32/{icuuc,bcryptprimitives,mscms}.dll "$CJK_FONT" \
    | cut -d' ' -f1)"
if (cd "$installed" && find . -type f -print0 | xargs -0 md5sum) | grep -F "$foreign_sums"; then
    die "the bundle holds a copy of a stand-in DLL or the test font"
fi

copies=(installed portable)

fonts_of() {  # PDF: pdffonts' table without its two heading lines
    pdffonts "$1" | tail -n +3
}

log "without any CJK font: the command line warns and still prints"
for copy in "${copies[@]}"; do
    mkdir -p "$smoke/$copy"
    check "$copy: sample failed" perfdesk "$copy" sample sample
    [ -f "${db_file[$copy]}" ] || die "$copy: no database at ${db_file[$copy]}"
    check "$copy: print without a CJK font failed" \
        perfdesk "$copy" print-nofont print --all -o "C:\\smoke\\$copy\\nofont.pdf"
    grep -q 'STSong-Light' "$logs/$copy-print-nofont.err" \
        || die "$copy: no warning that the PDF has no embedded font"
    fonts_of "$smoke/$copy/nofont.pdf" | grep '^STSong-Light' >/dev/null \
        || die "$copy: the font-less PDF does not use STSong-Light"
done

log "a CJK TrueType font as C:\\windows\\Fonts\\simsun.ttc (宋体)"
cp "$CJK_FONT" "$drive_c/windows/Fonts/simsun.ttc"
# Registered as Windows' font installer does: Qt's DirectWrite font list comes from there.
wine_run reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\Fonts' \
    /v 'SimSun & NSimSun (TrueType)' /d simsun.ttc /f >/dev/null

for copy in "${copies[@]}"; do
    log "$copy: the command line"
    folder="C:\\smoke\\$copy"
    check "$copy: list failed" perfdesk "$copy" list list
    [ "$(grep -c '上海科技报社' "$logs/$copy-list.out")" -eq 2 ] || die "$copy: list does not show 2 projects"

    check "$copy: print failed" perfdesk "$copy" print print --all -o "$folder\\smoke.pdf"
    if grep -q '警告' "$logs/$copy-print.err"; then die "$copy: print warned with a CJK font there"; fi
    fonts_of "$smoke/$copy/smoke.pdf" >"$logs/$copy-pdffonts.txt"
    grep -qE "\+$CJK_FONT_NAME(-[0-9]+)? " "$logs/$copy-pdffonts.txt" \
        || die "$copy: the PDF does not use simsun.ttc"
    if awk '$(NF-4) != "yes"' "$logs/$copy-pdffonts.txt" | grep . >/dev/null; then
        die "$copy: a font in the PDF is not embedded"
    fi

    check "$copy: export-xlsx failed" \
        perfdesk "$copy" export-xlsx export-xlsx --all -o "$folder\\smoke.xlsx"
    unzip -l "$smoke/$copy/smoke.xlsx" | grep 'xl/workbook.xml' >/dev/null || die "$copy: no workbook"

    mkdir -p "$smoke/$copy/backups"
    check "$copy: backup failed" perfdesk "$copy" backup backup -o "$folder\\backups"
    backup_zip="$(find "$smoke/$copy/backups" -name '*.zip' | head -1)"
    [ -n "$backup_zip" ] || die "$copy: backup wrote no zip"
    check "$copy: restore failed" \
        perfdesk "$copy" restore restore "$folder\\backups\\$(basename "$backup_zip")"

    check "$copy: importing the printed PDF failed" \
        perfdesk "$copy" import import --on-duplicate new "$folder\\smoke.pdf"
    check "$copy: list failed" perfdesk "$copy" list-imported list
    [ "$(grep -c '上海科技报社' "$logs/$copy-list-imported.out")" -eq 4 ] \
        || die "$copy: the two forms of the PDF were not imported"
    check "$copy: check found errors" perfdesk "$copy" check check
    check "$copy: review failed" perfdesk "$copy" review review --all
    [ "$(grep -c '科普资源平台建设' "$logs/$copy-review.out")" -eq 2 ] \
        || die "$copy: review did not grade the 4 projects"
done
cp "$smoke/installed/smoke.pdf" "$OUTDIR/smoke.pdf"

# The window: on the virtual screen with no window manager, so without title bars; a click
# inside a window activates it, as on Windows.

wait_for_window() {  # TITLE-PATTERN SECONDS STATUS-FILE: the id of a visible window whose
    # title matches; gives up at once when the program has ended (its STATUS-FILE exists)
    local pattern="$1" seconds="$2" status_file="$3" found
    for _ in $(seq "$seconds"); do
        [ ! -f "$status_file" ] || return 1
        found="$(xdotool search --onlyvisible --name "$pattern" 2>/dev/null | head -1)"
        if [ -n "$found" ]; then
            printf '%s' "$found"
            return 0
        fi
        sleep 1
    done
    return 1
}

screenshot() {  # PNG: the whole virtual screen (Pillow of the project's own environment)
    (cd "$REPO" && uv run --locked --no-dev python -c \
        "import sys; from PIL import ImageGrab; ImageGrab.grab(xdisplay=sys.argv[1]).save(sys.argv[2])" \
        "$DISPLAY" "$1")
}

window_failed() {  # COPY MESSAGE: the screen and the program's errors, then fail
    local copy="$1" message="$2"
    screenshot "$logs/$copy-window-failed.png" || true
    sed "s/^/    $copy-window: /" "$logs/$copy-window.out" "$logs/$copy-window.err" >&2
    die "$copy: $message (the screen: $logs/$copy-window-failed.png)"
}

window_test() {  # COPY PNG
    local copy="$1" png="$2" status_file="$logs/$copy-window.status" lock window
    lock="${db_file[$copy]}.lock"
    rm -f "$status_file"
    (
        status=0
        wine_run "${program_dir[$copy]}\\PerfDesk.exe" ${db_args[$copy]:+"${db_args[$copy]}"} \
            >"$logs/$copy-window.out" 2>"$logs/$copy-window.err" || status=$?
        echo "$status" >"$status_file"
    ) &
    window="$(wait_for_window '绩效目标表（已自动保存）' 120 "$status_file")" \
        || window_failed "$copy" "the window did not open"
    [ -f "$lock" ] || die "$copy: the window holds no lock on its database"
    sleep 3
    # A click on the status bar's middle activates the window and changes nothing; then
    # the keyboard reaches it.
    eval "$(xdotool getwindowgeometry --shell "$window")"
    xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 12)) click 1
    sleep 1
    xdotool key ctrl+p
    wait_for_window '^打印预览' 90 "$status_file" >/dev/null \
        || window_failed "$copy" "Ctrl+P opened no print preview"
    sleep 5  # the preview draws its pages in the background
    screenshot "$png" || die "$copy: no screenshot"
    xdotool key Escape
    sleep 2

    # 导出PDF… lays the forms out in a child process: the program started again, as
    # multiprocessing does on Windows (freeze_support). The scope dialog's next choice (the
    # selected or all listed projects), then the save dialog's suggested name in 文档.
    local documents="$user_dir/Documents" exported=""
    rm -f "$documents"/*.pdf
    xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 12)) click 1
    sleep 1
    xdotool key ctrl+shift+e
    wait_for_window '^导出PDF' 30 "$status_file" >/dev/null \
        || window_failed "$copy" "Ctrl+Shift+E asked for no scope"
    sleep 1
    xdotool key Down Return
    sleep 4  # the save dialog
    xdotool key Return
    for _ in $(seq 90); do
        exported="$(find "$documents" -maxdepth 1 -name '*.pdf' | head -1)"
        [ -z "$exported" ] || break
        sleep 1
    done
    [ -n "$exported" ] || window_failed "$copy" "导出PDF wrote no PDF into 文档"
    fonts_of "$exported" >"$logs/$copy-exported-pdffonts.txt"
    if awk '$(NF-4) != "yes"' "$logs/$copy-exported-pdffonts.txt" | grep . >/dev/null; then
        die "$copy: a font in the exported PDF is not embedded"
    fi
    sleep 2
    # Closing as Windows does when asked to (WM_CLOSE): automatic backup, lock released.
    wine_run taskkill /im PerfDesk.exe >/dev/null || die "$copy: could not ask the window to close"
    for _ in $(seq 90); do
        [ -f "$status_file" ] && break
        sleep 1
    done
    [ -f "$status_file" ] || die "$copy: the window did not close"
    [ "$(cat "$status_file")" = 0 ] || die "$copy: the window exited with $(cat "$status_file")"
    [ ! -e "$lock" ] || die "$copy: the window left its lock $lock"
    if grep -q Traceback "$logs/$copy-window.err" || [ -e "$local_appdata/PerfDesk/perfdesk-error.log" ]; then
        sed "s/^/    $copy-window: /" "$logs/$copy-window.err" >&2
        die "$copy: the window met a program error"
    fi
}

for copy in "${copies[@]}"; do
    log "$copy: the window and its print preview"
    if [ "$copy" = installed ]; then png="$OUTDIR/window.png"; else png="$logs/window-$copy.png"; fi
    window_test "$copy" "$png"
    # No stale lock: restoring needs the window closed, and knows that it is.
    backup_zip="$(find "$smoke/$copy/backups" -name '*.zip' | head -1)"
    check "$copy: restore after the window failed" perfdesk "$copy" restore-after-window \
        restore "C:\\smoke\\$copy\\backups\\$(basename "$backup_zip")"
done

log "uninstall: the program goes, the officer's data stays"
data_dir="$local_appdata/PerfDesk"
(cd "$data_dir" && find . -type f -print0 | sort -z | xargs -0 md5sum) >"$logs/data-before.txt"
check "the uninstaller failed" cli uninstall "${program_dir[installed]}\\uninstall.exe" /S
for _ in $(seq 60); do  # NSIS' uninstaller finishes from a copy of itself in %TEMP%
    [ -e "$installed" ] || break
    sleep 1
done
[ ! -e "$installed" ] || die "the uninstaller left $installed"
[ ! -e "$start_menu/$shortcut" ] || die "the uninstaller left the 开始菜单 shortcut"
[ ! -e "$user_dir/Desktop/$shortcut" ] || die "the uninstaller left the 桌面 shortcut"
if cli registry-after reg query "$uninstall_key" 2>/dev/null; then
    die "the uninstaller is still registered"
fi
(cd "$data_dir" && find . -type f -print0 | sort -z | xargs -0 md5sum) >"$logs/data-after.txt"
diff -u "$logs/data-before.txt" "$logs/data-after.txt" >&2 || die "the uninstaller changed the data folder"
grep -q ' ./perfdesk.db$' "$logs/data-after.txt" || die "no database in the data folder"


log "smoke passed in $((SECONDS - started)) s: $OUTDIR/smoke.pdf, $OUTDIR/window.png"
