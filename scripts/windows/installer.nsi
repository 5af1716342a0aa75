; PerfDesk's installer: per user, no administrator rights, Chinese.
; build.sh runs: makensis -INPUTCHARSET UTF8 -DVERSION=… -DVERSION4=… -DSOURCE=… -DICON=…
;                         -DSIZE_KB=… -DOUTFILE=… installer.nsi
; The officer's data (%LOCALAPPDATA%\PerfDesk: database, backups) is never touched: it is not
; under the installation folder (%LOCALAPPDATA%\Programs\PerfDesk), and the uninstaller removes
; only what the installer put there.

; A 64-bit installer for a 64-bit program: it also runs where no 32-bit layer is (Wine
; without wine32).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define APP "PerfDesk"
!define TITLE "绩效目标表编制 (PerfDesk)"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PerfDesk"

Name "${TITLE}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\PerfDesk"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${TITLE} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=2052 "ProductName" "${TITLE}"
VIAddVersionKey /LANG=2052 "FileDescription" "${TITLE} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\PerfDesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${TITLE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
    SetShellVarContext current
FunctionEnd

Function un.onInit
    SetShellVarContext current
FunctionEnd

Section "PerfDesk"
    SetOutPath "$INSTDIR"
    ; An older version's program files go first, so none of them lingers beside the new ones.
    RMDir /r "$INSTDIR\_internal"
    File "${SOURCE}\PerfDesk.exe"
    File "${SOURCE}\perfdesk.com"
    File /r "${SOURCE}\_internal"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortcut "$SMPROGRAMS\${TITLE}.lnk" "$INSTDIR\PerfDesk.exe" "" "$INSTDIR\PerfDesk.exe" 0
    CreateShortcut "$DESKTOP\${TITLE}.lnk" "$INSTDIR\PerfDesk.exe" "" "$INSTDIR\PerfDesk.exe" 0

    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${TITLE}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\PerfDesk.exe"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "PerfDesk"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Uninstall"
    Delete "$SMPROGRAMS\${TITLE}.lnk"
    Delete "$DESKTOP\${TITLE}.lnk"
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\PerfDesk.exe"
    Delete "$INSTDIR\perfdesk.com"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"  ; only if empty: anything else the officer put there stays
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
