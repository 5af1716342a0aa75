/* Test prefixes only, loaded instead of Wine's mscms.dll (WINEDLLOVERRIDES=mscms=n,b): Wine
 * 8.0's lacks WcsCreateIccProfile, which Qt's Windows platform plugin imports. Every colour
 * profile call fails, so Qt uses sRGB, as it does on a PC without a display profile. */
#include <windows.h>

typedef HANDLE HPROFILE;

HPROFILE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) {
    (void)profile, (void)access, (void)share, (void)creation;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
BOOL WINAPI CloseColorProfile(HPROFILE profile) { (void)profile; return TRUE; }
BOOL WINAPI GetColorProfileFromHandle(HPROFILE profile, PBYTE buffer, PDWORD size) {
    (void)profile, (void)buffer, (void)size;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}
HPROFILE WINAPI WcsCreateIccProfile(HPROFILE profile, DWORD options) {
    (void)profile, (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
