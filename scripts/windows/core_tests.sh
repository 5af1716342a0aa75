#!/usr/bin/env bash
# The core tests (tests/core) under the Windows CPython in Wine, with the locked packages:
#
#   scripts/windows/core_tests.sh [PYTEST ARGS...]
#
# Catches what only Windows shows (paths, file locking, code pages) before an officer does.
# It needs no build; .ci/run runs it after the smoke test.
source "$(dirname "$0")/common.sh"

ensure_wine fonts-wqy-zenhei
ensure_uv
started=$SECONDS
export WINEPREFIX="$CACHE/prefix-tests"
log "Wine prefix $WINEPREFIX"
new_prefix "$WINEPREFIX"
trap stop_prefix EXIT
install_standins
# 宋体 as Windows names it (a stand-in: any TrueType CJK font), for the printing tests.
cp /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc "$WINEPREFIX/drive_c/windows/Fonts/simsun.ttc"

work="$WINEPREFIX/drive_c/perfdesk"
mkdir -p "$work"
# The locked packages and the test tools (the dev group), as uv.lock pins them.
locked_requirements "$work/requirements.txt" --all-groups
log "Windows Python with the locked packages"
install_windows_python "$work/requirements.txt"

# The sources and tests on drive C:, where the tests' temporary folders are too.
(cd "$REPO" && tar -cf - --exclude=__pycache__ --exclude='*.pyc' \
    pyproject.toml launcher.py main.py perfdesk ui resources tests) | tar -xf - -C "$work"
# Importable from anywhere, as `uv sync` makes the checkout (an editable install).
printf '%s\n' 'C:\perfdesk' >"$WINEPREFIX/drive_c/python/Lib/site-packages/perfdesk-source.pth"
cd "$work"
# A hang never blocks: a test still running after 5 minutes has its threads' stacks printed,
# and the whole run ends after PERFDESK_CORE_TESTS_LIMIT seconds (exit status 124).
log "pytest tests/core"
status=0
WINE_TIME_LIMIT="${PERFDESK_CORE_TESTS_LIMIT:-1800}" windows_python -m pytest tests/core \
    -p no:cacheprovider -o faulthandler_timeout=300 "$@" || status=$?
log "core tests under Windows: exit $status after $((SECONDS - started)) s"
exit "$status"
